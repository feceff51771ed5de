#include "lib/load/text_encoding.h"

#include <string>

#include "gtest/gtest.h"

namespace crossgate {
namespace load_internal {
namespace {

std::string Decode(const std::string& bytes, bool* ok) {
  std::string storage;
  absl::string_view text;
  absl::Status status = DecodeJsonText(bytes, &storage, &text);
  *ok = status.ok();
  return std::string(text);
}

TEST(TextEncodingTest, Utf8PassesThroughAndLosesItsBom) {
  bool ok = false;
  EXPECT_EQ(Decode("{\"a\":\"\xC3\xA9\"}", &ok), "{\"a\":\"\xC3\xA9\"}");
  EXPECT_TRUE(ok);
  EXPECT_EQ(Decode("\xEF\xBB\xBF[]", &ok), "[]");
  EXPECT_TRUE(ok);
}

TEST(TextEncodingTest, Utf16WithBomBecomesUtf8) {
  bool ok = false;
  // "é😀" in UTF-16 LE and BE: U+00E9, then U+1F600 as a surrogate pair.
  EXPECT_EQ(Decode(std::string("\xFF\xFE\xE9\x00\x3D\xD8\x00\xDE", 8), &ok),
            "\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_TRUE(ok);
  EXPECT_EQ(Decode(std::string("\xFE\xFF\x00\xE9\xD8\x3D\xDE\x00", 8), &ok),
            "\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_TRUE(ok);
}

TEST(TextEncodingTest, RejectsInvalidUtf16) {
  bool ok = true;
  Decode(std::string("\xFF\xFE{\x00}", 5), &ok);  // odd length
  EXPECT_FALSE(ok);
  Decode(std::string("\xFF\xFE\x00\xDC", 4), &ok);  // lone low surrogate
  EXPECT_FALSE(ok);
  Decode(std::string("\xFF\xFE\x3D\xD8\x41\x00", 6), &ok);  // high + 'A'
  EXPECT_FALSE(ok);
  Decode(std::string("\xFF\xFE\x3D\xD8", 4), &ok);  // high at the end
  EXPECT_FALSE(ok);
}

TEST(TextEncodingTest, RejectsInvalidUtf8) {
  for (const char* bad :
       {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\x80"}) {
    bool ok = true;
    Decode(bad, &ok);
    EXPECT_FALSE(ok) << bad;
  }
}

TEST(TextEncodingTest, LooksLikeJson) {
  EXPECT_TRUE(LooksLikeJson(" \n{"));
  EXPECT_TRUE(LooksLikeJson("\xEF\xBB\xBF["));
  EXPECT_TRUE(LooksLikeJson("\xFF\xFE{\0"));
  EXPECT_FALSE(LooksLikeJson("\x08\x07\x12\x00"));
  EXPECT_FALSE(LooksLikeJson(""));
}

}  // namespace
}  // namespace load_internal
}  // namespace crossgate
