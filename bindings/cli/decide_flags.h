#ifndef CROSSGATE_BINDINGS_CLI_DECIDE_FLAGS_H_
#define CROSSGATE_BINDINGS_CLI_DECIDE_FLAGS_H_

// Flags shared by the verbs that decide requests (check, what-if, invite):
//   -p, --policies PATH   policies to load (repeatable): a bundle, a Graph
//                         JSON export / tenant document, or a directory
//   --json                machine output
//   --allow-placeholders, --strict-references   as for compile
// Everything else is handed to the verb's own handler or kept as a
// positional argument.

#include <functional>
#include <string>
#include <vector>

#include "lib/load/limits.h"

namespace crossgate_cli {

struct DecideFlags {
  std::vector<std::string> policies;
  std::vector<std::string> positional;
  crossgate::LoadOptions load_options;
  bool json = false;

  // `extra(argc, argv)` returns how many arguments it consumed (0: not its
  // flag, -1: error already printed). False (after printing why) on a usage
  // error. `verb` prefixes messages.
  bool Parse(const char* verb, int argc, char** argv,
             const std::function<int(int, char**)>& extra);
};

}  // namespace crossgate_cli

#endif  // CROSSGATE_BINDINGS_CLI_DECIDE_FLAGS_H_
