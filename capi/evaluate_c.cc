// Evaluation entry points: one request, a batch, a JSON request; against the
// engine's current snapshot (lib/engine's per-thread cache) or a pinned one.
#include <cstring>
#include <memory>
#include <string>

#include "absl/strings/match.h"
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

// A failed evaluation against a known snapshot still says which one.
void Fail(crossgate_decision* out, int status, const EngineSnapshot* snapshot) {
  if (snapshot == nullptr || snapshot->set == nullptr) {
    WriteFailure(out, status);
  } else {
    WriteFailure(out, status, snapshot->generation,
                 snapshot->set->bundle_version());
  }
}

int CheckOut(const crossgate_decision* out, crossgate_error** err) {
  if (out == nullptr)
    return SetError(err, CROSSGATE_EINVALID, "argument is NULL", "out");
  if (CheckDecisionOut(out) != CROSSGATE_OK) {
    return SetError(err, CROSSGATE_EVERSION,
                    "struct_size is not a size this library supports", "out");
  }
  return CROSSGATE_OK;
}

// The decision of an evaluation that failed inside (stage internal): a block
// reported as CROSSGATE_EINTERNAL too.
[[gnu::noinline, gnu::cold]] int FinishInternal(const Decision& d,
                                                crossgate_decision* out,
                                                crossgate_error** err) {
  out->status = CROSSGATE_EINTERNAL;
  const char* name = DecisionReasonName(d.reason);
  return SetError(
      err, CROSSGATE_EINTERNAL,
      absl::StrCat("evaluation failed: ", name ? name : "internal"));
}

// Writes `d` into the checked `out`. Inlined into every entry point: the
// call was a tenth of the C ABI's per-decision overhead.
[[gnu::always_inline]] inline int Finish(const Decision& d,
                                         crossgate_decision* out,
                                         crossgate_error** err) {
  WriteDecision(d, out);
  if (d.stage != Stage::kInternal) [[likely]]
    return CROSSGATE_OK;
  return FinishInternal(d, out, err);
}

// Per-thread request conversion and decision: Convert and Evaluate overwrite
// every field they use, so nothing is constructed per call.
struct ThreadState {
  RequestConverter converter;
  Request request;
  Decision decision;
  std::unique_ptr<EvalScratch> scratch;  // one TLS lookup per call, not two
};
ThreadState& State() {
  thread_local ThreadState state;
  return state;
}

EvaluateOptions OptionsFor(const crossgate_request* request,
                           const crossgate_decision* out) {
  return Options((request->flags & CROSSGATE_REQUEST_WHAT_IF) != 0,
                 out->policy_results != nullptr);
}

// One request against a pinned snapshot. `out` is checked. Always inlined:
// the call and its register saves were ~4% of the C ABI's overhead.
[[gnu::always_inline]] inline int EvaluatePinned(
    const EngineSnapshot& snapshot, const crossgate_request* request,
    crossgate_decision* out, crossgate_error** err) {
  ThreadState& s = State();
  if (int rc = s.converter.Convert(request, &s.request, err)) return rc;
  EvaluateOn(snapshot, s.request, OptionsFor(request, out), &s.scratch,
             &s.decision);
  return Finish(s.decision, out, err);
}

// One batch element, fully guarded so a failure never leaves a stale
// decision behind in the caller's array.
int EvaluateElement(const EngineSnapshot& snapshot,
                    const crossgate_request* request, uint32_t request_stride,
                    crossgate_decision* out, size_t index,
                    crossgate_error** err) noexcept {
  return GuardFailClosed(
      err, [&](int s) { Fail(out, s, &snapshot); },
      [&]() -> int {
        if (int rc = CheckOut(out, err)) return rc;
        if (request->struct_size != request_stride) {
          return SetError(err, CROSSGATE_EINVALID,
                          "struct_size differs from requests[0].struct_size",
                          absl::StrCat("requests[", index, "]"));
        }
        int rc = EvaluatePinned(snapshot, request, out, err);
        // "request/platform" -> "requests[7]/platform".
        if (rc != CROSSGATE_OK && err != nullptr && *err != nullptr &&
            absl::StartsWith((*err)->path, "request")) {
          (*err)->path =
              absl::StrCat("requests[", index, "]",
                           (*err)->path.substr(sizeof("request") - 1));
        }
        return rc;
      });
}

// `missing` is the status for a null snapshot (EINVALID for a NULL handle,
// ENOTLOADED for an engine with nothing published).
int EvaluateBatch(crossgate_decision* decisions, const EngineSnapshot* snapshot,
                  int missing, const crossgate_request* requests, size_t count,
                  crossgate_error** err) {
  if (count == 0) return CROSSGATE_OK;
  if (decisions == nullptr) {
    return SetError(err, CROSSGATE_EINVALID, "argument is NULL", "decisions");
  }
  const uint32_t out_stride = decisions[0].struct_size;
  if (CheckDecisionOut(&decisions[0]) != CROSSGATE_OK) {
    WriteFailure(&decisions[0], CROSSGATE_EVERSION);
    return SetError(err, CROSSGATE_EVERSION,
                    "struct_size is not a size this library supports",
                    "decisions[0]");
  }
  auto at = [&](size_t i) {
    return reinterpret_cast<crossgate_decision*>(
        reinterpret_cast<char*>(decisions) + i * out_stride);
  };
  auto fail_all = [&](int status) {
    for (size_t i = 0; i < count; ++i) Fail(at(i), status, snapshot);
  };
  if (requests == nullptr) {
    fail_all(CROSSGATE_EINVALID);
    return SetError(err, CROSSGATE_EINVALID, "argument is NULL", "requests");
  }
  if (snapshot == nullptr || snapshot->set == nullptr) {
    fail_all(missing);
    return SetError(err, missing,
                    missing == CROSSGATE_ENOTLOADED ? "no policies loaded"
                                                    : "argument is NULL");
  }
  const uint32_t in_stride = requests[0].struct_size;
  if (CheckSize<crossgate_request>(in_stride) != CROSSGATE_OK) {
    fail_all(CROSSGATE_EVERSION);
    return SetError(err, CROSSGATE_EVERSION,
                    "struct_size is not a size this library supports",
                    "requests[0]");
  }
  int fail = CROSSGATE_OK;
  for (size_t i = 0; i < count; ++i) {
    const auto* request = reinterpret_cast<const crossgate_request*>(
        reinterpret_cast<const char*>(requests) + i * in_stride);
    int rc = EvaluateElement(*snapshot, request, in_stride, at(i), i,
                             fail == CROSSGATE_OK ? err : nullptr);
    if (rc != CROSSGATE_OK && fail == CROSSGATE_OK) fail = rc;
  }
  return fail;
}

// Splits the reader's "<json path>: <message>" into the error's two parts.
// The reader's limits (request bytes, list entries) are ResourceExhausted.
int JsonRequestError(const absl::Status& status, crossgate_error** err) {
  const bool limit = status.code() == absl::StatusCode::kResourceExhausted;
  int code = limit ? CROSSGATE_ELIMIT
             : status.code() == absl::StatusCode::kInvalidArgument
                 ? CROSSGATE_ESEMANTIC
                 : CROSSGATE_EINTERNAL;
  absl::string_view text = status.message();
  size_t colon = text.find(": ");
  if (code != CROSSGATE_EINTERNAL && colon != absl::string_view::npos &&
      text.substr(0, colon).find(' ') == absl::string_view::npos) {
    absl::string_view path = text.substr(0, colon);
    absl::string_view message = text.substr(colon + 2);
    if (!limit &&
        (absl::StartsWith(message, "not JSON") || path == "request")) {
      code = CROSSGATE_EPARSE;
    }
    return SetError(err, code, message, path);
  }
  return SetError(err, code, text);
}

}  // namespace
}  // namespace crossgate::capi

using namespace crossgate::capi;  // NOLINT: entry points only

extern "C" {

CROSSGATE_API int crossgate_evaluate(crossgate_decision* out,
                                     const crossgate_engine* engine,
                                     const crossgate_request* request,
                                     crossgate_error** err) {
  return GuardFailClosed(
      err, [&](int s) { WriteFailure(out, s); },
      [&]() -> int {
        if (int rc = CheckOut(out, err)) return rc;
        if (engine == nullptr)
          return SetError(err, CROSSGATE_EINVALID, "argument is NULL",
                          "engine");
        // Generations only grow: once non-zero, Engine::Evaluate has a set.
        if (engine->rep.generation() == 0) {
          return SetError(err, CROSSGATE_ENOTLOADED, "no policies loaded");
        }
        ThreadState& s = State();
        if (int rc = s.converter.Convert(request, &s.request, err)) return rc;
        engine->rep.Evaluate(s.request, OptionsFor(request, out), &s.decision);
        return Finish(s.decision, out, err);
      });
}

CROSSGATE_API int crossgate_snapshot_evaluate(
    crossgate_decision* out, const crossgate_snapshot* snapshot,
    const crossgate_request* request, crossgate_error** err) {
  const crossgate::EngineSnapshot* pinned = snapshot ? &snapshot->rep : nullptr;
  return GuardFailClosed(
      err, [&](int s) { Fail(out, s, pinned); },
      [&]() -> int {
        if (int rc = CheckOut(out, err)) return rc;
        if (snapshot == nullptr)
          return SetError(err, CROSSGATE_EINVALID, "argument is NULL",
                          "snapshot");
        return EvaluatePinned(snapshot->rep, request, out, err);
      });
}

CROSSGATE_API int crossgate_evaluate_batch(crossgate_decision* decisions,
                                           const crossgate_engine* engine,
                                           const crossgate_request* requests,
                                           size_t count,
                                           crossgate_error** err) {
  return Guard(err, [&]() -> int {
    if (engine == nullptr) {
      return EvaluateBatch(decisions, nullptr, CROSSGATE_EINVALID, requests,
                           count, err);
    }
    // One snapshot for the whole batch: every decision reports one generation.
    crossgate::EngineSnapshot snapshot;
    if (count != 0) snapshot = engine->rep.Snapshot();
    return EvaluateBatch(decisions, &snapshot, CROSSGATE_ENOTLOADED, requests,
                         count, err);
  });
}

CROSSGATE_API int crossgate_snapshot_evaluate_batch(
    crossgate_decision* decisions, const crossgate_snapshot* snapshot,
    const crossgate_request* requests, size_t count, crossgate_error** err) {
  return Guard(err, [&]() -> int {
    return EvaluateBatch(decisions,
                         snapshot == nullptr ? nullptr : &snapshot->rep,
                         CROSSGATE_EINVALID, requests, count, err);
  });
}

CROSSGATE_API int crossgate_evaluate_json(crossgate_decision* out,
                                          const crossgate_engine* engine,
                                          const char* json, size_t size,
                                          crossgate_error** err) {
  crossgate::EngineSnapshot snapshot;
  return GuardFailClosed(
      err, [&](int s) { Fail(out, s, &snapshot); },
      [&]() -> int {
        if (int rc = CheckOut(out, err)) return rc;
        if (engine == nullptr || json == nullptr) {
          return SetError(err, CROSSGATE_EINVALID, "argument is NULL",
                          engine == nullptr ? "engine" : "json");
        }
        if (size > kMaxCLength) {
          return SetError(err, CROSSGATE_EINVALID,
                          "size is larger than PTRDIFF_MAX", "size");
        }
        // Parsing allocates anyway; pin the snapshot so the request's defaults
        // (a one-tenant bundle) and the evaluation see the same policies.
        snapshot = engine->rep.Snapshot();
        if (snapshot.set == nullptr)
          return SetError(err, CROSSGATE_ENOTLOADED, "no policies loaded");
        auto request =
            ParseJsonRequest(*snapshot.set, absl::string_view(json, size));
        if (!request.ok()) return JsonRequestError(request.status(), err);
        crossgate::Decision d;
        EvaluateOn(snapshot, **request,
                   Options(false, out->policy_results != nullptr), &d);
        return Finish(d, out, err);
      });
}

}  // extern "C"
