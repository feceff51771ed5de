// crossgate invite -p POLICIES [--tenant ID] [--inviter
// member|guest|application]
//                  [--inviter-role ROLE_TEMPLATE_ID]... [--invitee-tenant ID]
//                  [--json] EMAIL
//
// May this inviter invite EMAIL as a guest of the tenant? The admission-time
// decision of lib/collaboration (spec 3.5): allowInvitesFrom, the invitation
// domain list, then the tenant's inbound B2B collaboration setting for the
// invitee's home tenant when it is known. Exit 0 allowed, 3 denied.

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bindings/cli/decide_flags.h"
#include "bindings/cli/policy_source.h"
#include "bindings/cli/terminal.h"
#include "bindings/cli/verbs.h"
#include "lib/collaboration/invitation.h"
#include "lib/compile/compiled_tenant.h"
#include "lib/request_json/request_writer.h"

namespace crossgate_cli {

namespace collab = crossgate::collaboration;

int RunInvite(int argc, char** argv) {
  DecideFlags flags;
  std::string tenant_text, invitee_tenant_text, inviter = "member";
  std::vector<std::string> role_texts;
  bool ok = flags.Parse("invite", argc, argv, [&](int n, char** args) -> int {
    std::string* target = nullptr;
    if (std::strcmp(args[0], "--tenant") == 0) target = &tenant_text;
    if (std::strcmp(args[0], "--invitee-tenant") == 0)
      target = &invitee_tenant_text;
    if (std::strcmp(args[0], "--inviter") == 0) target = &inviter;
    const bool role = std::strcmp(args[0], "--inviter-role") == 0;
    if (target == nullptr && !role) return 0;
    if (n < 2) {
      std::fprintf(stderr, "crossgate invite: %s needs a value\n", args[0]);
      return -1;
    }
    if (role) {
      role_texts.push_back(args[1]);
    } else {
      *target = args[1];
    }
    return 2;
  });
  collab::Inviter who;
  if (inviter == "member") {
    who.type = collab::InviterType::kMember;
  } else if (inviter == "guest") {
    who.type = collab::InviterType::kGuest;
  } else if (inviter == "application") {
    who.type = collab::InviterType::kApplication;
  } else if (ok) {
    std::fprintf(stderr,
                 "crossgate invite: --inviter must be member, guest or "
                 "application, not \"%s\"\n",
                 inviter.c_str());
    ok = false;
  }
  std::vector<crossgate::Guid> roles;
  for (const std::string& r : role_texts) {
    auto guid = crossgate::ParseGuid(r);
    if (!guid.has_value() && ok) {
      std::fprintf(stderr,
                   "crossgate invite: --inviter-role: not a GUID: \"%s\"\n",
                   r.c_str());
      ok = false;
    }
    if (guid.has_value()) roles.push_back(*guid);
  }
  absl::optional<crossgate::Guid> invitee_tenant;
  if (!invitee_tenant_text.empty()) {
    invitee_tenant = crossgate::ParseGuid(invitee_tenant_text);
    if (!invitee_tenant.has_value() && ok) {
      std::fprintf(stderr,
                   "crossgate invite: --invitee-tenant: not a GUID: \"%s\"\n",
                   invitee_tenant_text.c_str());
      ok = false;
    }
  }
  if (ok && flags.policies.empty()) {
    std::fprintf(stderr, "crossgate invite: -p POLICIES is required\n");
    ok = false;
  }
  if (ok && flags.positional.size() != 1) {
    std::fprintf(stderr, "crossgate invite: give exactly one email address\n");
    ok = false;
  }
  if (!ok) {
    std::fputs(
        "usage: crossgate invite -p POLICIES [--tenant ID] "
        "[--inviter member|guest|application] [--inviter-role ID]... "
        "[--invitee-tenant ID] [--json] EMAIL\n",
        stderr);
    return kExitUsage;
  }
  who.roles = roles;
  auto loaded = LoadPolicies(flags.policies, flags.load_options, "invite");
  if (!loaded.ok()) return kExitError;
  const Policies& policies = **loaded;
  crossgate::Guid tenant_id = policies.OnlyTenant();
  if (!tenant_text.empty()) {
    tenant_id = crossgate::ParseGuid(tenant_text).value_or(crossgate::Guid());
  }
  const int32_t index = policies.set->FindTenant(tenant_id);
  if (index < 0) {
    std::fprintf(stderr,
                 tenant_text.empty()
                     ? "crossgate invite: --tenant is required when several "
                       "tenants are loaded (loaded: %s)\n"
                     : "crossgate invite: --tenant %s is not a loaded tenant "
                       "(loaded: %s)\n",
                 tenant_text.empty() ? policies.TenantList().c_str()
                                     : tenant_text.c_str(),
                 policies.TenantList().c_str());
    return kExitError;
  }
  // The settings compiled with the tenant (the C ABI's can_invite reads
  // the same ones).
  const auto& compiled = policies.set->tenant(static_cast<uint32_t>(index));
  if (compiled.collaboration == nullptr || compiled.cross_tenant == nullptr) {
    std::fprintf(stderr,
                 "crossgate invite: tenant %s has no compiled external "
                 "collaboration settings\n",
                 crossgate::FormatGuid(tenant_id).c_str());
    return kExitError;
  }
  const std::string& email = flags.positional[0];
  collab::InvitationDecision d =
      collab::CanInvite(*compiled.collaboration, *compiled.cross_tenant, who,
                        email, invitee_tenant);
  if (flags.json) {
    std::printf(
        "{\"allowed\":%s,\"reason\":%s,\"allowInvitesFrom\":%s,\"inviter\":%s,"
        "\"domainList\":%s,\"domainListed\":%s,\"crossTenantEvaluated\":%s,"
        "\"summary\":%s}\n",
        d.allowed ? "true" : "false",
        crossgate::JsonQuote(collab::InvitationReasonName(d.reason)).c_str(),
        crossgate::JsonQuote(collab::AllowInvitesFromName(d.allow_invites_from))
            .c_str(),
        crossgate::JsonQuote(collab::InviterStandingName(d.standing)).c_str(),
        crossgate::JsonQuote(collab::DomainListModeName(d.domain_mode)).c_str(),
        d.domain_listed ? "true" : "false",
        d.cross_tenant_evaluated ? "true" : "false",
        crossgate::JsonQuote(collab::FormatInvitationDecision(d)).c_str());
  } else {
    const bool color = ShouldColor(stdout);
    std::printf("%-14s %s\n", "invitation",
                Paint(d.allowed ? "ALLOWED" : "DENIED",
                      d.allowed ? Color::kGreen : Color::kRed, color)
                    .c_str());
    std::printf("%-14s %s\n", "invitee", email.c_str());
    std::printf("%-14s %s\n", "reason",
                std::string(collab::InvitationReasonName(d.reason)).c_str());
    std::printf("%-14s %s\n", "details",
                collab::FormatInvitationDecision(d).c_str());
  }
  return d.allowed ? kExitAllow : kExitBlock;
}

}  // namespace crossgate_cli
