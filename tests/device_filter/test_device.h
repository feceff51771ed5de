#ifndef CROSSGATE_TESTS_DEVICE_FILTER_TEST_DEVICE_H_
#define CROSSGATE_TESTS_DEVICE_FILTER_TEST_DEVICE_H_

// Test helpers for the device filter: a device that owns its strings, and
// one-line compile helpers that turn a Status into its message.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "lib/device_filter/device_filter.h"

namespace crossgate::device_filter::testing {

// Owns every string; attrs() returns views into it, valid until the next
// mutation.
class TestDevice {
 public:
  static TestDevice Unregistered() { return TestDevice(false); }
  static TestDevice Registered() { return TestDevice(true); }

  TestDevice& Set(DeviceText p, std::string value) {
    text_[static_cast<size_t>(p)] = std::move(value);
    return *this;
  }
  TestDevice& Clear(DeviceText p) {
    text_[static_cast<size_t>(p)].reset();
    return *this;
  }
  TestDevice& Compliant(std::optional<bool> value) {
    compliant_ = value;
    return *this;
  }
  TestDevice& Collection(DeviceCollection c,
                         std::optional<std::vector<std::string>> values) {
    collections_[static_cast<size_t>(c)] = std::move(values);
    return *this;
  }

  const DeviceAttributes& attrs() {
    attrs_ = DeviceAttributes();
    attrs_.registered = registered_;
    for (size_t i = 0; i < kDeviceTextCount; ++i) {
      if (text_[i].has_value()) attrs_.text[i] = absl::string_view(*text_[i]);
    }
    if (compliant_.has_value()) attrs_.is_compliant = *compliant_;
    for (size_t c = 0; c < 2; ++c) {
      views_[c].clear();
      if (!collections_[c].has_value()) continue;
      for (const std::string& s : *collections_[c]) views_[c].push_back(s);
      attrs_[static_cast<DeviceCollection>(c)] =
          absl::Span<const absl::string_view>(views_[c]);
    }
    return attrs_;
  }

 private:
  explicit TestDevice(bool registered) : registered_(registered) {}

  bool registered_;
  std::array<std::optional<std::string>, kDeviceTextCount> text_;
  std::optional<bool> compliant_;
  std::array<std::optional<std::vector<std::string>>, 2> collections_;
  std::array<std::vector<absl::string_view>, 2> views_;
  DeviceAttributes attrs_;
};

inline Options RegexOptions() {
  Options o;
  o.allow_regex_operators = true;
  return o;
}

// Compiles `rule`, failing the test (and returning a rule that matches
// nothing) when it does not compile.
inline CompiledRule MustCompile(absl::string_view rule,
                                const Options& options = {}) {
  absl::StatusOr<CompiledRule> compiled = CompileRule(rule, options);
  EXPECT_TRUE(compiled.ok()) << rule << ": " << compiled.status();
  if (!compiled.ok()) return *CompileRule("device.model -eq \"\\x01never\"");
  return *std::move(compiled);
}

// "OK", or the error message; asserts InvalidArgument for errors.
inline std::string CompileError(absl::string_view rule,
                                const Options& options = {}) {
  absl::StatusOr<CompiledRule> compiled = CompileRule(rule, options);
  if (compiled.ok()) return "OK";
  EXPECT_EQ(compiled.status().code(), absl::StatusCode::kInvalidArgument)
      << compiled.status();
  return std::string(compiled.status().message());
}

inline bool Eval(absl::string_view rule, TestDevice& device,
                 const Options& options = {}) {
  return MustCompile(rule, options).Matches(device.attrs());
}

}  // namespace crossgate::device_filter::testing

#endif  // CROSSGATE_TESTS_DEVICE_FILTER_TEST_DEVICE_H_
