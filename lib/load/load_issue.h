#ifndef CROSSGATE_LIB_LOAD_LOAD_ISSUE_H_
#define CROSSGATE_LIB_LOAD_LOAD_ISSUE_H_

// Problems found in user input are data (cel-cpp RuntimeIssue style): each
// LoadIssue names where in the input it is, with Graph property names, e.g.
//   tenants/<tenantId>/conditionalAccessPolicies/<policyId>/conditions/users/includeGroups[3]
// A load with any kError issue publishes nothing.

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace crossgate {

// Stable machine-readable codes; the C ABI and CLI expose them as strings.
enum class IssueCode {
  kMalformedInput,    // not JSON / not protobuf / bad encoding
  kWrongType,         // a property has the wrong JSON type
  kMissingField,      // a required property is absent
  kUnknownEnum,       // an enum string the schema does not know (D7)
  kBadGuid,           // not a GUID and not a known keyword
  kPlaceholderId,     // template placeholder such as `<AdminGroup>`
  kBadCidr,           // malformed CIDR, or prefix /8 or shorter
  kBadCountry,        // not an ISO 3166 alpha-2 code
  kBadDomain,         // invitation domain list entry
  kBadDeviceFilter,   // device/application filter rule does not parse
  kDuplicateId,       // two objects share an id
  kDanglingReference, // names a location/strength that does not exist
  kLimitExceeded,     // an input or list exceeds a documented limit
  kInvalidCombination,// contradicts a documented constraint
  kUnknownKeyword,    // warning: keyword the engine does not know (D7)
  kUnsupportedFeature,// warning: condition/control the engine does not evaluate
  kUnrecognizedDocument,  // could not tell what resource a JSON file holds
  kIo,                // file could not be read
};

absl::string_view IssueCodeName(IssueCode code);

struct LoadIssue {
  enum class Severity { kWarning, kError };
  Severity severity = Severity::kError;
  IssueCode code = IssueCode::kMalformedInput;
  std::string path;     // where: tenants/<id>/.../field[index]
  std::string message;  // what, in one sentence

  bool is_error() const { return severity == Severity::kError; }
  // "<severity> <code> <path>: <message>"
  std::string ToString() const;
};

// Collects issues while reading. Not thread-safe; one per load.
class IssueCollector {
 public:
  void Error(IssueCode code, std::string path, std::string message);
  void Warning(IssueCode code, std::string path, std::string message);

  bool has_errors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  const std::vector<LoadIssue>& issues() const { return issues_; }
  std::vector<LoadIssue> TakeIssues() { return std::move(issues_); }

  // OK when there are no errors; otherwise InvalidArgument (or
  // ResourceExhausted for a limit) with "<path>: <message>" of the first error.
  absl::Status ToStatus() const;

 private:
  std::vector<LoadIssue> issues_;
  int error_count_ = 0;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_LOAD_ISSUE_H_
