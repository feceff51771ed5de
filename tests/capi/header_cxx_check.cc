// The public headers compiled as C++ (-Wall -Wextra -Werror -pedantic).
#include "header_test.c"  // NOLINT: same checks, C++ compiler
