// Fuzz target: the C ABI request struct path (crossgate_request and
// crossgate_device -> lib's Request, through crossgate_evaluate, the pinned
// snapshot and batch entry points, and the decision renderer), against the
// example tenants.
//
// The input is decoded field by field (ByteReader): ids come from a palette
// of the examples' GUIDs or are raw bytes, enum fields are mostly small and
// sometimes arbitrary, lists are bounded arrays or a NULL pointer with a
// count, struct sizes are mostly right and sometimes not.
//
// Properties: no crash, no out-of-bounds access; every failed call writes a
// block with its status; the engine, a pinned snapshot and a batch give the
// same answer; the renderer never writes past the capacity it is given.

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "crossgate/crossgate.h"
#include "tests/fuzz/examples_engine.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using crossgate::fuzz::ByteReader;

// Every GUID in the example policies: ids that make policies apply.
const std::vector<crossgate_guid>& Palette() {
  static std::vector<crossgate_guid> palette = [] {
    std::vector<crossgate_guid> out;
    for (const std::string& f : crossgate::fuzz::ExamplePolicyFiles()) {
      const std::string text = crossgate::fuzz::ReadFile(f);
      for (size_t i = 0; i + 36 <= text.size(); ++i) {
        if (text[i + 8] != '-' || text[i + 13] != '-' || text[i + 18] != '-' ||
            text[i + 23] != '-') {
          continue;
        }
        crossgate_guid g;
        if (crossgate_guid_parse(&g, text.data() + i, 36, nullptr) == CROSSGATE_OK) {
          out.push_back(g);
          i += 35;
        }
      }
    }
    out.push_back(crossgate_guid{});
    return out;
  }();
  return palette;
}

crossgate_guid Id(ByteReader& in) {
  const uint8_t sel = in.U8();
  crossgate_guid g{};
  if (sel == 0xff) {
    in.Bytes(g.bytes, 16);
  } else {
    g = Palette()[sel % Palette().size()];
  }
  return g;
}

// An enum field whose largest value is `max`: mostly in range, sometimes
// just past it, rarely anything.
// Mostly one of the example tenants, so policies apply.
crossgate_guid TenantId(ByteReader& in) {
  const crossgate::CompiledPolicySet& set = crossgate::fuzz::ExamplesSet();
  const uint8_t sel = in.U8();
  if (sel >= 0xf0) return Id(in);
  const std::string id(set.tenant_id(sel % set.tenant_count()));
  crossgate_guid g{};
  crossgate_guid_parse(&g, id.data(), id.size(), nullptr);
  return g;
}

int32_t Enum(ByteReader& in, int max) {
  const uint8_t v = in.U8();
  if (v < 0xf0) return v % (max + 1);
  if (v < 0xff) return max + 1 + v % 3;
  return static_cast<int32_t>(in.U32());
}

// A bit-flag field with known bits `mask`: mostly known bits, rarely any.
uint32_t Bits(ByteReader& in, uint32_t mask) {
  const uint8_t v = in.U8();
  return v == 0xff ? in.U32() : v & mask;
}

void Country(ByteReader& in, char out[2]) {
  static const char* const kCountries[] = {"US", "NL", "CN", "KP", "RU", "GB", "de", "XK"};
  const uint8_t v = in.U8();
  if (v == 0xff) {
    out[0] = static_cast<char>(in.U8());
    out[1] = static_cast<char>(in.U8());
  } else if (v % 9 == 8) {
    out[0] = out[1] = 0;
  } else {
    out[0] = kCountries[v % 9][0];
    out[1] = kCountries[v % 9][1];
  }
}

struct Storage {
  std::vector<crossgate_guid> lists[5];
  std::vector<std::string> strings;
  std::vector<crossgate_str> strs[3];
  crossgate_device device = CROSSGATE_DEVICE_INIT;
};

// A list: count byte; 0xff = NULL pointer with a non-zero count.
void List(ByteReader& in, std::vector<crossgate_guid>* buf, const crossgate_guid** data,
          size_t* count) {
  const uint8_t n = in.U8();
  if (n == 0xff) {
    *data = nullptr;
    *count = 1 + in.U8();
    return;
  }
  buf->clear();
  for (int i = 0; i < n % 6; ++i) buf->push_back(Id(in));
  *data = buf->empty() ? nullptr : buf->data();
  *count = buf->size();
}

crossgate_str Str(ByteReader& in, Storage* st) {
  const uint8_t kind = in.U8();
  if (kind % 4 == 0) return crossgate_str{nullptr, 0};  // absent
  if (kind == 0xff) return crossgate_str{nullptr, size_t{1} + in.U8()};  // NULL with a size
  absl::string_view s = in.Str();
  st->strings.emplace_back(s);
  return crossgate_str{st->strings.back().data(), st->strings.back().size()};
}

uint32_t StructSize(ByteReader& in, uint32_t real) {
  const uint8_t v = in.U8();
  if (v < 0xf8) return real;
  if (v == 0xf8) return 0;
  if (v == 0xf9) return real + 8;
  return v == 0xfa ? real - 8 : in.U32();
}

void Decode(ByteReader& in, Storage* st, crossgate_request* r) {
  st->strings.reserve(64);  // crossgate_str pointers must stay valid
  std::memset(r, 0, sizeof(*r));
  r->struct_size = StructSize(in, sizeof(crossgate_request));
  r->flags = Bits(in, 7);
  r->resource_tenant_id = TenantId(in);
  r->principal_id = Id(in);
  r->home_tenant_id = in.U8() & 1 ? TenantId(in) : crossgate_guid{};
  r->home_user_id = Id(in);
  r->principal_kind = Enum(in, 2);
  r->external_user_types = Bits(in, 0x3f);
  r->identity_source = Enum(in, 5);
  r->target_kind = Enum(in, 3);
  List(in, &st->lists[0], &r->home_groups, &r->home_group_count);
  List(in, &st->lists[1], &r->groups, &r->group_count);
  List(in, &st->lists[2], &r->roles, &r->role_count);
  r->application_id = Id(in);
  r->client_application_id = Id(in);
  r->user_action = Enum(in, 2);
  r->authentication_context = in.U8() % 104;
  r->client_app = Enum(in, 4);
  r->platform = Enum(in, 7);
  const uint8_t family = in.U8();
  static const uint32_t kFamilies[] = {0, 4, 6};
  r->ip.family = family < 0xf0 ? kFamilies[family % 3] : family;
  in.Bytes(r->ip.bytes, 16);
  Country(in, r->country);
  Country(in, r->gps_country);
  r->sign_in_risk = Enum(in, 5);
  r->user_risk = Enum(in, 5);
  r->service_principal_risk = Enum(in, 5);
  r->insider_risk = Enum(in, 3);
  r->authentication_flow = Enum(in, 2);
  r->reserved0 = in.U8() == 0xff ? 1 : 0;
  r->claims = Bits(in, 0x7f);
  r->mfa_origin = Enum(in, 2);
  r->device_origin = Enum(in, 2);
  r->authentication_methods = in.U32();
  List(in, &st->lists[3], &r->accepted_terms_of_use, &r->accepted_terms_of_use_count);
  const uint8_t controls = in.U8() % 4;
  for (int i = 0; i < controls; ++i) st->strs[0].push_back(Str(in, st));
  r->satisfied_custom_controls = st->strs[0].empty() ? nullptr : st->strs[0].data();
  r->satisfied_custom_control_count = st->strs[0].size();
  r->tenant_restrictions_tenant_id = TenantId(in);
  if (in.U8() & 1) {
    crossgate_device& d = st->device;
    d.struct_size = StructSize(in, sizeof(crossgate_device));
    d.is_compliant = Enum(in, 2);
    crossgate_str* fields[] = {&d.device_id, &d.display_name, &d.device_ownership,
                               &d.enrollment_profile_name, &d.manufacturer,
                               &d.mdm_app_id, &d.model, &d.operating_system,
                               &d.operating_system_version, &d.profile_type,
                               &d.trust_type};
    for (crossgate_str* f : fields) *f = Str(in, st);
    for (crossgate_str& e : d.extension_attributes) e = Str(in, st);
    const uint8_t ids = in.U8() % 4, labels = in.U8() % 4;
    for (int i = 0; i < ids; ++i) st->strs[1].push_back(Str(in, st));
    for (int i = 0; i < labels; ++i) st->strs[2].push_back(Str(in, st));
    d.physical_ids = st->strs[1].empty() ? nullptr : st->strs[1].data();
    d.physical_id_count = st->strs[1].size();
    d.system_labels = st->strs[2].empty() ? nullptr : st->strs[2].data();
    d.system_label_count = st->strs[2].size();
    r->device = &d;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace crossgate::fuzz;
  ByteReader in(data, size);
  Storage storage;
  crossgate_request request;
  Decode(in, &storage, &request);
  const uint32_t capacity = in.U8() % 12;
  const uint8_t json_capacity = in.U8();

  crossgate_engine* engine = ExamplesCEngine();
  crossgate_policy_result results[16];
  crossgate_decision a = CROSSGATE_DECISION_INIT;
  a.policy_results = capacity ? results : nullptr;
  a.policy_results_capacity = capacity;
  crossgate_error* err = nullptr;
  const int rc = crossgate_evaluate(&a, engine, &request, &err);
  CheckCDecision(rc, a);
  if (rc != CROSSGATE_OK) {
    FUZZ_CHECK(err != nullptr && crossgate_error_code(err) == rc, "error object");
  }
  crossgate_error_free(err);
  if (a.policy_results != nullptr) {
    for (uint32_t i = 0; i < a.policy_result_count && i < capacity; ++i) {
      FUZZ_CHECK(results[i].result >= 0 && results[i].result <= 7, "policy result");
    }
  }

  crossgate_snapshot* snapshot = nullptr;
  FUZZ_CHECK(crossgate_engine_snapshot(&snapshot, engine, nullptr) == CROSSGATE_OK,
             "snapshot");
  crossgate_decision b = CROSSGATE_DECISION_INIT;
  const int rc_b = crossgate_snapshot_evaluate(&b, snapshot, &request, nullptr);
  CheckCDecision(rc_b, b);
  FUZZ_CHECK(rc == rc_b && a.outcome == b.outcome && a.reason == b.reason &&
                 a.deciding_policy == b.deciding_policy,
             "engine and pinned snapshot disagree");

  crossgate_request pair[2] = {request, request};
  crossgate_decision batch[2] = {CROSSGATE_DECISION_INIT, CROSSGATE_DECISION_INIT};
  const int rc_batch = crossgate_evaluate_batch(batch, engine, pair, 2, nullptr);
  for (const crossgate_decision& d : batch) {
    CheckCDecision(d.status, d);
    FUZZ_CHECK(d.outcome == a.outcome && d.status == rc, "batch disagrees with single");
  }
  FUZZ_CHECK(rc_batch == rc, "batch status");

  // The renderer: exact-capacity buffer, so ASan catches any overrun.
  std::unique_ptr<char[]> buf(new char[json_capacity + 1]);
  size_t needed = 0;
  const int rc_json = crossgate_decision_to_json(json_capacity ? buf.get() : nullptr,
                                                 json_capacity, &needed, snapshot, &a,
                                                 nullptr);
  if (rc_json == CROSSGATE_OK) {
    FUZZ_CHECK(needed < json_capacity && buf[needed] == '\0', "rendered size");
  } else {
    FUZZ_CHECK(rc_json == CROSSGATE_EBUFSIZE || rc_json == CROSSGATE_ESTALE ||
                   rc_json == CROSSGATE_EINVALID,
               "renderer status");
  }
  char* text = nullptr;
  size_t text_size = 0;
  if (crossgate_decision_to_json_alloc(&text, &text_size, snapshot, &a, nullptr) ==
      CROSSGATE_OK) {
    FUZZ_CHECK(std::strlen(text) == text_size, "allocated rendering size");
    if (rc_json != CROSSGATE_EINVALID) FUZZ_CHECK(needed == text_size, "sizes agree");
  }
  crossgate_free(text);
  crossgate_snapshot_release(snapshot);
  return 0;
}
