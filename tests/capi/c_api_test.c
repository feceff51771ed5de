/* The whole C ABI driven from plain C (LevelDB db/c_test.c style): every
 * function, and every failure status, with the fail-closed decision each
 * failing evaluation must leave behind.
 *
 * Phases that need a successful load run when this build can load a binary
 * bundle; otherwise the test checks that loading fails with
 * CROSSGATE_EUNSUPPORTED and still exercises every fail-closed path. */
#include <crossgate/crossgate.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_bundle.h"

static const char* phase = "";
static int checks = 0;

#define CHECK(cond)                                                         \
  do {                                                                      \
    ++checks;                                                               \
    if (!(cond)) {                                                          \
      fprintf(stderr, "%s:%d: [%s] check failed: %s\n", __FILE__, __LINE__, \
              phase, #cond);                                                \
      exit(1);                                                              \
    }                                                                       \
  } while (0)

#define CHECK_RC(expr, want)                                                 \
  do {                                                                       \
    int rc_ = (expr);                                                        \
    ++checks;                                                                \
    if (rc_ != (want)) {                                                     \
      fprintf(stderr, "%s:%d: [%s] %s returned %d (%s), want %d\n", __FILE__, \
              __LINE__, phase, #expr, rc_, crossgate_status_string(rc_),     \
              (int)(want));                                                  \
      exit(1);                                                               \
    }                                                                        \
  } while (0)

static void StartPhase(const char* name) {
  phase = name;
  fprintf(stderr, "=== %s\n", name);
}

#define TENANT "72f988bf-86f1-41af-91ab-2d7cd011db47"
#define OTHER_TENANT "11111111-2222-3333-4444-555555555555"

static crossgate_guid Guid(const char* text) {
  crossgate_guid g;
  CHECK_RC(crossgate_guid_parse(&g, text, strlen(text), NULL), CROSSGATE_OK);
  return g;
}

/* A decision pre-filled with ALLOW so a failing call must overwrite it. */
static void PoisonedDecision(crossgate_decision* d) {
  crossgate_decision_init(d, sizeof(*d));
  d->outcome = CROSSGATE_OUTCOME_ALLOW;
  d->status = 12345;
}

static void CheckBlocked(const crossgate_decision* d, int status) {
  CHECK(d->outcome == CROSSGATE_OUTCOME_BLOCK);
  CHECK(d->status == status);
  CHECK(d->deciding_policy == -1);
}

static void TestValues(void) {
  crossgate_guid g;
  char text[37];
  crossgate_error* err = NULL;
  crossgate_ip ip;

  StartPhase("version");
  CHECK(crossgate_version_number() == CROSSGATE_VERSION_NUMBER);
  CHECK(strcmp(crossgate_version_string(), CROSSGATE_VERSION_STRING) == 0);

  StartPhase("status_string");
  {
    int s;
    for (s = 0; s >= CROSSGATE_EUNSUPPORTED; --s) {
      CHECK(strcmp(crossgate_status_string(s), "unknown status") != 0);
    }
    CHECK(strcmp(crossgate_status_string(-999), "unknown status") == 0);
  }

  StartPhase("enum_string");
  CHECK(strcmp(crossgate_enum_string(CROSSGATE_ENUM_OUTCOME, CROSSGATE_OUTCOME_ALLOW),
               "allow") == 0);
  CHECK(strcmp(crossgate_enum_string(CROSSGATE_ENUM_POLICY_RESULT,
                                     CROSSGATE_POLICY_REPORT_ONLY_INTERRUPTED),
               "reportOnlyInterrupted") == 0);
  CHECK(strcmp(crossgate_enum_string(CROSSGATE_ENUM_WHATIF_REASON,
                                     CROSSGATE_WHATIF_DEVICE_PLATFORM),
               "devicePlatform") == 0);
  CHECK(strcmp(crossgate_enum_string(CROSSGATE_ENUM_ISSUE_CODE,
                                     CROSSGATE_ISSUE_BAD_GUID), "bad_guid") == 0);
  CHECK(strcmp(crossgate_enum_string(CROSSGATE_ENUM_STAGE,
                                     CROSSGATE_STAGE_CONDITIONAL_ACCESS),
               "conditionalAccess") == 0);
  CHECK(crossgate_enum_string(CROSSGATE_ENUM_OUTCOME, 3) == NULL);
  CHECK(crossgate_enum_string(CROSSGATE_ENUM_OUTCOME, -1) == NULL);
  CHECK(crossgate_enum_string(999, 0) == NULL);

  StartPhase("guid");
  CHECK_RC(crossgate_guid_parse(&g, TENANT, strlen(TENANT), &err), CROSSGATE_OK);
  CHECK(err == NULL);
  CHECK(g.bytes[0] == 0x72 && g.bytes[1] == 0xf9 && g.bytes[15] == 0x47);
  CHECK_RC(crossgate_guid_format(text, sizeof(text), &g), CROSSGATE_OK);
  CHECK(strcmp(text, TENANT) == 0);
  CHECK_RC(crossgate_guid_format(text, 36, &g), CROSSGATE_EBUFSIZE);
  CHECK_RC(crossgate_guid_format(NULL, 37, &g), CROSSGATE_EINVALID);
  CHECK_RC(crossgate_guid_parse(&g, "not-a-guid", 10, &err), CROSSGATE_EPARSE);
  CHECK(err != NULL && crossgate_error_code(err) == CROSSGATE_EPARSE);
  CHECK(strlen(crossgate_error_message(err)) > 0);
  /* A second failure replaces (and frees) the first error. */
  CHECK_RC(crossgate_guid_parse(NULL, TENANT, 36, &err), CROSSGATE_EINVALID);
  CHECK(crossgate_error_code(err) == CROSSGATE_EINVALID);
  /* A length no object can have fails; it must not reach a string view. */
  CHECK_RC(crossgate_guid_parse(&g, TENANT, SIZE_MAX, &err), CROSSGATE_EINVALID);
  CHECK(strcmp(crossgate_error_path(err), "size") == 0);
  {
    crossgate_ip ip;
    CHECK_RC(crossgate_ip_parse(&ip, "10.0.0.1", (size_t)PTRDIFF_MAX + 1, &err),
             CROSSGATE_EINVALID);
  }
  crossgate_error_free(err);
  err = NULL;

  StartPhase("ip");
  CHECK_RC(crossgate_ip_parse(&ip, "10.1.2.3", 8, NULL), CROSSGATE_OK);
  CHECK(ip.family == 4 && ip.bytes[0] == 10 && ip.bytes[3] == 3);
  CHECK_RC(crossgate_ip_parse(&ip, "2001:db8::1", 11, NULL), CROSSGATE_OK);
  CHECK(ip.family == 6 && ip.bytes[0] == 0x20 && ip.bytes[15] == 1);
  CHECK_RC(crossgate_ip_parse(&ip, "300.1.1.1", 9, NULL), CROSSGATE_EPARSE);
  CHECK_RC(crossgate_ip_parse(NULL, "1.1.1.1", 7, NULL), CROSSGATE_EINVALID);

  StartPhase("error_null");
  CHECK(crossgate_error_code(NULL) == CROSSGATE_OK);
  CHECK(strcmp(crossgate_error_message(NULL), "") == 0);
  CHECK(strcmp(crossgate_error_path(NULL), "") == 0);
  CHECK(crossgate_error_issue_count(NULL) == 0);
  crossgate_error_free(NULL);
  crossgate_free(NULL);
}

static void TestInit(void) {
  crossgate_request req;
  crossgate_decision dec;
  crossgate_device dev;
  crossgate_issue issue;
  crossgate_engine_options eo;
  crossgate_load_options lo;
  crossgate_policy_info pi;
  crossgate_invitation inv;
  crossgate_sign_up su;
  crossgate_check_result cr;

  StartPhase("init");
  CHECK_RC(crossgate_request_init(&req, sizeof(req)), CROSSGATE_OK);
  CHECK(req.struct_size == sizeof(req) && req.platform == 0);
  CHECK_RC(crossgate_decision_init(&dec, sizeof(dec)), CROSSGATE_OK);
  CHECK(dec.deciding_policy == -1 && dec.tenant_index == -1);
  CHECK_RC(crossgate_device_init(&dev, sizeof(dev)), CROSSGATE_OK);
  CHECK_RC(crossgate_issue_init(&issue, sizeof(issue)), CROSSGATE_OK);
  CHECK_RC(crossgate_engine_options_init(&eo, sizeof(eo)), CROSSGATE_OK);
  CHECK_RC(crossgate_load_options_init(&lo, sizeof(lo)), CROSSGATE_OK);
  CHECK_RC(crossgate_policy_info_init(&pi, sizeof(pi)), CROSSGATE_OK);
  CHECK_RC(crossgate_invitation_init(&inv, sizeof(inv)), CROSSGATE_OK);
  CHECK_RC(crossgate_sign_up_init(&su, sizeof(su)), CROSSGATE_OK);
  CHECK_RC(crossgate_check_result_init(&cr, sizeof(cr)), CROSSGATE_OK);
  CHECK_RC(crossgate_request_init(NULL, sizeof(req)), CROSSGATE_EINVALID);
  CHECK_RC(crossgate_request_init(&req, 8), CROSSGATE_EVERSION);
  CHECK_RC(crossgate_request_init(&req, sizeof(req) + 8), CROSSGATE_EVERSION);
  CHECK_RC(crossgate_decision_init(&dec, 0), CROSSGATE_EVERSION);
}

static void TestNothingLoaded(crossgate_engine* engine) {
  crossgate_request req = CROSSGATE_REQUEST_INIT;
  crossgate_request reqs[3];
  crossgate_decision dec;
  crossgate_decision decs[3];
  crossgate_snapshot* snap = (crossgate_snapshot*)&dec; /* must be reset */
  crossgate_error* err = NULL;
  char* json = NULL;
  size_t json_size = 0;
  char small[8];
  int i;

  StartPhase("evaluate_not_loaded");
  CHECK(crossgate_engine_generation(engine) == 0);
  PoisonedDecision(&dec);
  CHECK_RC(crossgate_evaluate(&dec, engine, &req, &err), CROSSGATE_ENOTLOADED);
  CheckBlocked(&dec, CROSSGATE_ENOTLOADED);
  CHECK(crossgate_error_code(err) == CROSSGATE_ENOTLOADED);
  crossgate_error_free(err);
  err = NULL;

  StartPhase("evaluate_bad_arguments");
  PoisonedDecision(&dec);
  CHECK_RC(crossgate_evaluate(&dec, NULL, &req, NULL), CROSSGATE_EINVALID);
  CheckBlocked(&dec, CROSSGATE_EINVALID);
  CHECK_RC(crossgate_evaluate(NULL, engine, &req, NULL), CROSSGATE_EINVALID);
  /* struct_size 0 (uninitialized) and too large: EVERSION, still blocked. */
  PoisonedDecision(&dec);
  dec.struct_size = 0;
  CHECK_RC(crossgate_evaluate(&dec, engine, &req, NULL), CROSSGATE_EVERSION);
  CHECK(dec.outcome == CROSSGATE_OUTCOME_BLOCK && dec.status == CROSSGATE_EVERSION);
  PoisonedDecision(&dec);
  dec.struct_size = sizeof(dec) + 64;
  CHECK_RC(crossgate_evaluate(&dec, engine, &req, NULL), CROSSGATE_EVERSION);
  CHECK(dec.outcome == CROSSGATE_OUTCOME_BLOCK);

  StartPhase("snapshot_not_loaded");
  CHECK_RC(crossgate_engine_snapshot(&snap, engine, &err), CROSSGATE_ENOTLOADED);
  CHECK(snap == NULL);
  crossgate_error_free(err);
  err = NULL;
  CHECK_RC(crossgate_engine_snapshot(&snap, NULL, NULL), CROSSGATE_EINVALID);
  CHECK_RC(crossgate_engine_snapshot(NULL, engine, NULL), CROSSGATE_EINVALID);
  crossgate_snapshot_release(NULL);
  CHECK(crossgate_snapshot_generation(NULL) == 0);
  CHECK(crossgate_snapshot_bundle_version(NULL) == 0);

  StartPhase("snapshot_evaluate_null");
  PoisonedDecision(&dec);
  CHECK_RC(crossgate_snapshot_evaluate(&dec, NULL, &req, NULL), CROSSGATE_EINVALID);
  CheckBlocked(&dec, CROSSGATE_EINVALID);

  StartPhase("batch_not_loaded");
  for (i = 0; i < 3; ++i) {
    crossgate_request_init(&reqs[i], sizeof(reqs[i]));
    PoisonedDecision(&decs[i]);
  }
  CHECK_RC(crossgate_evaluate_batch(decs, engine, reqs, 3, NULL), CROSSGATE_ENOTLOADED);
  for (i = 0; i < 3; ++i) CheckBlocked(&decs[i], CROSSGATE_ENOTLOADED);
  for (i = 0; i < 3; ++i) PoisonedDecision(&decs[i]);
  CHECK_RC(crossgate_evaluate_batch(decs, NULL, reqs, 3, NULL), CROSSGATE_EINVALID);
  for (i = 0; i < 3; ++i) CheckBlocked(&decs[i], CROSSGATE_EINVALID);
  CHECK_RC(crossgate_evaluate_batch(decs, engine, NULL, 3, NULL), CROSSGATE_EINVALID);
  CHECK_RC(crossgate_evaluate_batch(NULL, engine, reqs, 3, NULL), CROSSGATE_EINVALID);
  CHECK_RC(crossgate_evaluate_batch(decs, engine, reqs, 0, NULL), CROSSGATE_OK);
  for (i = 0; i < 3; ++i) PoisonedDecision(&decs[i]);
  CHECK_RC(crossgate_snapshot_evaluate_batch(decs, NULL, reqs, 3, NULL),
           CROSSGATE_EINVALID);
  for (i = 0; i < 3; ++i) CheckBlocked(&decs[i], CROSSGATE_EINVALID);

  StartPhase("evaluate_json_not_loaded");
  PoisonedDecision(&dec);
  CHECK_RC(crossgate_evaluate_json(&dec, engine, "{}", 2, NULL), CROSSGATE_ENOTLOADED);
  CheckBlocked(&dec, CROSSGATE_ENOTLOADED);
  PoisonedDecision(&dec);
  CHECK_RC(crossgate_evaluate_json(&dec, engine, NULL, 2, NULL), CROSSGATE_EINVALID);
  CheckBlocked(&dec, CROSSGATE_EINVALID);
  PoisonedDecision(&dec);
  CHECK_RC(crossgate_evaluate_json(&dec, engine, "{}", SIZE_MAX, NULL),
           CROSSGATE_EINVALID);
  CheckBlocked(&dec, CROSSGATE_EINVALID);

  StartPhase("decision_to_json");
  PoisonedDecision(&dec);
  crossgate_evaluate(&dec, engine, &req, NULL);
  CHECK_RC(crossgate_decision_to_json(small, sizeof(small), &json_size, NULL, &dec, &err),
           CROSSGATE_EBUFSIZE);
  CHECK(json_size > sizeof(small));
  CHECK(crossgate_error_code(err) == CROSSGATE_EBUFSIZE);
  crossgate_error_free(err);
  err = NULL;
  CHECK_RC(crossgate_decision_to_json(NULL, 0, &json_size, NULL, &dec, NULL),
           CROSSGATE_EBUFSIZE);
  {
    char* buf = (char*)malloc(json_size + 1);
    CHECK_RC(crossgate_decision_to_json(buf, json_size + 1, &json_size, NULL, &dec, NULL),
             CROSSGATE_OK);
    CHECK(strlen(buf) == json_size);
    CHECK(strstr(buf, "\"outcome\":\"block\"") != NULL);
    CHECK(strstr(buf, "\"status\":\"no policies loaded\"") != NULL);
    free(buf);
  }
  CHECK_RC(crossgate_decision_to_json_alloc(&json, &json_size, NULL, &dec, NULL),
           CROSSGATE_OK);
  CHECK(json != NULL && strlen(json) == json_size && json[0] == '{');
  crossgate_free(json);
  CHECK_RC(crossgate_decision_to_json_alloc(&json, NULL, NULL, NULL, NULL),
           CROSSGATE_EINVALID);
  CHECK(json == NULL);
  CHECK_RC(crossgate_decision_to_json(small, sizeof(small), NULL, NULL, &dec, NULL),
           CROSSGATE_EINVALID);
  dec.struct_size = 3;
  CHECK_RC(crossgate_decision_to_json_alloc(&json, NULL, NULL, &dec, NULL),
           CROSSGATE_EVERSION);
}

static void TestLoadFailures(crossgate_engine* engine) {
  crossgate_error* err = NULL;
  crossgate_load_report* report = NULL;
  crossgate_load_options opts = CROSSGATE_LOAD_OPTIONS_INIT;
  crossgate_str missing = {"/nonexistent/crossgate/bundle.pb", 32};
  crossgate_issue issue = CROSSGATE_ISSUE_INIT;
  static const char garbage[] = "\x08\xff\xff";

  StartPhase("load_bad_arguments");
  CHECK_RC(crossgate_engine_load_paths(NULL, NULL, &missing, 1, NULL, NULL),
           CROSSGATE_EINVALID);
  CHECK_RC(crossgate_engine_load_paths(NULL, engine, NULL, 0, NULL, NULL),
           CROSSGATE_EINVALID);
  CHECK_RC(crossgate_engine_load_memory(NULL, engine, NULL, 4, NULL, NULL),
           CROSSGATE_EINVALID);
  CHECK_RC(crossgate_engine_load_memory(NULL, engine, "x", SIZE_MAX, NULL, NULL),
           CROSSGATE_EINVALID);
  opts.format = 7;
  CHECK_RC(crossgate_engine_load_memory(NULL, engine, "x", 1, &opts, &err),
           CROSSGATE_EENUM);
  CHECK(strcmp(crossgate_error_path(err), "opts/format") == 0);
  opts.format = CROSSGATE_FORMAT_AUTO;
  opts.flags = 1u << 20;
  CHECK_RC(crossgate_engine_load_memory(NULL, engine, "x", 1, &opts, NULL),
           CROSSGATE_EINVALID);
  opts.flags = 0;
  opts.struct_size = 4;
  CHECK_RC(crossgate_engine_load_memory(NULL, engine, "x", 1, &opts, NULL),
           CROSSGATE_EVERSION);

  StartPhase("load_missing_file");
  crossgate_error_free(err);
  err = NULL;
  {
    int rc = crossgate_engine_load_paths(&report, engine, &missing, 1, NULL, &err);
    CHECK(rc == CROSSGATE_EIO || rc == CROSSGATE_EUNSUPPORTED);
    CHECK(crossgate_error_code(err) == rc);
    if (rc == CROSSGATE_EIO) {
      CHECK(strstr(crossgate_error_path(err), "/nonexistent/") != NULL);
      CHECK(crossgate_error_issue_count(err) >= 1);
      CHECK_RC(crossgate_error_issue(&issue, err, 0), CROSSGATE_OK);
      CHECK(issue.severity == CROSSGATE_SEVERITY_ERROR);
      CHECK(issue.code == CROSSGATE_ISSUE_IO && strcmp(issue.code_name, "io") == 0);
    }
  }
  CHECK(report != NULL);
  CHECK(crossgate_load_report_generation(report) == 0);
  CHECK(crossgate_load_report_issue_count(report) == crossgate_error_issue_count(err));
  CHECK_RC(crossgate_load_report_issue(&issue, report, 1000), CROSSGATE_ERANGE);
  CHECK_RC(crossgate_error_issue(&issue, err, 1000), CROSSGATE_ERANGE);
  CHECK_RC(crossgate_error_issue(NULL, err, 0), CROSSGATE_EINVALID);
  issue.struct_size = 1;
  CHECK_RC(crossgate_error_issue(&issue, err, 0), CROSSGATE_EVERSION);
  CHECK_RC(crossgate_load_report_issue(&issue, report, 0), CROSSGATE_EVERSION);
  crossgate_load_report_destroy(report);
  crossgate_load_report_destroy(NULL);
  crossgate_error_free(err);
  err = NULL;

  StartPhase("load_garbage");
  {
    int rc = crossgate_engine_load_memory(NULL, engine, garbage, 3, NULL, &err);
    CHECK(rc == CROSSGATE_EPARSE || rc == CROSSGATE_EUNSUPPORTED);
    CHECK(crossgate_error_code(err) == rc);
  }
  crossgate_error_free(err);
  CHECK(crossgate_engine_generation(engine) == 0);
}

/* Returns 1 when a bundle loaded (this build has a compiler). */
static int TestLoad(crossgate_engine* engine, uint64_t version) {
  uint8_t bytes[64];
  size_t n = test_bundle(bytes, version, TENANT);
  crossgate_load_report* report = NULL;
  crossgate_error* err = NULL;
  int rc;

  StartPhase("load_bundle");
  rc = crossgate_engine_load_memory(&report, engine, bytes, n, NULL, &err);
  if (rc == CROSSGATE_EUNSUPPORTED) {
    fprintf(stderr, "note: this build cannot compile policies (%s); "
                    "loaded phases skipped\n", crossgate_error_message(err));
    CHECK(crossgate_load_report_generation(report) == 0);
    crossgate_load_report_destroy(report);
    crossgate_error_free(err);
    return 0;
  }
  CHECK_RC(rc, CROSSGATE_OK);
  CHECK(err == NULL);
  CHECK(crossgate_load_report_generation(report) == crossgate_engine_generation(engine));
  crossgate_load_report_destroy(report);
  return 1;
}

/* crossgate_evaluate_json's error codes: syntax EPARSE, a bad field
 * ESEMANTIC, a list past the reader's limit ELIMIT; each with its path. */
static void JsonError(crossgate_engine* engine, const char* json, int want,
                      const char* path) {
  crossgate_decision dec;
  crossgate_error* err = NULL;
  PoisonedDecision(&dec);
  CHECK_RC(crossgate_evaluate_json(&dec, engine, json, strlen(json), &err), want);
  CheckBlocked(&dec, want);
  CHECK(err != NULL && crossgate_error_code(err) == want);
  CHECK(strcmp(crossgate_error_path(err), path) == 0);
  crossgate_error_free(err);
}

static void TestJsonErrors(crossgate_engine* engine) {
  static const char head[] =
      "{\"resourceTenantId\": \"" TENANT "\", \"signInIdentity\": {\"userId\": \""
      OTHER_TENANT "\"}, \"signInContext\": {\"includeApplications\": [\""
      OTHER_TENANT "\"]}, \"signInConditions\": {\"deviceInfo\": {\"physicalIds\": [";
  const size_t entries = 100001; /* one past the documented limit */
  char* json = malloc(sizeof(head) + entries * 4 + 8);
  size_t i, n = sizeof(head) - 1;
  CHECK(json != NULL);
  memcpy(json, head, n);
  for (i = 0; i < entries; ++i) {
    memcpy(json + n, i == 0 ? "\"p\"" : ",\"p\"", i == 0 ? 3 : 4);
    n += i == 0 ? 3 : 4;
  }
  memcpy(json + n, "]}}}", 5);
  JsonError(engine, json, CROSSGATE_ELIMIT, "signInConditions.deviceInfo.physicalIds");
  free(json);
  JsonError(engine, "{\"signInIdentity\": tru}", CROSSGATE_EPARSE, "request");
  JsonError(engine, "{\"signInIdentity\": {\"userId\": 42}}", CROSSGATE_ESEMANTIC,
            "signInIdentity.userId");
}

static void TestLoaded(crossgate_engine* engine) {
  crossgate_request req = CROSSGATE_REQUEST_INIT;
  crossgate_request reqs[3];
  crossgate_decision dec, decs[3];
  crossgate_policy_result results[16];
  crossgate_snapshot* snap = NULL;
  crossgate_error* err = NULL;
  crossgate_policy_info info = CROSSGATE_POLICY_INFO_INIT;
  crossgate_check_result check = CROSSGATE_CHECK_RESULT_INIT;
  crossgate_invitation inv = CROSSGATE_INVITATION_INIT;
  crossgate_sign_up su = CROSSGATE_SIGN_UP_INIT;
  crossgate_device device = CROSSGATE_DEVICE_INIT;
  crossgate_guid groups[2];
  crossgate_load_options validate = CROSSGATE_LOAD_OPTIONS_INIT;
  uint8_t bytes[64];
  size_t n;
  uint64_t gen1 = crossgate_engine_generation(engine);
  int i;

  StartPhase("evaluate_loaded");
  CHECK(gen1 >= 1);
  req.resource_tenant_id = Guid(TENANT);
  req.client_app = CROSSGATE_CLIENT_APP_BROWSER;
  req.platform = CROSSGATE_PLATFORM_WINDOWS;
  PoisonedDecision(&dec);
  dec.policy_results = results;
  dec.policy_results_capacity = 16;
  {
    int rc = crossgate_evaluate(&dec, engine, &req, &err);
    /* The decision carries the call's status and the answering generation. */
    CHECK(dec.status == rc);
    CHECK(dec.generation == gen1);
    CHECK(dec.bundle_version == 7);
    if (rc != CROSSGATE_OK) {
      CHECK(rc == CROSSGATE_EINTERNAL && dec.outcome == CROSSGATE_OUTCOME_BLOCK);
      crossgate_error_free(err);
      err = NULL;
    }
  }
  CHECK(dec.policy_results == results && dec.policy_results_capacity == 16);

  StartPhase("unknown_tenant_blocks");
  req.resource_tenant_id = Guid(OTHER_TENANT);
  PoisonedDecision(&dec);
  crossgate_evaluate(&dec, engine, &req, NULL);
  CHECK(dec.outcome == CROSSGATE_OUTCOME_BLOCK);
  req.resource_tenant_id = Guid(TENANT);

  StartPhase("request_validation");
  req.platform = 99;
  PoisonedDecision(&dec);
  CHECK_RC(crossgate_evaluate(&dec, engine, &req, &err), CROSSGATE_EENUM);
  CheckBlocked(&dec, CROSSGATE_EENUM);
  CHECK(strcmp(crossgate_error_path(err), "request/platform") == 0);
  req.platform = CROSSGATE_PLATFORM_WINDOWS;
  req.sign_in_risk = -1;
  CHECK_RC(crossgate_evaluate(&dec, engine, &req, &err), CROSSGATE_EENUM);
  CHECK(strcmp(crossgate_error_path(err), "request/sign_in_risk") == 0);
  req.sign_in_risk = 0;
  req.flags = 1u << 30;
  CHECK_RC(crossgate_evaluate(&dec, engine, &req, &err), CROSSGATE_EINVALID);
  CHECK(strcmp(crossgate_error_path(err), "request/flags") == 0);
  req.flags = 0;
  req.external_user_types = 1u << 20;
  CHECK_RC(crossgate_evaluate(&dec, engine, &req, &err), CROSSGATE_EENUM);
  req.external_user_types = 0;
  req.claims = 1u << 31;
  CHECK_RC(crossgate_evaluate(&dec, engine, &req, &err), CROSSGATE_EENUM);
  req.claims = 0;
  req.group_count = 2;
  CHECK_RC(crossgate_evaluate(&dec, engine, &req, &err), CROSSGATE_EINVALID);
  CHECK(strcmp(crossgate_error_path(err), "request/groups") == 0);
  req.groups = groups;
  memset(groups, 0, sizeof(groups));
  req.country[0] = '1';
  CHECK_RC(crossgate_evaluate(&dec, engine, &req, &err), CROSSGATE_EINVALID);
  req.country[0] = 'u';
  req.country[1] = 's';
  req.ip.family = 5;
  CHECK_RC(crossgate_evaluate(&dec, engine, &req, &err), CROSSGATE_EENUM);
  req.ip.family = 4;
  req.authentication_context = 100;
  CHECK_RC(crossgate_evaluate(&dec, engine, &req, &err), CROSSGATE_EINVALID);
  req.authentication_context = 0;
  req.struct_size = 12;
  CHECK_RC(crossgate_evaluate(&dec, engine, &req, &err), CROSSGATE_EVERSION);
  req.struct_size = sizeof(req);
  PoisonedDecision(&dec);
  CHECK_RC(crossgate_evaluate(&dec, engine, NULL, &err), CROSSGATE_EINVALID);
  CheckBlocked(&dec, CROSSGATE_EINVALID);
  device.struct_size = 3;
  req.device = &device;
  CHECK_RC(crossgate_evaluate(&dec, engine, &req, &err), CROSSGATE_EVERSION);
  CHECK(strcmp(crossgate_error_path(err), "request/device") == 0);
  req.device = NULL;
  crossgate_error_free(err);
  err = NULL;

  StartPhase("evaluate_json_errors");
  TestJsonErrors(engine);

  StartPhase("batch_loaded");
  for (i = 0; i < 3; ++i) {
    reqs[i] = req;
    PoisonedDecision(&decs[i]);
  }
  reqs[1].platform = 42;
  CHECK_RC(crossgate_evaluate_batch(decs, engine, reqs, 3, &err), CROSSGATE_EENUM);
  CHECK(strcmp(crossgate_error_path(err), "requests[1]/platform") == 0);
  CheckBlocked(&decs[1], CROSSGATE_EENUM);
  CHECK(decs[0].generation == gen1 && decs[2].generation == gen1);
  CHECK(decs[0].status != 12345 && decs[2].status != 12345);
  reqs[2].struct_size = sizeof(req) - 8; /* stride mismatch */
  CHECK_RC(crossgate_evaluate_batch(decs, engine, reqs, 2, NULL), CROSSGATE_EENUM);
  crossgate_error_free(err);
  err = NULL;

  StartPhase("snapshot");
  CHECK_RC(crossgate_engine_snapshot(&snap, engine, NULL), CROSSGATE_OK);
  CHECK(crossgate_snapshot_generation(snap) == gen1);
  CHECK(crossgate_snapshot_bundle_version(snap) == 7);
  PoisonedDecision(&dec);
  crossgate_snapshot_evaluate(&dec, snap, &req, NULL);
  CHECK(dec.generation == gen1);
  CHECK_RC(crossgate_snapshot_evaluate_batch(decs, snap, reqs, 1, NULL),
           decs[0].status);
  CHECK_RC(crossgate_snapshot_policy(&info, snap, &dec, 100000, NULL), CROSSGATE_ERANGE);
  CHECK_RC(crossgate_snapshot_policy(NULL, snap, &dec, 0, NULL), CROSSGATE_EINVALID);

  StartPhase("reload_keeps_pinned_snapshot");
  n = test_bundle(bytes, 8, TENANT);
  CHECK_RC(crossgate_engine_load_memory(NULL, engine, bytes, n, NULL, NULL), CROSSGATE_OK);
  CHECK(crossgate_engine_generation(engine) == gen1 + 1);
  CHECK(crossgate_snapshot_generation(snap) == gen1);
  PoisonedDecision(&dec);
  crossgate_snapshot_evaluate(&dec, snap, &req, NULL);
  CHECK(dec.generation == gen1 && dec.bundle_version == 7);
  PoisonedDecision(&dec);
  crossgate_evaluate(&dec, engine, &req, NULL);
  CHECK(dec.generation == gen1 + 1 && dec.bundle_version == 8);
  CHECK_RC(crossgate_snapshot_policy(&info, snap, &dec, 0, NULL), CROSSGATE_ESTALE);
  {
    char* json = NULL;
    CHECK_RC(crossgate_decision_to_json_alloc(&json, NULL, snap, &dec, NULL),
             CROSSGATE_ESTALE);
  }

  StartPhase("failed_reload_keeps_serving");
  CHECK(crossgate_engine_load_memory(NULL, engine, "\x08\xff", 2, NULL, &err) < 0);
  CHECK(crossgate_engine_generation(engine) == gen1 + 1);
  crossgate_error_free(err);
  err = NULL;
  validate.flags = CROSSGATE_LOAD_VALIDATE_ONLY;
  n = test_bundle(bytes, 9, TENANT);
  CHECK_RC(crossgate_engine_load_memory(NULL, engine, bytes, n, &validate, NULL),
           CROSSGATE_OK);
  CHECK(crossgate_engine_generation(engine) == gen1 + 1);
  validate.flags = 0;
  validate.bundle_version = 99;
  CHECK_RC(crossgate_engine_load_memory(NULL, engine, bytes, n, &validate, NULL),
           CROSSGATE_OK);
  PoisonedDecision(&dec);
  crossgate_evaluate(&dec, engine, &req, NULL);
  CHECK(dec.bundle_version == 99 && dec.generation == gen1 + 2);

  StartPhase("collaboration_checks");
  inv.resource_tenant_id = Guid(TENANT);
  inv.invitee_email.data = "guest@contoso.com";
  inv.invitee_email.size = 17;
  {
    int rc = crossgate_snapshot_can_invite(&check, snap, &inv, &err);
    CHECK(check.status == rc);
    if (rc != CROSSGATE_OK) CHECK(check.outcome == CROSSGATE_OUTCOME_BLOCK);
  }
  inv.invitee_email.data = NULL;
  CHECK_RC(crossgate_snapshot_can_invite(&check, snap, &inv, NULL), CROSSGATE_EINVALID);
  CHECK(check.outcome == CROSSGATE_OUTCOME_BLOCK);
  inv.invitee_email.data = "guest@contoso.com";
  inv.invitee_email.size = SIZE_MAX;
  CHECK_RC(crossgate_snapshot_can_invite(&check, snap, &inv, &err), CROSSGATE_EINVALID);
  CHECK(check.outcome == CROSSGATE_OUTCOME_BLOCK);
  CHECK(strcmp(crossgate_error_path(err), "invitation/invitee_email") == 0);
  inv.invitee_email.size = 17;
  inv.inviter_role_count = (size_t)1 << 30;
  inv.inviter_roles = &inv.resource_tenant_id; /* never read: over the limit */
  CHECK_RC(crossgate_snapshot_can_invite(&check, snap, &inv, NULL), CROSSGATE_ELIMIT);
  CHECK(check.outcome == CROSSGATE_OUTCOME_BLOCK);
  inv.inviter_roles = NULL;
  inv.inviter_role_count = 0;
  inv.inviter_kind = 9;
  CHECK_RC(crossgate_snapshot_can_invite(&check, snap, &inv, NULL), CROSSGATE_EENUM);
  CHECK_RC(crossgate_snapshot_can_invite(NULL, snap, &inv, NULL), CROSSGATE_EINVALID);
  CHECK_RC(crossgate_snapshot_can_invite(&check, NULL, &inv, NULL), CROSSGATE_EINVALID);
  su.resource_tenant_id = Guid(TENANT);
  su.identity_source = CROSSGATE_IDENTITY_EMAIL_ONE_TIME_PASSCODE;
  {
    int rc = crossgate_snapshot_can_self_service_sign_up(&check, snap, &su, NULL);
    CHECK(check.status == rc);
    if (rc != CROSSGATE_OK) CHECK(check.outcome == CROSSGATE_OUTCOME_BLOCK);
  }
  su.identity_source = 77;
  CHECK_RC(crossgate_snapshot_can_self_service_sign_up(&check, snap, &su, NULL),
           CROSSGATE_EENUM);
  su.struct_size = 2;
  CHECK_RC(crossgate_snapshot_can_self_service_sign_up(&check, snap, &su, NULL),
           CROSSGATE_EVERSION);
  CHECK(check.outcome == CROSSGATE_OUTCOME_BLOCK);
  crossgate_error_free(err);
  crossgate_snapshot_release(snap);
}

int main(void) {
  crossgate_engine* engine = NULL;
  crossgate_engine_options opts = CROSSGATE_ENGINE_OPTIONS_INIT;
  crossgate_error* err = NULL;

  TestValues();
  TestInit();

  StartPhase("engine_create");
  CHECK_RC(crossgate_engine_create(NULL, NULL, NULL), CROSSGATE_EINVALID);
  opts.flags = 1;
  CHECK_RC(crossgate_engine_create(&engine, &opts, &err), CROSSGATE_EINVALID);
  CHECK(engine == NULL && strcmp(crossgate_error_path(err), "opts/flags") == 0);
  opts.flags = 0;
  opts.struct_size = 2;
  CHECK_RC(crossgate_engine_create(&engine, &opts, &err), CROSSGATE_EVERSION);
  crossgate_error_free(err);
  CHECK_RC(crossgate_engine_create(&engine, NULL, NULL), CROSSGATE_OK);
  CHECK(engine != NULL);

  TestNothingLoaded(engine);
  TestLoadFailures(engine);
  if (TestLoad(engine, 7)) TestLoaded(engine);

  StartPhase("destroy");
  crossgate_engine_destroy(engine);
  crossgate_engine_destroy(NULL);
  printf("c_api_test: %d checks passed\n", checks);
  return 0;
}
