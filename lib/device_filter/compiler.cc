#include "lib/device_filter/compiler.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "lib/device_filter/case_fold.h"
#include "lib/device_filter/source_error.h"
#include "re2/re2.h"

namespace crossgate::device_filter {
namespace {

class Compiler {
 public:
  Compiler(absl::string_view source, const ParsedRule& rule,
           const Options& options)
      : source_(source), rule_(rule), options_(options) {}

  absl::StatusOr<std::shared_ptr<const Program>> Run() {
    auto program = std::make_shared<Program>();
    program_ = program.get();
    program_->source = std::string(source_);
    program_->attribute_names = rule_.attribute_names;
    program_->code.resize(rule_.comparisons.size());
    for (size_t i = 0; i < rule_.comparisons.size(); ++i) {
      absl::Status s = Lower(rule_.comparisons[i], &program_->code[i]);
      if (!s.ok()) return s;
    }
    AssignTargets(rule_.root, program_->accept(), program_->reject());
    return std::shared_ptr<const Program>(std::move(program));
  }

 private:
  StringRef AddLiteral(absl::string_view folded) {
    StringRef ref{static_cast<uint32_t>(program_->pool.size()),
                  static_cast<uint32_t>(folded.size())};
    program_->pool.append(folded.data(), folded.size());
    return ref;
  }

  absl::Status Lower(const Comparison& cmp, Instr* in) {
    in->slot = cmp.property.slot;
    switch (cmp.property.type) {
      case ValueType::kText:
        in->input = InputKind::kText;
        break;
      case ValueType::kBool:
        in->input = InputKind::kBool;
        break;
      case ValueType::kCollection:
      case ValueType::kMultiText:
        in->input = InputKind::kList;
        break;
    }
    // Section 4.10: a negative operator is the complement of its positive
    // form, and over null it is true; Execute applies `negate` after the
    // null-aware positive test.
    in->negate = IsNegative(cmp.op);
    if (cmp.literal == LiteralKind::kNull) {
      in->test = TestKind::kIsNull;
      return absl::OkStatus();
    }
    if (cmp.literal == LiteralKind::kBool) {
      in->test = TestKind::kBoolEquals;
      in->a = cmp.bool_value ? 1 : 0;
      return absl::OkStatus();
    }
    switch (PositiveOf(cmp.op)) {
      case Operator::kEquals:
        in->test = TestKind::kEquals;
        break;
      case Operator::kStartsWith:
        in->test = TestKind::kStartsWith;
        break;
      case Operator::kEndsWith:
        in->test = TestKind::kEndsWith;
        break;
      case Operator::kContains:
        // Section 4.10 note: on a string collection -contains is whole
        // element equality; on a string it is a substring test.
        in->test = cmp.property.type == ValueType::kCollection
                       ? TestKind::kEquals
                       : TestKind::kContains;
        break;
      case Operator::kIn:
        in->test = TestKind::kIn;
        LowerList(cmp, in);
        return absl::OkStatus();
      case Operator::kMatch:
        in->test = TestKind::kMatch;
        return LowerRegex(cmp, in);
      default:
        break;  // negative operators were mapped by PositiveOf
    }
    StringRef ref = AddLiteral(FoldCase(cmp.strings[0]));
    in->a = ref.offset;
    in->b = ref.size;
    return absl::OkStatus();
  }

  void LowerList(const Comparison& cmp, Instr* in) {
    std::vector<std::string> folded;
    folded.reserve(cmp.strings.size());
    for (const std::string& s : cmp.strings) folded.push_back(FoldCase(s));
    std::sort(folded.begin(), folded.end());
    folded.erase(std::unique(folded.begin(), folded.end()), folded.end());
    in->a = static_cast<uint32_t>(program_->list_items.size());
    for (const std::string& s : folded) {
      program_->list_items.push_back(AddLiteral(s));
    }
    in->b = static_cast<uint32_t>(program_->list_items.size());
  }

  absl::Status LowerRegex(const Comparison& cmp, Instr* in) {
    const std::string& pattern = cmp.strings[0];
    auto it = regex_index_.find(pattern);
    if (it != regex_index_.end()) {
      in->a = it->second;
      return absl::OkStatus();
    }
    RE2::Options re_options;
    re_options.set_log_errors(false);
    re_options.set_max_mem(options_.regex_max_mem);
    re_options.set_case_sensitive(false);  // section 4.10
    re_options.set_never_capture(true);
    std::shared_ptr<const RE2> re = std::make_shared<RE2>(
        re2::StringPiece(pattern.data(), pattern.size()), re_options);
    if (!re->ok()) {
      return SourceError(source_, cmp.value_offset,
                         absl::StrCat("invalid regular expression '",
                                      Fragment(pattern), "': ", re->error()));
    }
    in->a = static_cast<uint32_t>(program_->regexes.size());
    program_->regexes.push_back(std::move(re));
    regex_index_.emplace(pattern, in->a);
    return absl::OkStatus();
  }

  // See compiler.h; recursion depth is bounded by the parse tree's depth.
  void AssignTargets(int node_index, uint32_t on_true, uint32_t on_false) {
    const Node& node = rule_.nodes[node_index];
    if (node.kind == Node::Kind::kComparison) {
      Instr& in = program_->code[node.comparison];
      in.on_true = on_true;
      in.on_false = on_false;
      return;
    }
    const bool is_and = node.kind == Node::Kind::kAnd;
    for (size_t i = 0; i < node.children.size(); ++i) {
      if (i + 1 == node.children.size()) {
        AssignTargets(node.children[i], on_true, on_false);
        break;
      }
      uint32_t next = static_cast<uint32_t>(
          rule_.nodes[node.children[i + 1]].first_comparison);
      if (is_and) {
        AssignTargets(node.children[i], next, on_false);
      } else {
        AssignTargets(node.children[i], on_true, next);
      }
    }
  }

  absl::string_view source_;
  const ParsedRule& rule_;
  const Options& options_;
  Program* program_ = nullptr;
  absl::flat_hash_map<std::string, uint32_t> regex_index_;
};

}  // namespace

absl::StatusOr<std::shared_ptr<const Program>> CompileProgram(
    absl::string_view source, const ParsedRule& rule, const Options& options) {
  return Compiler(source, rule, options).Run();
}

}  // namespace crossgate::device_filter
