// crossgate inspect <bundle or export...> [--allow-placeholders]
//                   [--strict-references]
//
// Loads the inputs like `compile` and prints, per tenant, how many objects
// of each kind it holds, then the warnings. On load errors prints the issue
// list on stderr and exits 1.

#include <cstdio>
#include <string>

#include "bindings/cli/cli_common.h"
#include "bindings/cli/verbs.h"
#include "lib/load/loader.h"

namespace crossgate_cli {
namespace {

namespace pb = crossgate::policy::v1;

const char* YesNo(bool b) { return b ? "yes" : "no"; }

void PrintTenant(const pb::TenantPolicies& t) {
  std::printf("tenant %s%s%s\n", t.tenant_id().c_str(),
              t.cloud().empty() ? "" : " cloud ", t.cloud().c_str());
  int enabled = 0, report_only = 0, disabled = 0;
  for (const auto& p : t.conditional_access_policies()) {
    enabled += p.state() == pb::POLICY_STATE_ENABLED;
    report_only +=
        p.state() == pb::POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED;
    disabled += p.state() == pb::POLICY_STATE_DISABLED;
  }
  std::printf(
      "  conditionalAccessPolicies       %d (enabled %d, report-only %d, "
      "disabled %d)\n",
      t.conditional_access_policies_size(), enabled, report_only, disabled);
  int ip = 0, country = 0, network = 0;
  for (const auto& l : t.named_locations()) {
    ip += l.has_ip();
    country += l.has_country();
    network += l.has_compliant_network();
  }
  std::printf(
      "  namedLocations                  %d (ip %d, country %d, compliant "
      "network %d)%s\n",
      t.named_locations_size(), ip, country, network,
      t.named_locations_exported() ? "" : " [not exported]");
  std::printf("  authenticationStrengthPolicies  %d%s\n",
              t.authentication_strength_policies_size(),
              t.authentication_strengths_exported() ? "" : " [not exported]");
  const auto& x = t.cross_tenant_access_policy();
  std::printf(
      "  crossTenantAccessPolicy         %s (default %s, partners %d)\n",
      YesNo(t.has_cross_tenant_access_policy()),
      YesNo(x.has_default_configuration()), x.partners_size());
  std::printf("  authorizationPolicy             %s\n",
              YesNo(t.has_authorization_policy()));
  std::printf("  authenticationFlowsPolicy       %s\n",
              YesNo(t.has_authentication_flows_policy()));
  std::printf("  invitationDomainPolicy          %s (allowed %d, blocked %d)\n",
              YesNo(t.has_invitation_domain_policy()),
              t.invitation_domain_policy().allowed_domains_size(),
              t.invitation_domain_policy().blocked_domains_size());
  std::printf("  emailOtpConfiguration           %s\n",
              YesNo(t.has_email_otp_configuration()));
  std::printf("  mfaTrustedIps                   %d\n",
              t.mfa_trusted_ips_size());
  std::printf("  appSets                         %d\n", t.app_sets_size());
}

}  // namespace

int RunInspect(int argc, char** argv) {
  LoadFlags flags;
  if (!flags.Parse(argc, argv, [](int, char**) { return 0; })) {
    std::fprintf(stderr,
                 "usage: crossgate inspect <bundle or export...> "
                 "[--allow-placeholders] [--strict-references]\n");
    return kExitUsage;
  }
  std::vector<crossgate::LoadIssue> issues;
  auto bundle = crossgate::LoadPaths(flags.inputs, flags.options, &issues);
  if (!bundle.ok()) {
    PrintIssues(stderr, issues, /*warnings=*/true);
    std::fprintf(stderr, "crossgate inspect: %s\n",
                 std::string(bundle.status().message()).c_str());
    return kExitLoadError;
  }
  std::printf("bundle_version %llu, %d tenants\n",
              static_cast<unsigned long long>(bundle->bundle_version()),
              bundle->tenants_size());
  for (const auto& tenant : bundle->tenants()) PrintTenant(tenant);
  std::printf("%zu warnings\n", issues.size());
  PrintIssues(stdout, issues, /*warnings=*/true);
  return kExitOk;
}

}  // namespace crossgate_cli
