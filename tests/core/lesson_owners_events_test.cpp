// An expect's `owner:` of several mutexes at once, and `happened:` events
// (a signal delivered, a call made, a call that failed with an errno),
// against real processes: what holds, and the sentence for what does not.
#include <gtest/gtest.h>

#include "runtime/lesson_check.hpp"
#include "scenario/loader.hpp"
#include "scenario_test_util.hpp"
#include "test_support.hpp"

namespace ipclab {
namespace {

using live::LiveSession;

std::string lines(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += s + "\n";
  return out;
}

constexpr const char* kTwoMutexes = R"(objects:
  - {name: m1, kind: mutex}
  - {name: m2, kind: mutex}
  - {name: m3, kind: mutex}
processes:
  - name: alice
    steps: [{lock: m1}, {unlock: m1}]
  - name: bob
    steps: [{lock: m2}, {unlock: m2}]
lesson:
  - say: "both held"
    step: {alice: 1, bob: 1}
    expect: {owner: {m1: alice, m2: bob, m3: null}}
  - say: "wrong"
    expect: {owner: {m1: bob, m2: null, m3: ""}}
)";

TEST(LessonOwners, SeveralMutexesInOneStepEachWithItsSentence) {
  auto ls = LiveSession::start(live::scenario_text(kTwoMutexes));
  ASSERT_TRUE(ls);
  Session& s = ls->session();
  const std::vector<LessonStep>& lesson = s.scenario().lesson;
  ASSERT_EQ(lesson[0].expect->owners.size(), 3u);
  EXPECT_TRUE(grant_lesson_step(s, lesson[0]).empty());
  ExpectOutcome o = check_expect(s, *lesson[0].expect);
  EXPECT_EQ(lines(o.passed), "m1 is held by alice\nm2 is held by bob\nm3 is free\n");
  EXPECT_TRUE(o.failed.empty()) << lines(o.failed);

  o = check_expect(s, *lesson[1].expect);
  EXPECT_EQ(lines(o.passed), "m3 is free\n");
  EXPECT_EQ(lines(o.failed),
            "expected m1 held by bob, but it is held by alice\n"
            "expected m2 free, but it is held by bob\n");
}

constexpr const char* kInterrupted = R"(objects:
  - {name: inbox, kind: pipe}
processes:
  - name: reader
    steps:
      - on_signal: {sig: SIGUSR1, restart: false}
      - recv: {from: inbox, max: 8}
  - name: sender
    steps:
      - signal: {to: reader, sig: SIGUSR1}
      - send: {to: inbox, data: "x"}
lesson:
  - say: "interrupted"
    step: {reader: 2, sender: 1}
    expect:
      happened:
        - {process: reader, signal: SIGUSR1}
        - {process: reader, call: read, errno: EINTR}
        - {process: reader, call: read}
        - {process: sender, call: kill}
  - say: "what did not happen"
    expect:
      happened:
        - {process: sender, signal: SIGUSR1}
        - {process: reader, call: write}
        - {process: reader, call: read, errno: EAGAIN}
)";

TEST(LessonEvents, ASignalDeliveredAndACallInterruptedWithEintr) {
  auto ls = LiveSession::start(live::scenario_text(kInterrupted));
  ASSERT_TRUE(ls);
  Session& s = ls->session();
  const std::vector<LessonStep>& lesson = s.scenario().lesson;
  ASSERT_EQ(lesson[0].expect->events.size(), 4u);
  // Nothing has happened yet: each pattern fails, after waiting its deadline.
  ExpectOutcome before = check_expect(s, *lesson[0].expect);
  EXPECT_EQ(before.failed.size(), 4u) << lines(before.passed);
  EXPECT_EQ(before.failed.at(0), "expected reader to get SIGUSR1, but it has not");

  EXPECT_TRUE(grant_lesson_step(s, lesson[0]).empty());
  const ExpectOutcome o = check_expect(s, *lesson[0].expect);
  EXPECT_EQ(lines(o.passed),
            "reader got SIGUSR1\n"
            "reader's read() failed with EINTR\n"
            "reader called read()\n"
            "sender called kill()\n");
  EXPECT_TRUE(o.failed.empty()) << lines(o.failed);

  const ExpectOutcome none = check_expect(s, *lesson[1].expect);
  EXPECT_TRUE(none.passed.empty()) << lines(none.passed);
  EXPECT_EQ(lines(none.failed),
            "expected sender to get SIGUSR1, but it has not\n"
            "expected reader to call write(), but it has not\n"
            "expected reader's read() to fail with EAGAIN, but it has not\n");
}

TEST(LessonEvents, TheLoaderChecksEachEvent) {
  const std::string head =
      "objects: [{name: s, kind: semaphore}]\n"   // 5
      "processes:\n"                              // 6
      "  - {name: reader, steps: [{post: s}]}\n"  // 7
      "lesson:\n"                                 // 8
      "  - say: x\n"                              // 9
      "    expect:\n"                             // 10
      "      happened:\n";                        // 11
  LoadResult r = test::load(head +
                            "        - {process: reader, call: raed}\n"                     // 12
                            "        - {process: raeder, signal: SIGUSR1}\n"                // 13
                            "        - {process: reader, call: read, errno: EINTRR}\n"      // 14
                            "        - {process: reader, signal: SIGUSR1, call: read}\n"    // 15
                            "        - {process: reader, signal: SIGUSR1, errno: EINTR}\n"  // 16
                            "        - {process: reader, siganl: SIGUSR1}\n"                // 17
                            "        - racee\n");                                           // 18
  EXPECT_TRUE(test::HasError(r, 12, 35, "unknown system call 'raed' (did you mean 'read'?)"));
  EXPECT_TRUE(test::HasError(r, 13, 21, "unknown process 'raeder' (did you mean 'reader'?)"));
  EXPECT_TRUE(test::HasError(r, 14, 48, "unknown errno 'EINTRR' (did you mean 'EINTR'?)"));
  EXPECT_TRUE(test::HasError(r, 15, 11, "one of the two"));
  EXPECT_TRUE(test::HasError(r, 16, 46, "'errno' goes with a 'call'"));
  EXPECT_TRUE(test::HasError(r, 17, 29, "unknown key 'siganl'"));
  EXPECT_TRUE(test::HasError(r, 18, 11, "unknown finding 'racee' (did you mean 'race'?)"));

  LoadResult ok = test::load(head + "        - race\n        - {process: reader, call: futex}\n");
  ASSERT_TRUE(ok.ok()) << test::all_errors(ok);
  const Expect& x = *ok.scenario->lesson[0].expect;
  EXPECT_EQ(x.happened, std::vector<FindingKind>{FindingKind::race});
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].call, "futex");
  EXPECT_EQ(x.events[0].err, 0);
  LoadResult one = test::load(head.substr(0, head.size() - 1) + " race\n");
  ASSERT_TRUE(one.ok()) << test::all_errors(one);
}

}  // namespace
}  // namespace ipclab
