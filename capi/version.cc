// Runtime version query (sqlite style: macros paired with functions).
#include "crossgate/crossgate.h"

extern "C" {
CROSSGATE_API int crossgate_version_number(void) { return CROSSGATE_VERSION_NUMBER; }
CROSSGATE_API const char* crossgate_version_string(void) {
  return CROSSGATE_VERSION_STRING;
}
}
