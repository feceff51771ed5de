// Runtime version query (sqlite style: macros paired with functions).
#include "crossgate/version.h"

extern "C" {
__attribute__((visibility("default"))) int crossgate_version_number(void) {
  return CROSSGATE_VERSION_NUMBER;
}
__attribute__((visibility("default"))) const char* crossgate_version_string(
    void) {
  return CROSSGATE_VERSION_STRING;
}
}
