// Case folding (case_fold.h): length-preserving, idempotent, and the
// streaming comparisons agree with "fold both, then compare bytes".

#include "lib/device_filter/case_fold.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace crossgate::device_filter {
namespace {

size_t Utf8Length(uint32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

TEST(CaseFold, PreservesUtf8LengthAndIsIdempotent) {
  for (uint32_t cp = 0; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const uint32_t folded = FoldCodePoint(cp);
    ASSERT_EQ(Utf8Length(folded), Utf8Length(cp)) << std::hex << cp;
    ASSERT_EQ(FoldCodePoint(folded), folded) << std::hex << cp;
  }
}

TEST(CaseFold, KnownPairs) {
  const std::vector<std::pair<uint32_t, uint32_t>> pairs = {
      {'A', 'a'},       {'Z', 'z'},   {'a', 'a'},
      {'@', '@'},       {0xC9, 0xE9},  // É é
      {0xD7, 0xD7},                    // × is not a letter
      {0xDF, 0xDF},                    // ß has no single-character upper case
      {0x178, 0xFF},                   // Ÿ ÿ
      {0x100, 0x101},                  // Ā ā
      {0x139, 0x13A},                  // Ĺ ĺ
      {0x130, 0x130},    // İ: lower case is 'i' + combining dot; left alone
      {0x17F, 0x17F},    // ſ: folds to 's' (different length); left alone
      {0x3A3, 0x3C3},    // Σ σ
      {0x3C2, 0x3C3},    // ς σ
      {0x386, 0x3AC},    // Ά ά
      {0x38F, 0x3CE},    // Ώ ώ
      {0x416, 0x436},    // Ж ж
      {0x401, 0x451},    // Ё ё
      {0x4C0, 0x4CF},    // Ӏ ӏ
      {0x531, 0x561},    // Ա ա
      {0x1E00, 0x1E01},  // Ḁ ḁ
      {0x1E9E, 0x1E9E},  // ẞ: folds to ß (different length); left alone
      {0xFF21, 0xFF41},  // Ａ ａ
      {0x212A, 0x212A},  // Kelvin sign: folds to 'k' (different length)
      {0x4E2D, 0x4E2D},  // 中
  };
  for (const auto& [from, to] : pairs) {
    EXPECT_EQ(FoldCodePoint(from), to) << std::hex << from;
  }
}

TEST(CaseFold, FoldCase) {
  EXPECT_EQ(FoldCase("Windows 10 PRO"), "windows 10 pro");
  EXPECT_EQ(FoldCase("ÉCOLE Ωμέγα ЖУК"), "école ωμέγα жук");
  EXPECT_EQ(FoldCase("\xFF\xC3X"), "\xFF\xC3x");  // invalid bytes kept
  EXPECT_EQ(FoldCase(""), "");
}

TEST(CaseFold, Comparisons) {
  EXPECT_TRUE(FoldedEquals("LAPTOP", "laptop"));
  EXPECT_FALSE(FoldedEquals("LAPTOP", "lapto"));
  EXPECT_FALSE(FoldedEquals("laptop", "Laptop"));  // literal must be folded
  EXPECT_TRUE(FoldedStartsWith("Élan", "él"));
  EXPECT_FALSE(FoldedStartsWith("E", "é"));
  EXPECT_TRUE(FoldedEndsWith("ЖУК", "ук"));
  EXPECT_TRUE(FoldedContains("xxÉCOLExx", "école"));
  EXPECT_TRUE(FoldedContains("", ""));
  EXPECT_FALSE(FoldedContains("", "a"));
  // A folded two-byte letter cannot straddle the end of the window.
  EXPECT_FALSE(FoldedStartsWith("É", "\xC3"));
  EXPECT_EQ(FoldedCompare("B", "a"), 1);
  EXPECT_EQ(FoldedCompare("A", "b"), -1);
  EXPECT_EQ(FoldedCompare("AB", "ab"), 0);
  EXPECT_EQ(FoldedCompare("A", "ab"), -1);
  EXPECT_EQ(FoldedCompare("ABC", "ab"), 1);
}

// The streaming comparisons must equal the definition: fold the value, then
// compare bytes. Values may hold invalid UTF-8; literals never do (rules are
// validated as UTF-8).
TEST(CaseFold, StreamingComparisonsAgreeWithFoldThenCompare) {
  const std::vector<std::string> value_atoms = {
      "a", "A", "b", "é", "É",    "ß",    "σ",  "Σ",  "ς",
      "ж", "Ж", "İ", "i", "\xC3", "\xA9", "中", "Ａ", "ａ"};
  const std::vector<std::string> literal_atoms = {
      "a", "A", "b", "é", "É", "ß", "σ", "Σ", "ж", "i", "中", "ａ"};
  std::mt19937 rng(4242);
  auto make = [&](const std::vector<std::string>& atoms, int max_len) {
    std::string s;
    int len = std::uniform_int_distribution<int>(0, max_len)(rng);
    for (int i = 0; i < len; ++i) {
      s += atoms[std::uniform_int_distribution<size_t>(0,
                                                       atoms.size() - 1)(rng)];
    }
    return s;
  };
  auto sign = [](int c) { return (c > 0) - (c < 0); };
  for (int iter = 0; iter < 20000; ++iter) {
    const std::string value = make(value_atoms, 6);
    const std::string literal = FoldCase(make(literal_atoms, 3));
    const std::string folded_value = FoldCase(value);
    SCOPED_TRACE(value + " vs " + literal);
    ASSERT_EQ(FoldedEquals(value, literal), folded_value == literal);
    ASSERT_EQ(FoldedStartsWith(value, literal),
              folded_value.compare(0, literal.size(), literal) == 0 &&
                  folded_value.size() >= literal.size());
    ASSERT_EQ(FoldedEndsWith(value, literal),
              folded_value.size() >= literal.size() &&
                  folded_value.compare(folded_value.size() - literal.size(),
                                       literal.size(), literal) == 0);
    ASSERT_EQ(FoldedContains(value, literal),
              folded_value.find(literal) != std::string::npos);
    ASSERT_EQ(sign(FoldedCompare(value, literal)),
              sign(folded_value.compare(literal)));
  }
}

}  // namespace
}  // namespace crossgate::device_filter
