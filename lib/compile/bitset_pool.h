#ifndef CROSSGATE_LIB_COMPILE_BITSET_POOL_H_
#define CROSSGATE_LIB_COMPILE_BITSET_POOL_H_

// Fixed-width bitsets over one tenant's policies (bit i = local policy i),
// stored back to back and named by a 32-bit ref. Ref 0 is all zeros, so a
// missing index entry and "no policy" read the same. Identical bitsets are
// stored once (the builder interns them).

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace crossgate {

using BitsetRef = uint32_t;

class BitsetPool {
 public:
  explicit BitsetPool(uint32_t words = 1);

  uint32_t words() const { return words_; }
  const uint64_t* at(BitsetRef ref) const {
    return data_.data() + static_cast<size_t>(ref) * words_;
  }
  // Same, with the word count known at compile time (W = 0: words()).
  template <uint32_t W>
  const uint64_t* at(BitsetRef ref) const {
    return data_.data() + static_cast<size_t>(ref) * (W != 0 ? W : words_);
  }
  size_t size() const { return data_.size() / words_; }
  size_t memory_bytes() const { return data_.size() * sizeof(uint64_t); }

  // Compile time only: returns the ref of an equal stored bitset, adding it
  // when new. `bits` has words() words.
  BitsetRef Intern(const uint64_t* bits);
  // Drops the interning table once compilation is done.
  void Freeze();

 private:
  uint32_t words_;
  std::vector<uint64_t> data_;
  absl::flat_hash_map<std::string, BitsetRef> interned_;
};

// A growable bitset used while building (not on the decision path).
class BitsetBuilder {
 public:
  explicit BitsetBuilder(uint32_t words = 1) : bits_(words, 0) {}
  void Set(uint32_t i) { bits_[i >> 6] |= uint64_t{1} << (i & 63); }
  bool Test(uint32_t i) const { return (bits_[i >> 6] >> (i & 63)) & 1; }
  void Or(const BitsetBuilder& other) {
    for (size_t w = 0; w < bits_.size(); ++w) bits_[w] |= other.bits_[w];
  }
  void Or(const uint64_t* other) {
    for (size_t w = 0; w < bits_.size(); ++w) bits_[w] |= other[w];
  }
  void AndNot(const BitsetBuilder& other) {
    for (size_t w = 0; w < bits_.size(); ++w) bits_[w] &= ~other.bits_[w];
  }
  bool Empty() const {
    for (uint64_t w : bits_) if (w) return false;
    return true;
  }
  const uint64_t* data() const { return bits_.data(); }
  uint64_t* data() { return bits_.data(); }
  uint32_t words() const { return static_cast<uint32_t>(bits_.size()); }

 private:
  std::vector<uint64_t> bits_;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_BITSET_POOL_H_
