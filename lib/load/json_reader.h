#ifndef CROSSGATE_LIB_LOAD_JSON_READER_H_
#define CROSSGATE_LIB_LOAD_JSON_READER_H_

// Typed access to a parsed Graph JSON document (google::protobuf::Value)
// that reports every problem as a LoadIssue at a Graph-property path. The
// resource readers (read_*.h) are written against this class only.
//
// Conventions: property names match case-sensitively (spec 0.2); OData
// annotations (`@odata.context`, `prop@odata.type`), actions
// (`#microsoft.graph.restore`) and `$`-keys are ignored; a member that is
// absent or JSON null is "not set"; a member of the wrong JSON type is a
// kWrongType error and is treated as not set.

#include <google/protobuf/repeated_field.h>
#include <google/protobuf/struct.pb.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "lib/load/graph_enum.h"
#include "lib/load/limits.h"
#include "lib/load/load_issue.h"

namespace crossgate {
namespace load_internal {

using google::protobuf::ListValue;
using google::protobuf::Struct;
using google::protobuf::Value;

// `path/key` and `path/key[index]`.
inline std::string Child(absl::string_view path, absl::string_view key) {
  return absl::StrCat(path, "/", key);
}
inline std::string Element(absl::string_view path, absl::string_view key,
                           int index) {
  return absl::StrCat(path, "/", key, "[", index, "]");
}

// True for keys the loader never reads: OData annotations and actions.
bool IsAnnotationKey(absl::string_view key);

// The JSON type name of `v`, for messages ("a string", "null", ...).
absl::string_view JsonTypeName(const Value& v);

// Whether a value sets anything: null, "", [] and objects whose members set
// nothing do not; neither does an object with `"isEnabled": false` (a
// switched-off session control). Used to decide whether an unknown condition
// or control block is present.
bool IsConfigured(const Value& v);

// True for a GUID in canonical form: 8-4-4-4-12, lower-case, no braces.
bool IsCanonicalGuid(absl::string_view text);

// The configured members of `obj` that are neither in `known` nor
// annotations, sorted.
std::vector<std::string> UnknownKeys(const Struct& obj,
                                     absl::Span<const absl::string_view> known);

// The id as the model stores it: a GUID in canonical lower-case form, a
// keyword from `keywords` (compared case-insensitively) in its canonical
// spelling, anything else unchanged (validation reports it).
std::string CanonicalId(absl::string_view text,
                        absl::Span<const absl::string_view> keywords = {});

class JsonReader {
 public:
  JsonReader(IssueCollector& issues, const LoadOptions& options)
      : issues_(issues), options_(options) {}

  IssueCollector& issues() { return issues_; }
  const LoadOptions& options() const { return options_; }

  // The member `key`, or nullptr when absent. JSON null is returned as is.
  static const Value* Find(const Struct& obj, absl::string_view key);
  // Absent or JSON null.
  static bool IsNull(const Value* v) {
    return v == nullptr || v->kind_case() == Value::kNullValue;
  }

  // Each typed read returns true when the member is set with the right type.
  bool String(const Struct& obj, absl::string_view key, absl::string_view path,
              std::string* out);
  bool Bool(const Struct& obj, absl::string_view key, absl::string_view path,
            bool* out);
  bool Int32(const Struct& obj, absl::string_view key, absl::string_view path,
             int32_t* out);
  // nullptr when absent, null or of the wrong type (reported).
  const Struct* Object(const Struct& obj, absl::string_view key,
                       absl::string_view path);
  const ListValue* List(const Struct& obj, absl::string_view key,
                        absl::string_view path);

  // A list of strings, stored as given.
  void StringList(const Struct& obj, absl::string_view key,
                  absl::string_view path,
                  google::protobuf::RepeatedPtrField<std::string>* out);
  // A list of ids stored with CanonicalId(text, keywords).
  void IdList(const Struct& obj, absl::string_view key, absl::string_view path,
              absl::Span<const absl::string_view> keywords,
              google::protobuf::RepeatedPtrField<std::string>* out);

  // One enum value; an unknown string is a kUnknownEnum error.
  bool EnumValue(const Struct& obj, absl::string_view key,
                 absl::string_view path,
                 const google::protobuf::EnumDescriptor* type, int* out);
  // A JSON array of enum strings.
  void EnumList(const Struct& obj, absl::string_view key,
                absl::string_view path,
                const google::protobuf::EnumDescriptor* type,
                google::protobuf::RepeatedField<int>* out);
  // A flags enum: one comma-separated string (Graph's wire form, items
  // trimmed) or a JSON array. "" is the empty set.
  void Flags(const Struct& obj, absl::string_view key, absl::string_view path,
             const google::protobuf::EnumDescriptor* type,
             google::protobuf::RepeatedField<int>* out);
  // Parses one comma-separated combination or flags string into `out`;
  // reports unknown items at `item_path`.
  void SplitFlags(absl::string_view text, absl::string_view item_path,
                  const google::protobuf::EnumDescriptor* type,
                  google::protobuf::RepeatedField<int>* out);

  template <typename E>
  bool Enum(const Struct& obj, absl::string_view key, absl::string_view path,
            E* out) {
    int v = 0;
    if (!EnumValue(obj, key, path, google::protobuf::GetEnumDescriptor<E>(),
                   &v)) {
      return false;
    }
    *out = static_cast<E>(v);
    return true;
  }

  // Appends to `names` (prefixed with `prefix`, sorted) the configured
  // members of `obj` that are not in `known` and not annotations; each also
  // gets a kUnsupportedFeature warning with `message` at its path.
  void CollectUnknown(const Struct& obj,
                      absl::Span<const absl::string_view> known,
                      absl::string_view path, absl::string_view prefix,
                      absl::string_view message,
                      google::protobuf::RepeatedPtrField<std::string>* names);

  void WrongType(absl::string_view path, absl::string_view expected,
                 const Value& found);

 private:
  IssueCollector& issues_;
  const LoadOptions& options_;
};

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_JSON_READER_H_
