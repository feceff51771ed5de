#include "lib/load/load_issue.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace crossgate {

absl::string_view IssueCodeName(IssueCode code) {
  switch (code) {
    case IssueCode::kMalformedInput: return "malformed_input";
    case IssueCode::kWrongType: return "wrong_type";
    case IssueCode::kMissingField: return "missing_field";
    case IssueCode::kUnknownEnum: return "unknown_enum";
    case IssueCode::kBadGuid: return "bad_guid";
    case IssueCode::kPlaceholderId: return "placeholder_id";
    case IssueCode::kBadCidr: return "bad_cidr";
    case IssueCode::kBadCountry: return "bad_country";
    case IssueCode::kBadDomain: return "bad_domain";
    case IssueCode::kBadDeviceFilter: return "bad_device_filter";
    case IssueCode::kDuplicateId: return "duplicate_id";
    case IssueCode::kDanglingReference: return "dangling_reference";
    case IssueCode::kLimitExceeded: return "limit_exceeded";
    case IssueCode::kInvalidCombination: return "invalid_combination";
    case IssueCode::kUnknownKeyword: return "unknown_keyword";
    case IssueCode::kUnsupportedFeature: return "unsupported_feature";
    case IssueCode::kUnrecognizedDocument: return "unrecognized_document";
    case IssueCode::kIo: return "io";
  }
  return "unknown";
}

std::string LoadIssue::ToString() const {
  return absl::StrCat(is_error() ? "error " : "warning ", IssueCodeName(code),
                      " ", path, ": ", message);
}

void IssueCollector::Error(IssueCode code, std::string path,
                           std::string message) {
  issues_.push_back({LoadIssue::Severity::kError, code, std::move(path),
                     std::move(message)});
  ++error_count_;
}

void IssueCollector::Warning(IssueCode code, std::string path,
                             std::string message) {
  issues_.push_back({LoadIssue::Severity::kWarning, code, std::move(path),
                     std::move(message)});
}

absl::Status IssueCollector::ToStatus() const {
  for (const LoadIssue& issue : issues_) {
    if (!issue.is_error()) continue;
    std::string text = absl::StrCat(issue.path, ": ", issue.message);
    return issue.code == IssueCode::kLimitExceeded
               ? absl::ResourceExhaustedError(text)
               : absl::InvalidArgumentError(text);
  }
  return absl::OkStatus();
}

}  // namespace crossgate
