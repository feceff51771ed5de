// Every filter rule in the real Graph exports (shared/corpus) and the spec's
// samples (shared/spec/graph-samples) compiles and evaluates as expected.
// Some exports are UTF-16 with a byte order mark (MANIFEST.tsv "encoding");
// they are decoded here before JSON parsing.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "lib/device_filter/attribute_filter.h"
#include "lib/device_filter/device_filter.h"
#include "tests/device_filter/test_device.h"

namespace crossgate::device_filter {
namespace {

using testing::TestDevice;

std::string SharedDir() {
  const char* env = std::getenv("CROSSGATE_SHARED_DIR");
  return env != nullptr && *env != '\0' ? env : CROSSGATE_SHARED_DIR;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// UTF-16 (either byte order, after the BOM) to UTF-8; unpaired surrogates
// become U+FFFD.
std::string Utf16ToUtf8(const std::string& bytes, bool little_endian) {
  std::string out;
  auto unit = [&](size_t i) -> uint32_t {
    unsigned char a = bytes[i], b = bytes[i + 1];
    return little_endian ? (a | (b << 8)) : ((a << 8) | b);
  };
  for (size_t i = 2; i + 1 < bytes.size(); i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), &out);
        i += 2;
        continue;
      }
    }
    AppendUtf8(u >= 0xD800 && u <= 0xDFFF ? 0xFFFD : u, &out);
  }
  return out;
}

std::string ReadAsUtf8(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string bytes = buffer.str();
  if (bytes.size() >= 2 && bytes[0] == '\xFF' && bytes[1] == '\xFE') {
    return Utf16ToUtf8(bytes, /*little_endian=*/true);
  }
  if (bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF') {
    return Utf16ToUtf8(bytes, /*little_endian=*/false);
  }
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) return bytes.substr(3);
  return bytes;
}

struct FoundFilter {
  std::string kind;  // deviceFilter, applicationFilter, servicePrincipalFilter
  std::string mode;
  std::string rule;
  std::string file;
};

void Walk(const google::protobuf::Value& v, const std::string& file,
          std::vector<FoundFilter>* found) {
  if (v.has_list_value()) {
    for (const auto& item : v.list_value().values()) Walk(item, file, found);
    return;
  }
  if (!v.has_struct_value()) return;
  for (const auto& [key, child] : v.struct_value().fields()) {
    if ((key == "deviceFilter" || key == "applicationFilter" ||
         key == "servicePrincipalFilter") &&
        child.has_struct_value()) {
      const auto& fields = child.struct_value().fields();
      auto rule = fields.find("rule");
      auto mode = fields.find("mode");
      if (rule != fields.end() && rule->second.has_string_value()) {
        found->push_back(
            {key,
             mode != fields.end() ? mode->second.string_value() : std::string(),
             rule->second.string_value(), file});
      }
    }
    Walk(child, file, found);
  }
}

std::vector<FoundFilter> ReadAllFilters(int* files_read) {
  std::vector<FoundFilter> found;
  for (const char* sub : {"corpus", "spec/graph-samples"}) {
    const std::filesystem::path root = std::filesystem::path(SharedDir()) / sub;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".json") {
        continue;
      }
      const std::string json = ReadAsUtf8(entry.path());
      google::protobuf::Value value;
      auto status = google::protobuf::util::JsonStringToMessage(json, &value);
      if (!status.ok()) {
        // A few exports repeat a key, which protobuf's JSON parser rejects.
        // Such a file must not hide a filter rule from this test.
        EXPECT_EQ(json.find("\"rule\""), std::string::npos)
            << entry.path() << ": " << status;
        continue;
      }
      ++*files_read;
      Walk(value, entry.path().string(), &found);
    }
  }
  return found;
}

// Reads the shared directory once per test binary.
const std::vector<FoundFilter>& FindAllFilters(int* files_read) {
  static int count = 0;
  static const auto* found =
      new std::vector<FoundFilter>(ReadAllFilters(&count));
  *files_read = count;
  return *found;
}

// Six devices. Columns below follow this order.
std::vector<TestDevice> Devices() {
  std::vector<TestDevice> d;
  d.push_back(TestDevice::Unregistered());
  d.push_back(TestDevice::Registered());  // managed company laptop, SAW
  d.back()
      .Set(DeviceText::kDeviceOwnership, "Company")
      .Set(DeviceText::kTrustType, "ServerAD")
      .Set(ExtensionAttribute(1), "saw")
      .Compliant(true);
  d.push_back(TestDevice::Registered());  // personal registered phone
  d.back()
      .Set(DeviceText::kDeviceOwnership, "Personal")
      .Set(DeviceText::kTrustType, "Workplace")
      .Compliant(false);
  d.push_back(TestDevice::Registered());  // company, joined, not compliant
  d.back()
      .Set(DeviceText::kDeviceOwnership, "Company")
      .Set(DeviceText::kTrustType, "AzureAD")
      .Compliant(false);
  d.push_back(TestDevice::Registered());  // personal, hybrid, compliant
  d.back()
      .Set(DeviceText::kDeviceOwnership, "Personal")
      .Set(DeviceText::kTrustType, "ServerAD")
      .Compliant(true);
  d.push_back(TestDevice::Registered());  // registered, every property null
  return d;
}

// rule -> Matches() for each of Devices(), worked out by hand from
// section 4.10.
const std::map<std::string, std::vector<bool>>& Expected() {
  static const auto* expected = new std::map<std::string, std::vector<bool>>{
      {"device.deviceOwnership -eq \"Company\" -and device.isCompliant -eq "
       "True",
       {false, true, false, false, false, false}},
      {"device.deviceOwnership -eq \"Company\" -or device.isCompliant -eq True",
       {false, true, false, true, true, false}},
      {"device.isCompliant -eq True -and device.deviceOwnership -eq "
       "\"Company\"",
       {false, true, false, false, false, false}},
      {"device.isCompliant -eq True -or device.trustType -eq \"ServerAD\"",
       {false, true, false, false, true, false}},
      {"device.trustType -eq \"ServerAD\"",
       {false, true, false, false, true, false}},
      {"device.isCompliant -ne True -and device.trustType -ne \"ServerAD\"",
       {true, false, true, true, false, true}},
      {"device.trustType -ne \"ServerAD\" -or device.isCompliant -ne True",
       {true, false, true, true, false, true}},
      {"device.extensionAttribute1 -ne \"SAW\"",
       {true, false, true, true, true, true}},
  };
  return *expected;
}

TEST(DeviceFilterCorpus, EveryRuleCompilesAndEvaluatesAsExpected) {
  int files_read = 0;
  const std::vector<FoundFilter>& found = FindAllFilters(&files_read);
  EXPECT_GE(files_read, 400);
  // 33 device filters in the corpus (9 of them in UTF-16 files) plus the
  // documented PATCH sample.
  EXPECT_GE(found.size(), 34u);

  std::set<std::string> seen;
  std::vector<TestDevice> devices = Devices();
  for (const FoundFilter& f : found) {
    SCOPED_TRACE(f.file + ": " + f.rule);
    ASSERT_TRUE(f.mode == "include" || f.mode == "exclude") << f.mode;
    const bool include = f.mode == "include";
    if (f.kind != "deviceFilter") {
      // No export in the corpus has one today; if one appears it must at
      // least compile.
      EXPECT_TRUE(CompileAttributeRule(f.rule).ok());
      continue;
    }
    absl::StatusOr<CompiledRule> rule = CompileRule(f.rule);
    ASSERT_TRUE(rule.ok()) << rule.status();
    seen.insert(f.rule);
    auto it = Expected().find(f.rule);
    ASSERT_NE(it, Expected().end()) << "no expectation for this corpus rule";
    for (size_t i = 0; i < devices.size(); ++i) {
      EXPECT_EQ(rule->Matches(devices[i].attrs()), it->second[i])
          << "device " << i;
      EXPECT_EQ(FilterApplies(*rule, include, devices[i].attrs()),
                it->second[i] == include)
          << "device " << i;
    }
  }
  // Every expectation was exercised, including the rule that only occurs
  // in the UTF-16 exports.
  for (const auto& [rule, results] : Expected()) {
    EXPECT_TRUE(seen.count(rule)) << "not found in the corpus: " << rule;
  }
}

// The corpus' "unmanaged device" policies exclude managed devices; an
// unregistered device (and a guest's device without trust, D12) is
// therefore always in their scope.
TEST(DeviceFilterCorpus, UnmanagedDevicePoliciesCoverUnregisteredDevices) {
  int files_read = 0;
  TestDevice unregistered = TestDevice::Unregistered();
  for (const FoundFilter& f : FindAllFilters(&files_read)) {
    if (f.kind != "deviceFilter" || f.mode != "exclude" ||
        f.file.find("/corpus/") == std::string::npos) {
      continue;
    }
    absl::StatusOr<CompiledRule> rule = CompileRule(f.rule);
    ASSERT_TRUE(rule.ok());
    EXPECT_TRUE(FilterApplies(*rule, false, unregistered.attrs())) << f.rule;
  }
}

}  // namespace
}  // namespace crossgate::device_filter
