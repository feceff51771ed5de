// A CompiledRule is immutable and shared: many threads evaluate one rule
// (and its copies, which share the program and RE2 objects) at once. Run
// under `scripts/dev test --tsan` to check for races.

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "lib/device_filter/device_filter.h"
#include "tests/device_filter/test_device.h"

namespace crossgate::device_filter {
namespace {

using testing::MustCompile;
using testing::RegexOptions;
using testing::TestDevice;

TEST(DeviceFilterConcurrency, ManyThreadsOneRule) {
  const CompiledRule rule = MustCompile(
      "(device.displayName -match \"^kiosk-[0-9]+$\" -or device.model -in "
      "[\"a\", \"b\"]) -and device.trustType -ne \"Workplace\"",
      RegexOptions());
  std::vector<TestDevice> devices;
  std::vector<bool> expected;
  for (int i = 0; i < 64; ++i) {
    TestDevice d =
        i % 5 == 0 ? TestDevice::Unregistered() : TestDevice::Registered();
    d.Set(DeviceText::kDisplayName,
          i % 2 ? "KIOSK-" + std::to_string(i) : "pc");
    d.Set(DeviceText::kModel, i % 3 ? "A" : "c");
    d.Set(DeviceText::kTrustType, i % 7 ? "AzureAD" : "Workplace");
    devices.push_back(d);
  }
  for (TestDevice& d : devices) expected.push_back(rule.Matches(d.attrs()));
  std::vector<const DeviceAttributes*> attrs;
  for (TestDevice& d : devices) attrs.push_back(&d.attrs());

  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const CompiledRule copy = rule;  // shares the program
      for (int round = 0; round < 2000; ++round) {
        size_t i = (round * 7 + t) % attrs.size();
        const CompiledRule& r = round % 2 ? copy : rule;
        if (r.Matches(*attrs[i]) != expected[i]) ++mismatches;
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_TRUE(std::count(expected.begin(), expected.end(), true) > 0);
  EXPECT_TRUE(std::count(expected.begin(), expected.end(), false) > 0);
}

}  // namespace
}  // namespace crossgate::device_filter
