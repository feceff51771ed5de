#include "lib/model/guid_list.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crossgate {
namespace {

using ::testing::ElementsAre;

const Guid kA = Guid::FromNumbers(0x0011223344556677, 0x8899aabbccddeeff);
const Guid kB = Guid::FromNumbers(1, 2);
const Guid kC = Guid::FromNumbers(0xffffffffffffffff, 0);

TEST(GuidList, DefaultIsEmpty) {
  GuidList list;
  EXPECT_TRUE(list.empty());
  EXPECT_EQ(list.size(), 0u);
  EXPECT_EQ(list.begin(), list.end());
  EXPECT_TRUE(GuidList::FromBytes(nullptr, 0).empty());
}

TEST(GuidList, ViewsGuidContainers) {
  const std::vector<Guid> ids = {kA, kB, kC};
  GuidList list = ids;
  EXPECT_EQ(list.size(), 3u);
  EXPECT_FALSE(list.empty());
  EXPECT_EQ(list[0], kA);
  EXPECT_EQ(list[2], kC);
  EXPECT_THAT(list, ElementsAre(kA, kB, kC));
  // A view, not a copy.
  EXPECT_EQ(list.bytes(), reinterpret_cast<const unsigned char*>(ids.data()));
  const Guid array[] = {kB};
  EXPECT_THAT(GuidList(array), ElementsAre(kB));
  EXPECT_THAT(GuidList(absl::MakeConstSpan(ids).subspan(1)),
              ElementsAre(kB, kC));
}

// The C ABI hands over a crossgate_guid array: 16 text-order bytes per id,
// at any alignment.
TEST(GuidList, ReadsTextOrderBytesAtAnyAlignment) {
  for (size_t offset = 0; offset < 16; ++offset) {
    std::vector<unsigned char> storage(offset + 3 * 16);
    unsigned char* at = storage.data() + offset;
    const Guid ids[] = {kA, kB, kC};
    for (int i = 0; i < 3; ++i) ids[i].ToBytes(at + 16 * i);
    GuidList list = GuidList::FromBytes(at, 3);
    EXPECT_THAT(list, ElementsAre(kA, kB, kC)) << "offset " << offset;
  }
  // Text order: "00112233-4455-6677-8899-aabbccddeeff" is bytes 00 11 22 ...
  unsigned char bytes[16];
  for (int i = 0; i < 16; ++i) bytes[i] = static_cast<unsigned char>(0x11 * i);
  EXPECT_EQ(GuidList::FromBytes(bytes, 1)[0], kA);
}

TEST(GuidList, IteratorIsRandomAccess) {
  const std::vector<Guid> ids = {kC, kA, kB};
  GuidList list = ids;
  auto it = list.begin();
  EXPECT_EQ(*it, kC);
  EXPECT_EQ(it[2], kB);
  EXPECT_EQ(*(it + 1), kA);
  EXPECT_EQ(list.end() - list.begin(), 3);
  EXPECT_EQ(*(list.end() - 1), kB);
  EXPECT_TRUE(it < list.end());
  ++it;
  it++;
  EXPECT_EQ(*it, kB);
  --it;
  EXPECT_EQ(*it, kA);
  EXPECT_EQ(std::find(list.begin(), list.end(), kB) - list.begin(), 2);
  EXPECT_EQ(std::count(list.begin(), list.end(), kA), 1);
  std::vector<Guid> copy(list.begin(), list.end());
  EXPECT_EQ(copy, ids);
}

}  // namespace
}  // namespace crossgate
