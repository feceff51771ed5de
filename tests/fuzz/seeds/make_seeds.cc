// Writes the fuzz targets' seed corpora into a build directory, from the data
// that lives beside the checkout (never copied into the repository):
//
//   fuzz_make_seeds <out_dir> <shared_dir> <source_dir>
//
//   <out>/json_loader    every JSON file of shared/corpus, shared/spec/graph-samples
//                        and examples/policies
//   <out>/bundle_loader  the binary bundle of each of those that loads, and of
//                        the three example tenants together
//   <out>/device_filter  every filter rule found in those models, plus grammar
//                        samples, with and without a device
//   <out>/request_json   examples/requests (files and JSONL lines), the What-If
//                        request sample
//   <out>/capi_request   deterministic pseudo-random blobs (the target decodes
//                        any bytes into a request)
//   <out>/end_to_end     the example tenants + each example request; each
//                        corpus export that loads + a member request
//
// Exits non-zero when a source directory is missing or yields no seeds, so a
// broken fixture fails the test instead of fuzzing nothing.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "lib/load/loader.h"

namespace fs = std::filesystem;
namespace {

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class SeedDir {
 public:
  // Starts empty: seeds are named by content, so a rerun writes the same set.
  SeedDir(const fs::path& root, const std::string& name) : dir_(root / name) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void Add(const std::string& bytes) {
    uint64_t h = 1469598103934665603ULL;  // FNV-1a: stable across runs
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ULL;
    if (!seen_.insert(h).second) return;
    std::ofstream(dir_ / absl::StrCat("seed-", h), std::ios::binary) << bytes;
  }
  size_t count() const { return seen_.size(); }
  std::string name() const { return dir_.filename().string(); }

 private:
  fs::path dir_;
  std::set<uint64_t> seen_;
};

std::vector<fs::path> JsonFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".json") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Every `rule` of a filter message (a message with `mode` and `rule`).
void CollectRules(const google::protobuf::Message& m, std::vector<std::string>* out) {
  const auto* d = m.GetDescriptor();
  const auto* r = m.GetReflection();
  const auto* rule = d->FindFieldByName("rule");
  if (rule != nullptr && d->FindFieldByName("mode") != nullptr &&
      rule->type() == google::protobuf::FieldDescriptor::TYPE_STRING) {
    out->push_back(r->GetString(m, rule));
  }
  std::vector<const google::protobuf::FieldDescriptor*> fields;
  r->ListFields(m, &fields);
  for (const auto* f : fields) {
    if (f->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (f->is_repeated()) {
      for (int i = 0; i < r->FieldSize(m, f); ++i) {
        CollectRules(r->GetRepeatedMessage(m, f, i), out);
      }
    } else {
      CollectRules(r->GetMessage(m, f), out);
    }
  }
}

const char* const kGrammarRules[] = {
    "device.trustType -eq \"AzureAD\"",
    "device.isCompliant -eq True -and device.operatingSystem -startsWith \"Win\"",
    "(device.deviceOwnership -eq \"Company\") -or (device.model -contains \"Surface\")",
    "device.extensionAttribute1 -in [\"a\", \"b\"] -and device.displayName -notContains \"x\"",
    "device.physicalIds -any (_ -contains \"[ZTDId]\")",
    "device.systemLabels -contains \"AzureResource\"",
    "device.displayName -match \"^SAW-[0-9]+$\"",
    "device.mdmAppId -ne null -and device.profileType -notIn [\"Printer\"]",
    "((((device.model -eq \"a\"))))",
    "device.operatingSystemVersion -startsWith \"10.0.1\" -and -not (device.manufacturer -eq \"x\")",
    "CustomSecurityAttribute.Set1_Attr1 -eq \"v\"",
    "CustomSecurityAttribute.Engineering_Project -contains \"Baker\" -or CustomSecurityAttribute.E_P -startsWith \"C\"",
};

std::string Device() {
  // 26 text properties (NUL-separated), then physical ids, "\x02", labels.
  const char* const texts[] = {"0f7c", "SAW-1234", "Company", "Autopilot", "Microsoft",
                               "0000000a-0000-0000-c000-000000000000", "Surface Pro",
                               "Windows", "10.0.19045", "RegisteredDevice", "AzureAD"};
  std::string fixed;
  for (const char* t : texts) fixed += std::string(1, '\0') + t;
  for (int i = 0; i < 15; ++i) fixed += std::string(1, '\0') + (i % 2 ? "\x01" : "x");
  fixed += std::string(1, '\0') + "[ZTDId]:abc" + std::string(1, '\0') + "\x02" +
           std::string(1, '\0') + "AzureResource";
  return fixed;
}

const char kMemberRequest[] =
    "{\"signInIdentity\": {\"@odata.type\": \"#microsoft.graph.userSignIn\", "
    "\"userId\": \"315f2a4f-1cb9-5273-90d2-5032f390b122\"}, "
    "\"signInContext\": {\"@odata.type\": \"#microsoft.graph.applicationContext\", "
    "\"includeApplications\": [\"00000003-0000-0ff1-ce00-000000000000\"]}, "
    "\"signInConditions\": {\"clientAppType\": \"browser\", \"devicePlatform\": \"windows\"}}";

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s <out_dir> <shared_dir> <source_dir>\n", argv[0]);
    return 2;
  }
  const fs::path out = argv[1], shared = argv[2], source = argv[3];
  const fs::path corpus = shared / "corpus", samples = shared / "spec" / "graph-samples",
                 policies = source / "examples" / "policies",
                 requests = source / "examples" / "requests";
  for (const fs::path& p : {corpus, samples, policies, requests}) {
    if (!fs::is_directory(p)) {
      std::fprintf(stderr, "fuzz_make_seeds: missing %s\n", p.c_str());
      return 1;
    }
  }
  SeedDir json(out, "json_loader"), bundle(out, "bundle_loader"),
      filter(out, "device_filter"), request(out, "request_json"),
      capi(out, "capi_request"), e2e(out, "end_to_end");
  const std::string nul(1, '\0');
  const std::string device = Device();
  std::vector<std::string> rules(std::begin(kGrammarRules), std::end(kGrammarRules));

  std::vector<fs::path> docs = JsonFiles(corpus);
  for (const auto& p : JsonFiles(samples)) docs.push_back(p);
  for (const auto& p : JsonFiles(policies)) docs.push_back(p);
  for (const fs::path& p : docs) {
    const std::string text = Read(p);
    json.Add(text);
    std::vector<crossgate::LoadIssue> issues;
    auto loaded = crossgate::LoadJsonText(text, crossgate::LoadOptions(), &issues);
    if (!loaded.ok()) continue;
    if (auto bytes = crossgate::SerializeBundle(*loaded); bytes.ok()) bundle.Add(*bytes);
    CollectRules(*loaded, &rules);
    e2e.Add(text + nul + kMemberRequest);
  }

  std::vector<std::string> example_files;
  for (const char* t : {"contoso.json", "fabrikam.json", "northwind.json"}) {
    example_files.push_back((policies / t).string());
  }
  std::vector<crossgate::LoadIssue> issues;
  auto examples = crossgate::LoadPaths(example_files, crossgate::LoadOptions(), &issues);
  if (!examples.ok()) {
    std::fprintf(stderr, "fuzz_make_seeds: examples do not load: %s\n",
                 examples.status().ToString().c_str());
    return 1;
  }
  bundle.Add(*crossgate::SerializeBundle(*examples));
  const std::string tenants = Read(policies / "contoso.json") + nul +
                              Read(policies / "fabrikam.json") + nul +
                              Read(policies / "northwind.json");

  for (const std::string& rule : rules) {
    filter.Add(std::string(1, '\0') + rule);
    filter.Add(std::string(1, '\1') + rule + device);
  }

  std::vector<std::string> request_texts;
  for (const auto& p : JsonFiles(requests)) {
    if (p.filename() == "expected.json") continue;
    request_texts.push_back(Read(p));
  }
  for (absl::string_view line : absl::StrSplit(Read(requests / "requests.jsonl"), '\n')) {
    if (!line.empty()) request_texts.emplace_back(line);
  }
  request_texts.push_back(Read(samples / "ca-whatif-evaluate-request.json"));
  for (const std::string& r : request_texts) {
    request.Add(r);
    e2e.Add(tenants + nul + r);
  }

  std::mt19937_64 rng(0x5eed);
  for (int i = 0; i < 64; ++i) {
    std::string blob(64 + rng() % 320, '\0');
    for (char& c : blob) c = static_cast<char>(rng() & 0x3f);  // mostly in range
    capi.Add(blob);
  }

  bool empty = false;
  for (const SeedDir* d : {&json, &bundle, &filter, &request, &capi, &e2e}) {
    std::fprintf(stderr, "fuzz_make_seeds: %-14s %zu seeds\n", d->name().c_str(), d->count());
    empty |= d->count() == 0;
  }
  return empty ? 1 : 0;
}
