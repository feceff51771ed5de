/* Compiles the public headers alone as strict C99 (-std=c99 -pedantic
 * -Wall -Wextra -Werror; libgit2 tests/headertest) and checks every _INIT
 * macro produces a correctly tagged struct. Built as C++ too (header_test.cc). */
#include <crossgate/crossgate.h>

#include <stdio.h>

#define CHECK_INIT(type, macro)                                  \
  do {                                                           \
    type v = macro;                                              \
    if (v.struct_size != sizeof(type)) {                         \
      fprintf(stderr, "%s: struct_size %u\n", #macro,            \
              (unsigned)v.struct_size);                          \
      return 1;                                                  \
    }                                                            \
  } while (0)

int main(void) {
  CHECK_INIT(crossgate_request, CROSSGATE_REQUEST_INIT);
  CHECK_INIT(crossgate_decision, CROSSGATE_DECISION_INIT);
  CHECK_INIT(crossgate_device, CROSSGATE_DEVICE_INIT);
  CHECK_INIT(crossgate_issue, CROSSGATE_ISSUE_INIT);
  CHECK_INIT(crossgate_engine_options, CROSSGATE_ENGINE_OPTIONS_INIT);
  CHECK_INIT(crossgate_load_options, CROSSGATE_LOAD_OPTIONS_INIT);
  CHECK_INIT(crossgate_policy_info, CROSSGATE_POLICY_INFO_INIT);
  CHECK_INIT(crossgate_invitation, CROSSGATE_INVITATION_INIT);
  CHECK_INIT(crossgate_sign_up, CROSSGATE_SIGN_UP_INIT);
  CHECK_INIT(crossgate_check_result, CROSSGATE_CHECK_RESULT_INIT);
  if (CROSSGATE_VERSION_NUMBER != CROSSGATE_VERSION_MAJOR * 1000000 +
                                      CROSSGATE_VERSION_MINOR * 1000 +
                                      CROSSGATE_VERSION_PATCH) {
    return 1;
  }
  printf("header ok\n");
  return 0;
}
