// Request JSON reading speed (lib/request_json), the input side of
// `crossgate check --batch requests.jsonl`. Target: >= 500,000 requests/s on
// one core. Reports items_per_second = requests/s.
//
//   BM_JsonToValue_*       protobuf JsonStringToMessage into a Value only
//                          (the reader's parser before simdjson; now only
//                          its error path, for the positioned message)
//   BM_ReadRequest_OneShot ParseRequestJson: fresh reader + ParsedRequest
//   BM_ReadRequest_Reused  one RequestReader + one ParsedRequest re-filled
//                          per request, notes off (the batch path)
//   BM_SimdjsonDom_*       simdjson's DOM parse alone (the reader's floor;
//                          the rest of BM_ReadRequest_Reused is the walk)
//   BM_ReadJsonl_Reused    a 1,000-line mixed JSONL batch, reused reader

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "benchmark/benchmark.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "lib/model/guid.h"
#include "lib/request_json/request_reader.h"
#include "simdjson.h"

namespace crossgate {
namespace {

// A typical member request: app, platform, client, IP, groups, claims.
constexpr char kMember[] =
    R"({"resourceTenantId":"11111111-1111-4111-8111-111111111111","signInIdentity":{"@odata.type":"#microsoft.graph.userSignIn","userId":"aaaaaaaa-0000-4000-8000-000000000001","userType":"member","groups":["cccccccc-0000-4000-8000-000000000003","cccccccc-0000-4000-8000-000000000004"],"roles":[]},"signInContext":{"@odata.type":"#microsoft.graph.applicationContext","includeApplications":["00000003-0000-0ff1-ce00-000000000000"]},"signInConditions":{"devicePlatform":"windows","clientAppType":"browser","ipAddress":"203.0.113.10","country":"NL"},"claims":{"mfa":true,"authenticationMethods":["password","microsoftAuthenticatorPush"]}})";

// The Graph What-If sample shape (auth context, risk, device).
constexpr char kGraphSample[] =
    R"({"signInIdentity":{"@odata.type":"#microsoft.graph.userSignIn","userId":"15dc174b-f34c-4588-ac45-61d6e05dce93"},"signInContext":{"@odata.type":"#microsoft.graph.authContext","authenticationContextValue":"c37"},"signInConditions":{"devicePlatform":"windows","clientAppType":"mobileAppsAndDesktopClients","signInRiskLevel":"medium","userRiskLevel":"none","country":"US","ipAddress":"40.77.182.32","insiderRiskLevel":"moderate","authenticationFlow":{"transferMethod":"authenticationTransfer"},"deviceInfo":{"profileType":"Standard"}},"appliedPoliciesOnly":true})";

// A guest with home facts and a full device.
constexpr char kGuestWithDevice[] =
    R"({"resourceTenantId":"11111111-1111-4111-8111-111111111111","signInIdentity":{"userId":"aaaaaaaa-0000-4000-8000-000000000001","externalTenantId":"33333333-3333-4333-8333-333333333333","userType":"guest","homeUserId":"bbbbbbbb-0000-4000-8000-000000000002","groups":["cccccccc-0000-4000-8000-000000000003"],"homeGroups":["dddddddd-0000-4000-8000-000000000005","dddddddd-0000-4000-8000-000000000006"],"roles":[]},"signInContext":{"includeApplications":["00000003-0000-0ff1-ce00-000000000000"]},"signInConditions":{"devicePlatform":"windows","clientAppType":"browser","ipAddress":"2001:db8::17","country":"DE","deviceInfo":{"deviceId":"eeeeeeee-0000-4000-8000-000000000006","displayName":"FAB-LT-0042","trustType":"AzureAD","isCompliant":true,"operatingSystem":"Windows","extensionAttribute1":"Managed","systemLabels":["M365Managed"]}},"claims":{"mfa":true,"mfaOrigin":"home","compliantDevice":true,"deviceClaimsOrigin":"home"}})";

RequestDefaults Defaults() {
  RequestDefaults defaults;
  defaults.resource_tenant_id =
      *ParseGuid("11111111-1111-4111-8111-111111111111");
  return defaults;
}

void BM_JsonToValue(benchmark::State& state, const char* json) {
  google::protobuf::Value value;
  for (auto _ : state) {
    value.Clear();
    auto status = google::protobuf::util::JsonStringToMessage(json, &value);
    if (!status.ok()) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(value);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * strlen(json));
}
BENCHMARK_CAPTURE(BM_JsonToValue, Member, kMember);
BENCHMARK_CAPTURE(BM_JsonToValue, GuestWithDevice, kGuestWithDevice);

void BM_ReadRequest_OneShot(benchmark::State& state, const char* json) {
  RequestDefaults defaults = Defaults();
  for (auto _ : state) {
    std::vector<std::string> notes;
    auto parsed = ParseRequestJson(json, defaults, &notes);
    if (!parsed.ok()) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(parsed);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_ReadRequest_OneShot, Member, kMember);
BENCHMARK_CAPTURE(BM_ReadRequest_OneShot, GraphSample, kGraphSample);
BENCHMARK_CAPTURE(BM_ReadRequest_OneShot, GuestWithDevice, kGuestWithDevice);

void BM_ReadRequest_Reused(benchmark::State& state, const char* json) {
  RequestDefaults defaults = Defaults();
  RequestReader reader;
  ParsedRequest parsed;
  for (auto _ : state) {
    if (!reader.Parse(json, defaults, &parsed, nullptr).ok()) {
      state.SkipWithError("parse failed");
    }
    benchmark::DoNotOptimize(parsed.request());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * strlen(json));
}
BENCHMARK_CAPTURE(BM_ReadRequest_Reused, Member, kMember);
BENCHMARK_CAPTURE(BM_ReadRequest_Reused, GraphSample, kGraphSample);
BENCHMARK_CAPTURE(BM_ReadRequest_Reused, GuestWithDevice, kGuestWithDevice);

// simdjson's DOM parse alone (one reused parser and padded buffer, as the
// reader keeps them): the floor of the reader, which parses then walks.
void BM_SimdjsonDom(benchmark::State& state, const char* json) {
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(json, strlen(json));
  for (auto _ : state) {
    simdjson::dom::element root;
    if (parser.parse(padded).get(root) != simdjson::SUCCESS) {
      state.SkipWithError("parse failed");
    }
    benchmark::DoNotOptimize(root);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * strlen(json));
}
BENCHMARK_CAPTURE(BM_SimdjsonDom, Member, kMember);
BENCHMARK_CAPTURE(BM_SimdjsonDom, GraphSample, kGraphSample);
BENCHMARK_CAPTURE(BM_SimdjsonDom, GuestWithDevice, kGuestWithDevice);

// 1,000 JSONL lines cycling through the three shapes with varied ids, read
// as the CLI's batch loop will: split lines, re-fill one ParsedRequest.
void BM_ReadJsonl_Reused(benchmark::State& state) {
  std::string jsonl;
  const char* shapes[] = {kMember, kGraphSample, kGuestWithDevice};
  for (int i = 0; i < 1000; ++i) {
    std::string line = shapes[i % 3];
    // Vary the user id so lines differ.
    std::string id = absl::StrCat(10000000 + i);
    line.replace(line.find("aaaaaaaa") != std::string::npos
                     ? line.find("aaaaaaaa")
                     : line.find("15dc174b"),
                 8, id);
    absl::StrAppend(&jsonl, line, "\n");
  }
  RequestDefaults defaults = Defaults();
  RequestReader reader;
  ParsedRequest parsed;
  int64_t lines = 0;
  for (auto _ : state) {
    for (absl::string_view line :
         absl::StrSplit(jsonl, '\n', absl::SkipEmpty())) {
      if (!reader.Parse(line, defaults, &parsed, nullptr).ok()) {
        state.SkipWithError("parse failed");
      }
      benchmark::DoNotOptimize(parsed.request());
      ++lines;
    }
  }
  state.SetItemsProcessed(lines);
  state.SetBytesProcessed(state.iterations() * jsonl.size());
}
BENCHMARK(BM_ReadJsonl_Reused);

}  // namespace
}  // namespace crossgate

BENCHMARK_MAIN();
