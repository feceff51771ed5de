// crossgate: the command-line tool. Verbs are added by the issues that own
// them; see `crossgate help`.
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "help") == 0) {
    std::printf("usage: crossgate <verb> [args]\n");
    return argc < 2 ? 2 : 0;
  }
  std::fprintf(stderr, "crossgate: unknown verb '%s'\n", argv[1]);
  return 2;
}
