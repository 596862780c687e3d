// Every bundled lesson runs to its end headless: `ipclab-cli run ID` exits
// 0, or 3 for a lesson that deadlocks on purpose, and leaves nothing behind.
#include <gtest/gtest.h>

#include <cctype>

#include "cli_support.hpp"
#include "scenario/catalog.hpp"

namespace ipclab::live {
namespace {

std::vector<std::string> bundled_ids() {
  std::vector<std::string> ids;
  for (const BundledScenario& b : bundled_scenarios()) ids.emplace_back(b.id);
  return ids;
}

TEST(Bundled, ThereAreLessons) {
  EXPECT_FALSE(bundled_scenarios().empty());
}

class BundledRun : public ::testing::TestWithParam<std::string> {};

TEST_P(BundledRun, RunsToItsEndHeadless) {
  TempDir dir;
  const CliResult r = run_cli({"run", GetParam(), "--timeout", "60"}, dir.path(), {}, "", 90s);
  EXPECT_FALSE(r.timed_out);
  EXPECT_TRUE(r.code == 0 || r.code == 3) << "exit " << r.code << "\n" << r.out << r.err;
  if (r.code == 3) {
    EXPECT_NE((r.out + r.err).find("deadlock"), std::string::npos) << r.out;
  }
  EXPECT_TRUE(workers_under(dir.path()).empty());
  EXPECT_TRUE(sessions_in(dir.path()).empty());
}

INSTANTIATE_TEST_SUITE_P(Lessons, BundledRun, ::testing::ValuesIn(bundled_ids()),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace ipclab::live
