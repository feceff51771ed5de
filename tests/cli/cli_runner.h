#ifndef CROSSGATE_TESTS_CLI_CLI_RUNNER_H_
#define CROSSGATE_TESTS_CLI_CLI_RUNNER_H_

// Runs build/bin/crossgate as a user would: a child process with the
// repository root as working directory (so paths in messages are the
// relative ones the test passed), stdout and stderr captured separately,
// optionally on a pseudo-terminal (colour and progress tests).

#include <fcntl.h>
#include <pty.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

extern char** environ;

namespace crossgate_cli_test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string SourceDir() { return CROSSGATE_SOURCE_DIR; }

inline std::string SharedDir() {
  const char* env = std::getenv("CROSSGATE_SHARED_DIR");
  return env != nullptr && env[0] != '\0' ? env : CROSSGATE_SHARED_DIR;
}

inline std::string CliPath() {
  return std::string(CROSSGATE_BINARY_DIR) + "/bin/crossgate";
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

struct RunOptions {
  std::vector<std::string> env;  // extra NAME=value entries
  bool stdout_tty = false;       // stdout on a pseudo-terminal
  bool stderr_tty = false;       // stderr on a pseudo-terminal
  std::string stdin_path = "/dev/null";
};

// Runs `crossgate args...` in the source directory.
inline RunResult RunCli(const std::vector<std::string>& args,
                        const RunOptions& options = RunOptions()) {
  RunResult result;
  char out_template[] = "/tmp/crossgate_cli_out_XXXXXX";
  char err_template[] = "/tmp/crossgate_cli_err_XXXXXX";
  int out_fd = mkstemp(out_template);
  int err_fd = mkstemp(err_template);
  int master = -1, slave = -1;
  if (options.stdout_tty || options.stderr_tty) {
    if (openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) {
      ADD_FAILURE() << "openpty failed";
      return result;
    }
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, options.stdin_path.c_str(),
                                   O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions,
                                   options.stdout_tty ? slave : out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions,
                                   options.stderr_tty ? slave : err_fd, 2);
  posix_spawn_file_actions_addchdir_np(&actions, SourceDir().c_str());
  std::vector<std::string> argv_s = {CliPath()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  // The parent's environment minus colour settings, plus the test's.
  std::vector<std::string> env_s;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry = *e;
    if (entry.rfind("NO_COLOR=", 0) == 0 || entry.rfind("TERM=", 0) == 0)
      continue;
    env_s.push_back(entry);
  }
  env_s.push_back("TERM=xterm");
  for (const auto& e : options.env) env_s.push_back(e);
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid;
  const int rc =
      posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    ADD_FAILURE() << "cannot run " << argv[0];
    return result;
  }
  std::string tty_text;
  if (slave >= 0) {
    close(slave);
    char buf[4096];
    ssize_t n;
    while ((n = read(master, buf, sizeof(buf))) > 0) tty_text.append(buf, n);
    close(master);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code =
      WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  close(out_fd);
  close(err_fd);
  result.out = options.stdout_tty ? tty_text : ReadFile(out_template);
  result.err = options.stderr_tty && !options.stdout_tty
                   ? tty_text
                   : ReadFile(err_template);
  unlink(out_template);
  unlink(err_template);
  return result;
}

// Compares `actual` with tests/cli/golden/<name>, or rewrites the golden
// when CROSSGATE_UPDATE_GOLDENS=1.
inline void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path = SourceDir() + "/tests/cli/golden/" + name;
  const char* update = std::getenv("CROSSGATE_UPDATE_GOLDENS");
  if (update != nullptr && std::string(update) == "1") {
    WriteFile(path, actual);
    return;
  }
  std::ifstream probe(path);
  ASSERT_TRUE(probe.good()) << "missing golden " << path
                            << "; run: CROSSGATE_UPDATE_GOLDENS=1 "
                               "build/bin/cli_tests";
  EXPECT_EQ(ReadFile(path), actual)
      << "golden " << name << " differs; if the change is intended, run: "
      << "CROSSGATE_UPDATE_GOLDENS=1 build/bin/cli_tests";
}

}  // namespace crossgate_cli_test

#endif  // CROSSGATE_TESTS_CLI_CLI_RUNNER_H_
