// The binary bundle: PolicyBundle in protobuf wire format.

#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/reflection.h>
#include <google/protobuf/unknown_field_set.h>

#include <vector>

#include "absl/strings/str_cat.h"
#include "lib/load/load_internal.h"
#include "lib/load/loader.h"
#include "lib/load/model_path.h"
#include "lib/load/wire_check.h"

namespace crossgate {
namespace load_internal {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// The path of the first message below `message` holding unknown fields, or
// "" when there is none.
std::string FindUnknownField(const Message& message,
                             const ModelPathStep& path) {
  const auto* reflection = message.GetReflection();
  if (!reflection->GetUnknownFields(message).empty()) {
    std::string at = path.ToString();
    return at.empty() ? "(bundle)" : at;
  }
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    if (field->type() != FieldDescriptor::TYPE_MESSAGE) continue;
    const ModelPathStep at = path.Field(field);
    if (!field->is_repeated()) {
      std::string found =
          FindUnknownField(reflection->GetMessage(message, field), at);
      if (!found.empty()) return found;
      continue;
    }
    for (int i = 0; i < reflection->FieldSize(message, field); ++i) {
      const Message& element =
          reflection->GetRepeatedMessage(message, field, i);
      std::string found = FindUnknownField(element, at.Element(&element, i));
      if (!found.empty()) return found;
    }
  }
  return "";
}

}  // namespace

bool ParseBinaryInto(absl::string_view bytes, const std::string& source,
                     const LoadOptions& options, IssueCollector& issues,
                     policy::v1::PolicyBundle* out) {
  if (bytes.size() > options.limits.max_input_bytes) {
    issues.Error(IssueCode::kLimitExceeded, source,
                 absl::StrCat(bytes.size(), " bytes; the limit is ",
                              options.limits.max_input_bytes));
    return false;
  }
  // protobuf logs (and we must not) when a string holds invalid UTF-8, so
  // the strings are checked first.
  std::string where;
  if (!CheckWireFormat(bytes, policy::v1::PolicyBundle::descriptor(), &where)) {
    issues.Error(IssueCode::kMalformedInput, source,
                 absl::StrCat("not a crossgate binary bundle: ", where));
    return false;
  }
  google::protobuf::io::ArrayInputStream stream(bytes.data(),
                                                static_cast<int>(bytes.size()));
  google::protobuf::io::CodedInputStream coded(&stream);
  if (!out->ParseFromCodedStream(&coded) || !coded.ConsumedEntireMessage()) {
    issues.Error(IssueCode::kMalformedInput, source,
                 "not a crossgate binary bundle (protobuf PolicyBundle)");
    return false;
  }
  std::string unknown = FindUnknownField(*out, ModelPathStep());
  if (!unknown.empty()) {
    issues.Error(
        IssueCode::kMalformedInput, source,
        absl::StrCat("fields this crossgate version does not know "
                     "(in ",
                     unknown, "); the bundle was written by a newer version"));
    return false;
  }
  return true;
}

}  // namespace load_internal

absl::StatusOr<policy::v1::PolicyBundle> LoadBinaryBundle(
    absl::string_view bytes, const LoadOptions& options,
    std::vector<LoadIssue>* issues) {
  IssueCollector collector(options.limits.max_issues);
  policy::v1::PolicyBundle bundle;
  absl::Status status;
  if (load_internal::ParseBinaryInto(bytes, "input", options, collector,
                                     &bundle)) {
    if (options.bundle_version != 0) {
      bundle.set_bundle_version(options.bundle_version);
    }
    status = ValidateBundle(bundle, options, collector);
  } else {
    status = collector.ToStatus();
  }
  if (issues != nullptr) *issues = collector.TakeIssues();
  if (!status.ok()) return status;
  return bundle;
}

absl::StatusOr<std::string> SerializeBundle(
    const policy::v1::PolicyBundle& bundle) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    if (!bundle.SerializeToCodedStream(&coded) || coded.HadError()) {
      return absl::InternalError("could not serialize the bundle");
    }
  }
  return out;
}

}  // namespace crossgate
