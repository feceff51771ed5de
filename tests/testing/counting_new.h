#ifndef CROSSGATE_TESTS_TESTING_COUNTING_NEW_H_
#define CROSSGATE_TESTS_TESTING_COUNTING_NEW_H_

// A counting global operator new for "nothing on the decision path
// allocates" tests. It REPLACES the global allocation functions, so include
// it from exactly one .cc of a test binary (the area's allocation_test.cc).
//
//   const long before = crossgate::testing::AllocationCount();
//   ... decide ...
//   EXPECT_EQ(crossgate::testing::AllocationCount() - before, 0);

#include <atomic>
#include <cstdlib>
#include <new>

namespace crossgate::testing {

inline std::atomic<long> g_allocation_count{0};

// Calls of any operator new so far, in every thread.
inline long AllocationCount() {
  return g_allocation_count.load(std::memory_order_relaxed);
}

}  // namespace crossgate::testing

// The replacements pair malloc with free by design; GCC cannot see that both
// halves are replaced.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t size) {
  crossgate::testing::g_allocation_count.fetch_add(1,
                                                   std::memory_order_relaxed);
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  crossgate::testing::g_allocation_count.fetch_add(1,
                                                   std::memory_order_relaxed);
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  crossgate::testing::g_allocation_count.fetch_add(1,
                                                   std::memory_order_relaxed);
  return std::malloc(size ? size : 1);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  crossgate::testing::g_allocation_count.fetch_add(1,
                                                   std::memory_order_relaxed);
  return std::malloc(size ? size : 1);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

#endif  // CROSSGATE_TESTS_TESTING_COUNTING_NEW_H_
