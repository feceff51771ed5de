#include "lib/compile/compiled_policy_set.h"

#include "lib/compile/compiled_tenant.h"
#include "lib/eval/scratch.h"

namespace crossgate {

CompiledPolicySet::CompiledPolicySet() = default;
CompiledPolicySet::~CompiledPolicySet() = default;

absl::string_view CompiledPolicySet::tenant_id(uint32_t tenant_index) const {
  return tenant_index < tenant_ids_.size() ? tenant_ids_[tenant_index]
                                           : absl::string_view();
}

uint32_t CompiledPolicySet::tenant_policy_begin(uint32_t tenant_index) const {
  return tenant_index < tenants_.size() ? tenants_[tenant_index]->policy_begin
                                        : 0;
}

uint32_t CompiledPolicySet::tenant_policy_count(uint32_t tenant_index) const {
  return tenant_index < tenants_.size() ? tenants_[tenant_index]->policy_count
                                        : 0;
}

absl::string_view CompiledPolicySet::policy_id(uint32_t policy_index) const {
  return policy_index < policies_.size() ? policies_[policy_index].id
                                         : absl::string_view();
}

absl::string_view CompiledPolicySet::policy_display_name(
    uint32_t policy_index) const {
  return policy_index < policies_.size() ? policies_[policy_index].display_name
                                         : absl::string_view();
}

PolicyMode CompiledPolicySet::policy_mode(uint32_t policy_index) const {
  return policy_index < policies_.size() ? policies_[policy_index].mode
                                         : PolicyMode::kDisabled;
}

uint32_t CompiledPolicySet::policy_tenant(uint32_t policy_index) const {
  return policy_index < policies_.size() ? policies_[policy_index].tenant : 0;
}

absl::string_view CompiledPolicySet::strength_id(uint32_t ref) const {
  return ref < strengths_.size() ? strengths_[ref].id : absl::string_view();
}

absl::string_view CompiledPolicySet::strength_display_name(
    uint32_t ref) const {
  return ref < strengths_.size() ? strengths_[ref].display_name
                                 : absl::string_view();
}

absl::string_view CompiledPolicySet::terms_of_use_id(uint32_t ref) const {
  return ref < terms_of_use_.size() ? terms_of_use_[ref] : absl::string_view();
}

absl::string_view CompiledPolicySet::custom_control_id(uint32_t ref) const {
  return ref < custom_controls_.size() ? custom_controls_[ref]
                                       : absl::string_view();
}

absl::string_view CompiledPolicySet::RequirementId(
    const Requirement& requirement) const {
  switch (requirement.kind) {
    case RequirementKind::kAuthenticationStrength:
      return strength_id(requirement.ref);
    case RequirementKind::kTermsOfUse:
      return terms_of_use_id(requirement.ref);
    case RequirementKind::kCustomControl:
      return custom_control_id(requirement.ref);
    default:
      return absl::string_view();
  }
}

EvalScratch CompiledPolicySet::NewScratch() const { return EvalScratch(*this); }

}  // namespace crossgate
