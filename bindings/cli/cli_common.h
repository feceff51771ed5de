#ifndef CROSSGATE_BINDINGS_CLI_CLI_COMMON_H_
#define CROSSGATE_BINDINGS_CLI_CLI_COMMON_H_

// Shared by the load-based verbs: the common flags and the issue listing.

#include <cstdio>
#include <string>
#include <vector>

#include "lib/load/limits.h"
#include "lib/load/load_issue.h"

namespace crossgate_cli {

// Flags every load-based verb takes. Parse() consumes them and collects the
// remaining arguments as inputs; `extra` handles verb-specific flags (returns
// the number of arguments it consumed, 0 if not its flag, -1 on error).
struct LoadFlags {
  crossgate::LoadOptions options;
  std::vector<std::string> inputs;

  // False (after printing why) on a usage error.
  template <typename Extra>
  bool Parse(int argc, char** argv, Extra extra);
};

// Prints each issue as "<severity> <code> <path>: <message>".
void PrintIssues(std::FILE* out,
                 const std::vector<crossgate::LoadIssue>& issues,
                 bool warnings);

bool ParseUint64(const char* text, uint64_t* out);

template <typename Extra>
bool LoadFlags::Parse(int argc, char** argv, Extra extra) {
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--allow-placeholders") {
      options.allow_placeholders = true;
    } else if (arg == "--strict-references") {
      options.strict_references = true;
    } else if (arg == "--") {
      for (++i; i < argc; ++i) inputs.push_back(argv[i]);
    } else {
      int used = extra(argc - i, argv + i);
      if (used < 0) return false;
      if (used > 0) {
        i += used - 1;
        continue;
      }
      if (arg.size() > 1 && arg[0] == '-') {
        std::fprintf(stderr, "crossgate: unknown flag %s\n", arg.c_str());
        return false;
      }
      inputs.push_back(arg);
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "crossgate: no input files or directories\n");
    return false;
  }
  return true;
}

}  // namespace crossgate_cli

#endif  // CROSSGATE_BINDINGS_CLI_CLI_COMMON_H_
