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
    {"check",
     "-p POLICIES [--json] REQUEST.json | -p POLICIES --batch REQUESTS.jsonl "
     "[--policy-results]",
     "decide one request (or one per JSONL line) and say why", RunCheck},
    {"what-if", "-p POLICIES [--json] [--graph] REQUEST.json",
     "every policy: applies or not and why, controls, cross-tenant settings",
     RunWhatIf},
    {"lint", "<policies...> [--json]",
     "find policies that never apply, covered inclusions, risky report-only "
     "blocks, redundant partner entries, unknown features",
     RunLint},
    {"diff", "OLD NEW --requests REQUESTS.jsonl [--json]",
     "list the requests whose decision changes between two policy versions",
     RunDiff},
    {"invite",
     "-p POLICIES [--tenant ID] [--inviter member|guest|application] "
     "[--inviter-role ID]... [--invitee-tenant ID] [--json] EMAIL",
     "may this inviter invite EMAIL as a guest (external collaboration)",
     RunInvite},
};

void PrintUsage(std::FILE* out) {
  std::fprintf(out, "usage: crossgate <verb> [args]\n\nverbs:\n");
  for (const Verb& verb : kVerbs) {
    std::fprintf(out, "  %-8s %s\n           crossgate %s %s\n", verb.name,
                 verb.summary, verb.name, verb.usage);
  }
  std::fprintf(
      out,
      "\nPOLICIES: a bundle (crossgate compile), a Graph JSON export or "
      "tenant document, or a tenant directory; -p repeats.\n"
      "exit codes: 0 allow / ok, 1 error, 2 usage, 3 block, "
      "4 challenge, 5 findings (lint, diff); see docs/cli.md\n");
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
