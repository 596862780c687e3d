// The loader's side of mutexes, events and barriers: `robust`, `reset`,
// `consistent`, and the defaults they get.
#include <gtest/gtest.h>

#include "scenario_test_util.hpp"

namespace ipclab::test {
namespace {

TEST(SyncObjects, RobustResetAndConsistentLoad) {
  LoadResult r = load(
      "objects:\n"
      "  - {name: m, kind: mutex, robust: true}\n"  // 6
      "  - {name: plain, kind: mutex}\n"            // 7
      "  - {name: e, kind: event}\n"                // 8
      "  - {name: a, kind: event, reset: auto}\n"   // 9
      "  - {name: b, kind: barrier}\n"              // 10
      "processes:\n"
      "  - name: p\n"
      "    count: 3\n"
      "    steps: [{lock: m}, {consistent: m}, {unlock: m}, {barrier: b}, {wait_event: a}]\n"
      "  - name: q\n"
      "    steps: [{consistent: {mutex: plain}}, {set: e}, {reset: e}, {barrier: b}]\n");
  ASSERT_TRUE(r.ok()) << all_errors(r);
  const Scenario& s = *r.scenario;
  EXPECT_TRUE(s.objects[0].robust);
  EXPECT_FALSE(s.objects[1].robust) << "a mutex is not robust unless the file says so";
  EXPECT_FALSE(s.objects[2].auto_reset) << "an event is manual-reset by default";
  EXPECT_TRUE(s.objects[3].auto_reset);
  EXPECT_EQ(s.objects[4].parties, 4) << "every copy of every process that uses it";
  EXPECT_EQ(s.processes[0].steps[1].kind, ActionKind::consistent);
  EXPECT_EQ(s.processes[0].steps[1].object, "m");
  EXPECT_EQ(s.processes[1].steps[0].object, "plain");
}

TEST(SyncObjects, MistakesAreReportedWhereTheyAre) {
  LoadResult r = load(
      "objects:\n"
      "  - {name: e, kind: event, reset: sometimes}\n"  // 6
      "  - {name: s, kind: semaphore}\n"                // 7
      "  - {name: m, kind: mutex, reset: auto}\n"       // 8
      "processes:\n"
      "  - name: p\n"
      "    steps:\n"
      "      - consistent: s\n"   // 12
      "      - consistnt: m\n");  // 13
  EXPECT_TRUE(HasError(r, 6, 35, "'reset' must be manual or auto, not 'sometimes'"));
  EXPECT_TRUE(HasError(r, 8, 28, "unknown key 'reset'"));
  EXPECT_TRUE(HasError(r, 12, 21, "'consistent' needs a mutex, but 's' is a semaphore"));
  EXPECT_TRUE(HasError(r, 13, 9, "unknown action 'consistnt' (did you mean 'consistent'?)"));
}

}  // namespace
}  // namespace ipclab::test
