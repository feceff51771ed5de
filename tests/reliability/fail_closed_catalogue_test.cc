// The fail-closed catalogue (issue #8 section 4): hostile and broken policy
// inputs, each loaded through the C ABI into an engine that already serves
// the example tenants. For every row: the exact status, first error code and
// error path; a bounded time; nothing published (the generation and every
// example decision stay exactly as they were); no crash and, under
// `scripts/dev test --asan`, no leak (LeakSanitizer runs at exit).

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "crossgate/crossgate.h"
#include "google/protobuf/stubs/logging.h"
#include "gtest/gtest.h"
#include "lib/load/loader.h"
#include "tests/reliability/hostile_inputs.h"

namespace crossgate::reliability {
namespace {

namespace fs = std::filesystem;

// Generous: sanitizer builds run several times slower than release.
constexpr double kMaxSeconds = 10.0;

enum class Via { kMemory, kPaths };

struct Row {
  const char* name;
  std::function<std::string()> make;  // the bytes, or a path for kPaths
  int format;                         // CROSSGATE_FORMAT_* (memory loads)
  int status;                         // expected return code
  std::string code;                   // first error's code name; "" = no issues
  std::string path;                   // expected crossgate_error_path
  Via via = Via::kMemory;
  uint32_t flags = 0;  // crossgate_load_options.flags
};

constexpr int kJson = CROSSGATE_FORMAT_JSON;
constexpr int kBinary = CROSSGATE_FORMAT_BINARY;

std::string T() { return absl::StrCat("tenants/", kTenant); }
std::string P(absl::string_view id) {
  return absl::StrCat(T(), "/conditionalAccessPolicies/", id);
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string ExampleBundle() {
  std::vector<LoadIssue> issues;
  auto bundle = LoadPaths({SourcePath("examples/policies/contoso.json")}, LoadOptions(),
                          &issues);
  return bundle.ok() ? *SerializeBundle(*bundle) : std::string();
}

std::string OnePolicy(absl::string_view conditions_extra = "",
                      absl::string_view grant =
                          "{\"operator\": \"OR\", \"builtInControls\": [\"mfa\"]}",
                      absl::string_view policy_extra = "") {
  return TenantDoc(Policies({Policy("p1", conditions_extra, grant, policy_extra)}));
}

std::string ManyPolicies(int n) {
  std::vector<std::string> p;
  for (int i = 0; i < n; ++i) p.push_back(Policy(absl::StrCat("p", i)));
  return TenantDoc(Policies(p));
}

std::string GroupList(int n) {
  std::vector<std::string> g;
  for (int i = 0; i < n; ++i) {
    g.push_back(absl::StrFormat("\"%08x-0000-4000-8000-000000000000\"", i + 1));
  }
  return absl::StrCat("[", absl::StrJoin(g, ","), "]");
}

std::string WithUsers(absl::string_view users) {
  return TenantDoc(Policies({absl::StrCat(
      "{\"id\": \"p1\", \"state\": \"enabled\", \"conditions\": {\"users\": ", users,
      ", \"applications\": {\"includeApplications\": [\"All\"]}, ",
      "\"clientAppTypes\": [\"all\"]}, ",
      "\"grantControls\": {\"operator\": \"OR\", \"builtInControls\": [\"mfa\"]}}")}));
}

std::string IpLocation(absl::string_view cidr) {
  return TenantDoc(absl::StrCat(
      "\"namedLocations\": [{\"@odata.type\": \"#microsoft.graph.ipNamedLocation\", ",
      "\"id\": \"", kGroup, "\", \"displayName\": \"l\", \"isTrusted\": false, ",
      "\"ipRanges\": [{\"@odata.type\": \"#microsoft.graph.iPv4CidrRange\", ",
      "\"cidrAddress\": \"", cidr, "\"}]}]"));
}

std::string NestedParens(int depth) {
  return absl::StrCat(std::string(depth, '('), "device.model -eq \\\"a\\\"",
                      std::string(depth, ')'));
}

// The bundle with its last byte cut off, and similar wire damage.
std::string Truncated() {
  std::string b = ExampleBundle();
  return b.substr(0, b.size() / 2);
}

std::string TempDir(absl::string_view name) {
  const fs::path dir = fs::path(::testing::TempDir()) / std::string(name);
  fs::create_directories(dir);
  return dir.string();
}

std::vector<Row> Catalogue() {
  const std::string t = T();
  std::vector<Row> rows = {
      // --- Not JSON, bad encodings ---
      {"empty input", [] { return std::string(); }, kJson, CROSSGATE_EPARSE,
       "malformed_input", "input"},
      {"whitespace only", [] { return std::string(" \n\t "); }, kJson, CROSSGATE_EPARSE,
       "malformed_input", "input"},
      {"not JSON", [] { return std::string("hello"); }, kJson, CROSSGATE_EPARSE,
       "malformed_input", "input"},
      {"truncated JSON", [] { return std::string("{\"tenantId\": \""); }, kJson,
       CROSSGATE_EPARSE, "malformed_input", "input"},
      {"JSON scalar", [] { return std::string("42"); }, kJson, CROSSGATE_ESEMANTIC,
       "wrong_type", "input"},
      {"invalid UTF-8", [] { return TenantDoc("\"cloud\": \"\xc3\x28\""); }, kJson,
       CROSSGATE_EPARSE, "malformed_input", "input"},
      {"overlong UTF-8 slash", [] { return TenantDoc("\"cloud\": \"\xc0\xaf\""); }, kJson,
       CROSSGATE_EPARSE, "malformed_input", "input"},
      {"UTF-16 without BOM", [] { return Utf16Le(TenantDoc("")); }, kJson,
       CROSSGATE_EPARSE, "malformed_input", "input"},
      {"UTF-16 odd length", [] { return "\xff\xfe" + Utf16Le(TenantDoc("")) + "x"; },
       kJson, CROSSGATE_EPARSE, "malformed_input", "input"},
      {"UTF-16 unpaired surrogate",
       [] { return "\xff\xfe" + Utf16Le("{\"tenantId\": \"") + std::string("\x00\xd8", 2) +
                   Utf16Le("\"}"); },
       kJson, CROSSGATE_EPARSE, "malformed_input", "input"},
      {"escaped unpaired surrogate", [] { return TenantDoc("\"cloud\": \"\\ud800\""); },
       kJson, CROSSGATE_EPARSE, "malformed_input", "input"},
      {"raw NUL in a string",
       [] { return TenantDoc(std::string("\"cloud\": \"a\0b\"", 15)); }, kJson,
       CROSSGATE_EPARSE, "malformed_input", "input"},
      {"duplicate keys", [] { return std::string("{\"tenantId\": \"a\", \"tenantId\": \"b\"}"); },
       kJson, CROSSGATE_EPARSE, "malformed_input", "input"},
      // --- Sizes and depth ---
      {"10000-deep arrays", [] { return std::string(10000, '[') + std::string(10000, ']'); },
       kJson, CROSSGATE_ELIMIT, "limit_exceeded", "input"},
      {"33-deep tenant document",
       [] { return TenantDoc(absl::StrCat("\"x\": ", std::string(32, '['),
                                          std::string(32, ']'))); },
       kJson, CROSSGATE_ELIMIT, "limit_exceeded", "input"},
      {"100 MB string", [] { return TenantDoc(absl::StrCat("\"cloud\": \"",
                                                           std::string(100 << 20, 'a'), "\"")); },
       kJson, CROSSGATE_ELIMIT, "limit_exceeded", "input"},
      {"40 KB policy id", [] { return TenantDoc(Policies({Policy(std::string(40000, 'p'))})); },
       kJson, CROSSGATE_ELIMIT, "limit_exceeded",
       absl::StrCat(t, "/conditionalAccessPolicies/", std::string(128, 'p'),
                    "...(40000 bytes)/id")},
      {"10001 policies", [] { return ManyPolicies(10001); }, kJson, CROSSGATE_ELIMIT,
       "limit_exceeded", t + "/conditionalAccessPolicies"},
      {"10001 groups in a list",
       [] { return WithUsers(absl::StrCat("{\"includeGroups\": ", GroupList(10001), "}")); },
       kJson, CROSSGATE_ELIMIT, "limit_exceeded", P("p1") + "/conditions/users/includeGroups"},
      // --- Wrong types and values ---
      {"locations is an array", [] { return OnePolicy("\"locations\": []"); }, kJson,
       CROSSGATE_ESEMANTIC, "wrong_type", P("p1") + "/conditions/locations"},
      {"state is a number", [] { return TenantDoc(Policies({absl::StrCat(
                                     "{\"id\": \"p1\", \"state\": 5, \"conditions\": {}}")})); },
       kJson, CROSSGATE_ESEMANTIC, "wrong_type", P("p1") + "/state"},
      {"policy id is a number",
       [] { return TenantDoc("\"conditionalAccessPolicies\": [{\"id\": 12, \"state\": "
                             "\"enabled\", \"conditions\": {}}]"); },
       kJson, CROSSGATE_ESEMANTIC, "wrong_type", t + "/conditionalAccessPolicies[0]/id"},
      {"unknown state", [] { return TenantDoc(Policies({
                                 "{\"id\": \"p1\", \"state\": \"maybe\", \"conditions\": {}}"})); },
       kJson, CROSSGATE_ESEMANTIC, "unknown_enum", P("p1") + "/state"},
      {"unknownFutureValue control",
       [] { return OnePolicy("", "{\"operator\": \"OR\", \"builtInControls\": "
                                 "[\"unknownFutureValue\"]}"); },
       kJson, CROSSGATE_ESEMANTIC, "unknown_enum", P("p1") + "/grantControls/builtInControls[0]"},
      {"not a GUID in includeGroups",
       [] { return WithUsers("{\"includeGroups\": [\"not-a-guid\"]}"); }, kJson,
       CROSSGATE_ESEMANTIC, "bad_guid", P("p1") + "/conditions/users/includeGroups[0]"},
      {"NUL in a group id",
       [] { return WithUsers("{\"includeGroups\": [\"0b6e4f3a-2c1d-4e5f-8a9b-abcdefabcde\\u0000\"]}"); },
       kJson, CROSSGATE_ESEMANTIC, "bad_guid", P("p1") + "/conditions/users/includeGroups[0]"},
      {"NUL in the tenant id", [] { return std::string("{\"tenantId\": \"4d2f0b3e\\u0000\"}"); },
       kJson, CROSSGATE_ESEMANTIC, "bad_guid", "tenants/4d2f0b3e\\x00/tenantId"},
      {"NUL in a policy id",
       [] { return TenantDoc(Policies({Policy("p\\u00001")})); }, kJson,
       CROSSGATE_EPARSE, "malformed_input", P("p\\x001") + "/id"},
      {"placeholder group", [] { return WithUsers("{\"includeGroups\": [\"<AdminGroup>\"]}"); },
       kJson, CROSSGATE_ESEMANTIC, "placeholder_id",
       P("p1") + "/conditions/users/includeGroups[0]"},
      {"CIDR /8", [] { return IpLocation("10.0.0.0/8"); }, kJson, CROSSGATE_ESEMANTIC,
       "bad_cidr", absl::StrCat(t, "/namedLocations/", kGroup, "/ipRanges[0]/cidrAddress")},
      {"CIDR garbage", [] { return IpLocation("999.1.1.1/24"); }, kJson, CROSSGATE_ESEMANTIC,
       "bad_cidr", absl::StrCat(t, "/namedLocations/", kGroup, "/ipRanges[0]/cidrAddress")},
      {"country ZZ",
       [] { return TenantDoc(absl::StrCat(
                "\"namedLocations\": [{\"@odata.type\": \"#microsoft.graph.countryNamedLocation\", ",
                "\"id\": \"", kGroup, "\", \"displayName\": \"c\", ",
                "\"countriesAndRegions\": [\"ZZ\"], \"includeUnknownCountriesAndRegions\": false}]")); },
       kJson, CROSSGATE_ESEMANTIC, "bad_country",
       absl::StrCat(t, "/namedLocations/", kGroup, "/countriesAndRegions[0]")},
      // --- Filters ---
      {"device filter of 3073 characters",
       [] { return OnePolicy(DeviceFilter(absl::StrCat("device.model -eq \\\"",
                                                        std::string(3073 - 19, 'a'), "\\\""))); },
       kJson, CROSSGATE_ESEMANTIC, "bad_device_filter",
       P("p1") + "/conditions/devices/deviceFilter/rule"},
      {"device filter nested 1000 deep", [] { return OnePolicy(DeviceFilter(NestedParens(1000))); },
       kJson, CROSSGATE_ESEMANTIC, "bad_device_filter",
       P("p1") + "/conditions/devices/deviceFilter/rule"},
      {"device filter nested 33 deep", [] { return OnePolicy(DeviceFilter(NestedParens(33))); },
       kJson, CROSSGATE_ESEMANTIC, "bad_device_filter",
       P("p1") + "/conditions/devices/deviceFilter/rule"},
      {"pathological regex",
       [] { return OnePolicy(DeviceFilter("device.model -match \\\"(a*)*b\\\"")); }, kJson,
       CROSSGATE_ESEMANTIC, "bad_device_filter", P("p1") + "/conditions/devices/deviceFilter/rule"},
      {"unterminated filter string",
       [] { return OnePolicy(DeviceFilter("device.model -eq \\\"abc")); }, kJson,
       CROSSGATE_ESEMANTIC, "bad_device_filter", P("p1") + "/conditions/devices/deviceFilter/rule"},
      {"filter without mode",
       [] { return OnePolicy("\"devices\": {\"deviceFilter\": {\"rule\": \"device.model -eq \\\"a\\\"\"}}"); },
       kJson, CROSSGATE_ESEMANTIC, "missing_field",
       P("p1") + "/conditions/devices/deviceFilter/mode"},
      // --- Structure ---
      {"duplicate policy ids",
       [] { return TenantDoc(Policies({Policy("p1"), Policy("p1")})); }, kJson,
       CROSSGATE_ESEMANTIC, "duplicate_id", P("p1")},
      {"dangling location",
       [] { return TenantDoc(absl::StrCat("\"namedLocations\": [], ",
                                          Policies({Policy("p1", absl::StrCat(
                                              "\"locations\": {\"includeLocations\": [\"",
                                              kGroup, "\"]}"))}))); },
       kJson, CROSSGATE_ESEMANTIC, "dangling_reference",
       P("p1") + "/conditions/locations/includeLocations[0]"},
      {"unknown grant property",
       [] { return OnePolicy("", "{\"operator\": \"OR\", \"builtInControls\": [\"mfa\"], "
                                 "\"requireMagic\": true}"); },
       kJson, CROSSGATE_ESEMANTIC, "unsupported_feature", P("p1") + "/grantControls/requireMagic"},
      {"grant without operator", [] { return OnePolicy("", "{\"builtInControls\": [\"mfa\"]}"); },
       kJson, CROSSGATE_ESEMANTIC, "missing_field", P("p1") + "/grantControls/operator"},
      {"authentication context c100",
       [] { return TenantDoc(Policies({absl::StrCat(
                "{\"id\": \"p1\", \"state\": \"enabled\", \"conditions\": {\"users\": ",
                "{\"includeUsers\": [\"All\"]}, \"applications\": ",
                "{\"includeAuthenticationContextClassReferences\": [\"c100\"]}, ",
                "\"clientAppTypes\": [\"all\"]}, \"grantControls\": {\"operator\": \"OR\", ",
                "\"builtInControls\": [\"mfa\"]}}")})); },
       kJson, CROSSGATE_ESEMANTIC, "unknown_enum",
       P("p1") + "/conditions/applications/includeAuthenticationContextClassReferences[0]"},
      {"tenant document typo", [] { return TenantDoc("\"namedLocations\": [], \"conditionalAccesPolicies\": []"); },
       kJson, CROSSGATE_ESEMANTIC, "unknown_property", t + "/conditionalAccesPolicies"},
      {"paged list",
       [] { return std::string("{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#identity/"
                               "conditionalAccess/policies\", \"@odata.nextLink\": \"https://x\", "
                               "\"value\": []}"); },
       kJson, CROSSGATE_ESEMANTIC, "unsupported_document", "input"},
      {"legacy definition not JSON",
       [] { return absl::StrCat("{\"value\": [{\"tenantId\": \"", kTenant, "\"}, {\"id\": \"x\", ",
                                "\"type\": \"B2BManagementPolicy\", \"definition\": [\"{not json\"]}]}"); },
       kJson, CROSSGATE_EPARSE, "malformed_input", t + "/invitationDomainPolicy/definition[0]"},
      {"wildcard invitation domain",
       [] { return TenantDoc("\"invitationDomainPolicy\": {\"allowedDomains\": [], "
                             "\"blockedDomains\": [\"*.example.com\"]}"); },
       kJson, CROSSGATE_ESEMANTIC, "bad_domain", t + "/invitationDomainPolicy/blockedDomains[0]"},
      {"absurd sign-in frequency",
       [] { return OnePolicy("", "{\"operator\": \"OR\", \"builtInControls\": [\"mfa\"]}",
                             "\"sessionControls\": {\"signInFrequency\": {\"isEnabled\": true, "
                             "\"type\": \"hours\", \"value\": 1e999, \"frequencyInterval\": "
                             "\"timeBased\"}}"); },
       kJson, CROSSGATE_EPARSE, "malformed_input", "input"},
      {"partner listed twice",
       [] { return TenantDoc(absl::StrCat("\"crossTenantAccessPolicy\": {\"partners\": [{",
                                          "\"tenantId\": \"", kGroup, "\"}, {\"tenantId\": \"",
                                          kGroup, "\"}]}")); },
       kJson, CROSSGATE_ESEMANTIC, "duplicate_id",
       absl::StrCat(t, "/crossTenantAccessPolicy/partners/", kGroup)},
      // --- Binary bundles ---
      {"truncated bundle", Truncated, kBinary, CROSSGATE_EPARSE, "malformed_input", "input"},
      {"random bytes", [] { return std::string("\x8f\x01\xff\xfe\x00\x13garbage", 12); },
       kBinary, CROSSGATE_EPARSE, "malformed_input", "input"},
      {"unknown field in bundle",
       [] { return ExampleBundle() + wire::Tag(99, 0) + wire::Varint(1); }, kBinary,
       CROSSGATE_EPARSE, "malformed_input", "input"},
      {"tenants with the wrong wire type",
       [] { return wire::Tag(2, 0) + wire::Varint(7); }, kBinary, CROSSGATE_EPARSE,
       "malformed_input", "input"},
      {"length past the end", [] { return wire::Tag(2, 2) + wire::Varint(1000) + "abc"; },
       kBinary, CROSSGATE_EPARSE, "malformed_input", "input"},
      {"2^63 length", [] { return wire::Tag(2, 2) + wire::Varint(uint64_t{1} << 63); },
       kBinary, CROSSGATE_EPARSE, "malformed_input", "input"},
      {"2^31 length inside a tenant",
       [] { return wire::Tag(2, 2) + wire::Varint(12) + wire::Tag(1, 2) +
                   wire::Varint(uint64_t{1} << 31) + "\xc3\x28" + std::string(5, 'a'); },
       kBinary, CROSSGATE_EPARSE, "malformed_input", "input"},
      {"100000 nested groups",
       [] {
         std::string s;
         for (int i = 0; i < 100000; ++i) s += wire::Tag(50, 3);
         return s;
       },
       kBinary, CROSSGATE_EPARSE, "malformed_input", "input"},
      {"unknown enum number",
       [] { return wire::Bytes(2, wire::Bytes(1, kTenant) + wire::Bytes(
                                      3, wire::Bytes(1, "p1") + wire::Tag(3, 0) + wire::Varint(77))); },
       kBinary, CROSSGATE_ESEMANTIC, "unknown_enum", P("p1") + "/state"},
      {"invalid UTF-8 in a string field", [] { return wire::TenantEntry("\xc3\x28"); },
       kBinary, CROSSGATE_EPARSE, "malformed_input", "input"},
      {"NUL in a binary tenant id",
       [] { return wire::TenantEntry(std::string("4d2f0b3e-6a1c-4b5e-9f00-0123456789a\0", 36)); },
       kBinary, CROSSGATE_ESEMANTIC, "bad_guid",
       "tenants/4d2f0b3e-6a1c-4b5e-9f00-0123456789a\\x00/tenantId"},
      {"duplicate tenants", [] { return wire::TenantEntry(kTenant) + wire::TenantEntry(kTenant); },
       kBinary, CROSSGATE_ESEMANTIC, "duplicate_id", t},
      {"10001 tenants",
       [] {
         std::string s;
         for (int i = 0; i < 10001; ++i) {
           s += wire::TenantEntry(absl::StrFormat("%08x-0000-4000-8000-000000000000", i + 1));
         }
         return s;
       },
       kBinary, CROSSGATE_ELIMIT, "limit_exceeded", "tenants"},
      {"65 MiB of zeros", [] { return std::string(65 << 20, '\0'); }, kBinary,
       CROSSGATE_ELIMIT, "limit_exceeded", "input"},
      // --- The C ABI's own checks ---
      {"warnings as errors",
       [] { return TenantDoc(Policies({"{\"id\": \"p1\", \"conditions\": {\"users\": "
                                       "{\"includeUsers\": [\"All\"]}, \"applications\": "
                                       "{\"includeApplications\": [\"All\"]}, \"clientAppTypes\": "
                                       "[\"all\"]}, \"grantControls\": {\"operator\": \"OR\", "
                                       "\"builtInControls\": [\"mfa\"]}}"})); },
       kJson, CROSSGATE_ESEMANTIC, "missing_field", P("p1") + "/state", Via::kMemory,
       CROSSGATE_LOAD_WARNINGS_AS_ERRORS},
      {"unknown load flag", [] { return ExampleBundle(); }, kBinary, CROSSGATE_EINVALID, "",
       "opts/flags", Via::kMemory, 1u << 7},
      {"unknown format", [] { return ExampleBundle(); }, 99, CROSSGATE_EENUM, "",
       "opts/format"},
      // --- Paths ---
      {"missing file", [] { return TempDir("missing") + "/nope.json"; }, 0, CROSSGATE_EIO,
       "io", "", Via::kPaths},
      {"directory without JSON",
       [] {
         const std::string d = TempDir("nojson");
         std::ofstream(d + "/README") << "x";
         return d;
       },
       0, CROSSGATE_EIO, "io", "", Via::kPaths},
  };
  return rows;
}

struct Probe {
  int rc;
  int outcome, stage;
  uint32_t reason;
  int32_t deciding_policy;
  uint64_t generation;
  uint32_t requirements;
  bool operator==(const Probe& o) const {
    return rc == o.rc && outcome == o.outcome && stage == o.stage && reason == o.reason &&
           deciding_policy == o.deciding_policy && generation == o.generation &&
           requirements == o.requirements;
  }
};

// An engine serving the example tenants, and the decisions it gives for
// every example request.
class ServingEngine {
 public:
  ServingEngine() {
    EXPECT_EQ(crossgate_engine_create(&engine_, nullptr, nullptr), CROSSGATE_OK);
    std::vector<std::string> files;
    for (const char* f : {"contoso.json", "fabrikam.json", "northwind.json"}) {
      files.push_back(SourcePath(absl::StrCat("examples/policies/", f)));
    }
    std::vector<crossgate_str> paths;
    for (const std::string& f : files) paths.push_back({f.data(), f.size()});
    EXPECT_EQ(crossgate_engine_load_paths(nullptr, engine_, paths.data(), paths.size(),
                                          nullptr, nullptr),
              CROSSGATE_OK);
  }
  ~ServingEngine() { crossgate_engine_destroy(engine_); }
  crossgate_engine* get() const { return engine_; }

  std::vector<Probe> Decide(const std::vector<std::string>& requests) const {
    std::vector<Probe> out;
    for (const std::string& r : requests) {
      crossgate_decision d = CROSSGATE_DECISION_INIT;
      const int rc = crossgate_evaluate_json(&d, engine_, r.data(), r.size(), nullptr);
      out.push_back({rc, d.outcome, d.stage, d.reason, d.deciding_policy, d.generation,
                     d.requirement_count});
    }
    return out;
  }

 private:
  crossgate_engine* engine_ = nullptr;
};

std::vector<std::string> ExampleRequests() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(SourcePath("examples/requests"))) {
    if (e.path().extension() == ".json" && e.path().filename() != "expected.json") {
      out.push_back(ReadText(e.path().string()));
    }
  }
  return out;
}

// The library must not log (protobuf does, given bad wire data, unless the
// loader catches the input first).
int protobuf_logs = 0;
void CountProtobufLog(google::protobuf::LogLevel level, const char*, int,
                      const std::string& message) {
  if (level >= google::protobuf::LOGLEVEL_WARNING) {
    ++protobuf_logs;
    ADD_FAILURE() << "protobuf logged: " << message;
  }
}

TEST(FailClosedCatalogue, EveryRowFailsClosedAndTheSnapshotKeepsServing) {
  google::protobuf::LogHandler* previous = google::protobuf::SetLogHandler(&CountProtobufLog);
  const std::vector<Row> rows = Catalogue();
  ASSERT_GE(rows.size(), 50u);
  const std::vector<std::string> requests = ExampleRequests();
  ASSERT_GE(requests.size(), 20u);
  const std::vector<Probe> baseline = ServingEngine().Decide(requests);
  int allowed = 0;
  for (const Probe& p : baseline) allowed += p.outcome == CROSSGATE_OUTCOME_ALLOW;
  ASSERT_GT(allowed, 0) << "the probe must include allowed requests";

  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    ServingEngine engine;
    ASSERT_EQ(crossgate_engine_generation(engine.get()), 1u);
    const std::string input = row.make();
    crossgate_load_options opts = CROSSGATE_LOAD_OPTIONS_INIT;
    opts.format = row.format;
    opts.flags = row.flags;
    crossgate_error* err = nullptr;
    crossgate_load_report* report = nullptr;
    const auto start = std::chrono::steady_clock::now();
    int rc;
    if (row.via == Via::kPaths) {
      crossgate_str path = {input.data(), input.size()};
      rc = crossgate_engine_load_paths(&report, engine.get(), &path, 1, &opts, &err);
    } else {
      rc = crossgate_engine_load_memory(&report, engine.get(), input.data(), input.size(),
                                        &opts, &err);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, kMaxSeconds);
    std::string first_code;
    for (size_t i = 0; i < crossgate_error_issue_count(err); ++i) {
      crossgate_issue issue = CROSSGATE_ISSUE_INIT;
      ASSERT_EQ(crossgate_error_issue(&issue, err, i), CROSSGATE_OK);
      if (issue.severity == CROSSGATE_SEVERITY_ERROR ||
          (row.flags & CROSSGATE_LOAD_WARNINGS_AS_ERRORS)) {
        first_code = issue.code_name;
        break;
      }
    }
    const std::string path = crossgate_error_path(err);
    EXPECT_EQ(rc, row.status) << crossgate_error_message(err);
    EXPECT_EQ(crossgate_error_code(err), row.status);
    EXPECT_EQ(first_code, row.code) << crossgate_error_message(err);
    if (row.via == Via::kMemory) {
      EXPECT_EQ(path, row.path) << crossgate_error_message(err);
    } else {
      EXPECT_NE(path.find(input), std::string::npos) << path;
    }
    EXPECT_EQ(crossgate_load_report_generation(report), 0u);
    crossgate_load_report_destroy(report);
    crossgate_error_free(err);
    EXPECT_EQ(crossgate_engine_generation(engine.get()), 1u) << "a failed load published";
    EXPECT_TRUE(engine.Decide(requests) == baseline) << "the served decisions changed";
    if (std::getenv("CROSSGATE_CATALOGUE_VERBOSE") != nullptr) {
      std::fprintf(stderr, "%-36s rc=%d code=%s path=%s %.3fs\n", row.name, rc,
                   first_code.c_str(), path.c_str(), seconds);
    }
  }
  google::protobuf::SetLogHandler(previous);
  EXPECT_EQ(protobuf_logs, 0);
}

}  // namespace
}  // namespace crossgate::reliability
