#include "lib/model/guid.h"

#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "gtest/gtest.h"
#include "lib/compile/compiled_policy_set.h"

namespace crossgate {
namespace {

TEST(GuidTest, RoundTripsCanonicalForm) {
  auto g = ParseGuid("72f988bf-86f1-41af-91ab-2d7cd011db47");
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(FormatGuid(*g), "72f988bf-86f1-41af-91ab-2d7cd011db47");
}

TEST(GuidTest, AcceptsUpperCaseAndBraces) {
  auto upper = ParseGuid("{72F988BF-86F1-41AF-91AB-2D7CD011DB47}");
  auto lower = ParseGuid("72f988bf-86f1-41af-91ab-2d7cd011db47");
  ASSERT_TRUE(upper && lower);
  EXPECT_EQ(*upper, *lower);
}

TEST(GuidTest, RejectsMalformed) {
  for (const char* bad : {"", "All", "<AdministratorGroup>",
                          " 72f988bf-86f1-41af-91ab-2d7cd011db47",
                          "72f988bf-86f1-41af-91ab-2d7cd011db4",
                          "72f988bf-86f1-41af-91ab-2d7cd011db477",
                          "72f988bf_86f1-41af-91ab-2d7cd011db47",
                          "72f988bg-86f1-41af-91ab-2d7cd011db47",
                          "{72f988bf-86f1-41af-91ab-2d7cd011db47",
                          "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"}) {
    EXPECT_FALSE(ParseGuid(bad).has_value()) << bad;
  }
}

TEST(GuidTest, OrdersAndHashes) {
  Guid a = *ParseGuid("00000000-0000-0000-0000-000000000001");
  Guid b = *ParseGuid("00000000-0000-0000-0000-000000000002");
  Guid c = *ParseGuid("00000001-0000-0000-0000-000000000000");
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_TRUE(Guid{}.is_zero());
  absl::flat_hash_set<Guid> set = {a, b, c, a};
  EXPECT_EQ(set.size(), 3u);
}

// The representation the C ABI relies on: a Guid's bytes are the 16
// text-order bytes (crossgate_guid's layout, Python's uuid.UUID.bytes).
TEST(GuidTest, ObjectBytesAreTextOrderBytes) {
  const Guid g = *ParseGuid("72f988bf-86f1-41af-91ab-2d7cd011db47");
  const unsigned char want[16] = {0x72, 0xf9, 0x88, 0xbf, 0x86, 0xf1,
                                  0x41, 0xaf, 0x91, 0xab, 0x2d, 0x7c,
                                  0xd0, 0x11, 0xdb, 0x47};
  unsigned char bytes[16];
  std::memcpy(bytes, &g, 16);
  EXPECT_EQ(std::memcmp(bytes, want, 16), 0);
  g.ToBytes(bytes);
  EXPECT_EQ(std::memcmp(bytes, want, 16), 0);
  EXPECT_EQ(Guid::FromBytes(want), g);
  EXPECT_EQ(g.high64(), 0x72f988bf86f141afULL);
  EXPECT_EQ(g.low64(), 0x91ab2d7cd011db47ULL);
  EXPECT_EQ(Guid::FromNumbers(0x72f988bf86f141afULL, 0x91ab2d7cd011db47ULL), g);
  // Any alignment.
  unsigned char buffer[17];
  std::memcpy(buffer + 1, want, 16);
  EXPECT_EQ(Guid::FromBytes(buffer + 1), g);
}

std::vector<Guid> RandomGuids(int n) {
  std::mt19937_64 rng(11);
  std::vector<Guid> out;
  for (int i = 0; i < n; ++i) {
    // Mostly random, some structured (differing only in one text byte).
    out.push_back(i % 3 == 0
                      ? Guid::FromNumbers(rng() & 0xff, uint64_t{1} << (i % 64))
                      : Guid::FromNumbers(rng(), rng()));
  }
  return out;
}

// operator< is the canonical text order, whatever the host byte order.
TEST(GuidTest, OrderIsTextOrder) {
  std::vector<Guid> ids = RandomGuids(500);
  std::vector<std::string> texts;
  for (const Guid& g : ids) texts.push_back(FormatGuid(g));
  std::sort(ids.begin(), ids.end());
  std::sort(texts.begin(), texts.end());
  for (size_t i = 0; i < ids.size(); ++i)
    EXPECT_EQ(FormatGuid(ids[i]), texts[i]);
}

// GuidHash (the decision tables and GuidFilter) still mixes the numeric
// words: the same values as before the byte representation changed, so
// table layouts and Bloom filter false-positive rates are unchanged.
TEST(GuidTest, GuidHashValuesUnchanged) {
  for (const Guid& g : RandomGuids(200)) {
    uint64_t x = g.high64() ^ (g.low64() * 0x9E3779B97F4A7C15ull);
    x ^= x >> 29;
    EXPECT_EQ(GuidHash()(g), static_cast<size_t>(x * 0xBF58476D1CE4E5B9ull));
  }
  EXPECT_EQ(GuidHash()(Guid::FromNumbers(0, 1)),
            static_cast<size_t>(
                ((0x9E3779B97F4A7C15ull) ^ (0x9E3779B97F4A7C15ull >> 29)) *
                0xBF58476D1CE4E5B9ull));
}

}  // namespace
// The obvious parser, character by character: ParseGuid's table-driven
// version must agree with it on every input.
absl::optional<Guid> SlowParseGuid(std::string text) {
  if (text.size() == 38 && text.front() == '{' && text.back() == '}') {
    text = text.substr(1, 36);
  }
  if (text.size() != 36) return absl::nullopt;
  uint8_t bytes[16] = {};
  int nibble = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return absl::nullopt;
      continue;
    }
    int v;
    if (c >= '0' && c <= '9') {
      v = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      v = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      v = c - 'A' + 10;
    } else {
      return absl::nullopt;
    }
    bytes[nibble / 2] = static_cast<uint8_t>(bytes[nibble / 2] << 4 | v);
    ++nibble;
  }
  return Guid::FromBytes(bytes);
}

TEST(GuidTest, ParseAgreesWithTheSlowParserOnMutatedText) {
  std::mt19937 rng(6);
  static constexpr char kBytes[] = "0123456789abcdefABCDEFgG-{} \0\xff";
  const std::string alphabet(kBytes, sizeof(kBytes) - 1);  // NUL included
  const std::string canonical = "4468c3c6-933e-55a3-b192-874C458EECB2";
  auto same = [&](const std::string& text) {
    absl::optional<Guid> want = SlowParseGuid(text);
    absl::optional<Guid> got = ParseGuid(text);
    ASSERT_EQ(got.has_value(), want.has_value()) << text;
    if (want.has_value()) {
      EXPECT_EQ(*got, *want) << text;
    }
  };
  same(canonical);
  same("{" + canonical + "}");
  same("");
  // Every byte value at every position (the SWAR range tests' edges: '/',
  // ':', '@', 'G', '`', 'g', control bytes that fold onto digits, 0x80+).
  for (size_t at = 0; at < canonical.size(); ++at) {
    for (int b = 0; b < 256; ++b) {
      std::string text = canonical;
      text[at] = static_cast<char>(b);
      same(text);
    }
  }
  for (int round = 0; round < 20000; ++round) {
    std::string text = canonical;
    // One to three bytes replaced; sometimes a length change.
    for (int k = std::uniform_int_distribution<int>(1, 3)(rng); k > 0; --k) {
      text[std::uniform_int_distribution<size_t>(0, text.size() - 1)(rng)] =
          alphabet[std::uniform_int_distribution<size_t>(
              0, alphabet.size() - 1)(rng)];
    }
    if (round % 7 == 0) text.pop_back();
    if (round % 11 == 0) text = "{" + text + "}";
    same(text);
  }
}

}  // namespace crossgate
