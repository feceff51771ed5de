#include "bindings/cli/terminal.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace crossgate_cli {

bool IsTty(std::FILE* out) { return isatty(fileno(out)) == 1; }

bool ShouldColor(std::FILE* out) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
  return IsTty(out);
}

std::string Paint(absl::string_view text, Color color, bool enabled) {
  if (!enabled || color == Color::kNone) return std::string(text);
  const char* code = "";
  switch (color) {
    case Color::kGreen:
      code = "32";
      break;
    case Color::kRed:
      code = "31";
      break;
    case Color::kYellow:
      code = "33";
      break;
    case Color::kBold:
      code = "1";
      break;
    case Color::kDim:
      code = "2";
      break;
    case Color::kNone:
      break;
  }
  return absl::StrCat("\033[", code, "m", text, "\033[0m");
}

Table::Table(std::vector<std::string> header) : header_(std::move(header)) {}

void Table::AddRow(std::vector<std::string> cells, std::vector<Color> colors) {
  cells.resize(header_.size());
  colors.resize(header_.size(), Color::kNone);
  rows_.push_back(Row{std::move(cells), std::move(colors)});
}

void Table::Print(std::FILE* out, bool color) const {
  std::vector<size_t> width(header_.size(), 0);
  for (size_t c = 0; c < header_.size(); ++c) width[c] = header_[c].size();
  for (const Row& row : rows_) {
    for (size_t c = 0; c < row.cells.size(); ++c) {
      width[c] = std::max(width[c], row.cells[c].size());
    }
  }
  auto print_row = [&](const std::vector<std::string>& cells,
                       const std::vector<Color>& colors, bool header) {
    std::string line;
    for (size_t c = 0; c < cells.size(); ++c) {
      Color paint = header ? Color::kBold : colors[c];
      const bool last = c + 1 == cells.size();
      absl::StrAppend(&line, Paint(cells[c], paint, color));
      if (!last) line.append(width[c] - cells[c].size() + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::fprintf(out, "%s\n", line.c_str());
  };
  print_row(header_, {}, /*header=*/true);
  for (const Row& row : rows_) print_row(row.cells, row.colors, false);
}

}  // namespace crossgate_cli
