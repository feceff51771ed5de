#ifndef CROSSGATE_LIB_DEVICE_FILTER_AST_H_
#define CROSSGATE_LIB_DEVICE_FILTER_AST_H_

// The parsed form of a filter rule: a node array with child indices (no
// pointer tree). Comparisons are numbered in source order; that order is
// also the order in which a left-to-right walk of the tree meets them, which
// the compiler relies on (compiler.h).

#include <cstdint>
#include <string>
#include <vector>

#include "lib/device_filter/operators.h"
#include "lib/device_filter/property_table.h"

namespace crossgate::device_filter {

enum class LiteralKind : uint8_t {
  kNull,    // unquoted null (only with -eq / -ne)
  kBool,    // true / false, or "True" / "False" for a boolean property
  kString,  // one quoted string
  kList,    // ["a", "b"] (only with -in / -notIn)
};

struct Comparison {
  // The resolved property; `property.name` points into the source or a
  // static table and is only valid during parsing. For interning tables
  // `property.slot` is the index in ParsedRule::attribute_names.
  PropertySpec property;
  std::string property_text;  // as written, e.g. "device.DisplayName"
  Operator op = Operator::kEquals;
  LiteralKind literal = LiteralKind::kString;
  bool bool_value = false;
  std::vector<std::string> strings;  // unescaped; one for kString
  uint32_t offset = 0;               // byte offset of the property
  uint32_t value_offset = 0;         // byte offset of the value
};

struct Node {
  enum class Kind : uint8_t { kComparison, kAnd, kOr };
  Kind kind = Kind::kComparison;
  int comparison = -1;        // kComparison: index into comparisons
  std::vector<int> children;  // kAnd / kOr: two or more node indices
  int first_comparison = 0;   // lowest comparison index in the subtree
};

struct ParsedRule {
  std::vector<Node> nodes;
  std::vector<Comparison> comparisons;
  int root = -1;
  int depth = 0;  // deepest parenthesis nesting seen
  // Interning tables only: distinct property names (after the object
  // prefix), as first written, in slot order.
  std::vector<std::string> attribute_names;
};

}  // namespace crossgate::device_filter

#endif  // CROSSGATE_LIB_DEVICE_FILTER_AST_H_
