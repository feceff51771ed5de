#ifndef CROSSGATE_LIB_CROSS_TENANT_CROSS_TENANT_FORMAT_H_
#define CROSSGATE_LIB_CROSS_TENANT_CROSS_TENANT_FORMAT_H_

// Human-readable explanations of cross-tenant results, for logs, the CLI and
// tests. Allocates; never call it on the decision path.

#include <string>

#include "lib/cross_tenant/cross_tenant_stage.h"

namespace crossgate::cross_tenant {

// One line, e.g.
//   crossTenantAccess: blocked by resource tenant <R> (partner <H>):
//   b2bCollaborationInbound.applications: blocked, app not in targets
// followed by "; home outbound not evaluated" when D2 applied, and the origin
// of an inherited half ("[from default]").
std::string FormatCrossTenantResult(const CrossTenantResult& result);

// The rule alone: "<setting>.<half>: <reason>" (or "<setting>: <reason>",
// or just "<reason>").
std::string FormatCrossTenantRule(const CrossTenantResult& result);

}  // namespace crossgate::cross_tenant

#endif  // CROSSGATE_LIB_CROSS_TENANT_CROSS_TENANT_FORMAT_H_
