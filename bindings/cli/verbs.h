#ifndef CROSSGATE_BINDINGS_CLI_VERBS_H_
#define CROSSGATE_BINDINGS_CLI_VERBS_H_

// The crossgate command line: one verb per file (verb_<name>.cc), listed in
// kVerbs (main.cc). A verb gets the arguments after its name and returns the
// process exit code. The codes are stable (docs/cli.md):
//
//   0  allow / success (no lint findings, no changed decisions)
//   1  error: an input cannot be read, parsed, loaded or decided
//   2  usage error
//   3  block        (check, check --batch: at least one block)
//   4  challenge    (check, check --batch: a challenge and no block)
//   5  findings     (lint: problems found; diff: decisions change)

namespace crossgate_cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitAllow = 0;
inline constexpr int kExitLoadError = 1;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitBlock = 3;
inline constexpr int kExitChallenge = 4;
inline constexpr int kExitFindings = 5;

struct Verb {
  const char* name;
  const char* usage;    // one line: arguments and flags
  const char* summary;  // one line: what it does
  int (*run)(int argc, char** argv);
};

int RunCompile(int argc, char** argv);
int RunInspect(int argc, char** argv);
int RunCheck(int argc, char** argv);
int RunWhatIf(int argc, char** argv);
int RunLint(int argc, char** argv);
int RunDiff(int argc, char** argv);
int RunInvite(int argc, char** argv);

}  // namespace crossgate_cli

#endif  // CROSSGATE_BINDINGS_CLI_VERBS_H_
