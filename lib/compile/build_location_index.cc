// Named locations -> LocationIndex (spec 4.8, D16). IP ranges of every
// location become sorted, non-overlapping segments of the address space;
// each segment stores the OR of the include / exclude policy sets of the
// locations covering it, so a request does one binary search.

#include <algorithm>

#include "lib/compile/build_index.h"

namespace crossgate {
namespace {

template <typename Key>
struct Range {
  Key lo, hi;  // inclusive
  uint32_t location;
};

Range<uint32_t> ToRange4(const Cidr& cidr, uint32_t location) {
  uint32_t lo = AddressValue4(cidr.base);
  uint32_t host = cidr.prefix >= 32 ? 0 : (~uint32_t{0} >> cidr.prefix);
  return {lo, lo | host, location};
}

Range<Uint128> ToRange6(const Cidr& cidr, uint32_t location) {
  Uint128 lo = AddressValue6(cidr.base);
  Uint128 host = cidr.prefix >= 128 ? 0 : (~Uint128{0} >> cidr.prefix);
  return {lo, lo | host, location};
}

template <typename Key>
IpSegments<Key> BuildSegments(const std::vector<Range<Key>>& ranges,
                              const std::vector<BitsetBuilder>& inc,
                              const std::vector<BitsetBuilder>& exc,
                              uint32_t words, BitsetPool& pool) {
  const Key kMax = ~Key{0};
  std::vector<Key> bounds{0};
  for (const auto& r : ranges) {
    bounds.push_back(r.lo);
    if (r.hi != kMax) bounds.push_back(r.hi + 1);
  }
  std::sort(bounds.begin(), bounds.end());
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
  std::vector<BitsetBuilder> seg_inc(bounds.size(), BitsetBuilder(words));
  std::vector<BitsetBuilder> seg_exc(bounds.size(), BitsetBuilder(words));
  for (const auto& r : ranges) {
    size_t a = std::lower_bound(bounds.begin(), bounds.end(), r.lo) - bounds.begin();
    size_t b = r.hi == kMax ? bounds.size()
                            : std::lower_bound(bounds.begin(), bounds.end(), r.hi + 1) -
                                  bounds.begin();
    for (size_t k = a; k < b; ++k) {
      seg_inc[k].Or(inc[r.location]);
      seg_exc[k].Or(exc[r.location]);
    }
  }
  IpSegments<Key> out;
  for (size_t k = 0; k < bounds.size(); ++k) {
    IncludeExclude set{pool.Intern(seg_inc[k].data()),
                       pool.Intern(seg_exc[k].data())};
    if (!out.sets.empty() && out.sets.back().include == set.include &&
        out.sets.back().exclude == set.exclude) {
      continue;  // merge with the previous segment
    }
    out.starts.push_back(bounds[k]);
    out.sets.push_back(set);
  }
  out.starts.shrink_to_fit();
  out.sets.shrink_to_fit();
  return out;
}

}  // namespace

void BuildLocationIndex(const std::vector<NormalizedPolicy>& policies,
                        const std::vector<LocationModel>& locations,
                        CompiledTenant* t) {
  const uint32_t w = t->words();
  BitsetPool& pool = t->bits;
  std::vector<BitsetBuilder> inc(locations.size(), BitsetBuilder(w));
  std::vector<BitsetBuilder> exc(locations.size(), BitsetBuilder(w));
  BitsetBuilder unconditioned(w), configured(w);
  for (uint32_t i = 0; i < policies.size(); ++i) {
    const NormalizedPolicy& p = policies[i];
    if (p.mode == PolicyMode::kDisabled) continue;
    if (!p.location_configured) {
      unconditioned.Set(i);
      continue;
    }
    configured.Set(i);
    if (p.location_include_all) unconditioned.Set(i);
    for (uint32_t l : p.include_locations) inc[l].Set(i);
    for (uint32_t l : p.exclude_locations) exc[l].Set(i);
  }

  std::vector<Range<uint32_t>> v4;
  std::vector<Range<Uint128>> v6;
  BitsetBuilder no_ip(w);
  std::vector<BitsetBuilder> ip_inc(kCountrySlots, BitsetBuilder(w));
  std::vector<BitsetBuilder> ip_exc(kCountrySlots, BitsetBuilder(w));
  std::vector<BitsetBuilder> gps_inc(kCountrySlots, BitsetBuilder(w));
  std::vector<BitsetBuilder> gps_exc(kCountrySlots, BitsetBuilder(w));
  BitsetBuilder cn_inc(w), cn_exc(w);
  for (uint32_t l = 0; l < locations.size(); ++l) {
    const LocationModel& m = locations[l];
    switch (m.kind) {
      case LocationModel::Kind::kIp:
        // No IP in the request: it could be in any non-empty IP location
        // (fail closed: every such include holds, no exclude does).
        if (!m.ranges.empty()) no_ip.Or(inc[l]);
        for (const Cidr& c : m.ranges) {
          if (c.base.v6) {
            v6.push_back(ToRange6(c, l));
          } else {
            v4.push_back(ToRange4(c, l));
          }
        }
        break;
      case LocationModel::Kind::kCountry: {
        auto& slot_inc = m.gps ? gps_inc : ip_inc;
        auto& slot_exc = m.gps ? gps_exc : ip_exc;
        for (int s : m.country_slots) {
          slot_inc[s].Or(inc[l]);
          slot_exc[s].Or(exc[l]);
        }
        if (m.include_unknown) {
          slot_inc[kUnknownCountrySlot].Or(inc[l]);
          slot_exc[kUnknownCountrySlot].Or(exc[l]);
        }
        break;
      }
      case LocationModel::Kind::kCompliantNetwork:
        cn_inc.Or(inc[l]);
        cn_exc.Or(exc[l]);
        break;
    }
  }
  LocationIndex& out = t->locations;
  out.unconditioned = pool.Intern(unconditioned.data());
  out.configured = pool.Intern(configured.data());
  out.v4 = BuildSegments(v4, inc, exc, w, pool);
  out.v6 = BuildSegments(v6, inc, exc, w, pool);
  out.no_ip = {pool.Intern(no_ip.data()), 0};
  out.country_ip.resize(kCountrySlots);
  out.country_gps.resize(kCountrySlots);
  for (int s = 0; s < kCountrySlots; ++s) {
    out.country_ip[s] = {pool.Intern(ip_inc[s].data()), pool.Intern(ip_exc[s].data())};
    out.country_gps[s] = {pool.Intern(gps_inc[s].data()), pool.Intern(gps_exc[s].data())};
  }
  out.compliant_network = {pool.Intern(cn_inc.data()), pool.Intern(cn_exc.data())};
}

}  // namespace crossgate
