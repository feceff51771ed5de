#ifndef CROSSGATE_TESTS_SCENARIOS_SCENARIO_RUNNER_H_
#define CROSSGATE_TESTS_SCENARIOS_SCENARIO_RUNNER_H_

// Loads a corpus tenant with the Graph JSON loader (lib/load/loader.h) and
// runs a scenario table against every evaluator: the reference, plus the
// engine once lib/eval/evaluator.h is on the branch. Skips while the loader
// is not.

#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/reference/library_data.h"
#include "tests/scenarios/scenario.h"
#include "tests/testing/corpus.h"
#include "tests/testing/engine_evaluator.h"
#include "tests/testing/evaluators.h"

#if __has_include("lib/load/loader.h")
#define CROSSGATE_SCENARIOS_HAVE_LOADER 1
#include "lib/load/loader.h"
#endif

namespace crossgate {
namespace scenarios {

// The zero GUID: the loader's tenant id for a single unit without a tenant
// document.
inline constexpr char kPlaceholderTenant[] =
    "00000000-0000-0000-0000-000000000000";

// A fresh directory holding symlinks to `files` (read in place), so several
// corpus files load as one tenant.
inline std::string LinkFilesIntoTenantDir(
    const std::string& name, const std::vector<std::string>& files) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::path(::testing::TempDir()) / absl::StrCat("crossgate_", name);
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir, ec);
  for (const std::string& f : files) {
    fs::create_symlink(f, dir / fs::path(f).filename(), ec);
    if (ec) ADD_FAILURE() << "cannot link " << f << ": " << ec.message();
  }
  return dir.string();
}

inline void RunScenarios(const std::vector<std::string>& paths,
                         std::vector<Scenario>& scenarios) {
#ifndef CROSSGATE_SCENARIOS_HAVE_LOADER
  (void)paths;
  (void)scenarios;
  GTEST_SKIP()
      << "the Graph JSON loader (lib/load/loader.h) is not on this branch";
#else
  if (!reference::HaveLibraryDeviceFilter() ||
      !reference::HaveShippedAppSets()) {
    GTEST_SKIP() << "needs lib/device_filter and lib/app_sets";
  }
  std::vector<LoadIssue> issues;
  absl::StatusOr<policy::v1::PolicyBundle> bundle =
      LoadPaths(paths, LoadOptions(), &issues);
  ASSERT_TRUE(bundle.ok()) << bundle.status();
  ASSERT_EQ(bundle->tenants_size(), 1);
  const policy::v1::TenantPolicies& tenant = bundle->tenants(0);

  differential::AppSetTable sets;
  for (const auto& [name, ids] : reference::ShippedAppSetTable()) {
    sets.emplace_back(name, ids);
  }
  std::vector<std::unique_ptr<differential::Evaluator> > evaluators;
  evaluators.push_back(std::make_unique<differential::ReferenceEvaluator>(
      reference::LibraryBackedOptions()));
  differential::AddEngineEvaluator(sets, &evaluators);
  for (auto& e : evaluators) {
    absl::Status s = e->Load(*bundle);
    ASSERT_TRUE(s.ok()) << e->name() << ": " << s;
  }
  for (Scenario& s : scenarios) {
    const Request& request = s.request.Build();
    for (auto& e : evaluators) {
      const reference::ReferenceDecision d = e->Evaluate(request);
      const std::string problems = s.expect.Check(tenant, d);
      EXPECT_TRUE(problems.empty()) << "[" << e->name() << "] " << s.why << "\n"
                                    << problems << "--- decision\n"
                                    << d.DebugString();
    }
  }
#endif
}

}  // namespace scenarios
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_SCENARIOS_SCENARIO_RUNNER_H_
