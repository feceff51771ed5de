#include "lib/request_json/parsed_request.h"

#include <utility>

namespace crossgate {

ParsedRequest::ParsedRequest(const ParsedRequest& other)
    : request_(other.request_),
      groups_(other.groups_),
      home_groups_(other.home_groups_),
      roles_(other.roles_),
      accepted_terms_of_use_(other.accepted_terms_of_use_),
      custom_controls_(other.custom_controls_),
      device_(other.device_),
      applied_policies_only_(other.applied_policies_only_) {
  Relink();
}

ParsedRequest& ParsedRequest::operator=(const ParsedRequest& other) {
  if (this != &other) {
    request_ = other.request_;
    groups_ = other.groups_;
    home_groups_ = other.home_groups_;
    roles_ = other.roles_;
    accepted_terms_of_use_ = other.accepted_terms_of_use_;
    custom_controls_ = other.custom_controls_;
    device_ = other.device_;
    applied_policies_only_ = other.applied_policies_only_;
    Relink();
  }
  return *this;
}

ParsedRequest::ParsedRequest(ParsedRequest&& other) noexcept
    : request_(other.request_),
      groups_(std::move(other.groups_)),
      home_groups_(std::move(other.home_groups_)),
      roles_(std::move(other.roles_)),
      accepted_terms_of_use_(std::move(other.accepted_terms_of_use_)),
      custom_controls_(std::move(other.custom_controls_)),
      device_(std::move(other.device_)),
      applied_policies_only_(other.applied_policies_only_) {
  Relink();
  other.Clear();
}

ParsedRequest& ParsedRequest::operator=(ParsedRequest&& other) noexcept {
  if (this != &other) {
    request_ = other.request_;
    groups_ = std::move(other.groups_);
    home_groups_ = std::move(other.home_groups_);
    roles_ = std::move(other.roles_);
    accepted_terms_of_use_ = std::move(other.accepted_terms_of_use_);
    custom_controls_ = std::move(other.custom_controls_);
    device_ = std::move(other.device_);
    applied_policies_only_ = other.applied_policies_only_;
    Relink();
    other.Clear();
  }
  return *this;
}

void ParsedRequest::Clear() {
  request_ = Request();
  groups_.clear();
  home_groups_.clear();
  roles_.clear();
  accepted_terms_of_use_.clear();
  custom_controls_.clear();
  device_.Clear();
  applied_policies_only_ = false;
  Relink();
}

void ParsedRequest::Relink() {
  request_.groups = groups_;
  request_.home_groups = home_groups_;
  request_.roles = roles_;
  request_.claims.accepted_terms_of_use = accepted_terms_of_use_;
  custom_control_views_.clear();
  for (const std::string& id : custom_controls_) {
    custom_control_views_.push_back(id);
  }
  request_.claims.satisfied_custom_controls = custom_control_views_;
  // TODO(#6): point at the device_filter::DeviceAttributes derived from
  // device_ once lib/device_filter lands on main.
  request_.device = nullptr;
}

}  // namespace crossgate
