#ifndef CROSSGATE_LIB_LOAD_LIMITS_H_
#define CROSSGATE_LIB_LOAD_LIMITS_H_

// File: limits.h
//
// Everything that bounds a load, in one place. Inputs come from files an
// administrator exported, but the loader treats them as untrusted: each limit
// below turns an oversized input into a kLimitExceeded error instead of
// unbounded memory or time. docs/loading.md has the same table.
//
//   limit                     default   applies to
//   max_input_bytes           64 MiB    each file, each LoadJsonText /
//                                       LoadBinaryBundle call, and the sum
//                                       of all files of one LoadPaths call
//   max_files                 10000     JSON files found under directories
//   max_tenants               10000     tenants in one bundle
//   max_objects_per_tenant    10000     each of a tenant's collections:
//                                       CA policies, named locations,
//                                       authentication strengths, partners
//   max_list_entries          10000     every other list (id lists, IP
//                                       ranges, domains, ...)
//   max_string_length         32768     every string kept in the model, and
//                                       the JSON text embedded in a legacy
//                                       B2BManagementPolicy definition
//   max_json_depth            32        JSON nesting depth (objects+arrays);
//                                       values above kMaxSupportedJsonDepth
//                                       are clamped to it
//   max_issues                1000      issues recorded per load; the load
//                                       still fails if an unrecorded issue
//                                       was an error

#include <cstdint>

namespace crossgate {

// The deepest JSON nesting the protobuf JSON parser can turn into a
// google::protobuf::Value (each JSON object level costs three message
// levels against protobuf's recursion limit of 100).
inline constexpr int kMaxSupportedJsonDepth = 32;

struct LoadLimits {
  uint64_t max_input_bytes = uint64_t{64} << 20;
  int max_files = 10000;
  int max_tenants = 10000;
  int max_objects_per_tenant = 10000;
  int max_list_entries = 10000;
  int max_string_length = 32768;
  int max_json_depth = kMaxSupportedJsonDepth;
  int max_issues = 1000;
};

// Options of one load (LoadPaths, LoadJsonText, LoadBinaryBundle).
struct LoadOptions {
  LoadLimits limits;

  // Template placeholders (`<AdministratorGroup>`, `xxxxxxxx-xxxx-...`, a
  // `<RING>` token in a display name) are kPlaceholderId errors by default.
  // When true they are warnings and the placeholder stays in the model as an
  // id that matches nothing. Matching nothing is fail-closed in exclude
  // lists but FAIL-OPEN in include lists: a policy that includes only
  // `<AdministratorGroup>` applies to nobody. Use it to inspect templates,
  // never to enforce them.
  bool allow_placeholders = false;

  // A reference to a named location or authentication strength that the
  // input does not define is an error when the input carried the tenant's
  // locations (strengths); otherwise it is a warning, because a lone policy
  // export cannot be checked. When true it is always an error.
  bool strict_references = false;

  // The bundle's version. 0 keeps the version of a single binary bundle
  // input (and 0 for JSON inputs).
  uint64_t bundle_version = 0;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_LIMITS_H_
