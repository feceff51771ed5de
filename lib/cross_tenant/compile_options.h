#ifndef CROSSGATE_LIB_CROSS_TENANT_COMPILE_OPTIONS_H_
#define CROSSGATE_LIB_CROSS_TENANT_COMPILE_OPTIONS_H_

// Options for compiling a tenant's cross-tenant access settings.
//
//   option                       default  meaning
//   strict_partner_inheritance   false    see below
//   fail_on_error                true     any load error fails Compile
//
// strict_partner_inheritance
//   false (D1, the product default): a partner B2B setting (or
//     tenantRestrictions) that is present but lacks `usersAndGroups` or
//     `applications` inherits that half from the same half of the default;
//     a present `inboundTrust` / `automaticUserConsentSettings` with a null
//     member inherits that member from the default.
//   true (the strict reading): a partner's present setting is self-contained.
//     A missing half is "not configured": the default's half is NOT used, and
//     the missing half does not narrow the present one. It compiles to the
//     present half's accessType with `All` targets, so the present half alone
//     decides (allowed X -> only X; blocked X -> everyone but X). A null
//     member of a present `inboundTrust` / `automaticUserConsentSettings` is
//     false (not trusted / not allowed). A present setting with neither half
//     is read as null (inherited) in both modes.
//
// fail_on_error
//   true: Compile returns InvalidArgument ("<path>: <message>" of the first
//     error) when the input has any load error; nothing is published.
//   false: Compile returns the artifact anyway, with every setting that had
//     an error read fail-closed (it denies everyone). For check tools and
//     tests that want to observe that reading.

namespace crossgate::cross_tenant {

struct CrossTenantCompileOptions {
  bool strict_partner_inheritance = false;
  bool fail_on_error = true;
};

}  // namespace crossgate::cross_tenant

#endif  // CROSSGATE_LIB_CROSS_TENANT_COMPILE_OPTIONS_H_
