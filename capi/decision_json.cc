#include "capi/decision_json.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <iterator>

#include "absl/strings/string_view.h"

namespace crossgate::capi {
namespace {

// Appends a string literal without a strlen.
template <size_t N>
void Lit(std::string* out, const char (&text)[N]) {
  out->append(text, N - 1);
}

template <typename Int>
void AppendInt(std::string* out, Int value) {
  char buf[24];
  char* end = std::to_chars(buf, buf + sizeof(buf), value).ptr;
  out->append(buf, static_cast<size_t>(end - buf));
}

// capi/decision_json.cc AppendQuoted: `"`, `\`, \n, \r, \t escaped, other
// control characters as \u00XX, everything else (UTF-8) as is. Runs of
// plain bytes are appended at once.
void AppendQuoted(std::string* out, absl::string_view text) {
  out->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        Lit(out, "\\\"");
        break;
      case '\\':
        Lit(out, "\\\\");
        break;
      case '\n':
        Lit(out, "\\n");
        break;
      case '\r':
        Lit(out, "\\r");
        break;
      case '\t':
        Lit(out, "\\t");
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char escaped[6] = {'\\', 'u',          '0',
                                 '0',  kHex[c >> 4], kHex[c & 15]};
        out->append(escaped, sizeof(escaped));
      }
    }
  }
  out->append(text.data() + run, text.size() - run);
  out->push_back('"');
}

// The quoted name of every enum value 0..255 of the kinds a decision uses,
// built once: a line then appends each name without a lookup, strlen or
// escape scan. Values outside the range take the slow path (same bytes).
constexpr int kEnumKinds[] = {
    CROSSGATE_ENUM_OUTCOME,         CROSSGATE_ENUM_STAGE,
    CROSSGATE_ENUM_DECISION_REASON, CROSSGATE_ENUM_CHALLENGE_LOCATION,
    CROSSGATE_ENUM_REQUIREMENT,     CROSSGATE_ENUM_POLICY_RESULT,
    CROSSGATE_ENUM_WHATIF_REASON};
constexpr int kCachedValues = 256;

void AppendNameSlow(std::string* out, int kind, int value) {
  const char* name = crossgate_enum_string(kind, value);
  if (name == nullptr) {
    AppendInt(out, value);
  } else {
    AppendQuoted(out, name);
  }
}

struct EnumNames {
  std::string text[std::size(kEnumKinds)][kCachedValues];
  EnumNames() {
    for (size_t k = 0; k < std::size(kEnumKinds); ++k) {
      for (int v = 0; v < kCachedValues; ++v) {
        AppendNameSlow(&text[k][v], kEnumKinds[k], v);
      }
    }
  }
};

const EnumNames& CachedNames() {
  static const EnumNames* names = new EnumNames;
  return *names;
}

void AppendName(std::string* out, int kind, int value) {
  if (value >= 0 && value < kCachedValues) {
    for (size_t k = 0; k < std::size(kEnumKinds); ++k) {
      if (kEnumKinds[k] == kind) {
        out->append(CachedNames().text[k][value]);
        return;
      }
    }
  }
  AppendNameSlow(out, kind, value);
}

// ,"<id_key>":"...","<name_key>":"..." when names are at hand; the quoted
// id and name come from `quoted` (a policy's pair at 2i, 2i+1) when given.
template <size_t I, size_t N>
void AppendPolicyNames(std::string* out, const CompiledPolicySet* set,
                       int64_t index, const char (&id_key)[I],
                       const char (&name_key)[N],
                       const std::vector<std::string>* quoted) {
  if (set == nullptr || index < 0 || index >= set->policy_count()) return;
  const uint32_t i = static_cast<uint32_t>(index);
  Lit(out, ",\"");
  Lit(out, id_key);
  Lit(out, "\":");
  if (quoted != nullptr) {
    out->append((*quoted)[2 * i]);
  } else {
    AppendQuoted(out, set->policy_id(i));
  }
  Lit(out, ",\"");
  Lit(out, name_key);
  Lit(out, "\":");
  if (quoted != nullptr) {
    out->append((*quoted)[2 * i + 1]);
  } else {
    AppendQuoted(out, set->policy_display_name(i));
  }
}

void AppendBool(std::string* out, bool value) {
  if (value) {
    Lit(out, "true");
  } else {
    Lit(out, "false");
  }
}

// AppendDecisionJson with an optional cache of quoted policy ids and names.
void AppendJson(const crossgate_decision& d, const CompiledPolicySet* set,
                const QuotedPolicyNames* cache, std::string* out) {
  const std::vector<std::string>* quoted =
      cache != nullptr ? &cache->text : nullptr;
  Lit(out, "{\"status\":");
  AppendQuoted(
      out, d.status == CROSSGATE_OK ? "ok" : crossgate_status_string(d.status));
  Lit(out, ",\"outcome\":");
  AppendName(out, CROSSGATE_ENUM_OUTCOME, d.outcome);
  Lit(out, ",\"stage\":");
  AppendName(out, CROSSGATE_ENUM_STAGE, d.stage);
  Lit(out, ",\"reason\":");
  AppendName(out, CROSSGATE_ENUM_DECISION_REASON, static_cast<int>(d.reason));
  Lit(out, ",\"challengeLocation\":");
  AppendName(out, CROSSGATE_ENUM_CHALLENGE_LOCATION, d.challenge_location);
  Lit(out, ",\"decidingPolicy\":");
  AppendInt(out, d.deciding_policy);
  AppendPolicyNames(out, set, d.deciding_policy, "decidingPolicyId",
                    "decidingPolicyName", quoted);
  Lit(out, ",\"generation\":");
  AppendInt(out, d.generation);
  Lit(out, ",\"bundleVersion\":");
  AppendInt(out, d.bundle_version);
  // Which resource tenant decided: logs of a multi-tenant gateway need it.
  Lit(out, ",\"tenantIndex\":");
  AppendInt(out, d.tenant_index);
  if (set != nullptr && d.tenant_index >= 0 &&
      static_cast<uint32_t>(d.tenant_index) < set->tenant_count()) {
    Lit(out, ",\"tenantId\":");
    if (cache != nullptr) {
      out->append(cache->tenants[static_cast<uint32_t>(d.tenant_index)]);
    } else {
      AppendQuoted(out, set->tenant_id(static_cast<uint32_t>(d.tenant_index)));
    }
  }

  Lit(out, ",\"requirements\":[");
  const uint32_t n =
      std::min<uint32_t>(d.requirement_count, CROSSGATE_MAX_REQUIREMENTS);
  for (uint32_t i = 0; i < n; ++i) {
    const crossgate_requirement& r = d.requirements[i];
    if (i > 0) out->push_back(',');
    Lit(out, "{\"kind\":");
    AppendName(out, CROSSGATE_ENUM_REQUIREMENT, r.kind);
    if (set != nullptr) {
      Requirement req;
      req.kind = static_cast<RequirementKind>(r.kind);
      req.ref = r.ref;
      absl::string_view id = set->RequirementId(req);
      if (!id.empty()) {
        Lit(out, ",\"id\":");
        AppendQuoted(out, id);
      }
    }
    Lit(out, ",\"group\":");
    AppendInt(out, r.group);
    Lit(out, ",\"location\":");
    AppendName(out, CROSSGATE_ENUM_CHALLENGE_LOCATION, r.location);
    Lit(out, ",\"policyIndex\":");
    AppendInt(out, r.policy_index);
    AppendPolicyNames(out, set, r.policy_index, "policyId", "policyName",
                      quoted);
    out->push_back('}');
  }

  // Session controls (D17), in Graph's spellings.
  static constexpr absl::string_view kBrowser[] = {"notSet", "always", "never"};
  static constexpr absl::string_view kCloudApp[] = {
      "notSet", "mcasConfigured", "monitorOnly", "blockDownloads"};
  static constexpr struct {
    uint32_t bit;
    absl::string_view key;  // `,"<name>":`
  } kFlags[] = {
      {CROSSGATE_SESSION_APP_ENFORCED_RESTRICTIONS,
       ",\"applicationEnforcedRestrictions\":"},
      {CROSSGATE_SESSION_DISABLE_RESILIENCE_DEFAULTS,
       ",\"disableResilienceDefaults\":"},
      {CROSSGATE_SESSION_SECURE_SIGN_IN_SESSION, ",\"secureSignInSession\":"},
      {CROSSGATE_SESSION_CAE_STRICT, ",\"continuousAccessEvaluationStrict\":"},
      {CROSSGATE_SESSION_CAE_DISABLED,
       ",\"continuousAccessEvaluationDisabled\":"},
      {CROSSGATE_SESSION_IGNORED_FOR_DIRECT_CONNECT,
       ",\"ignoredForDirectConnect\":"}};
  Lit(out, "],\"session\":{\"signInFrequencyMinutes\":");
  AppendInt(out, d.sign_in_frequency_minutes);
  Lit(out, ",\"persistentBrowser\":");
  if (d.persistent_browser >= 0 && d.persistent_browser <= 2) {
    AppendQuoted(out, kBrowser[d.persistent_browser]);
  } else {
    AppendInt(out, d.persistent_browser);
  }
  Lit(out, ",\"cloudAppSecurity\":");
  if (d.cloud_app_security >= 0 && d.cloud_app_security <= 3) {
    AppendQuoted(out, kCloudApp[d.cloud_app_security]);
  } else {
    AppendInt(out, d.cloud_app_security);
  }
  for (const auto& flag : kFlags) {
    out->append(flag.key.data(), flag.key.size());
    AppendBool(out, (d.session_flags & flag.bit) != 0);
  }
  out->push_back('}');

  Lit(out, ",\"policyResultCount\":");
  AppendInt(out, d.policy_result_count);
  Lit(out, ",\"policies\":[");
  const uint32_t m =
      d.policy_results == nullptr
          ? 0
          : std::min(d.policy_result_count, d.policy_results_capacity);
  for (uint32_t i = 0; i < m; ++i) {
    const crossgate_policy_result& p = d.policy_results[i];
    if (i > 0) out->push_back(',');
    Lit(out, "{\"index\":");
    AppendInt(out, p.policy_index);
    AppendPolicyNames(out, set, p.policy_index, "id", "displayName", quoted);
    Lit(out, ",\"result\":");
    AppendName(out, CROSSGATE_ENUM_POLICY_RESULT, p.result);
    Lit(out, ",\"reason\":");
    AppendName(out, CROSSGATE_ENUM_WHATIF_REASON, p.reason);
    Lit(out, ",\"applies\":");
    AppendBool(out, p.applies != 0);
    out->push_back('}');
  }
  Lit(out, "]}");
}

}  // namespace

void AppendDecisionJson(const crossgate_decision& decision,
                        const CompiledPolicySet* set,
                        const QuotedPolicyNames* quoted, std::string* out) {
  AppendJson(decision, set, quoted, out);
}

std::string RenderDecisionJson(const crossgate_decision& decision,
                               const CompiledPolicySet* set) {
  std::string out;
  AppendJson(decision, set, nullptr, &out);
  return out;
}

QuotedPolicyNames QuotePolicyNames(const CompiledPolicySet& set) {
  QuotedPolicyNames names;
  names.set = &set;
  names.text.reserve(2 * set.policy_count());
  for (uint32_t i = 0; i < set.policy_count(); ++i) {
    names.text.emplace_back();
    AppendQuoted(&names.text.back(), set.policy_id(i));
    names.text.emplace_back();
    AppendQuoted(&names.text.back(), set.policy_display_name(i));
  }
  names.tenants.reserve(set.tenant_count());
  for (uint32_t t = 0; t < set.tenant_count(); ++t) {
    names.tenants.emplace_back();
    AppendQuoted(&names.tenants.back(), set.tenant_id(t));
  }
  return names;
}

}  // namespace crossgate::capi
