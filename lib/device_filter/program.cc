#include "lib/device_filter/program.h"

#include "absl/strings/str_cat.h"
#include "lib/device_filter/case_fold.h"
#include "re2/re2.h"

namespace crossgate::device_filter {
namespace {

absl::string_view TestName(TestKind kind) {
  switch (kind) {
    case TestKind::kIsNull:
      return "is_null";
    case TestKind::kBoolEquals:
      return "bool_equals";
    case TestKind::kEquals:
      return "equals";
    case TestKind::kStartsWith:
      return "starts_with";
    case TestKind::kEndsWith:
      return "ends_with";
    case TestKind::kContains:
      return "contains";
    case TestKind::kIn:
      return "in";
    case TestKind::kMatch:
      return "match";
  }
  return "?";
}

}  // namespace

// Binary search over the folded, sorted, unique list_items[in.a, in.b).
bool InSortedList(const Program& p, const Instr& in,
                  absl::string_view value) noexcept {
  uint32_t begin = in.a, end = in.b;
  while (begin < end) {
    const uint32_t mid = begin + (end - begin) / 2;
    const StringRef& item = p.list_items[mid];
    const int c = FoldedCompare(value, p.Literal(item.offset, item.size));
    if (c == 0) return true;
    if (c < 0) {
      end = mid;
    } else {
      begin = mid + 1;
    }
  }
  return false;
}

bool RegexMatches(const Program& p, const Instr& in,
                  absl::string_view value) noexcept {
  // Unanchored, like .NET Regex.IsMatch; RE2 takes re2::StringPiece.
  return RE2::PartialMatch(re2::StringPiece(value.data(), value.size()),
                           *p.regexes[in.a]);
}

std::string Program::DebugString() const {
  auto target = [this](uint32_t t) -> std::string {
    if (t == accept()) return "accept";
    if (t == reject()) return "reject";
    return absl::StrCat(t);
  };
  std::string out;
  for (size_t pc = 0; pc < code.size(); ++pc) {
    const Instr& in = code[pc];
    absl::StrAppend(&out, pc, ": ");
    switch (in.input) {
      case InputKind::kText:
        absl::StrAppend(&out, "text[", in.slot, "]");
        break;
      case InputKind::kBool:
        absl::StrAppend(&out, "bool");
        break;
      case InputKind::kList:
        absl::StrAppend(&out, "list[", in.slot, "]");
        break;
    }
    absl::StrAppend(&out, " ", in.negate ? "not_" : "", TestName(in.test));
    switch (in.test) {
      case TestKind::kBoolEquals:
        absl::StrAppend(&out, in.a != 0 ? " true" : " false");
        break;
      case TestKind::kEquals:
      case TestKind::kStartsWith:
      case TestKind::kEndsWith:
      case TestKind::kContains:
        absl::StrAppend(&out, " \"", Literal(in.a, in.b), "\"");
        break;
      case TestKind::kIn:
        absl::StrAppend(&out, " [", in.b - in.a, " items]");
        break;
      case TestKind::kMatch:
        absl::StrAppend(&out, " /", regexes[in.a]->pattern(), "/");
        break;
      case TestKind::kIsNull:
        break;
    }
    absl::StrAppend(&out, " ? ", target(in.on_true), " : ", target(in.on_false),
                    "\n");
  }
  return out;
}

}  // namespace crossgate::device_filter
