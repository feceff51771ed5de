// Id lists and placeholders (entra-semantics.md 4.3-4.5, decisions D7).

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/load/json_reader.h"
#include "lib/load/keywords.h"
#include "lib/load/validate_internal.h"
#include "lib/model/guid.h"

namespace crossgate {
namespace load_internal {
namespace {

absl::Span<const absl::string_view> KeywordsFor(Validator::IdList kind) {
  switch (kind) {
    case Validator::IdList::kUsers:
      return kUserKeywords;
    case Validator::IdList::kApplications:
      return kApplicationKeywords;
    case Validator::IdList::kLocations:
      return kLocationKeywords;
    case Validator::IdList::kServicePrincipals:
      return kServicePrincipalKeywords;
    case Validator::IdList::kGuidOnly:
      return {};
  }
  return {};
}

bool IsLettersOnly(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// A `<Token>` template marker inside a longer string.
bool HasTemplateToken(absl::string_view s) {
  for (size_t open = s.find('<'); open != absl::string_view::npos;
       open = s.find('<', open + 1)) {
    size_t i = open + 1;
    if (i >= s.size() ||
        !absl::ascii_isalpha(static_cast<unsigned char>(s[i]))) {
      continue;
    }
    while (i < s.size() &&
           (absl::ascii_isalnum(static_cast<unsigned char>(s[i])) ||
            s[i] == '_')) {
      ++i;
    }
    if (i < s.size() && s[i] == '>') return true;
  }
  return false;
}

}  // namespace

bool IsPlaceholder(absl::string_view id) {
  if (id.size() > 2 && id.front() == '<' && id.back() == '>') return true;
  if (absl::StrContains(id, "{{") || absl::StrContains(id, "${")) return true;
  // GUID-shaped but with letters past `f`: `xxxxxxxx-xxxx-xxxx-xxxx-...`.
  if (id.size() != 36) return false;
  bool non_hex = false;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
      continue;
    }
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) return false;
    if (!absl::ascii_isxdigit(static_cast<unsigned char>(c))) non_hex = true;
  }
  return non_hex;
}

void Validator::CheckIdList(
    const google::protobuf::RepeatedPtrField<std::string>& ids, IdList kind,
    const std::string& path) {
  absl::Span<const absl::string_view> keywords = KeywordsFor(kind);
  for (int i = 0; i < ids.size(); ++i) {
    const std::string& id = ids[i];
    std::string at = absl::StrCat(path, "[", i, "]");
    if (IsPlaceholder(id)) {
      if (options_.allow_placeholders) {
        Warning(IssueCode::kPlaceholderId, at,
                absl::StrCat("template placeholder \"", id,
                             "\" kept as an id that matches nothing"));
      } else {
        Error(IssueCode::kPlaceholderId, at,
              absl::StrCat("template placeholder \"", id,
                           "\"; fill in the template (or load with "
                           "allow_placeholders to inspect it)"));
      }
      continue;
    }
    if (ParseGuid(id).has_value()) {
      if (!IsCanonicalGuid(id)) {
        Error(IssueCode::kBadGuid, at,
              absl::StrCat("\"", id, "\" is not in canonical lower-case form"));
      }
      continue;
    }
    bool known = false;
    for (absl::string_view keyword : keywords) {
      if (keyword == id) {
        known = true;
      } else if (absl::EqualsIgnoreCase(keyword, id)) {
        Error(IssueCode::kBadGuid, at,
              absl::StrCat("keyword \"", id, "\" must be spelled \"", keyword,
                           "\""));
        known = true;
      }
    }
    if (known) continue;
    if (!keywords.empty() && IsLettersOnly(id)) {
      // D7: an include list reads it as everything, an exclude list as
      // nothing, so it never narrows a policy.
      Warning(
          IssueCode::kUnknownKeyword, at,
          absl::StrCat("keyword \"", id,
                       "\" is unknown to crossgate; it matches everything "
                       "in an include list and nothing in an exclude list"));
      continue;
    }
    Error(IssueCode::kBadGuid, at,
          keywords.empty()
              ? absl::StrCat("\"", id, "\" is not a GUID")
              : absl::StrCat("\"", id, "\" is not a GUID or a keyword (",
                             absl::StrJoin(keywords, ", "), ")"));
  }
}

bool Validator::CheckGuid(absl::string_view id, const std::string& path,
                          absl::string_view what) {
  if (id.empty()) {
    Error(IssueCode::kMissingField, path, absl::StrCat(what, " is missing"));
    return false;
  }
  if (IsPlaceholder(id)) {
    Error(IssueCode::kPlaceholderId, path,
          absl::StrCat(what, " is a template placeholder \"", id, "\""));
    return false;
  }
  if (!ParseGuid(id).has_value()) {
    Error(IssueCode::kBadGuid, path,
          absl::StrCat(what, " \"", id, "\" is not a GUID"));
    return false;
  }
  if (!IsCanonicalGuid(id)) {
    Error(IssueCode::kBadGuid, path,
          absl::StrCat(what, " \"", id,
                       "\" is not in canonical lower-case form"));
    return false;
  }
  return true;
}

void Validator::CheckDisplayName(absl::string_view name,
                                 const std::string& path) {
  if (!HasTemplateToken(name)) return;
  if (options_.allow_placeholders) {
    Warning(
        IssueCode::kPlaceholderId, path,
        absl::StrCat("display name \"", name, "\" carries a template token"));
  } else {
    Error(
        IssueCode::kPlaceholderId, path,
        absl::StrCat("display name \"", name,
                     "\" carries a template token; this is a template, not "
                     "a policy (load with allow_placeholders to inspect it)"));
  }
}

}  // namespace load_internal
}  // namespace crossgate
