// The JSON layer under the request reader (simdjson, lib/request_json):
// duplicate keys, strict JSON, numbers, nesting, limits and their status
// codes, and reader reuse across errors. docs/request.md "Parsing".

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "lib/request_json/json_fields.h"
#include "lib/request_json/request_reader.h"
#include "tests/request_json/request_test_util.h"

namespace crossgate {
namespace {

using testing_request_json::ContosoDefaults;

// README.md "Limits" (json_fields.h kMaxRequestListEntries).
constexpr int kListLimit = 100000;

constexpr char kUser[] =
    R"("signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001"})";
constexpr char kApp[] =
    R"("signInContext": {"includeApplications": ["00000003-0000-0ff1-ce00-000000000000"]})";

std::string Request(absl::string_view extra_members = "") {
  return absl::StrCat("{", kUser, ",", kApp, extra_members, "}");
}

absl::Status StatusOf(absl::string_view json) {
  return ParseRequestJson(json, ContosoDefaults(), nullptr).status();
}

// The message of an InvalidArgument error ("OK" when the request parses).
std::string ErrorOf(absl::string_view json) {
  absl::Status status = StatusOf(json);
  if (status.ok()) return "OK";
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
  return std::string(status.message());
}

TEST(RequestJsonSyntaxTest, ParsePaddedReadsOnlyTheTextItWasGiven) {
  // The padding after the text is readable but not part of it: whatever it
  // holds, ParsePadded decides exactly as Parse does on the text alone.
  const std::string whole = Request(R"(,"claims": {"mfa": true})");
  const std::string fillers[] = {std::string(kRequestJsonPadding, ' '),
                                 std::string(kRequestJsonPadding, '}'),
                                 std::string(kRequestJsonPadding, '\0'),
                                 absl::StrCat("\n", whole)};
  for (size_t cut : {whole.size(), whole.size() - 1, whole.size() / 2}) {
    const absl::string_view text(whole.data(), cut);
    RequestReader copying, in_place;
    ParsedRequest a, b;
    const absl::Status want =
        copying.Parse(text, ContosoDefaults(), &a, nullptr);
    for (const std::string& filler : fillers) {
      const std::string buffer =
          absl::StrCat(text, filler.substr(0, kRequestJsonPadding));
      const absl::Status got =
          in_place.ParsePadded(absl::string_view(buffer.data(), cut),
                               ContosoDefaults(), &b, nullptr);
      EXPECT_EQ(got, want) << cut;
      if (want.ok() && got.ok()) {
        EXPECT_EQ(a.request().principal_id, b.request().principal_id);
        EXPECT_EQ(a.request().claims.mfa, b.request().claims.mfa);
      }
    }
  }
}

TEST(RequestJsonSyntaxTest, DuplicateKeysNameThePath) {
  EXPECT_EQ(ErrorOf(Request(R"(,"claims": {}, "claims": {})")),
            "request: invalid JSON: duplicate key \"claims\"");
  EXPECT_EQ(
      ErrorOf(Request(
          R"(,"signInConditions": {"country": "US", "country": "FR"})")),
      "request: invalid JSON: duplicate key \"signInConditions.country\"");
  // null = absent does not make a repeat harmless: which one was meant?
  EXPECT_EQ(ErrorOf(Request(R"(,"claims": null, "claims": {"mfa": true})")),
            "request: invalid JSON: duplicate key \"claims\"");
  EXPECT_EQ(
      ErrorOf(
          R"({"signInIdentity": {"@odata.type": "#microsoft.graph.userSignIn",
              "@odata.type": "#microsoft.graph.servicePrincipalSignIn"}})"),
      "request: invalid JSON: duplicate key \"signInIdentity.@odata.type\"");
  // Among annotations, and inside values the reader skips unread: an
  // accepted request has no repeated key anywhere.
  EXPECT_EQ(
      ErrorOf(Request(R"(,"@odata.context": "a", "@odata.context": "b")")),
      "request: invalid JSON: duplicate key \"@odata.context\"");
  EXPECT_EQ(ErrorOf(Request(
                R"(,"@odata.context": {"x": [{"b": 1}, {"b": 1, "b": 2}]})")),
            "request: invalid JSON: duplicate key \"@odata.context.x[1].b\"");
  EXPECT_EQ(
      ErrorOf(Request(
          R"(,"signInConditions": {"agentIdRiskLevel": {"l": 1, "l": 1}})")),
      "request: invalid JSON: duplicate key "
      "\"signInConditions.agentIdRiskLevel.l\"");
}

TEST(RequestJsonSyntaxTest, DuplicateKeysAreFoundInReadingOrder) {
  // Like every error, the first one the reader meets is reported.
  EXPECT_EQ(ErrorOf(R"({"signInIdentity": {"userId": 42},
                        "claims": {"mfa": true, "mfa": false}})"),
            "signInIdentity.userId: expected a string, got number");
  EXPECT_EQ(ErrorOf(Request(R"(,"claims": {"mfa": true, "mfa": false})")),
            "request: invalid JSON: duplicate key \"claims.mfa\"");
  // A repeated unknown member is an unknown member.
  EXPECT_EQ(ErrorOf(Request(R"(,"zz": 1, "zz": 2)")), "zz: unknown property");
}

TEST(RequestJsonSyntaxTest, DuplicateKeysInLargeObjects) {
  // More members than the pairwise check handles: the hash-set path.
  std::string device;
  for (int i = 1; i <= 15; ++i) {
    absl::StrAppend(&device, "\"extensionAttribute", i, "\": \"v", i, "\", ");
  }
  absl::StrAppend(&device, R"("model": "m", "manufacturer": "x", )",
                  R"("operatingSystem": "Windows")");
  const std::string fine = Request(
      absl::StrCat(R"(,"signInConditions": {"deviceInfo": {)", device, "}}"));
  EXPECT_EQ(ErrorOf(fine), "OK");
  const std::string twice =
      Request(absl::StrCat(R"(,"signInConditions": {"deviceInfo": {)", device,
                           R"(, "extensionAttribute7": "w"}})"));
  EXPECT_EQ(ErrorOf(twice),
            "request: invalid JSON: duplicate key "
            "\"signInConditions.deviceInfo.extensionAttribute7\"");
}

TEST(RequestJsonSyntaxTest, StrictJson) {
  // protobuf's parser (before simdjson) accepted all of these.
  for (const char* json : {
           R"({"signInIdentity": {}, })",       // trailing comma
           R"({'signInIdentity': {}})",         // single quotes
           R"({signInIdentity: {}})",           // unquoted key
           "{\"signInIdentity\": \"a\x01b\"}",  // raw control character
           R"({"signInIdentity": NaN})",
           R"({"signInIdentity": 123456789012345678901234567890})",
           R"({} {})",  // two documents
           "",
       }) {
    EXPECT_TRUE(absl::StartsWith(ErrorOf(json), "request: invalid JSON: "))
        << json << " -> " << ErrorOf(json);
  }
}

TEST(RequestJsonSyntaxTest, SyntaxErrorsCarryProtobufsExcerpt) {
  // The CLI locates the error from the excerpt and caret (request_input.cc).
  // protobuf quotes from the token it was parsing; the caret is under it.
  EXPECT_EQ(ErrorOf(R"({"signInIdentity": tru})"),
            "request: invalid JSON: Unexpected token.\ntru}\n^");
}

TEST(RequestJsonSyntaxTest, EveryNumberIsANumber) {
  for (const char* number :
       {"42", "-5", "18446744073709551615", "1.5e3", "-0", "0.0"}) {
    EXPECT_EQ(ErrorOf(absl::StrCat(R"({"signInIdentity": {"userId": )", number,
                                   "}}")),
              "signInIdentity.userId: expected a string, got number")
        << number;
  }
}

TEST(RequestJsonSyntaxTest, NestingIsBounded) {
  auto nested = [](int depth) {
    return absl::StrCat(std::string(depth, '['), std::string(depth, ']'));
  };
  EXPECT_EQ(ErrorOf(nested(64)), "request: expected a JSON object, got array");
  EXPECT_EQ(ErrorOf(nested(65)),
            "request: invalid JSON: nested deeper than 64 levels");
  // Also when the text is broken as well (protobuf, which explains syntax
  // errors, is quadratic in the depth: this took minutes).
  EXPECT_EQ(ErrorOf(absl::StrCat(std::string(100000, '['), "x")),
            "request: invalid JSON: nested deeper than 64 levels");
  EXPECT_EQ(ErrorOf(absl::StrCat("[\"]]]\\\"]]\",", std::string(100000, '['),
                                 "\xff")),
            "request: invalid JSON: nested deeper than 64 levels");
}

TEST(RequestJsonSyntaxTest, EmbeddedNulIsKeptAndQuoted) {
  EXPECT_EQ(ErrorOf(Request(
                R"(,"signInConditions": {"clientAppType": "bro\u0000wser"})")),
            "signInConditions.clientAppType: unknown value \"bro\\000wser\"");
}

TEST(RequestJsonSyntaxTest, ListLimitIsResourceExhausted) {
  auto ids = [](int n) {
    std::string out;
    for (int i = 0; i < n; ++i) absl::StrAppend(&out, i ? "," : "", "\"p\"");
    return Request(
        absl::StrCat(R"(,"signInConditions": {"deviceInfo": {"physicalIds": [)",
                     out, "]}}"));
  };
  EXPECT_TRUE(StatusOf(ids(kListLimit)).ok());
  absl::Status past = StatusOf(ids(kListLimit + 1));
  EXPECT_EQ(past.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(past.message(),
            "signInConditions.deviceInfo.physicalIds: 100001 entries; the "
            "limit is 100000");
}

TEST(RequestJsonSyntaxTest, SizeLimitIsResourceExhausted) {
  std::string at_limit = Request();
  at_limit.append(kMaxRequestJsonBytes - at_limit.size(), ' ');
  EXPECT_TRUE(StatusOf(at_limit).ok());
  at_limit.push_back(' ');
  absl::Status past = StatusOf(at_limit);
  EXPECT_EQ(past.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(past.message(), "request: 16777217 bytes; the limit is 16777216");
}

TEST(RequestJsonSyntaxTest, ReaderReuseAcrossErrors) {
  RequestReader reader;
  ParsedRequest parsed;
  const std::string good = Request(
      R"(,"signInConditions": {"country": "fr"}, "claims": {"mfa": true})");
  for (const std::string& bad :
       {std::string(R"({"a": )"), Request(R"(,"claims": {}, "claims": {})"),
        std::string("null"), Request(R"(,"grups": [])")}) {
    EXPECT_FALSE(reader.Parse(bad, ContosoDefaults(), &parsed, nullptr).ok())
        << bad;
    ASSERT_TRUE(reader.Parse(good, ContosoDefaults(), &parsed, nullptr).ok());
    auto fresh = ParseRequestJson(good, ContosoDefaults(), nullptr);
    ASSERT_TRUE(fresh.ok());
    EXPECT_EQ(parsed.request().country[0], 'F');
    EXPECT_EQ(parsed.request().country[1], 'R');
    EXPECT_TRUE(parsed.request().claims.mfa);
    EXPECT_EQ(parsed.request().principal_id, fresh->request().principal_id);
  }
  EXPECT_EQ(ErrorOf("null"), "request: expected a JSON object, got null");
}

}  // namespace
}  // namespace crossgate
