#include "lib/compile/tenant_context.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace crossgate {

IdTokenKind ClassifyIdToken(absl::string_view text, Guid* guid) {
  absl::optional<Guid> parsed = ParseGuid(text);
  if (parsed.has_value()) {
    if (guid != nullptr) *guid = *parsed;
    return IdTokenKind::kGuid;
  }
  if (text.empty() || !absl::ascii_isalpha(static_cast<unsigned char>(text[0]))) {
    return IdTokenKind::kInvalid;
  }
  for (char c : text) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      return IdTokenKind::kInvalid;
    }
  }
  return IdTokenKind::kKeyword;
}

void ReportBadId(TenantContext& ctx, const std::string& path,
                 absl::string_view text) {
  bool placeholder = absl::StartsWith(text, "<") || absl::EndsWith(text, ">");
  ctx.issues->Error(placeholder ? IssueCode::kPlaceholderId : IssueCode::kBadGuid,
                    path,
                    absl::StrCat("\"", text,
                                 "\" is neither a GUID nor a known keyword"));
}

void ReportUnknownKeyword(TenantContext& ctx, const std::string& path,
                          absl::string_view text, bool include) {
  std::string message = absl::StrCat(
      "unknown keyword \"", text, "\"; read as matching ",
      include ? "everything (include list, D7)" : "nothing (exclude list, D7)");
  if (ctx.options->fail_on_unknown_keyword) {
    ctx.issues->Error(IssueCode::kUnknownKeyword, path, std::move(message));
  } else {
    ctx.issues->Warning(IssueCode::kUnknownKeyword, path, std::move(message));
  }
}

}  // namespace crossgate
