#ifndef CROSSGATE_BINDINGS_CLI_TERMINAL_H_
#define CROSSGATE_BINDINGS_CLI_TERMINAL_H_

// Terminal output: colour only on a TTY and never when NO_COLOR is set
// (https://no-color.org), and aligned tables.

#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace crossgate_cli {

enum class Color { kNone, kGreen, kRed, kYellow, kBold, kDim };

// Whether to colour what goes to `out`: a TTY, NO_COLOR unset (or empty) and
// TERM not "dumb".
bool ShouldColor(std::FILE* out);
bool IsTty(std::FILE* out);

// `text` wrapped in the ANSI sequence for `color` when `enabled`.
std::string Paint(absl::string_view text, Color color, bool enabled);

// A table printed with each column padded to its widest cell. Cells may carry
// a colour; padding is computed on the plain text.
class Table {
 public:
  explicit Table(std::vector<std::string> header);
  // A row with as many cells as the header (missing cells are empty).
  void AddRow(std::vector<std::string> cells, std::vector<Color> colors = {});
  size_t rows() const { return rows_.size(); }
  // The last column is not padded. Two spaces between columns.
  void Print(std::FILE* out, bool color) const;

 private:
  struct Row {
    std::vector<std::string> cells;
    std::vector<Color> colors;
  };
  std::vector<std::string> header_;
  std::vector<Row> rows_;
};

}  // namespace crossgate_cli

#endif  // CROSSGATE_BINDINGS_CLI_TERMINAL_H_
