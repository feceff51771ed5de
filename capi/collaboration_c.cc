// External collaboration checks (spec 3): invitation and self-service
// sign-up against a pinned snapshot.
#include "absl/strings/str_cat.h"
#include "capi/c_error.h"
#include "capi/core.h"
#include "capi/decision_io.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "capi/request_io.h"
#include "capi/struct_io.h"
#include "crossgate/crossgate.h"

namespace crossgate::capi {
namespace {

int CheckResultOut(const crossgate_check_result* out, crossgate_error** err) {
  if (out == nullptr)
    return SetError(err, CROSSGATE_EINVALID, "argument is NULL", "out");
  if (CheckSize<crossgate_check_result>(out->struct_size)) {
    return SetError(err, CROSSGATE_EVERSION,
                    "struct_size is not a size this library supports", "out");
  }
  return CROSSGATE_OK;
}

int StatusToC(const absl::Status& status, crossgate_error** err) {
  if (status.ok()) return CROSSGATE_OK;
  int code = status.code() == absl::StatusCode::kUnimplemented
                 ? CROSSGATE_EUNSUPPORTED
             : status.code() == absl::StatusCode::kInvalidArgument
                 ? CROSSGATE_EINVALID
                 : CROSSGATE_EINTERNAL;
  return SetError(err, code, status.message());
}

}  // namespace
}  // namespace crossgate::capi

using namespace crossgate::capi;  // NOLINT: entry points only

extern "C" {

CROSSGATE_API int crossgate_snapshot_can_invite(
    crossgate_check_result* out, const crossgate_snapshot* snapshot,
    const crossgate_invitation* invitation, crossgate_error** err) {
  return GuardFailClosed(
      err, [&](int s) { WriteFailure(out, s); },
      [&]() -> int {
        if (int rc = CheckResultOut(out, err)) return rc;
        if (snapshot == nullptr)
          return SetError(err, CROSSGATE_EINVALID, "argument is NULL",
                          "snapshot");
        crossgate_invitation in{};
        if (int rc = ReadStruct(invitation, &in, "invitation", err)) return rc;
        if (in.invitee_email.data == nullptr ||
            (in.inviter_roles == nullptr && in.inviter_role_count != 0)) {
          return SetError(err, CROSSGATE_EINVALID, "argument is NULL",
                          in.invitee_email.data == nullptr
                              ? "invitation/invitee_email"
                              : "invitation/inviter_roles");
        }
        if (in.invitee_email.size > kMaxCLength) {
          return SetError(err, CROSSGATE_EINVALID,
                          "size is larger than PTRDIFF_MAX",
                          "invitation/invitee_email");
        }
        if (in.inviter_role_count > kMaxRequestList) {
          return SetError(err, CROSSGATE_ELIMIT,
                          "more entries than a request list may hold",
                          "invitation/inviter_roles");
        }
        if (in.inviter_kind < 0 ||
            in.inviter_kind > CROSSGATE_INVITER_APPLICATION) {
          return SetError(err, CROSSGATE_EENUM, "unknown value",
                          "invitation/inviter_kind");
        }
        return StatusToC(CanInvite(snapshot->rep, in, out), err);
      });
}

CROSSGATE_API int crossgate_snapshot_can_self_service_sign_up(
    crossgate_check_result* out, const crossgate_snapshot* snapshot,
    const crossgate_sign_up* sign_up, crossgate_error** err) {
  return GuardFailClosed(
      err, [&](int s) { WriteFailure(out, s); },
      [&]() -> int {
        if (int rc = CheckResultOut(out, err)) return rc;
        if (snapshot == nullptr)
          return SetError(err, CROSSGATE_EINVALID, "argument is NULL",
                          "snapshot");
        crossgate_sign_up in{};
        if (int rc = ReadStruct(sign_up, &in, "sign_up", err)) return rc;
        if (in.identity_source < 0 ||
            in.identity_source > CROSSGATE_IDENTITY_SAML_WS_FEDERATION) {
          return SetError(err, CROSSGATE_EENUM, "unknown value",
                          "sign_up/identity_source");
        }
        return StatusToC(CanSelfServiceSignUp(snapshot->rep, in, out), err);
      });
}

}  // extern "C"
