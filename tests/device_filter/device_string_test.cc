#include "lib/device_filter/device_string.h"

#include <cstring>
#include <string>

#include "gtest/gtest.h"

namespace crossgate::device_filter {
namespace {

TEST(DeviceString, NullUnlessAssigned) {
  DeviceString s;
  EXPECT_FALSE(s.has_value());
  EXPECT_FALSE(s);
  EXPECT_EQ(static_cast<absl::optional<absl::string_view>>(s), absl::nullopt);
  s = "Surface";
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(*s, "Surface");
  EXPECT_EQ(s->size(), 7u);
  s.reset();
  EXPECT_FALSE(s.has_value());
  s = absl::nullopt;
  EXPECT_FALSE(s.has_value());
}

// An empty string is a value (spec 4.10: `-eq ""` differs from null), even
// from a default absl::string_view whose data() is null.
TEST(DeviceString, EmptyIsNotNull) {
  DeviceString s = absl::string_view();
  EXPECT_TRUE(s.has_value());
  EXPECT_EQ(*s, "");
  EXPECT_NE(s, DeviceString());
  EXPECT_TRUE(DeviceString(std::string()).has_value());
}

TEST(DeviceString, ConvertsFromAndToOptional) {
  absl::optional<absl::string_view> none;
  absl::optional<absl::string_view> some = "AzureAD";
  EXPECT_FALSE(DeviceString(none).has_value());
  EXPECT_EQ(*DeviceString(some), "AzureAD");
  absl::optional<absl::string_view> back = DeviceString("x");
  EXPECT_EQ(back, "x");
  EXPECT_EQ(DeviceString("a"), DeviceString(std::string("a")));
  EXPECT_NE(DeviceString("a"), DeviceString("b"));
}

// The C ABI's crossgate_str {data, size} is copied into DeviceStrings as
// bytes; this is the layout it relies on.
TEST(DeviceString, HasTheDataSizeLayout) {
  struct Pair {
    const char* data;
    size_t size;
  };
  static_assert(sizeof(Pair) == sizeof(DeviceString));
  const char* text = "Workplace";
  Pair present{text, 4};
  DeviceString s;
  std::memcpy(static_cast<void*>(&s), &present, sizeof(s));
  EXPECT_EQ(*s, "Work");
  Pair absent{nullptr, 12345};  // a NULL string's size is ignored
  std::memcpy(static_cast<void*>(&s), &absent, sizeof(s));
  EXPECT_FALSE(s.has_value());
  EXPECT_EQ(s, DeviceString());
}

}  // namespace
}  // namespace crossgate::device_filter
