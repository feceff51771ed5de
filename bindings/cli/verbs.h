#ifndef CROSSGATE_BINDINGS_CLI_VERBS_H_
#define CROSSGATE_BINDINGS_CLI_VERBS_H_

// The crossgate command line: one verb per file (verb_<name>.cc), listed in
// kVerbs (main.cc). A verb gets the arguments after its name and returns the
// process exit code: 0 success, 1 the input has errors, 2 usage error.

namespace crossgate_cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitLoadError = 1;
inline constexpr int kExitUsage = 2;

struct Verb {
  const char* name;
  const char* usage;    // one line: arguments and flags
  const char* summary;  // one line: what it does
  int (*run)(int argc, char** argv);
};

int RunCompile(int argc, char** argv);
int RunInspect(int argc, char** argv);

}  // namespace crossgate_cli

#endif  // CROSSGATE_BINDINGS_CLI_VERBS_H_
