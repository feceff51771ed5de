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
  for (std::vector<std::string>* list :
       {&device_.physical_ids, &device_.system_labels, &custom_controls_}) {
    for (std::string& text : *list) spare_strings_.push_back(std::move(text));
  }
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
  RelinkDevice();
}

// The one place RequestDevice becomes device_filter::DeviceAttributes.
void ParsedRequest::RelinkDevice() {
  physical_id_views_.clear();
  system_label_views_.clear();
  if (!device_.registered) {
    // Unregistered: every property null. device_attributes_ is left as it
    // was (nothing points at it), which keeps Clear() cheap.
    request_.device = nullptr;
    return;
  }
  device_attributes_ = device_filter::DeviceAttributes();
  device_attributes_.registered = true;
  for (int i = 0; i < kDeviceStringCount; ++i) {
    if ((device_.present >> i) & 1u) {
      device_attributes_.text[i] = absl::string_view(device_.strings[i]);
    }
  }
  device_attributes_.is_compliant = device_.is_compliant;
  if (device_.has_physical_ids) {
    for (const std::string& id : device_.physical_ids) {
      physical_id_views_.push_back(id);
    }
    device_attributes_.physical_ids = absl::MakeConstSpan(physical_id_views_);
  }
  if (device_.has_system_labels) {
    for (const std::string& label : device_.system_labels) {
      system_label_views_.push_back(label);
    }
    device_attributes_.system_labels = absl::MakeConstSpan(system_label_views_);
  }
  request_.device = &device_attributes_;
}

}  // namespace crossgate
