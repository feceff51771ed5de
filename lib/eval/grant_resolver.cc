#include "lib/eval/grant_resolver.h"

#include <algorithm>

#include "lib/eval/bitset.h"

namespace crossgate {
namespace {

constexpr uint32_t Bit(RequirementKind k) {
  return uint32_t{1} << static_cast<int>(k);
}

constexpr RequirementKind kBuiltins[] = {
    RequirementKind::kMfa,
    RequirementKind::kPasswordChange,
    RequirementKind::kRiskRemediation,
    RequirementKind::kCompliantDevice,
    RequirementKind::kHybridJoinedDevice,
    RequirementKind::kApprovedApplication,
    RequirementKind::kAppProtectionPolicy,
};

bool Covers(uint32_t methods, const std::vector<uint32_t>& combinations) {
  for (uint32_t c : combinations) {
    if ((methods & c) == c) return true;
  }
  return false;
}

// D11 prompt order: strengths, mfa, password change, risk remediation,
// terms of use, custom controls; refs follow id order within a kind.
uint64_t PromptKey(const Requirement& r) {
  return (static_cast<uint64_t>(r.kind) << 32) | r.ref;
}

bool SameAtom(const Requirement& a, const Requirement& b) {
  return a.kind == b.kind && a.ref == b.ref;
}

// splitmix64's finalizer: spreads a prompt key for the group digest.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Whether every atom of `a` is in `b` (groups of `n` atoms each).
bool Contains(const Requirement* a, const Requirement* b, int n) {
  for (int i = 0; i < n; ++i) {
    bool found = false;
    for (int j = 0; j < n && !found; ++j) found = SameAtom(a[i], b[j]);
    if (!found) return false;
  }
  return true;
}

// Whether two groups of `n` atoms hold the same set of atoms.
bool SameAtoms(const Requirement* a, const Requirement* b, int n) {
  return Contains(a, b, n) && Contains(b, a, n);
}

}  // namespace

void ComputeBuiltinStates(const RequestContext& c, BuiltinStates* s) noexcept {
  auto sat = [s](RequirementKind k) { s->satisfied |= Bit(k); };
  auto unsat = [s](RequirementKind k, Reason r) {
    s->unsatisfiable |= Bit(k);
    s->reason[static_cast<int>(k)] = r;
  };
  if (c.workload || c.legacy) {  // D13, spec 4.5
    for (RequirementKind k : kBuiltins) {
      unsat(k, c.workload ? Reason::kWorkloadIdentityCannotSatisfy
                          : Reason::kLegacyClientCannotSatisfy);
    }
    return;
  }
  const Claims& cl = c.request->claims;
  const InboundTrust& trust = c.trust;

  // MFA (spec 1 steps 5-6, 5.5).
  if (!c.external) {
    if (cl.mfa) sat(RequirementKind::kMfa);
  } else if (c.non_entra) {
    // R is always responsible for MFA of non-Entra externals.
    if (cl.mfa && !c.mfa_from_home) sat(RequirementKind::kMfa);
  } else if (c.direct_connect) {
    if (!trust.mfa_accepted) {
      unsat(RequirementKind::kMfa, Reason::kDirectConnectRequiresMfaTrust);
    } else if (cl.mfa && c.mfa_from_home) {
      sat(RequirementKind::kMfa);
    } else {
      s->home |= Bit(RequirementKind::kMfa);
    }
  } else if (cl.mfa && (!c.mfa_from_home || trust.mfa_accepted)) {
    sat(RequirementKind::kMfa);
  } else if (trust.mfa_accepted) {
    s->home |= Bit(RequirementKind::kMfa);  // trusted, claim missing: at home
  }

  // Device state (spec 2.11, 4.11; D10: unmet is a block).
  auto device = [&](RequirementKind k, bool claim, bool trusted, Reason r) {
    if (c.device_code) {
      unsat(k, Reason::kDeviceCodeFlowDeviceGrant);
    } else if (!c.external) {
      if (claim) sat(k); else unsat(k, r);
    } else if (!trusted) {
      unsat(k, Reason::kDeviceNotTrustedForExternalUser);
    } else if (claim && c.device_from_home) {
      sat(k);
    } else {
      unsat(k, r);
    }
  };
  device(RequirementKind::kCompliantDevice, cl.compliant_device,
         trust.compliant_device_accepted, Reason::kCompliantDeviceRequired);
  device(RequirementKind::kHybridJoinedDevice, cl.hybrid_joined_device,
         trust.hybrid_joined_device_accepted,
         Reason::kHybridJoinedDeviceRequired);

  // App state (D10) and self-service remediation: not available to
  // external users (spec 4.9, 5.5).
  if (c.external) {
    unsat(RequirementKind::kApprovedApplication, Reason::kExternalUserUnsupportedControl);
    unsat(RequirementKind::kAppProtectionPolicy, Reason::kExternalUserUnsupportedControl);
    unsat(RequirementKind::kPasswordChange, Reason::kExternalUserUnsupportedControl);
    unsat(RequirementKind::kRiskRemediation, Reason::kExternalUserUnsupportedControl);
    return;
  }
  if (cl.approved_application) {
    sat(RequirementKind::kApprovedApplication);
  } else {
    unsat(RequirementKind::kApprovedApplication, Reason::kApprovedApplicationRequired);
  }
  if (cl.app_protection_policy) {
    sat(RequirementKind::kAppProtectionPolicy);
  } else {
    unsat(RequirementKind::kAppProtectionPolicy, Reason::kAppProtectionPolicyRequired);
  }
  if (cl.password_changed) sat(RequirementKind::kPasswordChange);
  if (cl.risk_remediated) sat(RequirementKind::kRiskRemediation);
}

GrantResolver::GrantResolver(const CompiledTenant& tenant,
                             const RequestContext& ctx,
                             EvalScratch& scratch) noexcept
    : tenant_(tenant), ctx_(ctx), scratch_(scratch) {
  ComputeBuiltinStates(ctx, &builtins_);
  stamp_ = tenant.strengths.empty() ? 0 : scratch.NextStamp();
}

AtomState GrantResolver::Strength(const GrantAtom& atom, Reason* reason) noexcept {
  uint8_t* state = scratch_.strength_state();
  uint32_t* stamp = scratch_.strength_stamp();
  if (stamp[atom.local] == stamp_) {
    *reason = static_cast<Reason>(state[atom.local] >> 2);
    return static_cast<AtomState>(state[atom.local] & 3);
  }
  const CompiledStrength& s = tenant_.strengths[atom.local];
  const uint32_t methods = ctx_.request->claims.authentication_methods;
  AtomState result = AtomState::kSatisfied;
  Reason r = Reason::kNone;
  const bool home = ctx_.mfa_from_home;
  if (ctx_.workload || ctx_.legacy) {
    result = AtomState::kUnsatisfiable;
    r = ctx_.workload ? Reason::kWorkloadIdentityCannotSatisfy
                      : Reason::kLegacyClientCannotSatisfy;
  } else if (!ctx_.external) {
    if (!Covers(methods, s.combinations)) {
      result = s.combinations.empty() ? AtomState::kUnsatisfiable
                                      : AtomState::kChallengeResource;
    }
  } else if (ctx_.non_entra) {
    // 6.4: "strengths apply only to externals authenticating with Entra ID"
    // (OTP, SAML/WS-Fed and social users take the `mfa` grant): unmeetable.
    result = AtomState::kUnsatisfiable;
  } else if (ctx_.direct_connect && !ctx_.trust.mfa_accepted) {
    result = AtomState::kUnsatisfiable;  // 6.4: direct connect needs MFA trust
    r = Reason::kDirectConnectRequiresMfaTrust;
  } else if (ctx_.trust.mfa_accepted && !ctx_.non_entra) {
    // 6.4 trust on: home methods from the home column, else challenge at home.
    bool met = home ? Covers(methods, s.home_combinations)
                    : (!ctx_.direct_connect &&
                       Covers(methods, s.resource_combinations));
    if (!met) {
      result = s.home_combinations.empty() ? AtomState::kUnsatisfiable
                                           : AtomState::kChallengeHome;
    }
  } else {
    // Trust off (or a non-Entra identity): only MFA done in R counts, with
    // the resource column's methods.
    if (home || !Covers(methods, s.resource_combinations)) {
      result = s.resource_combinations.empty() ? AtomState::kUnsatisfiable
                                               : AtomState::kChallengeResource;
    }
  }
  if (result == AtomState::kUnsatisfiable && r == Reason::kNone) {
    r = Reason::kAuthenticationStrengthUnavailable;
  }
  state[atom.local] =
      static_cast<uint8_t>((static_cast<int>(r) << 2) | static_cast<int>(result));
  stamp[atom.local] = stamp_;
  *reason = r;
  return result;
}

AtomState GrantResolver::Atom(const GrantAtom& atom, Reason* reason) noexcept {
  if (atom.kind == RequirementKind::kAuthenticationStrength) {
    return Strength(atom, reason);
  }
  if (ctx_.workload || ctx_.legacy) {
    *reason = ctx_.workload ? Reason::kWorkloadIdentityCannotSatisfy
                            : Reason::kLegacyClientCannotSatisfy;
    return AtomState::kUnsatisfiable;
  }
  const Claims& cl = ctx_.request->claims;
  if (atom.kind == RequirementKind::kTermsOfUse) {
    if (ctx_.external && ctx_.direct_connect) {
      *reason = Reason::kDirectConnectTermsOfUse;  // 5.5 (inferred)
      return AtomState::kUnsatisfiable;
    }
    const Guid& id = tenant_.terms_of_use[atom.local];
    for (const Guid& accepted : cl.accepted_terms_of_use) {
      if (accepted == id) return AtomState::kSatisfied;
    }
    return AtomState::kChallengeResource;
  }
  // Custom control.
  if (ctx_.external) {
    *reason = Reason::kExternalUserCustomControl;  // D12
    return AtomState::kUnsatisfiable;
  }
  const std::string& id = tenant_.custom_controls[atom.local];
  for (absl::string_view done : cl.satisfied_custom_controls) {
    if (done == id) return AtomState::kSatisfied;
  }
  return AtomState::kChallengeResource;
}

Verdict GrantResolver::Evaluate(const CompiledPolicy& policy,
                                Reason* reason) noexcept {
  const CompiledGrant& g = policy.grant;
  if (!g.present) return Verdict::kSatisfied;  // session-only policy
  if (g.block) {                               // D9
    *reason = Reason::kBlockControl;
    return Verdict::kUnsatisfiable;
  }
  const BuiltinStates& b = builtins_;
  const uint32_t unsat_bits = g.builtin_mask & b.unsatisfiable;
  int best_kind = unsat_bits ? __builtin_ctz(unsat_bits) : 64;
  Reason best = unsat_bits ? b.reason[best_kind] : Reason::kNone;
  const GrantAtom* atoms = tenant_.atoms.data() + g.atom_begin;
  if (!g.or_operator) {
    bool pending = (g.builtin_mask & ~b.satisfied) != 0;
    for (uint32_t k = 0; k < g.atom_count; ++k) {
      Reason r = Reason::kNone;
      AtomState st = Atom(atoms[k], &r);
      if (st == AtomState::kUnsatisfiable &&
          static_cast<int>(atoms[k].kind) < best_kind) {
        best_kind = static_cast<int>(atoms[k].kind);
        best = r;
      }
      if (st != AtomState::kSatisfied) pending = true;
    }
    if (best_kind != 64) {
      *reason = best;
      return Verdict::kUnsatisfiable;
    }
    return pending ? Verdict::kChallenge : Verdict::kSatisfied;
  }
  if (g.builtin_mask & b.satisfied) return Verdict::kSatisfied;
  bool challengeable = (g.builtin_mask & ~b.unsatisfiable) != 0;
  for (uint32_t k = 0; k < g.atom_count; ++k) {
    Reason r = Reason::kNone;
    AtomState st = Atom(atoms[k], &r);
    if (st == AtomState::kSatisfied) return Verdict::kSatisfied;
    if (st == AtomState::kUnsatisfiable) {
      if (static_cast<int>(atoms[k].kind) < best_kind) {
        best_kind = static_cast<int>(atoms[k].kind);
        best = r;
      }
    } else {
      challengeable = true;
    }
  }
  if (challengeable) return Verdict::kChallenge;
  *reason = best;
  return Verdict::kUnsatisfiable;
}

template <uint32_t W>
void GrantResolver::VerdictSets(const uint64_t* applicable,
                                const uint64_t** satisfied,
                                const uint64_t** unsatisfiable) noexcept {
  enum : int { kSa = 16, kNs, kUn, kNu, kSat, kUnsat };
  const uint32_t w = tenant_.words();
  const BitsetPool& pool = tenant_.bits;
  uint64_t* sa = scratch_.row(kSa);  // requires a satisfied control
  uint64_t* ns = scratch_.row(kNs);  // requires a not-satisfied control
  uint64_t* un = scratch_.row(kUn);  // requires an unsatisfiable control
  uint64_t* nu = scratch_.row(kNu);  // requires a satisfiable control
  bits::Zero<W>(sa, w);
  bits::Zero<W>(ns, w);
  bits::Zero<W>(un, w);
  bits::Zero<W>(nu, w);
  for (RequirementKind k : kBuiltins) {
    const BitsetRef ref = tenant_.requires_builtin[static_cast<int>(k)];
    if (ref == 0) continue;
    const uint64_t* b = pool.template at<W>(ref);
    bits::Or<W>((builtins_.satisfied & Bit(k)) ? sa : ns, b, w);
    bits::Or<W>((builtins_.unsatisfiable & Bit(k)) ? un : nu, b, w);
  }
  uint64_t* sat = scratch_.row(kSat);
  uint64_t* unsat = scratch_.row(kUnsat);
  const uint64_t* g_and = pool.template at<W>(tenant_.grant_and);
  const uint64_t* g_or = pool.template at<W>(tenant_.grant_or);
  const uint64_t* g_none = pool.template at<W>(tenant_.grant_none);
  const uint64_t* g_block = pool.template at<W>(tenant_.block);
  const uint64_t* g_atoms = pool.template at<W>(tenant_.grant_atoms);
  for (uint32_t i = 0; i < (W != 0 ? W : w); ++i) {
    // AND: met when nothing required is unmet; blocked when anything
    // required is unsatisfiable. OR: met when anything listed is met;
    // blocked when everything listed is unsatisfiable.
    sat[i] = applicable[i] & ((g_and[i] & ~ns[i]) | (g_or[i] & sa[i]) | g_none[i]);
    unsat[i] = applicable[i] & ((g_and[i] & un[i]) | (g_or[i] & ~nu[i]) | g_block[i]);
  }
  for (uint32_t i = 0; i < w; ++i) {
    for (uint64_t word = applicable[i] & g_atoms[i]; word != 0; word &= word - 1) {
      const uint32_t local = i * 64 + static_cast<uint32_t>(__builtin_ctzll(word));
      Reason reason = Reason::kNone;
      const Verdict v = Evaluate(tenant_.policies[local], &reason);
      const uint64_t bit = uint64_t{1} << (local & 63);
      if (v == Verdict::kSatisfied) sat[i] |= bit;
      if (v == Verdict::kUnsatisfiable) unsat[i] |= bit;
    }
  }
  *satisfied = sat;
  *unsatisfiable = unsat;
}

template void GrantResolver::VerdictSets<0>(const uint64_t*, const uint64_t**,
                                              const uint64_t**) noexcept;
template void GrantResolver::VerdictSets<1>(const uint64_t*, const uint64_t**,
                                              const uint64_t**) noexcept;
template void GrantResolver::VerdictSets<2>(const uint64_t*, const uint64_t**,
                                              const uint64_t**) noexcept;
template void GrantResolver::VerdictSets<3>(const uint64_t*, const uint64_t**,
                                              const uint64_t**) noexcept;
template void GrantResolver::VerdictSets<4>(const uint64_t*, const uint64_t**,
                                              const uint64_t**) noexcept;

bool GrantResolver::Push(RequirementKind kind, uint32_t ref, uint32_t,
                         uint32_t policy_index, AtomState state) noexcept {
  if (pending_ >= EvalScratch::kMaxPending) return false;
  Requirement& r = scratch_.pending()[pending_++];
  r.kind = kind;
  r.ref = ref;
  r.policy_index = policy_index;
  r.group = static_cast<uint16_t>(groups_);
  r.where = state == AtomState::kChallengeHome ? ChallengeLocation::kHomeTenant
                                               : ChallengeLocation::kResourceTenant;
  return true;
}

bool GrantResolver::Collect(const CompiledPolicy& policy,
                            uint32_t policy_index) noexcept {
  const CompiledGrant& g = policy.grant;
  const BuiltinStates& b = builtins_;
  const GrantAtom* atoms = tenant_.atoms.data() + g.atom_begin;
  PendingGroup* groups = scratch_.groups();
  auto open = [&]() {
    if (groups_ >= EvalScratch::kMaxPending) return false;
    groups[groups_] = {static_cast<uint16_t>(pending_), 0, true};
    return true;
  };
  auto close = [&]() {
    PendingGroup& group = groups[groups_];
    group.count = static_cast<uint16_t>(pending_ - group.begin);
    if (group.count == 0) return;
    // A group equal to one an earlier policy (lower id) already asked for
    // adds nothing: drop it here, so many policies asking for the same
    // controls cost one group (and never overflow the pending buffer).
    const Requirement* mine = scratch_.pending() + group.begin;
    uint64_t digest = 0;
    for (int k = 0; k < group.count; ++k) digest += Mix(PromptKey(mine[k]));
    group.digest = digest;
    for (int gi = 0; gi < groups_; ++gi) {
      const PendingGroup& other = groups[gi];
      if (other.digest != digest || other.count != group.count) continue;
      if (SameAtoms(scratch_.pending() + other.begin, mine, group.count)) {
        pending_ = group.begin;
        return;
      }
    }
    ++groups_;
  };
  auto builtin_state = [&](uint32_t bit) {
    return (b.home & bit) ? AtomState::kChallengeHome
                          : AtomState::kChallengeResource;
  };
  const uint32_t open_bits = g.builtin_mask & ~b.satisfied & ~b.unsatisfiable;
  // AND: one group per unmet atom. OR: one group of every alternative.
  if (g.or_operator && !open()) return false;
  for (uint32_t bits = open_bits; bits != 0; bits &= bits - 1) {
    uint32_t bit = bits & (~bits + 1);
    if (!g.or_operator && !open()) return false;
    if (!Push(static_cast<RequirementKind>(__builtin_ctz(bit)), 0, 0,
              policy_index, builtin_state(bit))) {
      return false;
    }
    if (!g.or_operator) close();
  }
  for (uint32_t k = 0; k < g.atom_count; ++k) {
    Reason r = Reason::kNone;
    AtomState st = Atom(atoms[k], &r);
    if (st == AtomState::kSatisfied || st == AtomState::kUnsatisfiable) continue;
    if (!g.or_operator && !open()) return false;
    if (!Push(atoms[k].kind, atoms[k].ref, atoms[k].local, policy_index, st)) {
      return false;
    }
    if (!g.or_operator) close();
  }
  if (g.or_operator) close();
  return true;
}

bool GrantResolver::Assemble(Decision* out) noexcept {
  Requirement* p = scratch_.pending();
  PendingGroup* groups = scratch_.groups();
  // Sort and dedupe alternatives inside each group.
  for (int gi = 0; gi < groups_; ++gi) {
    PendingGroup& g = groups[gi];
    Requirement* begin = p + g.begin;
    std::sort(begin, begin + g.count, [](const Requirement& a, const Requirement& b) {
      return PromptKey(a) < PromptKey(b);
    });
    int n = 0;
    for (int k = 0; k < g.count; ++k) {
      if (n > 0 && SameAtom(begin[n - 1], begin[k])) continue;
      begin[n++] = begin[k];
    }
    g.count = static_cast<uint16_t>(n);
  }
  const uint32_t strength_base =
      tenant_.strengths.empty() ? 0 : tenant_.strengths[0].ref;
  auto satisfies = [&](const Requirement& a, const PendingGroup& g) {
    for (int k = 0; k < g.count; ++k) {
      const Requirement& b = p[g.begin + k];
      if (SameAtom(a, b)) return true;
      // D11: a strength that implies MFA also satisfies `mfa`.
      if (b.kind == RequirementKind::kMfa &&
          a.kind == RequirementKind::kAuthenticationStrength &&
          tenant_.strengths[a.ref - strength_base].satisfies_mfa) {
        return true;
      }
    }
    return false;
  };
  auto covers = [&](const PendingGroup& a, const PendingGroup& b) {
    for (int k = 0; k < a.count; ++k) {
      if (!satisfies(p[a.begin + k], b)) return false;
    }
    return true;
  };
  // Meeting group A meets every group B that A covers: drop B (the earlier
  // of two equal groups survives).
  for (int bi = 0; bi < groups_; ++bi) {
    for (int ai = 0; ai < groups_ && groups[bi].alive; ++ai) {
      if (ai == bi || !groups[ai].alive) continue;
      if (covers(groups[ai], groups[bi]) &&
          !(ai > bi && covers(groups[bi], groups[ai]))) {
        groups[bi].alive = false;
      }
    }
  }
  // Emit groups ordered by their first alternative's prompt key.
  int count = 0;
  uint16_t group_number = 0;
  for (;;) {
    int next = -1;
    for (int gi = 0; gi < groups_; ++gi) {
      if (!groups[gi].alive) continue;
      if (next < 0) { next = gi; continue; }
      const PendingGroup& a = groups[gi];
      const PendingGroup& b = groups[next];
      uint64_t ka = PromptKey(p[a.begin]), kb = PromptKey(p[b.begin]);
      if (ka < kb || (ka == kb && a.count < b.count)) next = gi;
    }
    if (next < 0) break;
    PendingGroup& g = groups[next];
    g.alive = false;
    if (count + g.count > Decision::kMaxRequirements) return false;
    for (int k = 0; k < g.count; ++k) {
      Requirement r = p[g.begin + k];
      r.group = group_number;
      out->requirements[count++] = r;
    }
    ++group_number;
  }
  out->requirement_count = static_cast<uint8_t>(count);
  return true;
}

}  // namespace crossgate
