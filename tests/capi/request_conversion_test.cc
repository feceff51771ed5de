// The C ABI's request conversion (capi/request_io.cc) against the C++ API:
// generated bundles and requests (tests/testing), every request rebuilt as a
// crossgate_request and evaluated through crossgate_snapshot_evaluate on the
// same compiled set as crossgate::Evaluate. The decisions must be identical,
// with the GUID arrays (groups, home groups, roles, terms of use) passed
// 16-byte aligned, 8-byte aligned and misaligned (crossgate_guid has
// alignment 1, so a caller may pack them anywhere): the converter reads the
// bytes where they lie, so the address must not matter.

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "capi/handles.h"
#include "capi/request_io.h"
#include "crossgate/crossgate.h"
#include "gtest/gtest.h"
#include "lib/device_filter/device_attributes.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/scratch.h"
#include "tests/testing/random_bundle.h"
#include "tests/testing/request_generator.h"

namespace crossgate {
namespace {

using device_filter::DeviceAttributes;
using device_filter::DeviceText;

crossgate_guid CGuid(const Guid& g) {
  crossgate_guid out;
  const std::string text =
      FormatGuid(g);  // via text: independent of Guid's layout
  EXPECT_EQ(crossgate_guid_parse(&out, text.data(), text.size(), nullptr),
            CROSSGATE_OK);
  return out;
}

crossgate_str CStr(const DeviceAttributes::Text& s) {
  if (!s.has_value()) return crossgate_str{nullptr, 0};
  return crossgate_str{s->data(), s->size()};
}

// The crossgate_device member that holds DeviceText slot `i` (the named
// properties, then extensionAttribute1..15).
crossgate_str* DeviceMember(crossgate_device* device, size_t i) {
  crossgate_str* named[] = {&device->device_id,
                            &device->display_name,
                            &device->device_ownership,
                            &device->enrollment_profile_name,
                            &device->manufacturer,
                            &device->mdm_app_id,
                            &device->model,
                            &device->operating_system,
                            &device->operating_system_version,
                            &device->profile_type,
                            &device->trust_type};
  static_assert(sizeof(named) / sizeof(named[0]) ==
                device_filter::kNamedDeviceTextCount);
  constexpr size_t kNamed = device_filter::kNamedDeviceTextCount;
  return i < kNamed ? named[i] : &device->extension_attributes[i - kNamed];
}

// A GUID list placed at `offset` bytes past a 16-byte boundary.
class PlacedGuids {
 public:
  PlacedGuids(GuidList ids, size_t offset)
      : storage_(ids.size() * sizeof(crossgate_guid) + 32), count_(ids.size()) {
    uintptr_t base = reinterpret_cast<uintptr_t>(storage_.data());
    begin_ = storage_.data() + ((16 - base % 16) % 16) + offset;
    for (size_t i = 0; i < ids.size(); ++i) {
      crossgate_guid g = CGuid(ids[i]);
      std::memcpy(begin_ + i * sizeof(g), &g, sizeof(g));
    }
  }
  // The C ABI reads the array with memcpy only, so handing it a pointer
  // into these bytes is exactly what a C caller with a packed buffer does.
  const crossgate_guid* data() const {
    return count_ == 0 ? nullptr
                       : reinterpret_cast<const crossgate_guid*>(begin_);
  }
  size_t size() const { return count_; }

 private:
  std::vector<unsigned char> storage_;
  unsigned char* begin_;
  size_t count_;
};

// Every Request field as the C struct, GUID arrays at `offset`.
struct CRequest {
  crossgate_request req;
  crossgate_device device;
  std::vector<PlacedGuids> lists;
  std::vector<crossgate_str> controls;

  CRequest(const Request& r, size_t offset) {
    crossgate_request_init(&req, sizeof(req));
    lists.reserve(4);
    auto list = [&](GuidList ids, const crossgate_guid** data, size_t* count) {
      lists.emplace_back(ids, offset);
      *data = lists.back().data();
      *count = lists.back().size();
    };
    req.resource_tenant_id = CGuid(r.resource_tenant_id);
    req.principal_kind = static_cast<int32_t>(r.principal_kind);
    req.principal_id = CGuid(r.principal_id);
    req.home_tenant_id = CGuid(r.home_tenant_id);
    req.external_user_types = r.external_user_types;
    req.identity_source = static_cast<int32_t>(r.identity_source);
    req.home_user_id = CGuid(r.home_user_id);
    list(r.home_groups, &req.home_groups, &req.home_group_count);
    list(r.groups, &req.groups, &req.group_count);
    list(r.roles, &req.roles, &req.role_count);
    req.target_kind = static_cast<int32_t>(r.target_kind);
    req.application_id = CGuid(r.application_id);
    req.client_application_id = CGuid(r.client_application_id);
    req.user_action = static_cast<int32_t>(r.user_action);
    req.authentication_context = r.authentication_context;
    req.client_app = static_cast<int32_t>(r.client_app);
    req.platform = static_cast<int32_t>(r.platform);
    if (r.has_ip) {
      req.ip.family = r.ip.v6 ? 6 : 4;
      std::memcpy(req.ip.bytes, r.ip.v6 ? r.ip.bytes : r.ip.bytes + 12,
                  r.ip.v6 ? 16 : 4);
    }
    std::memcpy(req.country, r.country, 2);
    std::memcpy(req.gps_country, r.gps_country, 2);
    if (r.compliant_network) req.flags |= CROSSGATE_REQUEST_COMPLIANT_NETWORK;
    req.sign_in_risk = static_cast<int32_t>(r.sign_in_risk);
    req.user_risk = static_cast<int32_t>(r.user_risk);
    req.service_principal_risk = static_cast<int32_t>(r.service_principal_risk);
    req.insider_risk = static_cast<int32_t>(r.insider_risk);
    req.authentication_flow = static_cast<int32_t>(r.authentication_flow);
    const Claims& c = r.claims;
    req.claims =
        (c.mfa ? CROSSGATE_CLAIM_MFA : 0) |
        (c.compliant_device ? CROSSGATE_CLAIM_COMPLIANT_DEVICE : 0) |
        (c.hybrid_joined_device ? CROSSGATE_CLAIM_HYBRID_JOINED_DEVICE : 0) |
        (c.approved_application ? CROSSGATE_CLAIM_APPROVED_APPLICATION : 0) |
        (c.app_protection_policy ? CROSSGATE_CLAIM_APP_PROTECTION_POLICY : 0) |
        (c.password_changed ? CROSSGATE_CLAIM_PASSWORD_CHANGED : 0) |
        (c.risk_remediated ? CROSSGATE_CLAIM_RISK_REMEDIATED : 0);
    req.mfa_origin = static_cast<int32_t>(c.mfa_origin);
    req.device_origin = static_cast<int32_t>(c.device_origin);
    req.authentication_methods = c.authentication_methods;
    list(c.accepted_terms_of_use, &req.accepted_terms_of_use,
         &req.accepted_terms_of_use_count);
    for (absl::string_view s : c.satisfied_custom_controls) {
      controls.push_back(crossgate_str{s.data(), s.size()});
    }
    req.satisfied_custom_controls =
        controls.empty() ? nullptr : controls.data();
    req.satisfied_custom_control_count = controls.size();
    if (r.tenant_restrictions_signal) {
      req.flags |= CROSSGATE_REQUEST_TENANT_RESTRICTIONS;
      req.tenant_restrictions_tenant_id =
          CGuid(r.tenant_restrictions_tenant_id);
    }
    if (r.device != nullptr && r.device->registered) {
      const DeviceAttributes& d = *r.device;
      crossgate_device_init(&device, sizeof(device));
      device.is_compliant = !d.is_compliant.has_value()
                                ? CROSSGATE_TRISTATE_NULL
                            : *d.is_compliant ? CROSSGATE_TRISTATE_TRUE
                                              : CROSSGATE_TRISTATE_FALSE;
      for (size_t i = 0; i < device_filter::kDeviceTextCount; ++i) {
        *DeviceMember(&device, i) = CStr(d.TextAt(i));
      }
      req.device = &device;
    }
  }
  CRequest(const CRequest&) = delete;
};

// A small pool of devices for the generator (the strings are static).
const DeviceAttributes* RandomDevice(testing::Rng& rng) {
  static DeviceAttributes pool[4];
  static const bool init = [] {
    const char* makers[] = {"Contoso", "Fabrikam", "Adatum", "Litware"};
    for (int i = 0; i < 4; ++i) {
      DeviceAttributes& d = pool[i];
      d.registered = true;
      d[DeviceText::kManufacturer] = absl::string_view(makers[i]);
      d[DeviceText::kTrustType] =
          absl::string_view(i % 2 ? "AzureAD" : "ServerAD");
      d[DeviceText::kOperatingSystem] = absl::string_view("Windows");
      if (i % 2)
        d[device_filter::ExtensionAttribute(1)] = absl::string_view("tier1");
      if (i != 3) d.is_compliant = i == 0;
    }
    return true;
  }();
  (void)init;
  const int pick = static_cast<int>(rng() % 5);
  return pick == 4 ? nullptr : &pool[pick];
}

void ExpectSame(const Decision& cxx, const crossgate_decision& c,
                const std::string& where) {
  ASSERT_EQ(c.status, CROSSGATE_OK) << where;
  EXPECT_EQ(c.outcome, static_cast<int32_t>(cxx.outcome)) << where;
  EXPECT_EQ(c.stage, static_cast<int32_t>(cxx.stage)) << where;
  EXPECT_EQ(c.reason, cxx.reason) << where;
  EXPECT_EQ(c.deciding_policy, cxx.deciding_policy) << where;
  EXPECT_EQ(c.challenge_location, static_cast<int32_t>(cxx.challenge_location))
      << where;
  ASSERT_EQ(c.requirement_count, cxx.requirement_count) << where;
  for (uint32_t i = 0; i < c.requirement_count; ++i) {
    EXPECT_EQ(c.requirements[i].kind,
              static_cast<int32_t>(cxx.requirements[i].kind))
        << where;
    EXPECT_EQ(c.requirements[i].ref, cxx.requirements[i].ref) << where;
    EXPECT_EQ(c.requirements[i].policy_index, cxx.requirements[i].policy_index)
        << where;
  }
}

TEST(RequestConversion, CDecisionsEqualCxxForAnyArrayAlignment) {
  constexpr int kBundles = 12;
  constexpr int kRequestsPerBundle = 150;
  int with_groups = 0, with_devices = 0;
  for (int b = 0; b < kBundles; ++b) {
    testing::Rng rng(0xc0ffee + b);
    testing::RandomBundleOptions bundle_options;
    bundle_options.device_filter_rules = {
        "device.manufacturer -eq \"Contoso\"",
        "device.trustType -eq \"AzureAD\"",
        "device.extensionAttribute1 -eq \"tier1\""};
    const policy::v1::PolicyBundle bundle =
        testing::RandomBundle(rng, bundle_options);
    std::string bytes;
    ASSERT_TRUE(bundle.SerializeToString(&bytes));

    crossgate_engine* engine = nullptr;
    crossgate_snapshot* snapshot = nullptr;
    ASSERT_EQ(crossgate_engine_create(&engine, nullptr, nullptr), CROSSGATE_OK);
    crossgate_error* err = nullptr;
    ASSERT_EQ(crossgate_engine_load_memory(nullptr, engine, bytes.data(),
                                           bytes.size(), nullptr, &err),
              CROSSGATE_OK)
        << "bundle " << b << ": " << crossgate_error_message(err);
    ASSERT_EQ(crossgate_engine_snapshot(&snapshot, engine, nullptr),
              CROSSGATE_OK);
    const CompiledPolicySet& set = *snapshot->rep.set;
    EvalScratch scratch(set);
    EvaluateOptions options;
    options.report_policies = false;

    testing::RequestGeneratorOptions gen_options;
    gen_options.device_factory = RandomDevice;
    testing::RequestGenerator gen(bundle, 7 + b, gen_options);
    for (int i = 0; i < kRequestsPerBundle; ++i) {
      testing::RequestBuilder builder = gen.Next();
      const Request& r = builder.Build();
      with_groups += !r.groups.empty();
      with_devices += r.device != nullptr;
      Decision cxx;
      Evaluate(set, r, options, scratch, &cxx);
      cxx.generation = snapshot->rep.generation;
      for (size_t offset : {size_t{0}, size_t{8}, size_t{1}, size_t{7}}) {
        CRequest c(r, offset);
        crossgate_decision d;
        crossgate_decision_init(&d, sizeof(d));
        crossgate_snapshot_evaluate(&d, snapshot, &c.req, nullptr);
        ExpectSame(cxx, d,
                   absl::StrCat("bundle ", b, " request ", i, " offset ",
                                offset, "\n", testing::RequestDebugString(r)));
        if (::testing::Test::HasFailure()) break;
      }
      if (::testing::Test::HasFailure()) break;
    }
    crossgate_snapshot_release(snapshot);
    crossgate_engine_destroy(engine);
    if (::testing::Test::HasFailure()) break;
  }
  // The generator must actually exercise the GUID lists and devices.
  EXPECT_GT(with_groups, kBundles * kRequestsPerBundle / 10);
  EXPECT_GT(with_devices, kBundles * kRequestsPerBundle / 10);
}

TEST(RequestConversion, MalformedListsFailClosedWhateverTheAlignment) {
  crossgate_engine* engine = nullptr;
  ASSERT_EQ(crossgate_engine_create(&engine, nullptr, nullptr), CROSSGATE_OK);
  testing::Rng rng(3);
  const policy::v1::PolicyBundle bundle = testing::RandomBundle(rng);
  std::string bytes;
  ASSERT_TRUE(bundle.SerializeToString(&bytes));
  ASSERT_EQ(crossgate_engine_load_memory(nullptr, engine, bytes.data(),
                                         bytes.size(), nullptr, nullptr),
            CROSSGATE_OK);
  crossgate_request req;
  crossgate_request_init(&req, sizeof(req));
  req.resource_tenant_id =
      CGuid(*ParseGuid(testing::RandomUniverse::Tenants()[0]));
  const Guid one_group[] = {Guid::FromNumbers(1, 2)};
  PlacedGuids groups(one_group, 1);
  crossgate_decision d;
  crossgate_decision_init(&d, sizeof(d));
  crossgate_error* err = nullptr;

  // NULL list with a count, then a count above the limit: each list names
  // itself.
  struct Case {
    const crossgate_guid** data;
    size_t* count;
    const char* path;
  } cases[] = {{&req.home_groups, &req.home_group_count, "request/home_groups"},
               {&req.groups, &req.group_count, "request/groups"},
               {&req.roles, &req.role_count, "request/roles"},
               {&req.accepted_terms_of_use, &req.accepted_terms_of_use_count,
                "request/accepted_terms_of_use"}};
  for (const Case& c : cases) {
    *c.data = nullptr;
    *c.count = 1;
    EXPECT_EQ(crossgate_evaluate(&d, engine, &req, &err), CROSSGATE_EINVALID);
    EXPECT_EQ(d.outcome, CROSSGATE_OUTCOME_BLOCK);
    EXPECT_STREQ(crossgate_error_path(err), c.path);
    *c.data = groups.data();
    *c.count = size_t{1} << 21;
    EXPECT_EQ(crossgate_evaluate(&d, engine, &req, &err), CROSSGATE_ELIMIT);
    EXPECT_EQ(d.outcome, CROSSGATE_OUTCOME_BLOCK);
    EXPECT_STREQ(crossgate_error_path(err), c.path);
    // A misaligned list of the right length is fine.
    *c.count = groups.size();
    EXPECT_EQ(crossgate_evaluate(&d, engine, &req, &err), CROSSGATE_OK)
        << crossgate_error_message(err);
    *c.data = nullptr;
    *c.count = 0;
  }
  // An earlier field is named first even when a list is bad too.
  req.group_count = 3;
  req.platform = 99;
  EXPECT_EQ(crossgate_evaluate(&d, engine, &req, &err), CROSSGATE_EENUM);
  EXPECT_STREQ(crossgate_error_path(err), "request/platform");
  req.platform = 0;
  req.country[0] = '1';
  EXPECT_EQ(crossgate_evaluate(&d, engine, &req, &err), CROSSGATE_EINVALID);
  EXPECT_STREQ(crossgate_error_path(err), "request/country");
  crossgate_error_free(err);
  crossgate_engine_destroy(engine);
}

// absl::string_view (hardened in Debian) traps on a length above
// PTRDIFF_MAX: the C ABI must answer EINVALID, not abort.
TEST(RequestConversion, OversizedStringsFailClosed) {
  crossgate_engine* engine = nullptr;
  ASSERT_EQ(crossgate_engine_create(&engine, nullptr, nullptr), CROSSGATE_OK);
  testing::Rng rng(4);
  const policy::v1::PolicyBundle bundle = testing::RandomBundle(rng);
  std::string bytes;
  ASSERT_TRUE(bundle.SerializeToString(&bytes));
  ASSERT_EQ(crossgate_engine_load_memory(nullptr, engine, bytes.data(),
                                         bytes.size(), nullptr, nullptr),
            CROSSGATE_OK);
  crossgate_request req;
  crossgate_request_init(&req, sizeof(req));
  req.resource_tenant_id =
      CGuid(*ParseGuid(testing::RandomUniverse::Tenants()[0]));
  crossgate_device device;
  crossgate_device_init(&device, sizeof(device));
  req.device = &device;
  crossgate_decision d;
  crossgate_decision_init(&d, sizeof(d));
  crossgate_error* err = nullptr;
  const size_t huge = SIZE_MAX;

  device.model = crossgate_str{"m", huge};
  EXPECT_EQ(crossgate_evaluate(&d, engine, &req, &err), CROSSGATE_EINVALID);
  EXPECT_EQ(d.outcome, CROSSGATE_OUTCOME_BLOCK);
  EXPECT_STREQ(crossgate_error_path(err), "request/device/model");
  device.model = crossgate_str{"m", 1};
  device.extension_attributes[3] = crossgate_str{"x", huge};
  EXPECT_EQ(crossgate_evaluate(&d, engine, &req, &err), CROSSGATE_EINVALID);
  EXPECT_STREQ(crossgate_error_path(err),
               "request/device/extension_attributes[3]");
  device.extension_attributes[3] =
      crossgate_str{nullptr, huge};  // NULL = absent
  EXPECT_EQ(crossgate_evaluate(&d, engine, &req, &err), CROSSGATE_OK);
  crossgate_str labels[] = {{"a", 1}, {"b", huge}};
  device.system_labels = labels;
  device.system_label_count = 2;
  EXPECT_EQ(crossgate_evaluate(&d, engine, &req, &err), CROSSGATE_EINVALID);
  EXPECT_STREQ(crossgate_error_path(err), "request/device/system_labels[1]");
  device.system_label_count = 1;
  crossgate_str controls[] = {{"c", huge}};
  req.satisfied_custom_controls = controls;
  req.satisfied_custom_control_count = 1;
  EXPECT_EQ(crossgate_evaluate(&d, engine, &req, &err), CROSSGATE_EINVALID);
  EXPECT_STREQ(crossgate_error_path(err),
               "request/satisfied_custom_controls[0]");
  EXPECT_EQ(d.outcome, CROSSGATE_OUTCOME_BLOCK);
  crossgate_error_free(err);
  crossgate_engine_destroy(engine);
}

// The converter reads a device's strings where the caller keeps them (two
// runs of crossgate_str, DeviceAttributes::named_records/extension_records):
// every one of the 26 properties must come back from its own member, nulls
// as nulls, whatever the other members hold.
TEST(RequestConversion, EveryDeviceStringIsReadFromItsOwnMember) {
  std::vector<std::string> values;
  for (size_t i = 0; i < device_filter::kDeviceTextCount; ++i) {
    values.push_back(absl::StrCat("value-", i));
  }
  for (size_t null_slot = 0; null_slot <= device_filter::kDeviceTextCount;
       ++null_slot) {
    crossgate_device device;
    crossgate_device_init(&device, sizeof(device));
    for (size_t i = 0; i < device_filter::kDeviceTextCount; ++i) {
      crossgate_str* member = DeviceMember(&device, i);
      // One property at a time is null, with a size the library must ignore.
      *member = i == null_slot
                    ? crossgate_str{nullptr, SIZE_MAX}
                    : crossgate_str{values[i].data(), values[i].size()};
    }
    device.is_compliant = CROSSGATE_TRISTATE_TRUE;
    crossgate_request req;
    crossgate_request_init(&req, sizeof(req));
    req.device = &device;

    capi::RequestConverter converter;
    Request out;
    crossgate_error* err = nullptr;
    ASSERT_EQ(converter.Convert(&req, &out, &err), CROSSGATE_OK)
        << crossgate_error_message(err);
    ASSERT_NE(out.device, nullptr);
    EXPECT_TRUE(out.device->registered);
    EXPECT_EQ(out.device->is_compliant, absl::optional<bool>(true));
    for (size_t i = 0; i < device_filter::kDeviceTextCount; ++i) {
      const device_filter::DeviceString text = out.device->TextAt(i);
      if (i == null_slot) {
        EXPECT_FALSE(text.has_value()) << "slot " << i;
      } else {
        ASSERT_TRUE(text.has_value()) << "slot " << i;
        EXPECT_EQ(*text, values[i]) << "slot " << i;
        // In place: the view points into the caller's string.
        EXPECT_EQ((*text).data(), values[i].data()) << "slot " << i;
      }
      EXPECT_EQ((*out.device)[static_cast<DeviceText>(i)], text);
    }
    crossgate_error_free(err);
  }
}

}  // namespace
}  // namespace crossgate
