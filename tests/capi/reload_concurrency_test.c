/* Hot reload under load, through the C ABI: 3 reader threads evaluate
 * continuously (engine path and pinned-snapshot path) while the main thread
 * publishes 1,000 reloads, one in five of them invalid. Checks:
 *  - no reader call fails (every status is CROSSGATE_OK);
 *  - every decision matches the generation it reports: the k-th published
 *    bundle has bundle_version 1000 + k, and all decisions reporting one
 *    generation agree on outcome, stage and reason;
 *  - a failed reload never changes the generation;
 *  - readers keep making progress while reloads run (they never wait).
 * Exits 77 (CTest skip) when this build cannot compile policies yet. */
#define _POSIX_C_SOURCE 200809L
#include <crossgate/crossgate.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_bundle.h"

#define TENANT "72f988bf-86f1-41af-91ab-2d7cd011db47"
#define OTHER "11111111-2222-3333-4444-555555555555"
#define RELOADS 1000
#define READERS 3
#define MAX_GEN (RELOADS + 2)

static crossgate_engine* engine;
static crossgate_guid tenant;
/* Set by main, read by the readers: atomic, so ThreadSanitizer sees the order. */
static int stop;
static pthread_mutex_t seen_mu = PTHREAD_MUTEX_INITIALIZER;
/* Per generation: first decision seen (outcome, stage, reason), or -1. */
static int seen[MAX_GEN][3];

static void fail(const char* what, long a, long b) {
  fprintf(stderr, "FAIL: %s (%ld, %ld)\n", what, a, b);
  exit(1);
}

static void record(const crossgate_decision* d) {
  uint64_t g = d->generation;
  if (g == 0 || g >= MAX_GEN) fail("generation out of range", (long)g, 0);
  if (d->bundle_version != 1000 + g) {
    fail("bundle_version does not match generation", (long)d->bundle_version, (long)g);
  }
  pthread_mutex_lock(&seen_mu);
  if (seen[g][0] < 0) {
    seen[g][0] = d->outcome;
    seen[g][1] = d->stage;
    seen[g][2] = (int)d->reason;
  } else if (seen[g][0] != d->outcome || seen[g][1] != d->stage ||
             seen[g][2] != (int)d->reason) {
    fail("two decisions of one generation differ", (long)g, d->outcome);
  }
  pthread_mutex_unlock(&seen_mu);
}

static void* reader(void* arg) {
  long id = (long)arg, count = 0;
  crossgate_request req = CROSSGATE_REQUEST_INIT;
  crossgate_decision dec = CROSSGATE_DECISION_INIT;
  req.resource_tenant_id = tenant;
  req.client_app = CROSSGATE_CLIENT_APP_BROWSER;
  req.platform = CROSSGATE_PLATFORM_IOS;
  while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE)) {
    int rc;
    if (id == 0) {
      /* Pinned snapshot: several evaluations against one generation. */
      crossgate_snapshot* snap = NULL;
      int i;
      if (crossgate_engine_snapshot(&snap, engine, NULL) != CROSSGATE_OK) {
        fail("snapshot", id, 0);
      }
      for (i = 0; i < 8; ++i) {
        rc = crossgate_snapshot_evaluate(&dec, snap, &req, NULL);
        if (rc != CROSSGATE_OK) fail("snapshot_evaluate status", rc, id);
        if (dec.generation != crossgate_snapshot_generation(snap)) {
          fail("snapshot decision generation", (long)dec.generation, id);
        }
        record(&dec);
      }
      crossgate_snapshot_release(snap);
    } else {
      rc = crossgate_evaluate(&dec, engine, &req, NULL);
      if (rc != CROSSGATE_OK) fail("evaluate status", rc, id);
      record(&dec);
    }
    ++count;
  }
  return (void*)count;
}

int main(void) {
  uint8_t bytes[64];
  size_t n;
  pthread_t threads[READERS];
  long total = 0;
  uint64_t published = 0;
  int i, rc;

  memset(seen, -1, sizeof(seen));
  crossgate_guid_parse(&tenant, TENANT, 36, NULL);
  if (crossgate_engine_create(&engine, NULL, NULL) != CROSSGATE_OK) fail("create", 0, 0);
  n = test_bundle(bytes, 1001, TENANT);
  rc = crossgate_engine_load_memory(NULL, engine, bytes, n, NULL, NULL);
  if (rc == CROSSGATE_EUNSUPPORTED) {
    printf("skipped: this build cannot compile policies yet\n");
    crossgate_engine_destroy(engine);
    return 77;
  }
  if (rc != CROSSGATE_OK) fail("first load", rc, 0);
  published = 1;

  for (i = 0; i < READERS; ++i) pthread_create(&threads[i], NULL, reader, (void*)(long)i);
  for (i = 0; i < RELOADS; ++i) {
    uint64_t before = crossgate_engine_generation(engine);
    if (i % 5 == 4) {
      /* Invalid: truncated protobuf. The current snapshot keeps serving. */
      rc = crossgate_engine_load_memory(NULL, engine, bytes, 5, NULL, NULL);
      if (rc == CROSSGATE_OK) fail("invalid bundle loaded", i, 0);
      if (crossgate_engine_generation(engine) != before) fail("failed load published", i, 0);
    } else {
      /* Alternate the tenant so decisions really differ by generation. */
      n = test_bundle(bytes, 1000 + published + 1, (i % 2) ? TENANT : OTHER);
      rc = crossgate_engine_load_memory(NULL, engine, bytes, n, NULL, NULL);
      if (rc != CROSSGATE_OK) fail("reload", rc, i);
      ++published;
      if (crossgate_engine_generation(engine) != published) fail("generation", i, 0);
    }
  }
  __atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
  for (i = 0; i < READERS; ++i) {
    void* count;
    pthread_join(threads[i], &count);
    if ((long)count == 0) fail("reader made no progress", i, 0);
    total += (long)count;
  }
  crossgate_engine_destroy(engine);
  printf("reload concurrency ok: %lu generations, %ld reader iterations\n",
         (unsigned long)published, total);
  return 0;
}
