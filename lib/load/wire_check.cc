#include "lib/load/wire_check.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "lib/load/model_path.h"
#include "lib/load/text_encoding.h"

namespace crossgate {
namespace load_internal {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::internal::WireFormatLite;
using google::protobuf::io::CodedInputStream;

// protobuf's own default recursion limit.
constexpr int kMaxDepth = 100;

// `value` is scratch space for string fields, reused across the walk.
bool Check(CodedInputStream* in, const Descriptor* type, int depth,
           const ModelPathStep& path, std::string* value, std::string* where) {
  if (depth > kMaxDepth) {
    *where = "nesting too deep";
    return false;
  }
  absl::flat_hash_map<int, int> counts;  // repeated field number -> elements
  while (true) {
    uint32_t tag = in->ReadTag();
    if (tag == 0) {
      // End of input or of the enclosing message; a literal 0 tag is junk.
      if (in->ConsumedEntireMessage()) return true;
      *where = "malformed wire format";
      return false;
    }
    const FieldDescriptor* field =
        type->FindFieldByNumber(WireFormatLite::GetTagFieldNumber(tag));
    bool delimited = WireFormatLite::GetTagWireType(tag) ==
                     WireFormatLite::WIRETYPE_LENGTH_DELIMITED;
    if (field == nullptr || !delimited ||
        (field->type() != FieldDescriptor::TYPE_STRING &&
         field->type() != FieldDescriptor::TYPE_MESSAGE)) {
      // Scalars, packed lists and unknown fields: skipped here; unknown
      // fields are reported after parsing.
      if (!WireFormatLite::SkipField(in, tag)) {
        *where = "truncated or malformed wire format";
        return false;
      }
      continue;
    }
    uint32_t length = 0;
    // A length past the end of the enclosing message (or past INT_MAX, which
    // PushLimit would read as "no limit") is malformed: protobuf's parser
    // rejects it, and reading on here would check different bytes than the
    // parser then reads.
    if (!in->ReadVarint32(&length) ||
        static_cast<int64_t>(length) > in->BytesUntilLimit()) {
      *where = "truncated or malformed wire format";
      return false;
    }
    const ModelPathStep at = path.Field(field);
    if (field->type() == FieldDescriptor::TYPE_STRING) {
      if (!in->ReadString(value, static_cast<int>(length))) {
        *where = "truncated or malformed wire format";
        return false;
      }
      if (ValidUtf8Prefix(*value) != value->size()) {
        std::string text = at.ToString();
        *where = absl::StrCat(text.empty() ? field->name() : text,
                              " holds invalid UTF-8");
        return false;
      }
      continue;
    }
    // Elements are numbered as they come (ids are not known yet).
    const ModelPathStep element =
        field->is_repeated() ? at.Element(nullptr, counts[field->number()]++)
                             : at;
    auto limit = in->PushLimit(static_cast<int>(length));
    if (!Check(in, field->message_type(), depth + 1, element, value, where)) {
      return false;
    }
    in->PopLimit(limit);
  }
}

}  // namespace

bool CheckWireFormat(absl::string_view bytes, const Descriptor* type,
                     std::string* where) {
  CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                      static_cast<int>(bytes.size()));
  in.PushLimit(static_cast<int>(bytes.size()));  // so BytesUntilLimit() >= 0
  std::string value;
  return Check(&in, type, 0, ModelPathStep(), &value, where);
}

}  // namespace load_internal
}  // namespace crossgate
