// Tests for the shared test helpers themselves: a matcher that cannot fail is
// worse than none.

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest-spi.h"
#include "gtest/gtest.h"
#include "tests/testing/corpus.h"
#include "tests/testing/request_builder.h"
#include "tests/testing/status_matchers.h"

namespace crossgate {
namespace testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(StatusMatchersTest, IsOkOnStatusAndStatusOr) {
  EXPECT_THAT(absl::OkStatus(), IsOk());
  EXPECT_THAT(absl::StatusOr<int>(3), IsOk());
  EXPECT_THAT(absl::InvalidArgumentError("x"), Not(IsOk()));
  EXPECT_THAT(absl::StatusOr<int>(absl::NotFoundError("y")), Not(IsOk()));
}

TEST(StatusMatchersTest, StatusIsChecksCodeAndMessage) {
  absl::Status s = absl::InvalidArgumentError("conditions/users: bad guid");
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(s, Not(StatusIs(absl::StatusCode::kNotFound)));
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kInvalidArgument,
                          HasSubstr("conditions/users")));
  EXPECT_THAT(s, Not(StatusIs(absl::StatusCode::kInvalidArgument,
                              HasSubstr("locations"))));
  EXPECT_THAT(absl::StatusOr<std::string>(s),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "conditions/users: bad guid"));
}

absl::StatusOr<int> Seven() { return 7; }
absl::StatusOr<int> Broken() { return absl::InternalError("broken"); }

TEST(StatusMatchersTest, AssertOkAndAssign) {
  ASSERT_OK_AND_ASSIGN(int v, Seven());
  EXPECT_EQ(v, 7);
  EXPECT_FATAL_FAILURE(
      {
        ASSERT_OK_AND_ASSIGN(int w, Broken());
        (void)w;
      },
      "broken");
}

TEST(CorpusTest, SharedDirHoldsTheCorpusManifest) {
  ASSERT_OK_AND_ASSIGN(std::string manifest,
                       ReadFileToString(CorpusPath("MANIFEST.tsv")));
  EXPECT_THAT(manifest, HasSubstr("j0eyv/ConditionalAccessBaseline"));
  EXPECT_THAT(ReadFileToString(CorpusPath("no/such/file")),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("no/such/file")));
}

TEST(CorpusTest, ListFilesIsSortedAndFiltered) {
  ASSERT_OK_AND_ASSIGN(
      auto files,
      ListFiles(
          CorpusPath("Cloudshield-io__Conditional-Access-Framework/Config/"
                     "NamedLocations"),
          ".json"));
  ASSERT_EQ(files.size(), 4u);
  EXPECT_THAT(files[0], HasSubstr("ALLOWED COUNTRIES - SERVICE ACCOUNTS.json"));
  EXPECT_TRUE(std::is_sorted(files.begin(), files.end()));
  EXPECT_THAT(ListFiles("/no/such/dir", ""),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST(RequestBuilderTest, OwnsSpanStorageAcrossCopies) {
  RequestBuilder b;
  b.Tenant("11111111-1111-1111-1111-111111111111")
      .User("22222222-2222-2222-2222-222222222222")
      .Groups({"33333333-3333-3333-3333-333333333333",
               "44444444-4444-4444-4444-444444444444"})
      .AcceptTerms("55555555-5555-5555-5555-555555555555")
      .SatisfyCustomControl("Duo")
      .Ip("203.0.113.9")
      .Country("NL")
      .Mfa(ClaimOrigin::kResourceTenant)
      .Methods({policy::v1::AUTHENTICATION_METHOD_MODE_PASSWORD,
                policy::v1::AUTHENTICATION_METHOD_MODE_SMS});
  RequestBuilder copy = b;
  const Request& r = copy.Build();
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[1], G("44444444-4444-4444-4444-444444444444"));
  EXPECT_EQ(r.groups.bytes() == b.Build().groups.bytes(), false);
  ASSERT_EQ(r.claims.satisfied_custom_controls.size(), 1u);
  EXPECT_EQ(std::string(r.claims.satisfied_custom_controls[0]), "Duo");
  EXPECT_TRUE(r.has_ip);
  EXPECT_EQ(r.country[0], 'N');
  EXPECT_EQ(r.claims.authentication_methods,
            (1u << policy::v1::AUTHENTICATION_METHOD_MODE_PASSWORD) |
                (1u << policy::v1::AUTHENTICATION_METHOD_MODE_SMS));
  EXPECT_FALSE(r.is_external());
}

TEST(RequestBuilderTest, MalformedGuidFailsTheTest) {
  EXPECT_NONFATAL_FAILURE(G("not-a-guid"), "not a GUID");
}

}  // namespace
}  // namespace testing
}  // namespace crossgate
