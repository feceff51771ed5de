// The demo requests in examples/requests: every file and every JSONL line is
// a valid request, the JSONL mirrors the files, expected.json covers each one
// and names real policies, and every id a request uses is defined by the
// example tenant documents (examples/policies).

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "lib/model/guid.h"
#include "lib/request_json/request_reader.h"
#include "lib/request_json/request_writer.h"
#include "tests/examples/example_files.h"

namespace crossgate {
namespace {

using google::protobuf::Value;
using testing_examples::ExampleRequestFiles;
using testing_examples::ExamplesDir;
using testing_examples::ReadExample;

Value ParseJson(const std::string& text, const std::string& what) {
  Value value;
  auto status = google::protobuf::util::JsonStringToMessage(text, &value);
  EXPECT_TRUE(status.ok()) << what << ": " << status.ToString();
  return value;
}

// Every string in the tree that is a GUID.
void CollectGuids(const Value& value, std::set<std::string>* out) {
  switch (value.kind_case()) {
    case Value::kStringValue:
      if (auto guid = ParseGuid(value.string_value())) {
        out->insert(FormatGuid(*guid));
      }
      break;
    case Value::kListValue:
      for (const Value& v : value.list_value().values()) CollectGuids(v, out);
      break;
    case Value::kStructValue:
      for (const auto& [key, v] : value.struct_value().fields()) {
        CollectGuids(v, out);
      }
      break;
    default:
      break;
  }
}

RequestDefaults NoDefaults() { return RequestDefaults(); }

TEST(ExampleRequestsTest, EveryFileParsesWithoutDefaultsForDirectoryFacts) {
  std::vector<std::string> files = ExampleRequestFiles();
  ASSERT_GE(files.size(), 30u);
  for (const std::string& file : files) {
    std::vector<std::string> notes;
    auto parsed =
        ParseRequestJson(ReadExample("requests/" + file), NoDefaults(), &notes);
    ASSERT_TRUE(parsed.ok()) << file << ": " << parsed.status();
    // The demo requests state their tenant, identity and claims; the only
    // notes allowed are "no device" and the Chromebook's unknown platform.
    for (const std::string& note : notes) {
      EXPECT_TRUE(
          absl::StartsWith(note, "signInConditions.deviceInfo not given") ||
          absl::StartsWith(note,
                           "signInConditions.devicePlatform \"chromeOS\""))
          << file << ": " << note;
    }
  }
}

TEST(ExampleRequestsTest, JsonlMirrorsTheFilesInTableOrder) {
  std::string jsonl = ReadExample("requests/requests.jsonl");
  std::vector<std::string> lines =
      absl::StrSplit(jsonl, '\n', absl::SkipEmpty());
  Value expected =
      ParseJson(ReadExample("requests/expected.json"), "expected.json");
  ASSERT_EQ(expected.kind_case(), Value::kListValue);
  const auto& entries = expected.list_value().values();
  ASSERT_EQ(static_cast<size_t>(entries.size()), lines.size());
  ASSERT_EQ(lines.size(), ExampleRequestFiles().size());
  RequestReader reader;
  ParsedRequest from_line;
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto& entry = entries[static_cast<int>(i)].struct_value().fields();
    std::string file = entry.at("file").string_value();
    ASSERT_TRUE(reader.Parse(lines[i], NoDefaults(), &from_line, nullptr).ok())
        << "line " << i + 1;
    auto from_file = ParseRequestJson(ReadExample("requests/" + file),
                                      NoDefaults(), nullptr);
    ASSERT_TRUE(from_file.ok()) << file;
    EXPECT_EQ(FormatRequestJson(from_line), FormatRequestJson(*from_file))
        << "line " << i + 1 << " vs " << file;
    // Each expectation is complete enough to become a golden test.
    const auto& exp = entry.at("expected").struct_value().fields();
    std::string outcome = exp.at("outcome").string_value();
    EXPECT_THAT(outcome, ::testing::AnyOf("allow", "block", "challenge"))
        << file;
    if (outcome == "block") {
      EXPECT_TRUE(exp.contains("stage")) << file;
    }
    if (outcome == "challenge") {
      EXPECT_TRUE(exp.contains("challengeLocation")) << file;
      EXPECT_TRUE(exp.contains("requirements")) << file;
    }
    EXPECT_FALSE(entry.at("why").string_value().empty()) << file;
  }
}

// Ids in requests and expectations resolve against the tenant documents
// (plus well-known Microsoft ids and the ids only a directory would know:
// users, groups, devices).
TEST(ExampleRequestsTest, PolicyIdsInExpectationsExist) {
  std::set<std::string> policy_ids;
  for (const char* tenant : {"contoso", "fabrikam", "northwind"}) {
    Value doc = ParseJson(
        ReadExample(absl::StrCat("policies/", tenant, ".json")), tenant);
    for (const Value& policy : doc.struct_value()
                                   .fields()
                                   .at("conditionalAccessPolicies")
                                   .list_value()
                                   .values()) {
      policy_ids.insert(policy.struct_value().fields().at("id").string_value());
    }
  }
  Value expected =
      ParseJson(ReadExample("requests/expected.json"), "expected.json");
  int deciding = 0;
  for (const Value& entry : expected.list_value().values()) {
    const auto& exp =
        entry.struct_value().fields().at("expected").struct_value().fields();
    if (!exp.contains("decidingPolicy")) continue;
    ++deciding;
    EXPECT_TRUE(policy_ids.count(exp.at("decidingPolicy")
                                     .struct_value()
                                     .fields()
                                     .at("id")
                                     .string_value()))
        << entry.struct_value().fields().at("file").string_value();
  }
  EXPECT_GE(deciding, 8);
}

TEST(ExampleRequestsTest, RequestTenantsAreExampleTenants) {
  std::set<std::string> tenants;
  for (const char* tenant : {"contoso", "fabrikam", "northwind"}) {
    Value doc = ParseJson(
        ReadExample(absl::StrCat("policies/", tenant, ".json")), tenant);
    tenants.insert(doc.struct_value().fields().at("tenantId").string_value());
  }
  for (const std::string& file : ExampleRequestFiles()) {
    auto parsed = ParseRequestJson(ReadExample("requests/" + file),
                                   NoDefaults(), nullptr);
    ASSERT_TRUE(parsed.ok()) << file;
    EXPECT_TRUE(tenants.count(FormatGuid(parsed->request().resource_tenant_id)))
        << file;
  }
}

// Every GUID a Contoso policy references is either defined in the document
// (policies, locations, strengths), a well-known Microsoft id, or a
// directory object (user, group, role, app, tenant) listed in
// examples/policies/README.md.
TEST(ExamplePoliciesTest, ContosoReferencesResolve) {
  std::string readme = ReadExample("policies/README.md");
  Value doc = ParseJson(ReadExample("policies/contoso.json"), "contoso.json");
  std::set<std::string> defined;
  const auto& fields = doc.struct_value().fields();
  for (const char* list : {"conditionalAccessPolicies", "namedLocations",
                           "authenticationStrengthPolicies"}) {
    for (const Value& item : fields.at(list).list_value().values()) {
      defined.insert(item.struct_value().fields().at("id").string_value());
    }
  }
  std::set<std::string> referenced;
  CollectGuids(doc, &referenced);
  int checked = 0;
  for (const std::string& id : referenced) {
    if (defined.count(id) || absl::StrContains(readme, id)) {
      ++checked;
      continue;
    }
    ADD_FAILURE() << "contoso.json references " << id
                  << ", which neither the document nor README.md defines";
  }
  EXPECT_GT(checked, 60);
}

}  // namespace
}  // namespace crossgate
