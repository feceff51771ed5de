#ifndef CROSSGATE_BINDINGS_CLI_LINE_READER_H_
#define CROSSGATE_BINDINGS_CLI_LINE_READER_H_

// Lines of a file descriptor (`check --batch`'s JSONL input), read in 1 MiB
// chunks and handed out as views into the chunk: no per-line read call, no
// per-line copy. A line longer than the buffer grows it (like getline).
// The buffer has crossgate::kRequestJsonPadding bytes of slack past its end,
// so every line handed out can be parsed in place
// (RequestReader::ParsePadded).

#include <cstddef>
#include <memory>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"

namespace crossgate_cli {

class LineReader {
 public:
  // Does not take ownership of `fd`.
  explicit LineReader(int fd);
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line without its '\n' (a last line without one counts),
  // valid until the next call. Returns false at the end of the input or on
  // a read error (see error()). `before_read` runs just before each read
  // that may block, i.e. once every buffered line has been handed out: the
  // batch loop flushes its output there, so a consumer of a slow producer
  // (`tail -f log | crossgate check --batch -`) sees each decision as soon
  // as its line was processed.
  bool Next(absl::string_view* line, absl::FunctionRef<void()> before_read);

  // Bytes handed out so far, newlines included (the progress bar).
  long long consumed() const { return consumed_; }
  // errno of the failed read, 0 when none failed.
  int error() const { return error_; }

 private:
  int fd_;
  std::unique_ptr<char[]> buffer_;
  size_t capacity_;
  size_t begin_ = 0;  // first byte not yet handed out
  size_t end_ = 0;    // one past the last byte read
  bool eof_ = false;
  int error_ = 0;
  long long consumed_ = 0;
};

}  // namespace crossgate_cli

#endif  // CROSSGATE_BINDINGS_CLI_LINE_READER_H_
