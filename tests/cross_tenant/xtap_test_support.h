#ifndef CROSSGATE_TESTS_CROSS_TENANT_XTAP_TEST_SUPPORT_H_
#define CROSSGATE_TESTS_CROSS_TENANT_XTAP_TEST_SUPPORT_H_

// Test-only helpers for the cross-tenant and collaboration suites: Guid and
// textproto shorthands, file access to shared/, reading test JSON (scenario
// tables, test vectors) through google::protobuf::Value, and loading tenant
// documents and Graph samples through the real loader (lib/load).

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "lib/load/load_issue.h"
#include "lib/load/loader.h"
#include "lib/model/guid.h"

// Debian 12's libprotobuf (3.21) crashes inside google::protobuf::Map (the
// fields of a Struct) in code built with GCC's -fsanitize=thread, even in a
// single-threaded program (checked with a ten-line program). Tests that read
// JSON through google::protobuf::Value skip themselves under TSan; the
// decision code they cover runs under TSan in the other tests.
#if defined(__SANITIZE_THREAD__)
#define XTAP_SKIP_JSON_UNDER_TSAN() \
  GTEST_SKIP() << "protobuf Map crashes under GCC TSan (Debian 12)"
#else
#define XTAP_SKIP_JSON_UNDER_TSAN() \
  do {                              \
  } while (0)
#endif

namespace crossgate::xtap_testing {

namespace pb = ::crossgate::policy::v1;
using google::protobuf::ListValue;
using google::protobuf::Struct;
using google::protobuf::Value;

// Parses a GUID literal; a bad literal fails the test and yields zero.
inline Guid G(absl::string_view text) {
  absl::optional<Guid> g = ParseGuid(text);
  EXPECT_TRUE(g.has_value()) << "bad test GUID " << text;
  return g.value_or(Guid{});
}

inline pb::TenantPolicies TenantFromText(absl::string_view text) {
  pb::TenantPolicies tenant;
  EXPECT_TRUE(
      google::protobuf::TextFormat::ParseFromString(std::string(text), &tenant))
      << text;
  return tenant;
}

inline std::string SharedDir() {
  if (const char* env = std::getenv("CROSSGATE_SHARED_DIR")) return env;
  return CROSSGATE_SHARED_DIR;
}

inline absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline absl::StatusOr<std::string> ReadGraphSample(absl::string_view name) {
  return ReadFile(absl::StrCat(SharedDir(), "/spec/graph-samples/", name));
}

inline absl::StatusOr<Value> ParseJson(absl::string_view text) {
  Value value;
  google::protobuf::util::JsonParseOptions options;
  auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(text.data(), text.size()), &value, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(std::string(status.message()));
  }
  return value;
}

// --- Reading parsed JSON (null reads as absent) -----------------------------

inline const Value* Field(const Struct& obj, absl::string_view key) {
  auto it = obj.fields().find(std::string(key));
  if (it == obj.fields().end() || it->second.kind_case() == Value::kNullValue) {
    return nullptr;
  }
  return &it->second;
}

inline const Struct* ObjectField(const Struct& obj, absl::string_view key) {
  const Value* v = Field(obj, key);
  return v != nullptr && v->kind_case() == Value::kStructValue
             ? &v->struct_value()
             : nullptr;
}

inline const ListValue* ListField(const Struct& obj, absl::string_view key) {
  const Value* v = Field(obj, key);
  return v != nullptr && v->kind_case() == Value::kListValue ? &v->list_value()
                                                             : nullptr;
}

inline std::string StringField(const Struct& obj, absl::string_view key) {
  const Value* v = Field(obj, key);
  return v != nullptr && v->kind_case() == Value::kStringValue
             ? v->string_value()
             : std::string();
}

// Sets *out and returns true when `key` holds a boolean (null = absent).
inline bool BoolField(const Struct& obj, absl::string_view key, bool* out) {
  const Value* v = Field(obj, key);
  if (v == nullptr || v->kind_case() != Value::kBoolValue) return false;
  *out = v->bool_value();
  return true;
}

// --- Through the real loader (lib/load) -------------------------------------

// Loads one JSON document (a tenant document or a single Graph export) with
// lib/load's LoadJsonText and returns its one tenant. Issues (warnings
// included) go to `issues` when non-null.
inline absl::StatusOr<pb::TenantPolicies> LoadTenantJson(
    absl::string_view text, std::vector<LoadIssue>* issues = nullptr) {
  absl::StatusOr<pb::PolicyBundle> bundle =
      LoadJsonText(text, LoadOptions(), issues);
  if (!bundle.ok()) return bundle.status();
  if (bundle->tenants_size() != 1) {
    return absl::InternalError("expected exactly one tenant");
  }
  return bundle->tenants(0);
}

// Loads a directory of JSON files as one tenant (LoadPaths).
inline absl::StatusOr<pb::TenantPolicies> LoadTenantDirectory(
    const std::string& dir, std::vector<LoadIssue>* issues = nullptr) {
  absl::StatusOr<pb::PolicyBundle> bundle =
      LoadPaths({dir}, LoadOptions(), issues);
  if (!bundle.ok()) return bundle.status();
  if (bundle->tenants_size() != 1) {
    return absl::InternalError("expected exactly one tenant");
  }
  return bundle->tenants(0);
}

// The JSON text of a parsed value (for wrapping test vectors into tenant
// documents).
inline std::string ToJson(const Value& value) {
  std::string out;
  google::protobuf::util::MessageToJsonString(value, &out);
  return out;
}

}  // namespace crossgate::xtap_testing

#endif  // CROSSGATE_TESTS_CROSS_TENANT_XTAP_TEST_SUPPORT_H_
