#ifndef CROSSGATE_LIB_MODEL_GUID_LIST_H_
#define CROSSGATE_LIB_MODEL_GUID_LIST_H_

// A borrowed, read-only list of GUIDs stored as consecutive 16-byte records
// in canonical text order: the object representation of a Guid array, and
// the layout of the C ABI's crossgate_guid array. Requests carry their
// group, role and terms-of-use lists as GuidLists so that a C caller's array
// is read where it lies, with no copy. Elements are read through
// Guid::FromBytes (a memcpy, compiled to two loads), never through a Guid
// lvalue, so reading another type's bytes is well defined.
//
// Like absl::Span, a GuidList does not own its elements: they must outlive
// every use of the list.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <type_traits>

#include "absl/types/span.h"
#include "lib/model/guid.h"

namespace crossgate {

class GuidList {
 public:
  // Bytes per element.
  static constexpr std::ptrdiff_t kRecord = sizeof(Guid);

  // A random-access iterator yielding Guids by value.
  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Guid;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Guid;

    const_iterator() = default;
    Guid operator*() const { return Guid::FromBytes(at_); }
    Guid operator[](difference_type n) const { return *(*this + n); }
    const_iterator& operator++() {
      at_ += kRecord;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++*this;
      return before;
    }
    const_iterator& operator--() {
      at_ -= kRecord;
      return *this;
    }
    const_iterator operator--(int) {
      const_iterator before = *this;
      --*this;
      return before;
    }
    const_iterator& operator+=(difference_type n) {
      at_ += n * kRecord;
      return *this;
    }
    const_iterator& operator-=(difference_type n) {
      at_ -= n * kRecord;
      return *this;
    }
    friend const_iterator operator+(const_iterator it, difference_type n) {
      return it += n;
    }
    friend const_iterator operator+(difference_type n, const_iterator it) {
      return it += n;
    }
    friend const_iterator operator-(const_iterator it, difference_type n) {
      return it -= n;
    }
    friend difference_type operator-(const_iterator a, const_iterator b) {
      return (a.at_ - b.at_) / kRecord;
    }
    friend bool operator==(const_iterator a, const_iterator b) {
      return a.at_ == b.at_;
    }
    friend auto operator<=>(const_iterator a, const_iterator b) {
      return a.at_ <=> b.at_;
    }

   private:
    friend class GuidList;
    explicit const_iterator(const unsigned char* at) : at_(at) {}
    const unsigned char* at_ = nullptr;
  };
  using iterator = const_iterator;
  using value_type = Guid;
  using size_type = size_t;

  constexpr GuidList() = default;
  // Views Guids (a Span, a vector, an array; anything absl::Span<const Guid>
  // is built from).
  template <typename C, typename = std::enable_if_t<std::is_convertible_v<
                            const C&, absl::Span<const Guid>>>>
  GuidList(const C& ids) {  // NOLINT: implicit, like absl::Span
    const absl::Span<const Guid> span = ids;
    data_ = reinterpret_cast<const unsigned char*>(span.data());
    size_ = span.size();
  }
  // Views `count` 16-byte text-order records at `bytes` (any alignment,
  // any type whose bytes they are; NULL only with count 0).
  static GuidList FromBytes(const void* bytes, size_t count) {
    GuidList list;
    list.data_ = static_cast<const unsigned char*>(bytes);
    list.size_ = count;
    return list;
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // The records' bytes (size() * kRecord of them).
  const unsigned char* bytes() const { return data_; }
  Guid operator[](size_t i) const {
    return Guid::FromBytes(data_ + i * kRecord);
  }
  const_iterator begin() const { return const_iterator(data_); }
  const_iterator end() const { return const_iterator(data_ + size_ * kRecord); }

 private:
  const unsigned char* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_MODEL_GUID_LIST_H_
