#ifndef CROSSGATE_TESTS_REFERENCE_LIBRARY_DATA_H_
#define CROSSGATE_TESTS_REFERENCE_LIBRARY_DATA_H_

// The two library pieces the reference evaluator is allowed to use
// (docs/reference-evaluator.md): the device filter evaluator
// (lib/device_filter/, which has its own differential test) and the shipped
// app-set DATA (lib/app_sets/shipped_app_sets.h), never the library's
// matching logic. Each is used only when present on the branch.

#include <map>
#include <string>
#include <vector>

#include "tests/reference/reference_evaluator.h"

namespace crossgate {
namespace reference {

// True when lib/device_filter/ is compiled in.
bool HaveLibraryDeviceFilter();
// A matcher over the library's CompileRule/Matches (rules compiled once per
// distinct text). Empty when the library has no device filter yet.
DeviceFilterMatcher LibraryDeviceFilter();

// True when lib/app_sets/shipped_app_sets.h is compiled in.
bool HaveShippedAppSets();
// keyword -> app ids, from the shipped table (empty when absent).
std::map<std::string, std::vector<std::string>> ShippedAppSetTable();

// ReferenceOptions with both of the above.
ReferenceOptions LibraryBackedOptions();

}  // namespace reference
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_REFERENCE_LIBRARY_DATA_H_
