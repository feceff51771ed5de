// crossgate compile <files or dirs...> -o bundle.pb [--bundle-version N]
//                   [--allow-placeholders] [--strict-references]
//
// Loads Graph JSON exports, tenant documents or bundles and writes one binary
// bundle. Prints every issue on stderr; writes nothing when any is an error.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "bindings/cli/cli_common.h"
#include "bindings/cli/verbs.h"
#include "lib/load/loader.h"

namespace crossgate_cli {
namespace {

// Writes beside the target and renames, so a failed write never leaves a
// truncated bundle behind.
bool WriteAtomically(const std::string& path, const std::string& bytes) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out ||
        !out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) std::filesystem::remove(tmp, ec);
  return !ec;
}

}  // namespace

int RunCompile(int argc, char** argv) {
  LoadFlags flags;
  std::string output;
  bool ok = flags.Parse(argc, argv, [&](int n, char** args) -> int {
    std::string arg = args[0];
    if (arg != "-o" && arg != "--output" && arg != "--bundle-version") return 0;
    if (n < 2) {
      std::fprintf(stderr, "crossgate compile: %s needs a value\n", args[0]);
      return -1;
    }
    if (arg == "--bundle-version") {
      if (!ParseUint64(args[1], &flags.options.bundle_version)) {
        std::fprintf(stderr, "crossgate compile: bad --bundle-version %s\n",
                     args[1]);
        return -1;
      }
    } else {
      output = args[1];
    }
    return 2;
  });
  if (ok && output.empty()) {
    std::fprintf(stderr, "crossgate compile: -o <bundle.pb> is required\n");
    ok = false;
  }
  if (!ok) {
    std::fprintf(stderr,
                 "usage: crossgate compile <files or dirs...> -o bundle.pb "
                 "[--bundle-version N] [--allow-placeholders] "
                 "[--strict-references]\n");
    return kExitUsage;
  }
  std::vector<crossgate::LoadIssue> issues;
  auto bundle = crossgate::LoadPaths(flags.inputs, flags.options, &issues);
  PrintIssues(stderr, issues, /*warnings=*/true);
  if (!bundle.ok()) {
    std::fprintf(stderr, "crossgate compile: %s\n",
                 std::string(bundle.status().message()).c_str());
    return kExitLoadError;
  }
  auto bytes = crossgate::SerializeBundle(*bundle);
  if (!bytes.ok() || !WriteAtomically(output, *bytes)) {
    std::fprintf(stderr, "crossgate compile: cannot write %s\n",
                 output.c_str());
    return kExitLoadError;
  }
  std::fprintf(stderr, "crossgate compile: wrote %s (%d tenants, %zu bytes)\n",
               output.c_str(), bundle->tenants_size(), bytes->size());
  return kExitOk;
}

}  // namespace crossgate_cli
