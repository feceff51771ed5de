#ifndef CROSSGATE_LIB_DEVICE_FILTER_PROGRAM_H_
#define CROSSGATE_LIB_DEVICE_FILTER_PROGRAM_H_

// The compiled form of a filter rule: a flat array of comparison tests in
// source order, each with two forward jump targets ("jumping code"). Running
// it is a loop with no stack, no recursion and no allocation:
//
//   pc = 0
//   while pc < n: pc = Test(code[pc]) ? code[pc].on_true : code[pc].on_false
//   result = (pc == kAccept(n))
//
// -and / -or short-circuit through the targets (compiler.h). Targets always
// point forward, so a run takes at most n steps.
//
// Three-valued input (section 4.10): a test first asks whether the value is
// null. A null value makes every positive test false; `negate` then turns
// the result into true for the negative operators (NotEquals, NotStartsWith,
// NotEndsWith, NotContains, NotIn, NotMatch), which the compiler lowers to
// their positive test with negate set.
//
// INVARIANT: a Program is immutable after compilation; any number of
// threads may run it at once.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "lib/device_filter/case_fold.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace crossgate::device_filter {

enum class TestKind : uint8_t {
  kIsNull,      // -eq null / -ne null
  kBoolEquals,  // a = expected value
  kEquals,      // folded literal at pool[a, a+b)
  kStartsWith,
  kEndsWith,
  kContains,  // substring
  kIn,        // list_items[a, b), folded, sorted, unique
  kMatch,     // regexes[a]
};

// Where a test reads its value from the input.
enum class InputKind : uint8_t {
  kText,  // Input::Text(slot): one optional string
  kBool,  // Input::Bool()
  kList,  // Input::List(slot): a test holds if it holds for some element
};

struct Instr {
  TestKind test = TestKind::kEquals;
  InputKind input = InputKind::kText;
  bool negate = false;
  uint16_t slot = 0;
  uint32_t on_true = 0;  // next pc, or kAccept / kReject (== n / n + 1)
  uint32_t on_false = 0;
  uint32_t a = 0;
  uint32_t b = 0;
};

struct StringRef {
  uint32_t offset = 0;
  uint32_t size = 0;
};

struct Program {
  std::string source;       // the rule as written
  std::vector<Instr> code;  // one per comparison, in source order
  std::string pool;         // folded literals
  std::vector<StringRef> list_items;
  std::vector<std::shared_ptr<const re2::RE2>> regexes;  // shared, immutable
  std::vector<std::string> attribute_names;  // interning tables: slot names

  uint32_t accept() const { return static_cast<uint32_t>(code.size()); }
  uint32_t reject() const { return accept() + 1; }
  absl::string_view Literal(uint32_t offset, uint32_t size) const {
    return absl::string_view(pool.data() + offset, size);
  }
  // One line per instruction, e.g. "0: text[1] equals \"abc\" ? 1 : reject".
  std::string DebugString() const;
};

// Out-of-line parts of StringTest.
bool InSortedList(const Program& program, const Instr& in,
                  absl::string_view value) noexcept;
bool RegexMatches(const Program& program, const Instr& in,
                  absl::string_view value) noexcept;

// The positive string test of `in` on one non-null value.
inline bool StringTest(const Program& p, const Instr& in,
                       absl::string_view value) noexcept {
  switch (in.test) {
    case TestKind::kEquals:
      return FoldedEquals(value, p.Literal(in.a, in.b));
    case TestKind::kStartsWith:
      return FoldedStartsWith(value, p.Literal(in.a, in.b));
    case TestKind::kEndsWith:
      return FoldedEndsWith(value, p.Literal(in.a, in.b));
    case TestKind::kContains:
      return FoldedContains(value, p.Literal(in.a, in.b));
    case TestKind::kIn:
      return InSortedList(p, in, value);
    case TestKind::kMatch:
      return RegexMatches(p, in, value);
    case TestKind::kIsNull:
    case TestKind::kBoolEquals:
      break;
  }
  return false;
}

// Runs `program`. Input provides
//   absl::optional<absl::string_view> Text(uint16_t slot) const;
//   absl::optional<bool> Bool() const;
//   absl::optional<absl::Span<const absl::string_view>> List(uint16_t) const;
template <typename Input>
bool Execute(const Program& program, const Input& input) noexcept {
  const Instr* code = program.code.data();
  const uint32_t n = static_cast<uint32_t>(program.code.size());
  uint32_t pc = 0;
  while (pc < n) {
    const Instr& in = code[pc];
    bool positive = false;
    switch (in.input) {
      case InputKind::kText: {
        absl::optional<absl::string_view> v = input.Text(in.slot);
        positive = in.test == TestKind::kIsNull
                       ? !v.has_value()
                       : v.has_value() && StringTest(program, in, *v);
        break;
      }
      case InputKind::kBool: {
        absl::optional<bool> v = input.Bool();
        positive = in.test == TestKind::kIsNull
                       ? !v.has_value()
                       : v.has_value() && *v == (in.a != 0);
        break;
      }
      case InputKind::kList: {
        absl::optional<absl::Span<const absl::string_view>> v =
            input.List(in.slot);
        // An empty list is null: no element can satisfy a test.
        const bool null = !v.has_value() || v->empty();
        if (in.test == TestKind::kIsNull) {
          positive = null;
        } else if (!null) {
          for (absl::string_view element : *v) {
            if (StringTest(program, in, element)) {
              positive = true;
              break;
            }
          }
        }
        break;
      }
    }
    pc = (positive != in.negate) ? in.on_true : in.on_false;
  }
  return pc == n;
}

}  // namespace crossgate::device_filter

#endif  // CROSSGATE_LIB_DEVICE_FILTER_PROGRAM_H_
