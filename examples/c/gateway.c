/* crossgate_gateway: a small gateway-style loop over the crossgate C ABI.
 *
 *   crossgate_gateway [--allow-empty] <policy path>...
 *
 * Reads one JSON request per line on stdin (the request schema of
 * docs/c-api.md) and answers one decision per line as JSON on stdout.
 * Reloads the policies on SIGHUP or on a line `reload`; a failed reload keeps
 * the current policies serving. `quit` (or end of input) exits. Without
 * policies (--allow-empty) every request is answered with a block. */
#define _POSIX_C_SOURCE 200809L
#include <crossgate/crossgate.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile sig_atomic_t reload_requested = 0;

static void on_sighup(int sig) {
  (void)sig;
  reload_requested = 1;
}

/* Loads every path; prints the error and each issue on failure. */
static int load(crossgate_engine* engine, char** paths, int count) {
  crossgate_str* list;
  crossgate_error* err = NULL;
  int i, rc;
  size_t k;
  if (count == 0) return CROSSGATE_EINVALID;
  list = (crossgate_str*)calloc((size_t)count, sizeof(*list));
  if (list == NULL) return CROSSGATE_ENOMEM;
  for (i = 0; i < count; ++i) {
    list[i].data = paths[i];
    list[i].size = strlen(paths[i]);
  }
  rc = crossgate_engine_load_paths(NULL, engine, list, (size_t)count, NULL, &err);
  free(list);
  if (rc != CROSSGATE_OK) {
    fprintf(stderr, "load failed: %s: %s at %s\n", crossgate_status_string(rc),
            crossgate_error_message(err), crossgate_error_path(err));
    for (k = 0; k < crossgate_error_issue_count(err); ++k) {
      crossgate_issue issue = CROSSGATE_ISSUE_INIT;
      if (crossgate_error_issue(&issue, err, k) == CROSSGATE_OK) {
        fprintf(stderr, "  %s %s %s: %s\n",
                issue.severity == CROSSGATE_SEVERITY_ERROR ? "error" : "warning",
                issue.code_name, issue.path, issue.message);
      }
    }
    crossgate_error_free(err);
  } else {
    fprintf(stderr, "serving generation %lu\n",
            (unsigned long)crossgate_engine_generation(engine));
  }
  return rc;
}

static void answer(crossgate_engine* engine, const char* line, size_t size) {
  crossgate_decision decision = CROSSGATE_DECISION_INIT;
  crossgate_policy_result results[64];
  crossgate_snapshot* snapshot = NULL;
  char* json = NULL;
  decision.policy_results = results;
  decision.policy_results_capacity = 64;
  /* The status is in decision.status too; a failure is always a block. */
  crossgate_evaluate_json(&decision, engine, line, size, NULL);
  /* Names come from the snapshot that answered, when it still serves. */
  if (crossgate_engine_snapshot(&snapshot, engine, NULL) == CROSSGATE_OK &&
      crossgate_snapshot_generation(snapshot) != decision.generation) {
    crossgate_snapshot_release(snapshot);
    snapshot = NULL;
  }
  if (crossgate_decision_to_json_alloc(&json, NULL, snapshot, &decision, NULL) ==
      CROSSGATE_OK) {
    puts(json);
    fflush(stdout);
  }
  crossgate_free(json);
  crossgate_snapshot_release(snapshot);
}

int main(int argc, char** argv) {
  crossgate_engine* engine = NULL;
  int allow_empty = 0, first = 1;
  char* line = NULL;
  size_t capacity = 0;
  ssize_t n;
  struct sigaction sa;

  if (argc > 1 && strcmp(argv[1], "--version") == 0) {
    printf("crossgate %s (header %s)\n", crossgate_version_string(),
           CROSSGATE_VERSION_STRING);
    return crossgate_version_number() / 1000000 == CROSSGATE_VERSION_MAJOR ? 0 : 1;
  }
  if (argc > 1 && strcmp(argv[1], "--allow-empty") == 0) {
    allow_empty = 1;
    first = 2;
  }
  if (crossgate_engine_create(&engine, NULL, NULL) != CROSSGATE_OK) return 1;
  if (load(engine, argv + first, argc - first) != CROSSGATE_OK && !allow_empty) {
    crossgate_engine_destroy(engine);
    return 1;
  }
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = on_sighup;
  sa.sa_flags = SA_RESTART; /* a reload signal must not end the input loop */
  sigaction(SIGHUP, &sa, NULL);

  for (;;) {
    errno = 0;
    n = getline(&line, &capacity, stdin);
    if (n < 0) {
      if (errno == EINTR) {
        clearerr(stdin);
        continue;
      }
      break;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    if (reload_requested) {
      reload_requested = 0;
      load(engine, argv + first, argc - first);
    }
    if (n == 0) continue;
    if (strcmp(line, "quit") == 0) break;
    if (strcmp(line, "reload") == 0) {
      load(engine, argv + first, argc - first);
      continue;
    }
    answer(engine, line, (size_t)n);
  }
  free(line);
  crossgate_engine_destroy(engine);
  return 0;
}
