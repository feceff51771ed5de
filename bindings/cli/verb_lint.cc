// crossgate lint <policies...> [--json] [--allow-placeholders]
//                [--strict-references]
//
// Loads the inputs like `inspect` and reports policies that can never
// apply, exclusions that cover the inclusion, report-only policies that
// would block everyone, partner entries identical to the default, and
// features crossgate does not evaluate (rules: lint.h). Exit 0 when clean,
// 5 when there are findings, 1 when the inputs do not load.

#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"
#include "bindings/cli/decide_flags.h"
#include "bindings/cli/lint.h"
#include "bindings/cli/policy_source.h"
#include "bindings/cli/terminal.h"
#include "bindings/cli/verbs.h"
#include "lib/load/loader.h"
#include "lib/request_json/request_writer.h"

namespace crossgate_cli {

int RunLint(int argc, char** argv) {
  DecideFlags flags;
  bool ok = flags.Parse("lint", argc, argv, nullptr);
  // Policies may be given positionally or with -p.
  for (const std::string& p : flags.positional) flags.policies.push_back(p);
  if (ok && flags.policies.empty()) {
    std::fprintf(stderr, "crossgate lint: no input files or directories\n");
    ok = false;
  }
  if (!ok) {
    std::fputs(
        "usage: crossgate lint <policies...> [--json] "
        "[--allow-placeholders] [--strict-references]\n",
        stderr);
    return kExitUsage;
  }
  std::vector<crossgate::LoadIssue> issues;
  auto bundle =
      crossgate::LoadPaths(flags.policies, flags.load_options, &issues);
  if (!bundle.ok()) {
    for (const auto& issue : issues) {
      if (issue.is_error()) {
        std::fprintf(stderr, "crossgate lint: %s\n", issue.ToString().c_str());
      }
    }
    std::fprintf(stderr, "crossgate lint: cannot load policies: %s\n",
                 std::string(bundle.status().message()).c_str());
    return kExitError;
  }
  std::vector<LintFinding> findings = LintBundle(*bundle, issues);
  if (flags.json) {
    std::string out = "{\"findings\":[";
    for (size_t i = 0; i < findings.size(); ++i) {
      const LintFinding& f = findings[i];
      absl::StrAppend(&out, i == 0 ? "" : ",",
                      "{\"rule\":", crossgate::JsonQuote(f.rule),
                      ",\"tenantId\":", crossgate::JsonQuote(f.tenant_id),
                      ",\"id\":", crossgate::JsonQuote(f.object_id),
                      ",\"displayName\":", crossgate::JsonQuote(f.object_name),
                      ",\"message\":", crossgate::JsonQuote(f.message), "}");
    }
    absl::StrAppend(&out, "],\"count\":", findings.size(), "}");
    std::printf("%s\n", out.c_str());
  } else if (findings.empty()) {
    std::printf("no findings in %d tenants\n", bundle->tenants_size());
  } else {
    const bool color = ShouldColor(stdout);
    Table table({"rule", "tenant", "policy / partner", "message"});
    for (const LintFinding& f : findings) {
      table.AddRow(
          {f.rule, f.tenant_id.substr(0, 8),
           f.object_name.empty() ? f.object_id : f.object_name, f.message},
          {Color::kYellow});
    }
    table.Print(stdout, color);
    std::printf("%zu finding%s\n", findings.size(),
                findings.size() == 1 ? "" : "s");
  }
  return findings.empty() ? kExitOk : kExitFindings;
}

}  // namespace crossgate_cli
