// crossgate check -p POLICIES [--json] REQUEST.json
// crossgate check -p POLICIES --batch REQUESTS.jsonl [--policy-results]
//
// One request: the decision as an aligned block (default) or the decision
// JSON (--json); the reader's notes about defaulted directory facts go to
// stderr. Batch: one decision JSON line per request line, in order, written
// as it goes; a progress bar on stderr only when stderr is a terminal.
// Exit codes: verbs.h.

#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bindings/cli/batch_checker.h"
#include "bindings/cli/cross_tenant_view.h"
#include "bindings/cli/decide_flags.h"
#include "bindings/cli/decision_render.h"
#include "bindings/cli/line_reader.h"
#include "bindings/cli/policy_source.h"
#include "bindings/cli/request_input.h"
#include "bindings/cli/terminal.h"
#include "bindings/cli/verbs.h"
#include "lib/eval/evaluator.h"

namespace crossgate_cli {
namespace {

constexpr char kUsage[] =
    "usage: crossgate check -p POLICIES [--json] REQUEST.json\n"
    "       crossgate check -p POLICIES --batch REQUESTS.jsonl "
    "[--policy-results]\n";

int CheckOne(const Policies& policies, const std::string& path, bool json) {
  crossgate::ParsedRequest parsed;
  std::vector<std::string> notes;
  absl::Status status = ReadRequestFile(policies, path, &parsed, &notes);
  if (!status.ok()) {
    std::fprintf(stderr, "crossgate check: %s\n",
                 std::string(status.message()).c_str());
    return kExitError;
  }
  for (const std::string& note : notes) {
    std::fprintf(stderr, "crossgate check: note: %s\n", note.c_str());
  }
  crossgate::EvalScratch scratch = policies.set->NewScratch();
  crossgate::Decision decision;
  crossgate::Evaluate(*policies.set, parsed.request(),
                      crossgate::EvaluateOptions(), scratch, &decision);
  if (json) {
    DecisionJsonWriter writer;
    std::printf("%s\n", writer.Render(decision, *policies.set).c_str());
  } else {
    PrintDecision(stdout, decision, policies, ShouldColor(stdout),
                  ViewCrossTenant(policies, parsed.request()).summary);
  }
  return ExitCodeFor(decision);
}

// A one-line progress bar: drawn once requests have been decided, redrawn at
// most every 100 ms, and erased at the end.
class Progress {
 public:
  Progress(bool enabled, long long total_bytes)
      : enabled_(enabled), total_(total_bytes) {}
  // The number of requests so far (cheap: no clock read).
  void Count(long long lines) { lines_ = lines; }
  // Redraws at most every 100 ms, once there is a request to count; called
  // once per input chunk (a clock read per line would show in the profile).
  void Update(long long bytes) {
    if (!enabled_ || lines_ == 0) return;
    const long long lines = lines_;
    auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? lines / seconds : 0;
    if (total_ > 0) {
      const int percent = static_cast<int>(100.0 * bytes / total_);
      const int filled = percent * 30 / 100;
      std::fprintf(stderr, "\r[%s%s] %3d%%  %lld requests  %.0f/s",
                   std::string(filled, '#').c_str(),
                   std::string(30 - filled, ' ').c_str(), percent, lines, rate);
    } else {
      std::fprintf(stderr, "\r%lld requests  %.0f/s", lines, rate);
    }
    drawn_ = true;
  }
  void Finish() {
    if (drawn_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  bool enabled_;
  long long total_;
  long long lines_ = 0;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_ =
      std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_ = start_;
};

// Output is appended to one buffer and written when it passes kFlushBytes,
// before the input reader may block (so a slow producer's lines are answered
// at once), per line when stdout is a terminal, and at the end.
constexpr size_t kFlushBytes = size_t{64} << 10;

int CheckBatch(const Policies& policies, const std::string& path,
               bool policy_results) {
  std::FILE* in = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (in == nullptr) {
    std::fprintf(stderr, "crossgate check: %s: cannot read: %s\n", path.c_str(),
                 std::strerror(errno));
    return kExitError;
  }
  struct stat st;
  long long total = 0;
  if (fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode)) total = st.st_size;
  if (fstat(fileno(in), &st) == 0 && S_ISDIR(st.st_mode)) {
    std::fprintf(stderr, "crossgate check: %s: cannot read: Is a directory\n",
                 path.c_str());
    if (in != stdin) std::fclose(in);
    return kExitError;
  }
  Progress progress(IsTty(stderr), total);
  const bool interactive = IsTty(stdout);
  BatchChecker checker(policies, policy_results);
  LineReader lines(fileno(in));
  std::string out;
  out.reserve(2 * kFlushBytes);
  auto flush = [&out] {
    if (out.empty()) return;
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    out.clear();
  };
  auto before_read = [&] {
    flush();
    progress.Update(lines.consumed());
  };
  long long count = 0;
  int line_number = 0;
  bool any_error = false, any_block = false, any_challenge = false;
  absl::string_view text;
  while (lines.Next(&text, before_read)) {
    ++line_number;
    while (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.find_first_not_of(" \t") == absl::string_view::npos) continue;
    // LineReader lines carry the padding: parsed in place.
    auto outcome = checker.ProcessLine(text, line_number, path, &out,
                                       /*line_padded=*/true);
    ++count;
    progress.Count(count);
    if (!outcome.ok()) {
      any_error = true;
      progress.Finish();
      std::fprintf(stderr, "crossgate check: %s\n",
                   std::string(outcome.status().message()).c_str());
    } else if (*outcome == crossgate::Outcome::kBlock) {
      any_block = true;
    } else if (*outcome == crossgate::Outcome::kChallenge) {
      any_challenge = true;
    }
    if (interactive || out.size() >= kFlushBytes) flush();
  }
  const int read_error = lines.error();
  if (in != stdin) std::fclose(in);
  flush();
  progress.Finish();
  if (read_error != 0) {
    std::fprintf(stderr, "crossgate check: %s: read error after line %d\n",
                 path.c_str(), line_number);
    return kExitError;
  }
  if (any_error) return kExitError;
  if (any_block) return kExitBlock;
  if (any_challenge) return kExitChallenge;
  return kExitAllow;
}

}  // namespace

int RunCheck(int argc, char** argv) {
  DecideFlags flags;
  std::string batch;
  bool policy_results = false;
  bool ok = flags.Parse("check", argc, argv, [&](int n, char** args) -> int {
    if (std::strcmp(args[0], "--policy-results") == 0) {
      policy_results = true;
      return 1;
    }
    if (std::strcmp(args[0], "--batch") != 0) return 0;
    if (n < 2) {
      std::fprintf(stderr, "crossgate check: --batch needs a JSONL file\n");
      return -1;
    }
    batch = args[1];
    return 2;
  });
  if (ok && flags.policies.empty()) {
    std::fprintf(stderr, "crossgate check: -p POLICIES is required\n");
    ok = false;
  }
  if (ok && batch.empty() && flags.positional.size() != 1) {
    std::fprintf(stderr, "crossgate check: give exactly one request file\n");
    ok = false;
  }
  if (ok && !batch.empty() && !flags.positional.empty()) {
    std::fprintf(stderr,
                 "crossgate check: --batch takes no other request file\n");
    ok = false;
  }
  if (!ok) {
    std::fputs(kUsage, stderr);
    return kExitUsage;
  }
  auto policies = LoadPolicies(flags.policies, flags.load_options, "check");
  if (!policies.ok()) return kExitError;
  if (!batch.empty()) return CheckBatch(**policies, batch, policy_results);
  return CheckOne(**policies, flags.positional[0], flags.json);
}

}  // namespace crossgate_cli
