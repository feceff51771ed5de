#include "lib/eval/session_merge.h"

#include <algorithm>

namespace crossgate {

void MergeSession(const CompiledSession& s, bool direct_connect,
                  SessionOutcome* out) noexcept {
  if (!s.present) return;
  if (direct_connect) {
    if (s.sign_in_frequency_minutes != 0 ||
        s.persistent_browser != SessionOutcome::PersistentBrowser::kNotSet ||
        s.application_enforced_restrictions ||
        s.cloud_app_security != SessionOutcome::CloudAppSecurity::kNotSet) {
      out->ignored_for_direct_connect = true;
    }
  } else {
    // Shortest sign-in frequency; everyTime (-1) beats any interval.
    int32_t f = s.sign_in_frequency_minutes;
    int32_t& cur = out->sign_in_frequency_minutes;
    if (f == -1 || cur == -1) {
      if (f == -1) cur = -1;
    } else if (f > 0) {
      cur = cur == 0 ? f : std::min(cur, f);
    }
    // never beats always.
    out->persistent_browser =
        std::max(out->persistent_browser, s.persistent_browser);
    out->application_enforced_restrictions |= s.application_enforced_restrictions;
    // blockDownloads > monitorOnly > mcasConfigured (enum order).
    out->cloud_app_security =
        std::max(out->cloud_app_security, s.cloud_app_security);
  }
  out->disable_resilience_defaults |= s.disable_resilience_defaults;
  out->secure_sign_in_session |= s.secure_sign_in_session;
  out->continuous_access_evaluation_strict |= s.cae_strict;
  out->continuous_access_evaluation_disabled |= s.cae_disabled;
  if (out->continuous_access_evaluation_strict) {
    out->continuous_access_evaluation_disabled = false;  // strict wins
  }
}

}  // namespace crossgate
