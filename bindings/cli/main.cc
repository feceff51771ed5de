// crossgate: the command-line tool. Each verb lives in its own file
// (verb_<name>.cc) and is listed once in kVerbs below.

#include <cstdio>
#include <cstring>

#include "bindings/cli/verbs.h"

namespace crossgate_cli {
namespace {

constexpr Verb kVerbs[] = {
    {"compile",
     "<files or dirs...> -o bundle.pb [--bundle-version N] "
     "[--allow-placeholders] [--strict-references]",
     "load Graph JSON exports (or bundles) and write a binary bundle",
     RunCompile},
    {"inspect",
     "<bundle or export...> [--allow-placeholders] [--strict-references]",
     "load inputs and print counts per tenant and kind, then warnings",
     RunInspect},
};

void PrintUsage(std::FILE* out) {
  std::fprintf(out, "usage: crossgate <verb> [args]\n\nverbs:\n");
  for (const Verb& verb : kVerbs) {
    std::fprintf(out, "  %-8s %s\n           %s\n", verb.name, verb.summary,
                 verb.usage);
  }
  std::fprintf(out,
               "\nexit codes: 0 ok, 1 the input has errors, 2 usage error\n");
}

}  // namespace
}  // namespace crossgate_cli

int main(int argc, char** argv) {
  using namespace crossgate_cli;
  if (argc < 2) {
    PrintUsage(stderr);
    return kExitUsage;
  }
  if (std::strcmp(argv[1], "help") == 0 ||
      std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    PrintUsage(stdout);
    return kExitOk;
  }
  for (const Verb& verb : kVerbs) {
    if (std::strcmp(argv[1], verb.name) == 0) {
      return verb.run(argc - 2, argv + 2);
    }
  }
  std::fprintf(stderr, "crossgate: unknown verb '%s'\n", argv[1]);
  PrintUsage(stderr);
  return kExitUsage;
}
