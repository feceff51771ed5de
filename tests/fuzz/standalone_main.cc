// Standalone driver for the fuzz targets: links in place of libFuzzer so each
// target builds with gcc (no clang needed) and
//   - replays files and directories (recursively):   fuzz_x seeds/ crash-1
//   - runs a simple mutation loop for a bounded time: fuzz_x -max_total_time=5 seeds/
//     (bit flips, byte edits, range copies, splices between seeds, JSON and
//     protobuf tokens; deterministic for a given -seed).
// It accepts libFuzzer's flag syntax and ignores flags it does not know. On a
// crash (abort, signal, or a sanitizer report) the input being run is written
// to <artifact_prefix>crash-<pid> so it can be replayed.

#include <signal.h>
#include <unistd.h>
#include <fcntl.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));
extern "C" void __sanitizer_set_death_callback(void (*)(void)) __attribute__((weak));

namespace {

// The input being run, for the crash handlers (set before each call).
const uint8_t* g_current = nullptr;
size_t g_current_size = 0;
char g_crash_path[4096] = "crash";

void DumpCurrentInput() {
  if (g_current == nullptr) return;
  int fd = open(g_crash_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return;
  size_t off = 0;
  while (off < g_current_size) {
    ssize_t n = write(fd, g_current + off, g_current_size - off);
    if (n <= 0) break;
    off += static_cast<size_t>(n);
  }
  close(fd);
  static const char kMsg[] = "standalone: crashing input written to ";
  (void)!write(2, kMsg, sizeof(kMsg) - 1);
  (void)!write(2, g_crash_path, strlen(g_crash_path));
  (void)!write(2, "\n", 1);
}

void OnSignal(int sig) {
  DumpCurrentInput();
  signal(sig, SIG_DFL);
  raise(sig);
}

std::vector<uint8_t> ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in),
                              std::istreambuf_iterator<char>());
}

void Collect(const std::string& path, std::vector<std::string>* files) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(path, ec)) {
      if (e.is_regular_file()) files->push_back(e.path().string());
    }
  } else {
    files->push_back(path);
  }
}

int RunOne(const std::vector<uint8_t>& input) {
  g_current = input.data();
  g_current_size = input.size();
  // A fresh heap copy of exactly `size` bytes, so ASan sees reads past the end.
  std::unique_ptr<uint8_t[]> copy(new uint8_t[input.size() + 1]);
  if (!input.empty()) std::memcpy(copy.get(), input.data(), input.size());
  g_current = copy.get();
  int rc = LLVMFuzzerTestOneInput(copy.get(), input.size());
  g_current = nullptr;
  return rc;
}

// Tokens that steer mutations towards the formats the targets read.
const char* const kTokens[] = {
    "{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "0", "-1",
    "1e999", "\\u0000", "\\ud800", "\"All\"", "\"None\"", "\"id\"", "(", ")",
    " -and ", " -or ", " -eq ", " -ne ", " -in ", " -match ", "device.",
    "\xff\xff\xff\xff\x0f", "\x0a\x00", "\x12\x80\x80\x80\x80\x08",
    "00000000-0000-0000-0000-000000000000", "\xef\xbb\xbf", "\xfe\xff"};

class Mutator {
 public:
  Mutator(uint64_t seed, size_t max_len) : rng_(seed), max_len_(max_len) {}

  void Mutate(std::vector<uint8_t>* d, const std::vector<std::vector<uint8_t>>& pool) {
    const int rounds = 1 + static_cast<int>(Below(4));
    for (int i = 0; i < rounds; ++i) MutateOnce(d, pool);
    if (d->size() > max_len_) d->resize(max_len_);
  }

 private:
  size_t Below(size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }

  void MutateOnce(std::vector<uint8_t>* d, const std::vector<std::vector<uint8_t>>& pool) {
    switch (Below(9)) {
      case 0:  // flip a bit
        if (!d->empty()) (*d)[Below(d->size())] ^= static_cast<uint8_t>(1u << Below(8));
        break;
      case 1:  // set a byte
        if (!d->empty()) (*d)[Below(d->size())] = static_cast<uint8_t>(Below(256));
        break;
      case 2: {  // insert bytes
        const size_t at = Below(d->size() + 1), n = 1 + Below(8);
        std::vector<uint8_t> bytes(n);
        for (auto& b : bytes) b = static_cast<uint8_t>(Below(256));
        d->insert(d->begin() + static_cast<long>(at), bytes.begin(), bytes.end());
        break;
      }
      case 3: {  // erase a range
        if (d->empty()) break;
        const size_t at = Below(d->size()), n = 1 + Below(std::min<size_t>(d->size() - at, 64));
        d->erase(d->begin() + static_cast<long>(at), d->begin() + static_cast<long>(at + n));
        break;
      }
      case 4: {  // duplicate a range
        if (d->empty()) break;
        const size_t at = Below(d->size()), n = 1 + Below(std::min<size_t>(d->size() - at, 256));
        std::vector<uint8_t> range(d->begin() + static_cast<long>(at),
                                   d->begin() + static_cast<long>(at + n));
        const size_t to = Below(d->size() + 1);
        d->insert(d->begin() + static_cast<long>(to), range.begin(), range.end());
        break;
      }
      case 5: {  // splice from another seed
        if (pool.empty()) break;
        const auto& other = pool[Below(pool.size())];
        if (other.empty()) break;
        const size_t at = Below(other.size()), n = 1 + Below(std::min<size_t>(other.size() - at, 512));
        const size_t to = Below(d->size() + 1);
        d->insert(d->begin() + static_cast<long>(to), other.begin() + static_cast<long>(at),
                  other.begin() + static_cast<long>(at + n));
        break;
      }
      case 6: {  // insert a token
        const char* t = kTokens[Below(sizeof(kTokens) / sizeof(kTokens[0]))];
        const size_t to = Below(d->size() + 1);
        d->insert(d->begin() + static_cast<long>(to), t, t + strlen(t));
        break;
      }
      case 7:  // truncate
        if (!d->empty()) d->resize(Below(d->size()));
        break;
      default: {  // interesting byte values
        static const uint8_t kValues[] = {0, 1, 0x7f, 0x80, 0xff, '"', '\\', '\n'};
        if (!d->empty()) (*d)[Below(d->size())] = kValues[Below(sizeof(kValues))];
        break;
      }
    }
  }

  std::mt19937_64 rng_;
  size_t max_len_;
};

bool Flag(const char* arg, const char* name, long* value) {
  const size_t n = strlen(name);
  if (strncmp(arg, name, n) != 0 || arg[n] != '=') return false;
  *value = strtol(arg + n + 1, nullptr, 10);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  long runs = 0, max_time = 0, seed = 1, max_len = 1 << 20;
  std::string artifact_prefix;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    if (Flag(a, "-runs", &runs) || Flag(a, "-max_total_time", &max_time) ||
        Flag(a, "-seed", &seed) || Flag(a, "-max_len", &max_len)) {
      continue;
    }
    if (strncmp(a, "-artifact_prefix=", 17) == 0) {
      artifact_prefix = a + 17;
      continue;
    }
    if (a[0] == '-') continue;  // other libFuzzer flags
    Collect(a, &files);
  }
  std::snprintf(g_crash_path, sizeof(g_crash_path), "%scrash-%d",
                artifact_prefix.c_str(), static_cast<int>(getpid()));
  for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL}) signal(sig, OnSignal);
  if (__sanitizer_set_death_callback != nullptr) {
    __sanitizer_set_death_callback(DumpCurrentInput);
  }

  std::sort(files.begin(), files.end());
  std::vector<std::vector<uint8_t>> pool;
  const auto start = std::chrono::steady_clock::now();
  for (const std::string& f : files) {
    pool.push_back(ReadBytes(f));
    RunOne(pool.back());
  }
  std::fprintf(stderr, "standalone: replayed %zu inputs\n", files.size());
  if (pool.empty()) pool.emplace_back();

  if (runs > 0 || max_time > 0) {
    Mutator mutator(static_cast<uint64_t>(seed), static_cast<size_t>(max_len));
    std::mt19937_64 pick(static_cast<uint64_t>(seed) ^ 0x9e3779b97f4a7c15ULL);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(max_time);
    long done = 0;
    for (; runs == 0 || done < runs; ++done) {
      if (max_time > 0 && (done & 15) == 0 && std::chrono::steady_clock::now() >= deadline) break;
      std::vector<uint8_t> input = pool[pick() % pool.size()];
      mutator.Mutate(&input, pool);
      RunOne(input);
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "standalone: %ld mutated runs in %.1f s\n", done, secs);
  }
  return 0;
}
