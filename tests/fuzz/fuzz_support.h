#ifndef CROSSGATE_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define CROSSGATE_TESTS_FUZZ_FUZZ_SUPPORT_H_

// Helpers shared by the fuzz targets in tests/fuzz/ (header-only). Each
// target is a libFuzzer entry point (LLVMFuzzerTestOneInput) that also links
// against standalone_main.cc, so it builds and replays with gcc.
//
// A property violation calls FuzzFail, which prints the reason and aborts:
// both libFuzzer and the standalone driver then save the input.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/string_view.h"
#include "google/protobuf/stubs/logging.h"
#include "lib/eval/decision.h"

namespace crossgate::fuzz {

[[noreturn]] inline void FuzzFail(const char* file, int line,
                                  const std::string& what) {
  std::fprintf(stderr, "FUZZ PROPERTY VIOLATED at %s:%d: %s\n", file, line,
               what.c_str());
  std::fflush(stderr);
  std::abort();
}

// The library never logs (CONTEXT: no logging from the library); protobuf
// does when handed invalid UTF-8 and other wire problems, so any protobuf log
// line during a fuzz run is a property violation.
inline void FailOnProtobufLog(google::protobuf::LogLevel level, const char* file,
                              int line, const std::string& message) {
  if (level < google::protobuf::LOGLEVEL_WARNING) return;
  FuzzFail(file, line, "protobuf logged: " + message);
}
inline const bool kProtobufLogsFail =
    (google::protobuf::SetLogHandler(&FailOnProtobufLog), true);

#define FUZZ_CHECK(cond, what)                                            \
  do {                                                                    \
    if (!(cond)) ::crossgate::fuzz::FuzzFail(__FILE__, __LINE__,          \
                                             std::string(#cond) + ": " +  \
                                                 std::string(what));      \
  } while (0)

// The source tree (examples/) and the shared data directory; environment
// variables win over the build's macros so an installed binary still works.
inline std::string SourceDir() {
  const char* env = std::getenv("CROSSGATE_SOURCE_DIR");
  return env != nullptr && *env != '\0' ? env : CROSSGATE_SOURCE_DIR;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Reads fields off the front of a fuzz input; past the end every read yields
// zero / empty, so any input decodes to something.
class ByteReader {
 public:
  ByteReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  size_t remaining() const { return size_ - pos_; }
  uint8_t U8() { return pos_ < size_ ? data_[pos_++] : 0; }
  uint32_t U32() {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(U8()) << (8 * i);
    return v;
  }
  uint64_t U64() { return U32() | (static_cast<uint64_t>(U32()) << 32); }
  void Bytes(uint8_t* out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = U8();
  }
  // A length byte, then that many bytes (clamped to what is left).
  absl::string_view Str() {
    size_t n = U8();
    if (n > remaining()) n = remaining();
    absl::string_view s(reinterpret_cast<const char*>(data_ + pos_), n);
    pos_ += n;
    return s;
  }
  absl::string_view Rest() {
    absl::string_view s(reinterpret_cast<const char*>(data_ + pos_), remaining());
    pos_ = size_;
    return s;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

// Writes what ByteReader reads (seed generation).
class ByteWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U32(uint32_t v) {
    for (int i = 0; i < 4; ++i) U8(static_cast<uint8_t>(v >> (8 * i)));
  }
  void U64(uint64_t v) {
    U32(static_cast<uint32_t>(v));
    U32(static_cast<uint32_t>(v >> 32));
  }
  void Bytes(const uint8_t* data, size_t n) {
    out_.append(reinterpret_cast<const char*>(data), n);
  }
  void Str(absl::string_view s) {
    if (s.size() > 255) s = s.substr(0, 255);
    U8(static_cast<uint8_t>(s.size()));
    out_.append(s.data(), s.size());
  }
  void Raw(absl::string_view s) { out_.append(s.data(), s.size()); }
  const std::string& data() const { return out_; }

 private:
  std::string out_;
};

// Properties every engine decision has, whatever the policies and request.
// Returns an empty string when they hold, else what is wrong.
inline std::string DecisionInvariants(const Decision& d) {
  const int outcome = static_cast<int>(d.outcome);
  if (outcome < 0 || outcome > 2) return "outcome out of range";
  if (d.requirement_count > Decision::kMaxRequirements) {
    return "requirement_count above kMaxRequirements";
  }
  if (d.stage == Stage::kInternal && d.outcome != Outcome::kBlock) {
    return "internal stage without block";
  }
  if (d.outcome == Outcome::kAllow) {
    if (d.stage == Stage::kRequest || d.stage == Stage::kInternal ||
        d.stage == Stage::kCrossTenantAccess ||
        d.stage == Stage::kTenantRestrictions || d.stage == Stage::kNone) {
      return "allow from a stage that can only block";
    }
    if (d.requirement_count != 0) return "allow with unmet requirements";
    if (d.reason != static_cast<uint16_t>(Reason::kNone)) {
      return "allow with a block reason";
    }
  }
  if (d.outcome == Outcome::kChallenge) {
    if (d.requirement_count == 0) return "challenge without requirements";
    if (d.challenge_location == ChallengeLocation::kNone) {
      return "challenge without a location";
    }
  }
  if (d.reason == static_cast<uint16_t>(Reason::kScratchTooSmall) ||
      d.reason == static_cast<uint16_t>(Reason::kInternalError) ||
      d.reason == static_cast<uint16_t>(Reason::kTooManyRequirements) ||
      d.reason == static_cast<uint16_t>(Reason::kNoPolicySet) ||
      d.reason == static_cast<uint16_t>(Reason::kUnknownResourceTenant)) {
    if (d.outcome != Outcome::kBlock) return "failure reason without block";
  }
  return "";
}

}  // namespace crossgate::fuzz

#endif  // CROSSGATE_TESTS_FUZZ_FUZZ_SUPPORT_H_
