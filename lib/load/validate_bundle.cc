// ValidateBundle: the checks both readers share (loader.h). Sizes first, then
// ids and references tenant by tenant.

#include <google/protobuf/descriptor.h>
#include <google/protobuf/reflection.h>

#include <algorithm>
#include <iterator>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "lib/load/keywords.h"
#include "lib/load/loader.h"
#include "lib/load/model_path.h"
#include "lib/load/validate_internal.h"

namespace crossgate {
namespace load_internal {
namespace {

namespace pb = ::crossgate::policy::v1;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Collections with their own limit (max_tenants, max_objects_per_tenant).
bool IsCollection(const FieldDescriptor* field) {
  const std::string& name = field->full_name();
  return name == "crossgate.policy.v1.PolicyBundle.tenants" ||
         name ==
             "crossgate.policy.v1.TenantPolicies.conditional_access_policies" ||
         name == "crossgate.policy.v1.TenantPolicies.named_locations" ||
         name ==
             "crossgate.policy.v1.TenantPolicies.authentication_strength_"
             "policies" ||
         name == "crossgate.policy.v1.CrossTenantAccessPolicy.partners";
}

// Counts limit errors so validation can stop before the detailed checks.
class SizeChecker {
 public:
  SizeChecker(const LoadLimits& limits, IssueCollector& issues)
      : limits_(limits), issues_(issues) {}

  int errors() const { return errors_; }

  void Check(const Message& message, const ModelPathStep& path) {
    const Reflection* reflection = message.GetReflection();
    std::vector<const FieldDescriptor*> fields;
    reflection->ListFields(message, &fields);
    for (const FieldDescriptor* field : fields) {
      const ModelPathStep at = path.Field(field);
      if (!field->is_repeated()) {
        if (field->type() == FieldDescriptor::TYPE_STRING) {
          CheckString(reflection->GetStringReference(message, field, nullptr),
                      at);
        } else if (field->type() == FieldDescriptor::TYPE_MESSAGE) {
          Check(reflection->GetMessage(message, field), at);
        }
        continue;
      }
      int size = reflection->FieldSize(message, field);
      if (!IsCollection(field) && size > limits_.max_list_entries) {
        Fail(at, absl::StrCat(size, " entries; the limit is ",
                              limits_.max_list_entries));
        continue;
      }
      for (int i = 0; i < size; ++i) {
        if (field->type() == FieldDescriptor::TYPE_STRING) {
          CheckString(reflection->GetRepeatedStringReference(message, field, i,
                                                             &scratch_),
                      at.Element(nullptr, i));
        } else if (field->type() == FieldDescriptor::TYPE_MESSAGE) {
          const Message& element =
              reflection->GetRepeatedMessage(message, field, i);
          Check(element, at.Element(&element, i));
        }
      }
    }
  }

 private:
  void CheckString(const std::string& s, const ModelPathStep& path) {
    if (static_cast<int64_t>(s.size()) > limits_.max_string_length) {
      Fail(path, absl::StrCat("string of ", s.size(), " bytes; the limit is ",
                              limits_.max_string_length));
    }
  }
  void Fail(const ModelPathStep& path, std::string message) {
    ++errors_;
    issues_.Error(IssueCode::kLimitExceeded, path.ToString(),
                  std::move(message));
  }

  std::string scratch_;  // GetRepeatedStringReference's fallback buffer
  const LoadLimits& limits_;
  IssueCollector& issues_;
  int errors_ = 0;
};

bool CheckCount(Validator& v, int count, const std::string& path,
                absl::string_view what) {
  int limit = v.options().limits.max_objects_per_tenant;
  if (count <= limit) return true;
  v.Error(IssueCode::kLimitExceeded, path,
          absl::StrCat(count, " ", what, "; the limit is ", limit));
  return false;
}

}  // namespace

void Validator::Dangling(const TenantScope& scope, bool exported,
                         const std::string& path, const std::string& message) {
  (void)scope;
  if (exported || options_.strict_references) {
    Error(IssueCode::kDanglingReference, path, message);
  } else {
    Warning(IssueCode::kDanglingReference, path,
            absl::StrCat(message,
                         "; the export does not carry the tenant's full set, "
                         "so the reference is not checked"));
  }
}

void Validator::ValidateTenant(const pb::TenantPolicies& tenant,
                               const std::string& path) {
  TenantScope scope;
  scope.tenant = &tenant;
  scope.path = path;
  if (!tenant.cloud().empty() &&
      std::find(std::begin(kClouds), std::end(kClouds),
                absl::string_view(tenant.cloud())) == std::end(kClouds)) {
    Error(IssueCode::kUnknownEnum, absl::StrCat(path, "/cloud"),
          absl::StrCat("unknown cloud \"", tenant.cloud(),
                       "\" (expected microsoftonline.com, microsoftonline.us, "
                       "partner.microsoftonline.cn)"));
  }
  for (int i = 0; i < tenant.named_locations_size(); ++i) {
    const pb::NamedLocation& l = tenant.named_locations(i);
    std::string at =
        l.id().empty()
            ? absl::StrCat(path, "/namedLocations[", i, "]")
            : absl::StrCat(path, "/namedLocations/", PathSegment(l.id()));
    ValidateNamedLocation(l, at);
    if (!l.id().empty() && !scope.location_ids.insert(l.id()).second) {
      Error(IssueCode::kDuplicateId, at,
            absl::StrCat("named location ", l.id(), " is defined twice"));
    }
  }
  for (absl::string_view id : kBuiltInStrengthIds) {
    scope.strength_ids.insert(std::string(id));
  }
  absl::flat_hash_set<std::string> defined_strengths;
  for (int i = 0; i < tenant.authentication_strength_policies_size(); ++i) {
    const pb::AuthenticationStrengthPolicy& s =
        tenant.authentication_strength_policies(i);
    std::string at =
        s.id().empty()
            ? absl::StrCat(path, "/authenticationStrengthPolicies[", i, "]")
            : absl::StrCat(path, "/authenticationStrengthPolicies/",
                           PathSegment(s.id()));
    ValidateStrength(s, at);
    scope.strength_ids.insert(s.id());
    if (!s.id().empty() && !defined_strengths.insert(s.id()).second) {
      Error(IssueCode::kDuplicateId, at,
            absl::StrCat("authentication strength ", s.id(),
                         " is defined twice"));
    }
  }
  absl::flat_hash_set<std::string> policy_ids;
  for (int i = 0; i < tenant.conditional_access_policies_size(); ++i) {
    const pb::ConditionalAccessPolicy& p =
        tenant.conditional_access_policies(i);
    // Policy ids are opaque (Graph uses GUIDs; mock exports do not), so only
    // uniqueness is checked, and that they hold no control bytes: an id with
    // a NUL would be cut short by every C consumer of decisions and logs.
    std::string at =
        p.id().empty()
            ? absl::StrCat(path, "/conditionalAccessPolicies[", i, "]")
            : absl::StrCat(path, "/conditionalAccessPolicies/",
                           PathSegment(p.id()));
    if (HasControlByte(p.id())) {
      Error(IssueCode::kMalformedInput, absl::StrCat(at, "/id"),
            "policy id contains a control character");
    }
    ValidatePolicy(scope, p, at);
    if (!p.id().empty() && !policy_ids.insert(p.id()).second) {
      Error(IssueCode::kDuplicateId, at,
            absl::StrCat("policy ", p.id(), " is defined twice"));
    }
  }
  if (tenant.has_cross_tenant_access_policy()) {
    ValidateCrossTenant(tenant.cross_tenant_access_policy(),
                        absl::StrCat(path, "/crossTenantAccessPolicy"));
  }
  ValidateExternalCollaboration(tenant, path);
}

}  // namespace load_internal

absl::Status ValidateBundle(const policy::v1::PolicyBundle& bundle,
                            const LoadOptions& options,
                            IssueCollector& issues) {
  using load_internal::Validator;
  Validator v(options, issues);
  if (bundle.tenants_size() > options.limits.max_tenants) {
    v.Error(IssueCode::kLimitExceeded, "tenants",
            absl::StrCat(bundle.tenants_size(), " tenants; the limit is ",
                         options.limits.max_tenants));
    return issues.ToStatus();
  }
  bool within_limits = true;
  for (int i = 0; i < bundle.tenants_size(); ++i) {
    const policy::v1::TenantPolicies& t = bundle.tenants(i);
    std::string path =
        absl::StrCat("tenants/", load_internal::PathSegment(t.tenant_id()));
    within_limits &= load_internal::CheckCount(
        v, t.conditional_access_policies_size(),
        absl::StrCat(path, "/conditionalAccessPolicies"), "policies");
    within_limits &= load_internal::CheckCount(
        v, t.named_locations_size(), absl::StrCat(path, "/namedLocations"),
        "named locations");
    within_limits &= load_internal::CheckCount(
        v, t.authentication_strength_policies_size(),
        absl::StrCat(path, "/authenticationStrengthPolicies"), "strengths");
    within_limits &= load_internal::CheckCount(
        v, t.cross_tenant_access_policy().partners_size(),
        absl::StrCat(path, "/crossTenantAccessPolicy/partners"), "partners");
  }
  load_internal::SizeChecker sizes(options.limits, issues);
  sizes.Check(bundle, load_internal::ModelPathStep());
  // Oversized input is rejected as a whole; checking its contents in detail
  // would only cost time.
  if (!within_limits || sizes.errors() > 0) return issues.ToStatus();

  absl::flat_hash_set<std::string> tenant_ids;
  for (int i = 0; i < bundle.tenants_size(); ++i) {
    const policy::v1::TenantPolicies& t = bundle.tenants(i);
    std::string path =
        t.tenant_id().empty()
            ? absl::StrCat("tenants[", i, "]")
            : absl::StrCat("tenants/",
                           load_internal::PathSegment(t.tenant_id()));
    if (v.CheckGuid(t.tenant_id(), absl::StrCat(path, "/tenantId"),
                    "tenantId") &&
        !tenant_ids.insert(t.tenant_id()).second) {
      v.Error(IssueCode::kDuplicateId, path,
              absl::StrCat("tenant ", t.tenant_id(), " appears twice"));
    }
    v.ValidateTenant(t, path);
  }
  return issues.ToStatus();
}

}  // namespace crossgate
