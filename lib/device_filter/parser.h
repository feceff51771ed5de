#ifndef CROSSGATE_LIB_DEVICE_FILTER_PARSER_H_
#define CROSSGATE_LIB_DEVICE_FILTER_PARSER_H_

// Parser for the filter rule language (entra-semantics.md section 4.10):
//
//   rule       := or_expr END
//   or_expr    := and_expr ( ('-or' | 'or') and_expr )*
//   and_expr   := primary ( ('-and' | 'and') primary )*
//   primary    := '(' or_expr ')' | comparison
//   comparison := <object>.<property> operator value
//   value      := string | '[' string (',' string)* ']' | true | false | null
//
// Precedence: comparison > -and > -or; parentheses override. Keywords are
// case-insensitive and the hyphen is optional. The group grammar's -not,
// -any, -all, -le, -ge (and -like) are not in the Conditional Access table
// and are rejected (fail closed). Each comparison is checked against the
// property table: unknown property, operator not allowed for the property,
// value of the wrong type, null with anything but -eq/-ne, a list with
// anything but -in/-notIn are all errors naming the offset.
//
// Recursion is bounded: the parser descends one level per '(' and refuses to
// go deeper than Options::max_depth (itself at most kMaxDepthLimit); -and /
// -or chains are loops.

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "lib/device_filter/ast.h"
#include "lib/device_filter/options.h"
#include "lib/device_filter/property_table.h"

namespace crossgate::device_filter {

// `options` must be valid (ValidateOptions). Errors are InvalidArgument,
// "offset <N>: <what>" (source_error.h).
absl::StatusOr<ParsedRule> Parse(absl::string_view source,
                                 const PropertyTable& table,
                                 const Options& options);

}  // namespace crossgate::device_filter

#endif  // CROSSGATE_LIB_DEVICE_FILTER_PARSER_H_
