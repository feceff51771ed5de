// THIS CODE SHOULD NEVER BE USED IN PRODUCTION (see reference_evaluator.h).

#include "tests/reference/reference_session.h"

#include <algorithm>

namespace crossgate {
namespace reference {
namespace {

using policy::v1::SessionControls;

// Minutes of one sign-in frequency; -1 = every time; 0 = none.
int32_t FrequencyMinutes(const SessionControls::SignInFrequency& f) {
  if (!f.is_enabled()) return 0;
  if (f.frequency_interval() ==
      SessionControls::SignInFrequency::FREQUENCY_INTERVAL_EVERY_TIME) {
    return -1;
  }
  if (f.value() <= 0) return 0;
  switch (f.type()) {
    case SessionControls::SignInFrequency::UNIT_HOURS:
      return f.value() * 60;
    case SessionControls::SignInFrequency::UNIT_DAYS:
      return f.value() * 1440;
    default:
      return 0;
  }
}

int CloudAppSecurityRank(SessionOutcome::CloudAppSecurity c) {
  return static_cast<int>(
      c);  // kNotSet < mcasConfigured < monitorOnly < blockDownloads
}

}  // namespace

void MergeSessionControls(const SessionControls& s, const RequestContext& ctx,
                          SessionOutcome* m) {
  // 5.5: app-enforced restrictions, Defender for Cloud Apps, sign-in
  // frequency and persistent browser are not supported for direct connect.
  const bool direct_connect =
      ctx.claim_context == ClaimContext::kEntraDirectConnect;
  if (!direct_connect) {
    // D17: the shortest sign-in frequency; every time beats any interval.
    const int32_t f = FrequencyMinutes(s.sign_in_frequency());
    if (f == -1 || m->sign_in_frequency_minutes == -1) {
      if (f == -1) m->sign_in_frequency_minutes = -1;
    } else if (f > 0) {
      m->sign_in_frequency_minutes =
          m->sign_in_frequency_minutes == 0
              ? f
              : std::min(m->sign_in_frequency_minutes, f);
    }
    // D17: never beats always.
    if (s.persistent_browser().is_enabled()) {
      if (s.persistent_browser().mode() ==
          SessionControls::PersistentBrowser::MODE_NEVER) {
        m->persistent_browser = SessionOutcome::PersistentBrowser::kNever;
      } else if (s.persistent_browser().mode() ==
                     SessionControls::PersistentBrowser::MODE_ALWAYS &&
                 m->persistent_browser ==
                     SessionOutcome::PersistentBrowser::kNotSet) {
        m->persistent_browser = SessionOutcome::PersistentBrowser::kAlways;
      }
    }
    if (s.application_enforced_restrictions().is_enabled()) {
      m->application_enforced_restrictions = true;
    }
    if (s.cloud_app_security().is_enabled()) {
      SessionOutcome::CloudAppSecurity c =
          SessionOutcome::CloudAppSecurity::kMcasConfigured;
      switch (s.cloud_app_security().cloud_app_security_type()) {
        case SessionControls::CloudAppSecurity::TYPE_MONITOR_ONLY:
          c = SessionOutcome::CloudAppSecurity::kMonitorOnly;
          break;
        case SessionControls::CloudAppSecurity::TYPE_BLOCK_DOWNLOADS:
          c = SessionOutcome::CloudAppSecurity::kBlockDownloads;
          break;
        default:
          break;
      }
      if (CloudAppSecurityRank(c) >
          CloudAppSecurityRank(m->cloud_app_security)) {
        m->cloud_app_security = c;
      }
    }
  }
  if (s.disable_resilience_defaults()) m->disable_resilience_defaults = true;
  if (s.secure_sign_in_session().is_enabled()) m->secure_sign_in_session = true;
  const auto cae = s.continuous_access_evaluation().mode();
  if (cae == SessionControls::ContinuousAccessEvaluation::
                 MODE_STRICT_ENFORCEMENT ||
      cae ==
          SessionControls::ContinuousAccessEvaluation::MODE_STRICT_LOCATION) {
    m->continuous_access_evaluation_strict = true;
  }
}

}  // namespace reference
}  // namespace crossgate
