#ifndef CROSSGATE_LIB_EVAL_BITSET_H_
#define CROSSGATE_LIB_EVAL_BITSET_H_

// Word-at-a-time operations on the policy bitsets of the decision path.
// Template parameter W is the tenant's word count when known at compile
// time (1..4 covers the 195-policy tenant limit; the loops then unroll into
// a few vector instructions), or 0 to use the run-time count `w`. Callers
// own the storage.

#include <cstdint>

namespace crossgate {
namespace bits {

#define CROSSGATE_BITS_LOOP(i) \
  for (uint32_t i = 0, n_ = (W != 0 ? W : w); i < n_; ++i)

template <uint32_t W = 0>
inline void Copy(uint64_t* __restrict d, const uint64_t* __restrict s, uint32_t w) {
  CROSSGATE_BITS_LOOP(i) d[i] = s[i];
}
template <uint32_t W = 0>
inline void Zero(uint64_t* d, uint32_t w) {
  CROSSGATE_BITS_LOOP(i) d[i] = 0;
}
template <uint32_t W = 0>
inline void Or(uint64_t* __restrict d, const uint64_t* __restrict s, uint32_t w) {
  CROSSGATE_BITS_LOOP(i) d[i] |= s[i];
}
template <uint32_t W = 0>
inline void And(uint64_t* __restrict d, const uint64_t* __restrict s, uint32_t w) {
  CROSSGATE_BITS_LOOP(i) d[i] &= s[i];
}
template <uint32_t W = 0>
inline void AndNot(uint64_t* __restrict d, const uint64_t* __restrict s, uint32_t w) {
  CROSSGATE_BITS_LOOP(i) d[i] &= ~s[i];
}
template <uint32_t W = 0>
inline void Not(uint64_t* __restrict d, const uint64_t* __restrict s, uint32_t w) {
  CROSSGATE_BITS_LOOP(i) d[i] = ~s[i];
}
template <uint32_t W = 0>
inline bool Any(const uint64_t* d, uint32_t w) {
  uint64_t x = 0;
  CROSSGATE_BITS_LOOP(i) x |= d[i];
  return x != 0;
}

#undef CROSSGATE_BITS_LOOP

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

// Runs fn.template operator()<W>() with W = w for 1..4, else W = 0.
template <typename Fn>
inline void DispatchWidth(uint32_t w, Fn&& fn) {
  switch (w) {
    case 1: fn.template operator()<1>(); break;
    case 2: fn.template operator()<2>(); break;
    case 3: fn.template operator()<3>(); break;
    case 4: fn.template operator()<4>(); break;
    default: fn.template operator()<0>(); break;
  }
}

}  // namespace bits
}  // namespace crossgate

#endif  // CROSSGATE_LIB_EVAL_BITSET_H_
