#ifndef CROSSGATE_LIB_LOAD_TENANT_ASSEMBLER_H_
#define CROSSGATE_LIB_LOAD_TENANT_ASSEMBLER_H_

// Builds one tenant's policy::v1::TenantPolicies from the JSON documents of
// one input unit (a file, or every file of a directory): unwraps envelopes
// and list responses, tells each resource's kind, reads it at its model path
// (tenants/<tenantId>/...), and merges the pieces (singletons at most once,
// partners unique, a partner's identitySynchronization exported on its own
// joined to the partner).

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/load/document_kind.h"
#include "lib/load/json_reader.h"

namespace crossgate {
namespace load_internal {

// The tenant ids named by tenant documents in `root` (canonical form), in
// document order. `source` locates problems.
std::vector<std::string> TenantIdsIn(const Value& root);

class TenantAssembler {
 public:
  // `tenant_id` is the id issue paths use; it is also stored in `out`.
  TenantAssembler(JsonReader& reader, std::string tenant_id,
                  policy::v1::TenantPolicies* out);

  // Adds every resource of one parsed document. `source` (a file path, or
  // "input") names the document in issues about the document itself.
  void AddDocument(const Value& root, const std::string& source);

  // Adds strengths only defined inline in policies. Call once, last.
  void Finish();

  // Which source each object came from: (model path prefix, source).
  const std::vector<std::pair<std::string, std::string>>& sources() const {
    return sources_;
  }

  const std::string& tenant_path() const { return tenant_path_; }

 private:
  void AddResource(const Struct& obj, absl::string_view list_context,
                   const std::string& where);
  void AddTenantDocument(const Struct& obj);
  void AddPolicy(const Struct& obj);
  void AddNamedLocation(const Struct& obj);
  void AddStrength(const Struct& obj);
  void AddCrossTenantPolicy(const Struct& obj);
  void AddDefault(const Struct& obj, bool assumed);
  void AddPartner(const Struct& obj);
  void AddSync(const Struct& obj, const std::string& where);
  void AddLegacyPolicy(const Struct& obj, const std::string& where);
  void AddB2BDefinition(const Struct& obj);
  void AddPartnerModel(policy::v1::CrossTenantAccessPartner partner,
                       const std::string& path);
  // Claims a singleton; false (and a kDuplicateId error) when taken.
  bool ClaimSingleton(absl::string_view name);
  void NoteSource(std::string path);

  std::string CollectionPath(absl::string_view collection,
                             const std::string& id, int index) const;

  JsonReader& r_;
  policy::v1::TenantPolicies* out_;
  std::string tenant_path_;
  std::string source_;  // the document being added
  absl::flat_hash_set<std::string> singletons_;
  absl::flat_hash_map<std::string, int> partner_index_;
  // Partners that exist only because their identitySynchronization was
  // exported; the partner configuration may still arrive.
  absl::flat_hash_set<std::string> sync_only_partners_;
  std::vector<policy::v1::AuthenticationStrengthPolicy> inline_strengths_;
  std::vector<std::pair<std::string, std::string>> sources_;
};

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_TENANT_ASSEMBLER_H_
