#include "lib/compile/bitset_pool.h"

#include <cstring>

namespace crossgate {

BitsetPool::BitsetPool(uint32_t words) : words_(words == 0 ? 1 : words) {
  data_.assign(words_, 0);  // ref 0: all zeros
  interned_.emplace(std::string(words_ * sizeof(uint64_t), '\0'), 0);
}

BitsetRef BitsetPool::Intern(const uint64_t* bits) {
  std::string key(reinterpret_cast<const char*>(bits),
                  words_ * sizeof(uint64_t));
  auto it = interned_.find(key);
  if (it != interned_.end()) return it->second;
  BitsetRef ref = static_cast<BitsetRef>(data_.size() / words_);
  data_.insert(data_.end(), bits, bits + words_);
  interned_.emplace(std::move(key), ref);
  return ref;
}

void BitsetPool::Freeze() {
  absl::flat_hash_map<std::string, BitsetRef>().swap(interned_);
  data_.shrink_to_fit();
}

}  // namespace crossgate
