#include "bindings/cli/decide_flags.h"

#include <cstdio>
#include <cstring>

namespace crossgate_cli {

bool DecideFlags::Parse(const char* verb, int argc, char** argv,
                        const std::function<int(int, char**)>& extra) {
  for (int i = 0; i < argc; ++i) {
    const char* arg = argv[i];
    if (std::strcmp(arg, "-p") == 0 || std::strcmp(arg, "--policies") == 0) {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "crossgate %s: %s needs a path\n", verb, arg);
        return false;
      }
      policies.push_back(argv[++i]);
    } else if (std::strcmp(arg, "--json") == 0) {
      json = true;
    } else if (std::strcmp(arg, "--allow-placeholders") == 0) {
      load_options.allow_placeholders = true;
    } else if (std::strcmp(arg, "--strict-references") == 0) {
      load_options.strict_references = true;
    } else if (std::strcmp(arg, "--") == 0) {
      for (++i; i < argc; ++i) positional.push_back(argv[i]);
    } else {
      const int used = extra ? extra(argc - i, argv + i) : 0;
      if (used < 0) return false;
      if (used > 0) {
        i += used - 1;
        continue;
      }
      if (arg[0] == '-' && arg[1] != '\0') {
        std::fprintf(stderr, "crossgate %s: unknown flag %s\n", verb, arg);
        return false;
      }
      positional.push_back(arg);
    }
  }
  return true;
}

}  // namespace crossgate_cli
