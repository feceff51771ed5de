#ifndef CROSSGATE_TESTS_RELIABILITY_HOSTILE_INPUTS_H_
#define CROSSGATE_TESTS_RELIABILITY_HOSTILE_INPUTS_H_

// Builders for hostile and broken policy inputs (tests/reliability): a
// minimal valid tenant document to break one member at a time, raw protobuf
// wire encoding for bundles no writer would produce, and the example
// tenants (examples/policies) that a catalogue engine serves meanwhile.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"

namespace crossgate::reliability {

inline constexpr char kTenant[] = "4d2f0b3e-6a1c-4b5e-9f00-0123456789ab";
inline constexpr char kGroup[] = "0b6e4f3a-2c1d-4e5f-8a9b-abcdefabcdef";

inline std::string SourcePath(absl::string_view rel) {
  return absl::StrCat(CROSSGATE_SOURCE_DIR, "/", rel);
}

// A tenant document holding `members` (JSON members, already joined).
inline std::string TenantDoc(absl::string_view members) {
  return absl::StrCat("{\"tenantId\": \"", kTenant, "\"",
                      members.empty() ? "" : ", ", members, "}");
}

// One policy with `conditions_extra` added to its conditions and `grant` as
// its grantControls (a JSON object).
inline std::string Policy(absl::string_view id, absl::string_view conditions_extra = "",
                          absl::string_view grant =
                              "{\"operator\": \"OR\", \"builtInControls\": [\"mfa\"]}",
                          absl::string_view policy_extra = "") {
  return absl::StrCat(
      "{\"id\": \"", id, "\", \"displayName\": \"p\", \"state\": \"enabled\", ",
      "\"conditions\": {\"users\": {\"includeUsers\": [\"All\"]}, ",
      "\"applications\": {\"includeApplications\": [\"All\"]}, ",
      "\"clientAppTypes\": [\"all\"]", conditions_extra.empty() ? "" : ", ",
      conditions_extra, "}, \"grantControls\": ", grant,
      policy_extra.empty() ? "" : ", ", policy_extra, "}");
}

inline std::string Policies(const std::vector<std::string>& policies) {
  return absl::StrCat("\"conditionalAccessPolicies\": [", absl::StrJoin(policies, ", "),
                      "]");
}

inline std::string DeviceFilter(absl::string_view rule) {
  return absl::StrCat("\"devices\": {\"deviceFilter\": {\"mode\": \"include\", \"rule\": \"",
                      rule, "\"}}");
}

// Protobuf wire format, for bundles no serializer would write.
namespace wire {

inline std::string Varint(uint64_t v) {
  std::string out;
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
  return out;
}
inline std::string Tag(int field, int wire_type) {
  return Varint((static_cast<uint64_t>(field) << 3) | static_cast<uint64_t>(wire_type));
}
inline std::string Bytes(int field, absl::string_view payload) {
  return absl::StrCat(Tag(field, 2), Varint(payload.size()), payload);
}
// PolicyBundle.tenants (2) holding TenantPolicies.tenant_id (1).
inline std::string TenantEntry(absl::string_view tenant_id) {
  return Bytes(2, Bytes(1, tenant_id));
}

}  // namespace wire

// UTF-16 LE of ASCII text (no BOM).
inline std::string Utf16Le(absl::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

}  // namespace crossgate::reliability

#endif  // CROSSGATE_TESTS_RELIABILITY_HOSTILE_INPUTS_H_
