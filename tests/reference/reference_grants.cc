// THIS CODE SHOULD NEVER BE USED IN PRODUCTION (see reference_evaluator.h).

#include "tests/reference/reference_grants.h"

#include <algorithm>
#include <tuple>

#include "tests/reference/reference_strengths.h"

namespace crossgate {
namespace reference {
namespace {

using policy::v1::AuthenticationStrengthPolicy;

AtomVerdict Met() { return {AtomState::kMet, ChallengeLocation::kNone}; }
AtomVerdict Never() {
  return {AtomState::kUnsatisfiable, ChallengeLocation::kNone};
}
AtomVerdict Ask(ChallengeLocation where) {
  return {AtomState::kChallenge, where};
}

bool FromHome(ClaimOrigin origin) {
  // request.h: an unspecified origin reads as the home tenant for externals.
  return origin == ClaimOrigin::kHomeTenant ||
         origin == ClaimOrigin::kUnspecified;
}

// 5.5: the MFA claim counts when the resource tenant can use it.
bool UsableMfaClaim(const RequestContext& ctx) {
  const Claims& c = ctx.request->claims;
  if (!c.mfa) return false;
  switch (ctx.claim_context) {
    case ClaimContext::kMember:
      return true;
    case ClaimContext::kEntraCollaboration:
      return c.mfa_origin == ClaimOrigin::kResourceTenant ||
             (FromHome(c.mfa_origin) && ctx.trust.mfa);
    case ClaimContext::kEntraDirectConnect:
      return FromHome(c.mfa_origin) && ctx.trust.mfa;
    case ClaimContext::kNonEntraExternal:
      return c.mfa_origin == ClaimOrigin::kResourceTenant;
    case ClaimContext::kServicePrincipal:
      return false;
  }
  return false;
}

// 6.4: the session's methods that count for a strength. Methods share the
// MFA claim's origin. Home-tenant methods count only through MFA trust;
// methods done in the resource tenant only from the resource column.
uint32_t UsableMethods(const RequestContext& ctx) {
  const Claims& c = ctx.request->claims;
  switch (ctx.claim_context) {
    case ClaimContext::kMember:
      return c.authentication_methods;
    case ClaimContext::kEntraCollaboration:
      if (c.mfa_origin == ClaimOrigin::kResourceTenant) {
        return c.authentication_methods & ResourceTenantMethods();
      }
      // 6.4: home methods count through MFA trust, the home column only.
      return ctx.trust.mfa ? c.authentication_methods & HomeTenantMethods() : 0;
    case ClaimContext::kEntraDirectConnect:
      return FromHome(c.mfa_origin) && ctx.trust.mfa
                 ? c.authentication_methods & HomeTenantMethods()
                 : 0;
    case ClaimContext::kNonEntraExternal:
    case ClaimContext::kServicePrincipal:
      return 0;  // 6.4: strengths are for Entra identities only
  }
  return 0;
}

AtomVerdict Mfa(const RequestContext& ctx) {
  // The MFA claim is the authority on whether MFA was done (D11's "a
  // strength that implies MFA also satisfies mfa" shapes the prompt, see
  // BuildChallenge).
  if (UsableMfaClaim(ctx)) return Met();
  switch (ctx.claim_context) {
    case ClaimContext::kMember:
    case ClaimContext::kNonEntraExternal:  // 5.5: R does their MFA
      return Ask(ChallengeLocation::kResourceTenant);
    case ClaimContext::kEntraCollaboration:
      // 2.11 / 5.5: trusted MFA is done at home; untrusted in R.
      return Ask(ctx.trust.mfa ? ChallengeLocation::kHomeTenant
                               : ChallengeLocation::kResourceTenant);
    case ClaimContext::kEntraDirectConnect:
      // 2.9 / 5.5: direct connect without MFA trust is blocked.
      return ctx.trust.mfa ? Ask(ChallengeLocation::kHomeTenant) : Never();
    case ClaimContext::kServicePrincipal:
      return Never();
  }
  return Never();
}

AtomVerdict Strength(const std::string& id, const RequestContext& ctx) {
  const AuthenticationStrengthPolicy* s = FindStrength(*ctx.tenant, id);
  if (s == nullptr) return Never();  // fail closed on a dangling id
  if (MethodsSatisfy(*s, UsableMethods(ctx))) return Met();
  switch (ctx.claim_context) {
    case ClaimContext::kMember:
      return Ask(ChallengeLocation::kResourceTenant);
    case ClaimContext::kEntraCollaboration:
      // 6.4: with trust, a challenge at home with a home-column method; a
      // strength no home-column combination meets is out of reach.
      if (ctx.trust.mfa) {
        return MethodsSatisfy(*s, HomeTenantMethods())
                   ? Ask(ChallengeLocation::kHomeTenant)
                   : Never();
      }
      // 6.4: without trust only the resource column is available in R;
      // phishing-resistant / passwordless strengths are then out of reach.
      return MethodsSatisfy(*s, ResourceTenantMethods())
                 ? Ask(ChallengeLocation::kResourceTenant)
                 : Never();
    case ClaimContext::kEntraDirectConnect:
      return ctx.trust.mfa && MethodsSatisfy(*s, HomeTenantMethods())
                 ? Ask(ChallengeLocation::kHomeTenant)
                 : Never();
    case ClaimContext::kNonEntraExternal:
    case ClaimContext::kServicePrincipal:
      return Never();
  }
  return Never();
}

// 2.11 / 5.5: a guest's device claim counts only from home, through trust.
// D10: an unmet device requirement is a block, never a challenge. 4.11: the
// device-code flow carries no device state (it belongs to the other device).
AtomVerdict Device(bool claim, bool trusted, const RequestContext& ctx) {
  if (ctx.request->authentication_flow == AuthenticationFlow::kDeviceCodeFlow) {
    return Never();
  }
  switch (ctx.claim_context) {
    case ClaimContext::kMember:
      return claim ? Met() : Never();
    case ClaimContext::kEntraCollaboration:
    case ClaimContext::kEntraDirectConnect:
      return claim && trusted && FromHome(ctx.request->claims.device_origin)
                 ? Met()
                 : Never();
    case ClaimContext::kNonEntraExternal:
    case ClaimContext::kServicePrincipal:
      return Never();
  }
  return Never();
}

bool IsMember(const RequestContext& ctx) {
  return ctx.claim_context == ClaimContext::kMember;
}

bool IsLegacyClient(const Request& req) {
  return req.client_app == ClientApp::kExchangeActiveSync ||
         req.client_app == ClientApp::kOther;
}

std::vector<Atom> AtomsOf(const policy::v1::GrantControls& g) {
  std::vector<Atom> atoms;
  for (int c : g.built_in_controls()) {
    switch (c) {
      case policy::v1::BUILT_IN_CONTROL_MFA:
        atoms.push_back({RequirementKind::kMfa, ""});
        break;
      case policy::v1::BUILT_IN_CONTROL_COMPLIANT_DEVICE:
        atoms.push_back({RequirementKind::kCompliantDevice, ""});
        break;
      case policy::v1::BUILT_IN_CONTROL_DOMAIN_JOINED_DEVICE:
        atoms.push_back({RequirementKind::kHybridJoinedDevice, ""});
        break;
      case policy::v1::BUILT_IN_CONTROL_APPROVED_APPLICATION:
        atoms.push_back({RequirementKind::kApprovedApplication, ""});
        break;
      case policy::v1::BUILT_IN_CONTROL_COMPLIANT_APPLICATION:
        atoms.push_back({RequirementKind::kAppProtectionPolicy, ""});
        break;
      case policy::v1::BUILT_IN_CONTROL_PASSWORD_CHANGE:
        atoms.push_back({RequirementKind::kPasswordChange, ""});
        break;
      case policy::v1::BUILT_IN_CONTROL_RISK_REMEDIATION:
        atoms.push_back({RequirementKind::kRiskRemediation, ""});
        break;
      default:
        break;  // block is handled by the caller
    }
  }
  for (const std::string& id : g.terms_of_use()) {
    atoms.push_back({RequirementKind::kTermsOfUse, id});
  }
  for (const std::string& id : g.custom_authentication_factors()) {
    atoms.push_back({RequirementKind::kCustomControl, id});
  }
  if (!g.authentication_strength_id().empty()) {
    atoms.push_back({RequirementKind::kAuthenticationStrength,
                     g.authentication_strength_id()});
  }
  return atoms;
}

}  // namespace

bool AtomLess(const Atom& a, const Atom& b) {
  return std::tie(a.kind, a.ref) < std::tie(b.kind, b.ref);
}

AtomVerdict EvaluateAtom(const Atom& atom, const RequestContext& ctx) {
  const Request& req = *ctx.request;
  const Claims& c = req.claims;
  // D13: legacy clients cannot satisfy any grant control.
  if (IsLegacyClient(req)) return Never();
  switch (atom.kind) {
    case RequirementKind::kMfa:
      return Mfa(ctx);
    case RequirementKind::kAuthenticationStrength:
      return Strength(atom.ref, ctx);
    case RequirementKind::kCompliantDevice:
      return Device(c.compliant_device, ctx.trust.compliant_device, ctx);
    case RequirementKind::kHybridJoinedDevice:
      return Device(c.hybrid_joined_device, ctx.trust.hybrid_joined_device,
                    ctx);
    // 5.5: app-state grants and password change are not supported for
    // external users; D10 makes every unmet one a block.
    case RequirementKind::kApprovedApplication:
      return IsMember(ctx) && c.approved_application ? Met() : Never();
    case RequirementKind::kAppProtectionPolicy:
      return IsMember(ctx) && c.app_protection_policy ? Met() : Never();
    case RequirementKind::kPasswordChange:
      if (!IsMember(ctx)) return Never();
      return c.password_changed ? Met()
                                : Ask(ChallengeLocation::kResourceTenant);
    case RequirementKind::kRiskRemediation:
      // Guests cannot remediate in the resource tenant (4.9).
      if (!IsMember(ctx)) return Never();
      return c.risk_remediated ? Met()
                               : Ask(ChallengeLocation::kResourceTenant);
    case RequirementKind::kTermsOfUse: {
      if (ctx.claim_context == ClaimContext::kEntraDirectConnect ||
          ctx.claim_context == ClaimContext::kServicePrincipal) {
        return Never();  // 5.5: not supported for direct connect
      }
      for (const Guid& g : c.accepted_terms_of_use) {
        if (FormatGuid(g) == atom.ref) return Met();
      }
      return Ask(ChallengeLocation::kResourceTenant);
    }
    case RequirementKind::kCustomControl: {
      if (!IsMember(ctx)) return Never();  // D12
      for (absl::string_view s : c.satisfied_custom_controls) {
        if (std::string(s) == atom.ref) return Met();
      }
      return Ask(ChallengeLocation::kResourceTenant);
    }
  }
  return Never();
}

PolicyGrantVerdict EvaluateGrants(
    const policy::v1::ConditionalAccessPolicy& policy,
    const RequestContext& ctx) {
  PolicyGrantVerdict v;
  if (!policy.has_grant_controls()) return v;  // session-only policy
  const policy::v1::GrantControls& g = policy.grant_controls();
  for (int c : g.built_in_controls()) {
    if (c == policy::v1::BUILT_IN_CONTROL_BLOCK) {  // D9, whatever the operator
      v.state = PolicyGrantVerdict::State::kBlocked;
      v.block_control = true;
      return v;
    }
  }
  const std::vector<Atom> atoms = AtomsOf(g);
  if (atoms.empty()) return v;

  std::vector<PolicyGrantVerdict::ClauseAtom> asks;
  std::vector<Atom> never;
  bool any_met = false;
  for (const Atom& a : atoms) {
    AtomVerdict av = EvaluateAtom(a, ctx);
    switch (av.state) {
      case AtomState::kMet:
        any_met = true;
        break;
      case AtomState::kChallenge:
        asks.push_back({a, av.where});
        break;
      case AtomState::kUnsatisfiable:
        never.push_back(a);
        break;
    }
  }
  auto less = [](const PolicyGrantVerdict::ClauseAtom& x,
                 const PolicyGrantVerdict::ClauseAtom& y) {
    return AtomLess(x.atom, y.atom);
  };
  auto same = [](const PolicyGrantVerdict::ClauseAtom& x,
                 const PolicyGrantVerdict::ClauseAtom& y) {
    return !AtomLess(x.atom, y.atom) && !AtomLess(y.atom, x.atom);
  };
  std::sort(asks.begin(), asks.end(), less);
  asks.erase(std::unique(asks.begin(), asks.end(), same), asks.end());
  std::sort(never.begin(), never.end(), AtomLess);

  if (g.operator_() == policy::v1::GrantControls::OPERATOR_OR) {
    if (any_met) return v;
    if (!asks.empty()) {
      v.state = PolicyGrantVerdict::State::kChallenge;
      v.clauses.push_back(asks);
      return v;
    }
    v.state = PolicyGrantVerdict::State::kBlocked;
    v.unsatisfiable = never;
    v.unsatisfiable_are_alternatives = true;
    return v;
  }
  // AND (an unspecified operator reads as AND: every listed control).
  if (!never.empty()) {
    v.state = PolicyGrantVerdict::State::kBlocked;
    v.unsatisfiable = never;
    return v;
  }
  if (!asks.empty()) {
    v.state = PolicyGrantVerdict::State::kChallenge;
    for (const auto& a : asks) v.clauses.push_back({a});
  }
  return v;
}

}  // namespace reference
}  // namespace crossgate
