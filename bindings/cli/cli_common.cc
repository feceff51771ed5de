#include "bindings/cli/cli_common.h"

#include "absl/strings/numbers.h"

namespace crossgate_cli {

void PrintIssues(std::FILE* out,
                 const std::vector<crossgate::LoadIssue>& issues,
                 bool warnings) {
  for (const crossgate::LoadIssue& issue : issues) {
    if (!warnings && !issue.is_error()) continue;
    std::fprintf(out, "%s\n", issue.ToString().c_str());
  }
}

bool ParseUint64(const char* text, uint64_t* out) {
  return absl::SimpleAtoi(text, out);
}

}  // namespace crossgate_cli
