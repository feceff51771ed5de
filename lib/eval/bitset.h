#ifndef CROSSGATE_LIB_EVAL_BITSET_H_
#define CROSSGATE_LIB_EVAL_BITSET_H_

// Word-at-a-time operations on the policy bitsets of the decision path.
// `w` is the tenant's word count; callers own the storage.

#include <cstdint>
#include <cstring>

namespace crossgate {
namespace bits {

// Plain loops, not memcpy/memset: rows are a few words, where a library
// call costs more than the copy.
inline void Copy(uint64_t* d, const uint64_t* s, uint32_t w) {
  for (uint32_t i = 0; i < w; ++i) d[i] = s[i];
}
inline void Zero(uint64_t* d, uint32_t w) {
  for (uint32_t i = 0; i < w; ++i) d[i] = 0;
}
inline void Or(uint64_t* d, const uint64_t* s, uint32_t w) {
  for (uint32_t i = 0; i < w; ++i) d[i] |= s[i];
}
inline void And(uint64_t* d, const uint64_t* s, uint32_t w) {
  for (uint32_t i = 0; i < w; ++i) d[i] &= s[i];
}
inline void AndNot(uint64_t* d, const uint64_t* s, uint32_t w) {
  for (uint32_t i = 0; i < w; ++i) d[i] &= ~s[i];
}
inline void Not(uint64_t* d, const uint64_t* s, uint32_t w) {
  for (uint32_t i = 0; i < w; ++i) d[i] = ~s[i];
}
inline bool Any(const uint64_t* d, uint32_t w) {
  uint64_t x = 0;
  for (uint32_t i = 0; i < w; ++i) x |= d[i];
  return x != 0;
}
inline bool Test(const uint64_t* d, uint32_t i) {
  return (d[i >> 6] >> (i & 63)) & 1;
}
inline void Clear(uint64_t* d, uint32_t i) {
  d[i >> 6] &= ~(uint64_t{1} << (i & 63));
}

// Calls fn(index) for each set bit in ascending order.
template <typename Fn>
inline void ForEach(const uint64_t* d, uint32_t w, Fn fn) {
  for (uint32_t i = 0; i < w; ++i) {
    for (uint64_t word = d[i]; word != 0; word &= word - 1) {
      fn(i * 64 + static_cast<uint32_t>(__builtin_ctzll(word)));
    }
  }
}

}  // namespace bits
}  // namespace crossgate

#endif  // CROSSGATE_LIB_EVAL_BITSET_H_
