#include "lib/load/graph_enum.h"

#include <cctype>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace crossgate {
namespace load_internal {
namespace {

using google::protobuf::EnumDescriptor;
using google::protobuf::EnumValueDescriptor;

// Graph spellings that do not follow the prefix rule.
struct Alias {
  absl::string_view enum_name;  // full proto name
  absl::string_view graph;      // compared case-insensitively
  absl::string_view value;      // proto value name
};
constexpr Alias kAliases[] = {
    // Deprecated in favour of exchangeActiveSync (spec 4.2).
    {"crossgate.policy.v1.ClientAppType", "easUnsupported",
     "CLIENT_APP_TYPE_EXCHANGE_ACTIVE_SYNC"},
};

// The shared prefix of a proto enum's value names: value 0's name minus
// "UNSPECIFIED" (POLICY_STATE_UNSPECIFIED -> POLICY_STATE_).
absl::string_view ValuePrefix(const EnumDescriptor* type) {
  const EnumValueDescriptor* zero = type->FindValueByNumber(0);
  if (zero == nullptr) return "";
  absl::string_view name = zero->name();
  absl::ConsumeSuffix(&name, "UNSPECIFIED");
  return name;
}

// `upper_snake` (no prefix) equals `graph` compared case-insensitively with
// the underscores of `upper_snake` ignored.
bool SameWord(absl::string_view upper_snake, absl::string_view graph) {
  size_t j = 0;
  for (char c : upper_snake) {
    if (c == '_') continue;
    if (j >= graph.size()) return false;
    if (absl::ascii_toupper(static_cast<unsigned char>(graph[j])) != c) {
      return false;
    }
    ++j;
  }
  return j == graph.size();
}

}  // namespace

absl::optional<int> LookupGraphEnum(const EnumDescriptor* type,
                                    absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  if (text.empty()) return absl::nullopt;
  for (const Alias& alias : kAliases) {
    if (alias.enum_name == type->full_name() &&
        absl::EqualsIgnoreCase(alias.graph, text)) {
      const EnumValueDescriptor* v =
          type->FindValueByName(std::string(alias.value));
      if (v != nullptr) return v->number();
    }
  }
  absl::string_view prefix = ValuePrefix(type);
  for (int i = 0; i < type->value_count(); ++i) {
    const EnumValueDescriptor* v = type->value(i);
    if (v->number() == 0) continue;
    absl::string_view name = v->name();
    if (!absl::ConsumePrefix(&name, prefix)) continue;
    if (SameWord(name, text)) return v->number();
  }
  return absl::nullopt;
}

std::string GraphEnumName(const EnumDescriptor* type, int number) {
  const EnumValueDescriptor* v = type->FindValueByNumber(number);
  if (v == nullptr || number == 0) return "";
  absl::string_view name = v->name();
  absl::ConsumePrefix(&name, ValuePrefix(type));
  // A few Graph values keep capitals (`iOS`, `macOS`, `AND`, `OR`).
  if (name == "IOS") return "iOS";
  if (name == "MACOS") return "macOS";
  if (name == "AND" || name == "OR") return std::string(name);
  std::string out;
  bool upper_next = false;
  for (char c : name) {
    if (c == '_') {
      upper_next = true;
      continue;
    }
    out.push_back(upper_next ? c : absl::ascii_tolower(c));
    upper_next = false;
  }
  return out;
}

std::string GraphEnumValues(const EnumDescriptor* type) {
  std::string out;
  for (int i = 0; i < type->value_count(); ++i) {
    if (type->value(i)->number() == 0) continue;
    absl::StrAppend(&out, out.empty() ? "" : ", ",
                    GraphEnumName(type, type->value(i)->number()));
  }
  return out;
}

}  // namespace load_internal
}  // namespace crossgate
