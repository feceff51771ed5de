#ifndef CROSSGATE_LIB_COMPILE_COMPILE_OPTIONS_H_
#define CROSSGATE_LIB_COMPILE_COMPILE_OPTIONS_H_

// Options for CompilePolicySet. Each option is a reading of a point the
// spec leaves open; the defaults are the product decisions (decisions.md).
//
//   option                               default  meaning
//   all_users_includes_direct_connect    true     D8: `includeUsers: All` covers
//                                                 B2B direct-connect users
//   fail_on_unknown_keyword              false    D7: an unknown keyword in an id
//                                                 list is a warning (include =
//                                                 everything, exclude = nothing);
//                                                 true makes it a load error
//   cross_tenant                         {}       options of the cross-tenant
//                                                 stage (lib/cross_tenant)

#include "lib/cross_tenant/compile_options.h"

namespace crossgate {

struct CompileOptions {
  bool all_users_includes_direct_connect = true;
  bool fail_on_unknown_keyword = false;
  cross_tenant::CrossTenantCompileOptions cross_tenant;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_COMPILE_OPTIONS_H_
