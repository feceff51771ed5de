// Fuzz target: the device-filter rule parser, compiler and evaluator, and the
// application (custom security attribute) filter.
//
// Input: one flags byte (bit 0: allow -match/-notMatch), then NUL-separated
// pieces: the rule, then the device's 26 text properties in DeviceText order
// (a piece "\x01" is null), then physical ids up to a piece "\x02", then
// system labels. No pieces after the rule: an unregistered device.
//
// Properties: no crash and no unbounded time (limits: 3072 characters,
// depth, terms, RE2 max_mem); an accepted rule is at most 3072 UTF-16 code
// units; evaluation is deterministic; an unregistered device answers
// MatchesUnregistered(); enabling regex never rejects a rule accepted
// without it; the application filter never crashes either.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "lib/device_filter/attribute_filter.h"
#include "lib/device_filter/device_filter.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using crossgate::device_filter::DeviceAttributes;

// UTF-16 code units of valid UTF-8, or -1 when it is not valid UTF-8.
long Utf16Length(absl::string_view s) {
  long units = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return -1;
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return units;
}

class FixedLookup : public crossgate::device_filter::AttributeLookup {
 public:
  explicit FixedLookup(absl::Span<const absl::string_view> values) : values_(values) {}
  crossgate::device_filter::AttributeValues Find(absl::string_view,
                                                 absl::string_view name) const override {
    if (name.empty() || values_.empty()) return absl::nullopt;
    return values_.subspan(0, name.size() % (values_.size() + 1));
  }

 private:
  absl::Span<const absl::string_view> values_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace df = crossgate::device_filter;
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const absl::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<absl::string_view> pieces = absl::StrSplit(rest, '\0');
  const absl::string_view rule = pieces[0];

  DeviceAttributes device;
  std::vector<absl::string_view> physical, labels;
  if (pieces.size() > 1) {
    device.registered = true;
    size_t p = 1;
    for (size_t i = 0; i < df::kDeviceTextCount && p < pieces.size(); ++i, ++p) {
      if (pieces[p] != "\x01") device.text[i] = pieces[p];
    }
    bool in_labels = false;
    for (; p < pieces.size(); ++p) {
      if (pieces[p] == "\x02") {
        in_labels = true;
        continue;
      }
      (in_labels ? labels : physical).push_back(pieces[p]);
    }
    if (!physical.empty()) device.physical_ids = absl::MakeConstSpan(physical);
    if (in_labels) device.system_labels = absl::MakeConstSpan(labels);
    if (flags & 2) device.is_compliant = (flags & 4) != 0;
  }

  df::Options options;
  options.allow_regex_operators = (flags & 1) != 0;
  auto compiled = df::CompileRule(rule, options);
  if (compiled.ok()) {
    const long units = Utf16Length(rule);
    FUZZ_CHECK(units <= 3072, "accepted a rule over 3072 characters");
    const bool a = compiled->Matches(device);
    const bool b = compiled->Matches(device);
    FUZZ_CHECK(a == b, "evaluation is not deterministic");
    FUZZ_CHECK(compiled->Matches(nullptr) == compiled->MatchesUnregistered(),
               "null device differs from MatchesUnregistered");
    DeviceAttributes unregistered = device;
    unregistered.registered = false;
    FUZZ_CHECK(compiled->Matches(unregistered) == compiled->MatchesUnregistered(),
               "unregistered device differs from MatchesUnregistered");
    FUZZ_CHECK(compiled->term_count() <= options.max_terms, "term limit");
    if (!options.allow_regex_operators) {
      df::Options with_regex = options;
      with_regex.allow_regex_operators = true;
      FUZZ_CHECK(df::CompileRule(rule, with_regex).ok(),
                 "allowing regex rejected a rule accepted without it");
    }
  }

  auto app_rule = df::CompileAttributeRule(rule, options);
  FUZZ_CHECK(app_rule.ok() == df::CheckApplicationFilterRule(rule, options).ok(),
             "CheckApplicationFilterRule disagrees with CompileAttributeRule");
  if (app_rule.ok()) {
    FixedLookup lookup(absl::MakeConstSpan(physical));
    const bool a = app_rule->Matches(lookup);
    FUZZ_CHECK(a == app_rule->Matches(lookup), "attribute rule not deterministic");
  }
  return 0;
}
