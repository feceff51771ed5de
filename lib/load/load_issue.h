#ifndef CROSSGATE_LIB_LOAD_LOAD_ISSUE_H_
#define CROSSGATE_LIB_LOAD_LOAD_ISSUE_H_

// Problems found in user input are data (cel-cpp RuntimeIssue style): each
// LoadIssue names where in the input it is, with Graph property names, e.g.
//   tenants/<tenantId>/conditionalAccessPolicies/<policyId>/conditions/users/includeGroups[3]
// A load with any kError issue publishes nothing. docs/loading.md lists every
// code with its severity and meaning.

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace crossgate {

// Stable machine-readable codes; the C ABI and CLI expose them as strings.
// Append only: values and names never change.
enum class IssueCode {
  kMalformedInput,        // not JSON / not protobuf / bad encoding
  kWrongType,             // a property has the wrong JSON type
  kMissingField,          // a required property is absent
  kUnknownEnum,           // an enum string the schema does not know (D7)
  kBadGuid,               // not a GUID and not a known keyword
  kPlaceholderId,         // template placeholder such as `<AdminGroup>`
  kBadCidr,               // malformed CIDR, or prefix /8 or shorter
  kBadCountry,            // not an ISO 3166 alpha-2 code
  kBadDomain,             // invitation domain list entry
  kBadDeviceFilter,       // device/application filter rule does not parse
  kDuplicateId,           // two objects share an id
  kDanglingReference,     // names a location/strength that does not exist
  kLimitExceeded,         // an input or list exceeds a documented limit
  kInvalidCombination,    // contradicts a documented constraint
  kUnknownKeyword,        // warning: keyword the engine does not know (D7)
  kUnsupportedFeature,    // warning: condition/control the engine does not
                          // evaluate
  kUnrecognizedDocument,  // could not tell what resource a JSON file holds
  kIo,                    // file could not be read
  kUnsupportedDocument,   // a recognized document that cannot be loaded as
                          // policy in force (conditionalAccessTemplate, a
                          // paged list with @odata.nextLink)
  kSkippedDocument,       // warning: a recognized document that carries no
                          // policy (invitation, What-If request, test vectors)
  kUnknownProperty,  // a member crossgate's own tenant document does not define
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
  // Records at most `max_issues` issues; later ones are counted, not kept.
  explicit IssueCollector(int max_issues = 1000) : max_issues_(max_issues) {}

  void Error(IssueCode code, std::string path, std::string message);
  void Warning(IssueCode code, std::string path, std::string message);
  void Add(LoadIssue issue);

  bool has_errors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  // Issues that were counted but not kept because of max_issues.
  int dropped_count() const { return dropped_count_; }
  const std::vector<LoadIssue>& issues() const { return issues_; }
  std::vector<LoadIssue>& mutable_issues() { return issues_; }
  std::vector<LoadIssue> TakeIssues() { return std::move(issues_); }

  // From now on, drops issues at a path that already carries an error (a
  // later pass re-checking a field an earlier pass rejected adds nothing).
  void SuppressRepeatsAtErrorPaths();

  // OK when there are no errors; otherwise InvalidArgument (or
  // ResourceExhausted for a limit) with "<path>: <message>" of the first error.
  absl::Status ToStatus() const;

 private:
  std::vector<LoadIssue> issues_;
  int max_issues_;
  int error_count_ = 0;
  int dropped_count_ = 0;
  bool suppress_repeats_ = false;
  absl::flat_hash_set<std::string> error_paths_;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_LOAD_ISSUE_H_
