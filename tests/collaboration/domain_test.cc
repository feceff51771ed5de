// D6 / spec 3.2: invitation domain normalization and matching.

#include "lib/collaboration/domain.h"

#include <string>

#include "gtest/gtest.h"

namespace crossgate::collaboration {
namespace {

absl::optional<std::string> Norm(absl::string_view in,
                                 DomainError* error = nullptr) {
  DomainBuffer buffer;
  absl::optional<absl::string_view> out = NormalizeDomain(in, &buffer, error);
  if (!out.has_value()) return absl::nullopt;
  return std::string(*out);
}

TEST(D6, DomainIsLowerCasedAndTrailingDotRemoved) {
  EXPECT_EQ(Norm("Contoso.COM"), "contoso.com");
  EXPECT_EQ(Norm("contoso.com."), "contoso.com");
  EXPECT_EQ(Norm("xn--bcher-kva.example"), "xn--bcher-kva.example");
  EXPECT_EQ(Norm("a-b.c0"), "a-b.c0");
}

TEST(D6, WildcardsAndPatternsAreRejected) {
  DomainError error;
  EXPECT_FALSE(Norm("*.contoso.com", &error).has_value());
  EXPECT_EQ(error, DomainError::kWildcard);
  EXPECT_FALSE(Norm("contoso?.com", &error).has_value());
  EXPECT_EQ(error, DomainError::kWildcard);
}

TEST(D6, MalformedDomainsAreRejected) {
  DomainError error;
  for (const char* bad :
       {"", ".", "contoso..com", ".contoso.com", "-contoso.com", "contoso-.com",
        "con toso.com", "contoso.com/x", "user@contoso.com", "contoso.com..",
        "bücher.example"}) {
    EXPECT_FALSE(Norm(bad, &error).has_value()) << bad;
    EXPECT_NE(error, DomainError::kNone) << bad;
  }
  EXPECT_FALSE(Norm(std::string(254, 'a'), &error).has_value());
  EXPECT_EQ(error, DomainError::kTooLong);
  EXPECT_FALSE(Norm(std::string(64, 'a') + ".com", &error).has_value());
  EXPECT_EQ(error, DomainError::kBadLabel);
  EXPECT_TRUE(Norm(std::string(63, 'a') + ".com").has_value());
}

TEST(D6, EmailDomainIsTheTextAfterTheLastAt) {
  EXPECT_EQ(EmailDomain("bob@contoso.com"), absl::string_view("contoso.com"));
  EXPECT_EQ(EmailDomain("\"a@b\"@contoso.com"),
            absl::string_view("contoso.com"));
  EXPECT_FALSE(EmailDomain("contoso.com").has_value());
  EXPECT_FALSE(EmailDomain("@contoso.com").has_value());
  EXPECT_FALSE(EmailDomain("bob@").has_value());
}

}  // namespace
}  // namespace crossgate::collaboration
