#include "capi/decision_json.h"

#include <algorithm>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "capi/core.h"

namespace crossgate::capi {
namespace {

void AppendQuoted(std::string* out, absl::string_view text) {
  out->push_back('"');
  for (unsigned char c : text) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out->append(buf);
        } else {
          out->push_back(static_cast<char>(c));  // UTF-8 passes through
        }
    }
  }
  out->push_back('"');
}

void AppendName(std::string* out, int kind, int value) {
  const char* name = crossgate_enum_string(kind, value);
  if (name == nullptr) {
    absl::StrAppend(out, value);
  } else {
    AppendQuoted(out, name);
  }
}

// ,"policyId":"...","policyName":"..." when names are at hand.
void AppendPolicyNames(std::string* out, const CompiledPolicySet* set,
                       int64_t index, absl::string_view id_key,
                       absl::string_view name_key) {
  if (set == nullptr || index < 0 || index >= PolicyCount(*set)) return;
  uint32_t i = static_cast<uint32_t>(index);
  absl::StrAppend(out, ",\"", id_key, "\":");
  AppendQuoted(out, PolicyId(*set, i));
  absl::StrAppend(out, ",\"", name_key, "\":");
  AppendQuoted(out, PolicyDisplayName(*set, i));
}

}  // namespace

std::string RenderDecisionJson(const crossgate_decision& d,
                               const PublishedSnapshot* snapshot) {
  const CompiledPolicySet* set = snapshot ? snapshot->set.get() : nullptr;
  std::string out = "{\"status\":";
  AppendQuoted(&out, d.status == CROSSGATE_OK ? "ok" : crossgate_status_string(d.status));
  out.append(",\"outcome\":");
  AppendName(&out, CROSSGATE_ENUM_OUTCOME, d.outcome);
  out.append(",\"stage\":");
  AppendName(&out, CROSSGATE_ENUM_STAGE, d.stage);
  out.append(",\"reason\":");
  AppendName(&out, CROSSGATE_ENUM_DECISION_REASON, static_cast<int>(d.reason));
  out.append(",\"challengeLocation\":");
  AppendName(&out, CROSSGATE_ENUM_CHALLENGE_LOCATION, d.challenge_location);
  absl::StrAppend(&out, ",\"decidingPolicy\":", d.deciding_policy);
  AppendPolicyNames(&out, set, d.deciding_policy, "decidingPolicyId",
                    "decidingPolicyName");
  absl::StrAppend(&out, ",\"generation\":", d.generation,
                  ",\"bundleVersion\":", d.bundle_version);

  out.append(",\"requirements\":[");
  uint32_t n = std::min<uint32_t>(d.requirement_count, CROSSGATE_MAX_REQUIREMENTS);
  for (uint32_t i = 0; i < n; ++i) {
    const crossgate_requirement& r = d.requirements[i];
    if (i > 0) out.push_back(',');
    out.append("{\"kind\":");
    AppendName(&out, CROSSGATE_ENUM_REQUIREMENT, r.kind);
    if (set != nullptr) {
      absl::string_view id = RequirementId(*set, r.kind, r.ref);
      if (!id.empty()) {
        out.append(",\"id\":");
        AppendQuoted(&out, id);
      }
    }
    absl::StrAppend(&out, ",\"group\":", r.group, ",\"location\":");
    AppendName(&out, CROSSGATE_ENUM_CHALLENGE_LOCATION, r.location);
    absl::StrAppend(&out, ",\"policyIndex\":", r.policy_index);
    AppendPolicyNames(&out, set, r.policy_index, "policyId", "policyName");
    out.push_back('}');
  }

  // Session controls (D17), in Graph's spellings.
  static constexpr const char* kBrowser[] = {"notSet", "always", "never"};
  static constexpr const char* kCloudApp[] = {"notSet", "mcasConfigured",
                                              "monitorOnly", "blockDownloads"};
  static constexpr struct {
    uint32_t bit;
    const char* name;
  } kFlags[] = {
      {CROSSGATE_SESSION_APP_ENFORCED_RESTRICTIONS, "applicationEnforcedRestrictions"},
      {CROSSGATE_SESSION_DISABLE_RESILIENCE_DEFAULTS, "disableResilienceDefaults"},
      {CROSSGATE_SESSION_SECURE_SIGN_IN_SESSION, "secureSignInSession"},
      {CROSSGATE_SESSION_CAE_STRICT, "continuousAccessEvaluationStrict"},
      {CROSSGATE_SESSION_CAE_DISABLED, "continuousAccessEvaluationDisabled"},
      {CROSSGATE_SESSION_IGNORED_FOR_DIRECT_CONNECT, "ignoredForDirectConnect"}};
  absl::StrAppend(&out, "],\"session\":{\"signInFrequencyMinutes\":",
                  d.sign_in_frequency_minutes, ",\"persistentBrowser\":");
  if (d.persistent_browser >= 0 && d.persistent_browser <= 2) {
    AppendQuoted(&out, kBrowser[d.persistent_browser]);
  } else {
    absl::StrAppend(&out, d.persistent_browser);
  }
  out.append(",\"cloudAppSecurity\":");
  if (d.cloud_app_security >= 0 && d.cloud_app_security <= 3) {
    AppendQuoted(&out, kCloudApp[d.cloud_app_security]);
  } else {
    absl::StrAppend(&out, d.cloud_app_security);
  }
  for (const auto& flag : kFlags) {
    absl::StrAppend(&out, ",\"", flag.name, "\":",
                    (d.session_flags & flag.bit) ? "true" : "false");
  }
  out.push_back('}');

  absl::StrAppend(&out, ",\"policyResultCount\":", d.policy_result_count,
                  ",\"policies\":[");
  uint32_t m = d.policy_results == nullptr
                   ? 0
                   : std::min(d.policy_result_count, d.policy_results_capacity);
  for (uint32_t i = 0; i < m; ++i) {
    const crossgate_policy_result& p = d.policy_results[i];
    if (i > 0) out.push_back(',');
    absl::StrAppend(&out, "{\"index\":", p.policy_index);
    AppendPolicyNames(&out, set, p.policy_index, "id", "displayName");
    out.append(",\"result\":");
    AppendName(&out, CROSSGATE_ENUM_POLICY_RESULT, p.result);
    out.append(",\"reason\":");
    AppendName(&out, CROSSGATE_ENUM_WHATIF_REASON, p.reason);
    absl::StrAppend(&out, ",\"applies\":", p.applies ? "true" : "false", "}");
  }
  out.append("]}");
  return out;
}

}  // namespace crossgate::capi
