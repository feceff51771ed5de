#include "lib/load/load_issue.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace crossgate {

absl::string_view IssueCodeName(IssueCode code) {
  switch (code) {
    case IssueCode::kMalformedInput:
      return "malformed_input";
    case IssueCode::kWrongType:
      return "wrong_type";
    case IssueCode::kMissingField:
      return "missing_field";
    case IssueCode::kUnknownEnum:
      return "unknown_enum";
    case IssueCode::kBadGuid:
      return "bad_guid";
    case IssueCode::kPlaceholderId:
      return "placeholder_id";
    case IssueCode::kBadCidr:
      return "bad_cidr";
    case IssueCode::kBadCountry:
      return "bad_country";
    case IssueCode::kBadDomain:
      return "bad_domain";
    case IssueCode::kBadDeviceFilter:
      return "bad_device_filter";
    case IssueCode::kDuplicateId:
      return "duplicate_id";
    case IssueCode::kDanglingReference:
      return "dangling_reference";
    case IssueCode::kLimitExceeded:
      return "limit_exceeded";
    case IssueCode::kInvalidCombination:
      return "invalid_combination";
    case IssueCode::kUnknownKeyword:
      return "unknown_keyword";
    case IssueCode::kUnsupportedFeature:
      return "unsupported_feature";
    case IssueCode::kUnrecognizedDocument:
      return "unrecognized_document";
    case IssueCode::kIo:
      return "io";
    case IssueCode::kUnsupportedDocument:
      return "unsupported_document";
    case IssueCode::kSkippedDocument:
      return "skipped_document";
    case IssueCode::kUnknownProperty:
      return "unknown_property";
  }
  return "unknown";
}

std::string LoadIssue::ToString() const {
  return absl::StrCat(is_error() ? "error " : "warning ", IssueCodeName(code),
                      " ", path, ": ", message);
}

void IssueCollector::Error(IssueCode code, std::string path,
                           std::string message) {
  Add({LoadIssue::Severity::kError, code, std::move(path), std::move(message)});
}

void IssueCollector::Warning(IssueCode code, std::string path,
                             std::string message) {
  Add({LoadIssue::Severity::kWarning, code, std::move(path),
       std::move(message)});
}

void IssueCollector::Add(LoadIssue issue) {
  if (suppress_repeats_ && error_paths_.contains(issue.path)) return;
  if (issue.is_error()) ++error_count_;
  if (static_cast<int>(issues_.size()) >= max_issues_) {
    ++dropped_count_;
    return;
  }
  issues_.push_back(std::move(issue));
}

void IssueCollector::SuppressRepeatsAtErrorPaths() {
  suppress_repeats_ = true;
  for (const LoadIssue& issue : issues_) {
    if (issue.is_error()) error_paths_.insert(issue.path);
  }
}

absl::Status IssueCollector::ToStatus() const {
  for (const LoadIssue& issue : issues_) {
    if (!issue.is_error()) continue;
    std::string text = absl::StrCat(issue.path, ": ", issue.message);
    return issue.code == IssueCode::kLimitExceeded
               ? absl::ResourceExhaustedError(text)
               : absl::InvalidArgumentError(text);
  }
  if (error_count_ > 0) {
    // Every recorded issue is a warning; the errors came after the cap.
    return absl::InvalidArgumentError(
        absl::StrCat(error_count_, " errors not listed: more than ",
                     max_issues_, " issues"));
  }
  return absl::OkStatus();
}

}  // namespace crossgate
