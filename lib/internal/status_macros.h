#ifndef CROSSGATE_LIB_INTERNAL_STATUS_MACROS_H_
#define CROSSGATE_LIB_INTERNAL_STATUS_MACROS_H_

// Debian 12's Abseil (20220623) has no absl/status/status_macros.h, so these
// are ours (modelled on cel-cpp internal/status_macros.h).

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define CROSSGATE_RETURN_IF_ERROR(expr)                 \
  do {                                                  \
    ::absl::Status crossgate_status_ = (expr);          \
    if (!crossgate_status_.ok()) return crossgate_status_; \
  } while (0)

#define CROSSGATE_CONCAT_INNER_(a, b) a##b
#define CROSSGATE_CONCAT_(a, b) CROSSGATE_CONCAT_INNER_(a, b)

#define CROSSGATE_ASSIGN_OR_RETURN(lhs, rexpr) \
  CROSSGATE_ASSIGN_OR_RETURN_IMPL_(            \
      CROSSGATE_CONCAT_(crossgate_statusor_, __LINE__), lhs, rexpr)

#define CROSSGATE_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                     \
  if (!statusor.ok()) return std::move(statusor).status();     \
  lhs = std::move(statusor).value()

#endif  // CROSSGATE_LIB_INTERNAL_STATUS_MACROS_H_
