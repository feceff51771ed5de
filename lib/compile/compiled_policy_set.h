#ifndef CROSSGATE_LIB_COMPILE_COMPILED_POLICY_SET_H_
#define CROSSGATE_LIB_COMPILE_COMPILED_POLICY_SET_H_

// The compiled artifact: per resource tenant, indexed decision tables over
// its Conditional Access policies, plus the tables that map indices in a
// Decision back to ids (the SourceMap of STYLE 4.3).
//
// Index spaces (all dense, stable for the life of the set):
// - tenant index: 0..tenant_count()-1, in bundle order.
// - policy index: global over all tenants; each tenant's policies occupy a
//   contiguous range in ascending policy id order (D14), every state
//   included (disabled policies report `notEnabled`).
// - requirement refs (Requirement::ref): by kind, an index into the
//   strength, terms-of-use or custom-control table. Each tenant has its own
//   entries, so a ref also identifies the tenant.
//
// Thread safety: immutable after CompilePolicySet returns; every method is
// const and thread-safe. Held as std::shared_ptr<const CompiledPolicySet>.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "lib/eval/decision.h"
#include "lib/model/guid.h"

namespace crossgate {

struct CompiledTenant;  // lib/compile/compiled_tenant.h

// Cheap mixing hash for 128-bit GUIDs (most are random v4 GUIDs; the mix
// keeps structured ones such as built-in ids well spread too). It mixes the
// numeric (text-order) words: structured ids differ in their last text
// bytes, which must reach the low bits the multiply feeds.
struct GuidHash {
  size_t operator()(const Guid& g) const {
    uint64_t x = g.high64() ^ (g.low64() * 0x9E3779B97F4A7C15ull);
    x ^= x >> 29;
    return static_cast<size_t>(x * 0xBF58476D1CE4E5B9ull);
  }
};
class EvalScratch;      // lib/eval/scratch.h

enum class PolicyMode : uint8_t {
  kDisabled = 0,
  kEnabled,
  kReportOnly,  // enabledForReportingButNotEnforced: shadow table
};

class CompiledPolicySet {
 public:
  CompiledPolicySet();
  ~CompiledPolicySet();
  CompiledPolicySet(const CompiledPolicySet&) = delete;
  CompiledPolicySet& operator=(const CompiledPolicySet&) = delete;

  uint64_t bundle_version() const { return bundle_version_; }

  // Tenants.
  uint32_t tenant_count() const { return static_cast<uint32_t>(tenants_.size()); }
  absl::string_view tenant_id(uint32_t tenant_index) const;
  // The tenant's index, or -1 when the bundle has no such tenant.
  int32_t FindTenant(const Guid& tenant_id) const {
    if (tenant_ids_.size() == 1) return tenant_id == first_tenant_ ? 0 : -1;
    auto it = tenant_index_.find(tenant_id);
    return it == tenant_index_.end() ? -1 : it->second;
  }
  // First policy index of a tenant and its policy count.
  uint32_t tenant_policy_begin(uint32_t tenant_index) const;
  uint32_t tenant_policy_count(uint32_t tenant_index) const;

  // Policies (global index).
  uint32_t policy_count() const { return static_cast<uint32_t>(policies_.size()); }
  absl::string_view policy_id(uint32_t policy_index) const;
  absl::string_view policy_display_name(uint32_t policy_index) const;
  PolicyMode policy_mode(uint32_t policy_index) const;
  uint32_t policy_tenant(uint32_t policy_index) const;

  // Requirement refs.
  uint32_t strength_count() const { return static_cast<uint32_t>(strengths_.size()); }
  absl::string_view strength_id(uint32_t ref) const;
  absl::string_view strength_display_name(uint32_t ref) const;
  uint32_t terms_of_use_count() const { return static_cast<uint32_t>(terms_of_use_.size()); }
  absl::string_view terms_of_use_id(uint32_t ref) const;
  uint32_t custom_control_count() const { return static_cast<uint32_t>(custom_controls_.size()); }
  absl::string_view custom_control_id(uint32_t ref) const;
  // The id a requirement names (strength, terms of use or custom control);
  // empty for built-in controls such as kMfa.
  absl::string_view RequirementId(const Requirement& requirement) const;

  // Scratch sizing: an EvalScratch built for this set fits it.
  uint32_t max_tenant_policies() const { return max_tenant_policies_; }
  uint32_t max_tenant_strengths() const { return max_tenant_strengths_; }
  EvalScratch NewScratch() const;

  // Internal: the compiled tables of one tenant (evaluator only).
  const CompiledTenant& tenant(uint32_t tenant_index) const {
    return *tenants_[tenant_index];
  }

 private:
  friend class PolicySetBuilder;  // lib/compile/compiler.cc

  struct PolicyInfo {
    std::string id;
    std::string display_name;
    PolicyMode mode = PolicyMode::kDisabled;
    uint32_t tenant = 0;
  };
  struct NamedRef {
    std::string id;
    std::string display_name;
  };

  uint64_t bundle_version_ = 0;
  std::vector<std::unique_ptr<const CompiledTenant>> tenants_;
  std::vector<std::string> tenant_ids_;
  absl::flat_hash_map<Guid, int32_t, GuidHash> tenant_index_;
  Guid first_tenant_;
  std::vector<PolicyInfo> policies_;
  std::vector<NamedRef> strengths_;
  std::vector<std::string> terms_of_use_;
  std::vector<std::string> custom_controls_;
  uint32_t max_tenant_policies_ = 0;
  uint32_t max_tenant_strengths_ = 0;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_COMPILED_POLICY_SET_H_
