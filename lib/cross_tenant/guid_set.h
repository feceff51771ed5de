#ifndef CROSSGATE_LIB_CROSS_TENANT_GUID_SET_H_
#define CROSSGATE_LIB_CROSS_TENANT_GUID_SET_H_

// A small immutable set of Guids stored sorted in one vector. Built at compile
// time; lookups on the decision path are binary searches that never allocate.
//
// Complexity: Contains is O(log k) for k members. ContainsAny over a
// caller-supplied span of n ids (a user's transitive groups, up to a few
// thousand) is O(n log k) and stops at the first hit; for the usual handful
// of group targets (k <= 8) that is a few comparisons per group.

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/types/span.h"
#include "lib/model/guid.h"
#include "lib/model/guid_list.h"

namespace crossgate::cross_tenant {

class GuidSet {
 public:
  GuidSet() = default;
  explicit GuidSet(std::vector<Guid> ids) : ids_(std::move(ids)) {
    std::sort(ids_.begin(), ids_.end());
    ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
  }

  bool empty() const { return ids_.empty(); }
  size_t size() const { return ids_.size(); }
  absl::Span<const Guid> ids() const { return ids_; }

  bool Contains(const Guid& id) const noexcept {
    return std::binary_search(ids_.begin(), ids_.end(), id);
  }

  // True when any of `candidates` is a member. Zero Guids never match.
  bool ContainsAny(GuidList candidates) const noexcept {
    if (ids_.empty()) return false;
    for (const Guid& id : candidates) {
      if (!id.is_zero() && Contains(id)) return true;
    }
    return false;
  }

 private:
  std::vector<Guid> ids_;  // INVARIANT: sorted, unique
};

}  // namespace crossgate::cross_tenant

#endif  // CROSSGATE_LIB_CROSS_TENANT_GUID_SET_H_
