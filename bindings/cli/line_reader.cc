#include "bindings/cli/line_reader.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "lib/request_json/request_reader.h"

namespace crossgate_cli {

namespace {
constexpr size_t kChunk = size_t{1} << 20;

// `capacity` bytes plus the parser's read-ahead slack, zeroed once so the
// slack is never uninitialized memory.
std::unique_ptr<char[]> NewBuffer(size_t capacity) {
  return std::unique_ptr<char[]>(
      new char[capacity + crossgate::kRequestJsonPadding]());
}
}  // namespace

LineReader::LineReader(int fd)
    : fd_(fd), buffer_(NewBuffer(kChunk)), capacity_(kChunk) {}

bool LineReader::Next(absl::string_view* line,
                      absl::FunctionRef<void()> before_read) {
  size_t scanned = begin_;  // bytes in [begin_, scanned) hold no '\n'
  while (true) {
    const void* nl = std::memchr(buffer_.get() + scanned, '\n', end_ - scanned);
    if (nl != nullptr) {
      const size_t at =
          static_cast<size_t>(static_cast<const char*>(nl) - buffer_.get());
      *line = absl::string_view(buffer_.get() + begin_, at - begin_);
      consumed_ += static_cast<long long>(at + 1 - begin_);
      begin_ = at + 1;
      return true;
    }
    scanned = end_;
    if (error_ != 0) return false;  // a partial last line is not a request
    if (eof_) {
      if (begin_ == end_) return false;
      *line = absl::string_view(buffer_.get() + begin_, end_ - begin_);
      consumed_ += static_cast<long long>(end_ - begin_);
      begin_ = end_;
      return true;
    }
    // Keep the partial line: move it to the front, or grow for a line
    // longer than the buffer.
    if (begin_ > 0) {
      std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
      end_ -= begin_;
      scanned -= begin_;
      begin_ = 0;
    }
    if (capacity_ - end_ < kChunk / 2) {
      const size_t capacity = capacity_ * 2;
      std::unique_ptr<char[]> grown = NewBuffer(capacity);
      std::memcpy(grown.get(), buffer_.get(), end_);
      buffer_ = std::move(grown);
      capacity_ = capacity;
    }
    before_read();
    ssize_t n;
    do {
      n = read(fd_, buffer_.get() + end_, capacity_ - end_);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      error_ = errno;
    } else if (n == 0) {
      eof_ = true;
    } else {
      end_ += static_cast<size_t>(n);
    }
  }
}

}  // namespace crossgate_cli
