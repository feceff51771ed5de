#include "bindings/cli/decision_json_writer.h"

#include "capi/decision_io.h"

namespace crossgate_cli {

void DecisionJsonWriter::Append(const crossgate::Decision& decision,
                                const crossgate::CompiledPolicySet& set,
                                std::string* out) {
  crossgate_decision c;
  crossgate_decision_init(&c, sizeof(c));
  results_.resize(decision.policy_results.size());
  c.policy_results = results_.empty() ? nullptr : results_.data();
  c.policy_results_capacity = static_cast<uint32_t>(results_.size());
  crossgate::capi::WriteDecision(decision, &c);
  if (quoted_.set != &set) quoted_ = crossgate::capi::QuotePolicyNames(set);
  crossgate::capi::AppendDecisionJson(c, &set, &quoted_, out);
}

}  // namespace crossgate_cli
