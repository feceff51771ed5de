#ifndef CROSSGATE_LIB_DEVICE_FILTER_DEVICE_STRING_H_
#define CROSSGATE_LIB_DEVICE_FILTER_DEVICE_STRING_H_

// One string-valued device property: a borrowed string or null (spec 4.10:
// a property the directory does not hold). Reads like
// absl::optional<absl::string_view>, but is stored as {data, size} with a
// null `data` meaning null: the layout of the C ABI's crossgate_str, so the
// C ABI copies a caller's block of device strings as bytes instead of
// rebuilding 26 optionals per request.

#include <cstddef>
#include <string>
#include <type_traits>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

namespace crossgate::device_filter {

class DeviceString {
 public:
  constexpr DeviceString() = default;
  constexpr DeviceString(absl::nullopt_t) {}  // NOLINT: like optional
  // A present string; an empty view (even a default-constructed one, whose
  // data() is null) is the empty string, not null.
  constexpr DeviceString(absl::string_view s)  // NOLINT: like optional
      : data_(s.data() != nullptr ? s.data() : ""), size_(s.size()) {}
  constexpr DeviceString(const char* s)  // NOLINT: like optional
      : DeviceString(absl::string_view(s)) {}
  DeviceString(const std::string& s)  // NOLINT: like optional
      : DeviceString(absl::string_view(s)) {}
  DeviceString(const absl::optional<absl::string_view>& s)  // NOLINT
      : DeviceString(s.has_value() ? DeviceString(*s) : DeviceString()) {}

  bool has_value() const { return data_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  // The string; only when has_value().
  absl::string_view operator*() const {
    return absl::string_view(data_, size_);
  }
  absl::string_view value() const { return **this; }
  // s->size() and the like, as on an optional<string_view>.
  struct Arrow {
    absl::string_view view;
    const absl::string_view* operator->() const { return &view; }
  };
  Arrow operator->() const { return Arrow{**this}; }

  operator absl::optional<absl::string_view>() const {  // NOLINT
    if (!has_value()) return absl::nullopt;
    return **this;
  }

  void reset() { *this = DeviceString(); }

  friend bool operator==(const DeviceString& a, const DeviceString& b) {
    return a.has_value() == b.has_value() && (!a.has_value() || *a == *b);
  }
  friend bool operator!=(const DeviceString& a, const DeviceString& b) {
    return !(a == b);
  }

 private:
  const char* data_ = nullptr;  // null: a null property
  size_t size_ = 0;
};

// What lets the C ABI copy crossgate_str bytes into DeviceStrings.
static_assert(std::is_trivially_copyable_v<DeviceString> &&
              std::is_standard_layout_v<DeviceString> &&
              sizeof(DeviceString) == sizeof(const char*) + sizeof(size_t));

}  // namespace crossgate::device_filter

#endif  // CROSSGATE_LIB_DEVICE_FILTER_DEVICE_STRING_H_
