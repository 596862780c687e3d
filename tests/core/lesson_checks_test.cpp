// Lesson checks against real processes: what a channel holds, every cell,
// what the simulator found (a split message), and questions whose answer
// is decided by the real state (a choice's `when`, a typed value).
#include <gtest/gtest.h>

#include "runtime/ask_check.hpp"
#include "runtime/lesson_check.hpp"
#include "scenario/loader.hpp"
#include "test_support.hpp"

namespace ipclab {
namespace {

using live::LiveSession;

constexpr const char* kPipe = R"(objects:
  - {name: p, kind: pipe}
  - {name: cells, kind: shared_memory, cells: 2}
processes:
  - name: writer
    steps:
      - send: {to: p, data: "message 1!"}
      - send: {to: p, data: "message 2!"}
      - write: {to: cells, cell: 1, value: 7}
  - name: reader
    steps:
      - recv: {from: p, max: 16}
      - recv: {from: p, max: 16}
lesson:
  - say: "start"
    ask:
      en: "What does the pipe hold after two writes?"
      choices:
        - {en: "one message", when: {contents: {p: ["message 1!"]}}}
        - {en: "both", when: {contents: {p: ["message 1!", "message 2!"]}}}
      answer: 1
  - say: "two writes"
    step: {writer: 2}
    ask: {en: "How many bytes are in the pipe now?", value: p, answer: 20, now: true, hide: [p]}
)";

Expect expect_of(const std::string& yaml_fragment, LiveSession& ls) {
  // The expect of a one-step lesson appended to the scenario, loaded as a lesson author writes it.
  LoadResult l = load_scenario_text(
      live::scenario_text(std::string(kPipe).substr(0, std::string(kPipe).find("lesson:")) +
                          "lesson:\n  - say: x\n    expect: " + yaml_fragment + "\n"),
      "t.yaml");
  EXPECT_TRUE(l.ok()) << (l.errors.empty() ? "" : l.errors[0].to_string());
  (void)ls;
  return l.ok() ? *l.scenario->lesson[0].expect : Expect{};
}

TEST(LessonChecks, ContentsCellsAndASplitMessageFromTheRealRun) {
  auto ls = LiveSession::start(live::scenario_text(kPipe));
  ASSERT_TRUE(ls);
  const Scenario& sc = ls->session().scenario();
  Session& s = ls->session();

  // The key of the first question agrees with what two writes really leave.
  ls->step("writer");
  ls->step("writer");
  const AskTruth t = ask_truth(s, *sc.lesson[0].ask);
  EXPECT_TRUE(t.from_processes);
  ASSERT_TRUE(t.right_choice);
  EXPECT_EQ(*t.right_choice, 1) << t.sentence;
  EXPECT_EQ(key_disagreement(*sc.lesson[0].ask, t), "");
  EXPECT_EQ(t.sentence, "p holds \"message 1!\", \"message 2!\"");

  // A typed value: the kernel's count of bytes in the pipe.
  const AskTruth v = ask_truth(s, *sc.lesson[1].ask);
  ASSERT_TRUE(v.real_value);
  EXPECT_EQ(*v.real_value, 20);
  EXPECT_TRUE(answer_right(*sc.lesson[1].ask, v, 20));
  EXPECT_FALSE(answer_right(*sc.lesson[1].ask, v, 10));

  // A read of 16 bytes takes message 1 and 6 bytes of message 2: split.
  EXPECT_TRUE(check_expect(s, expect_of("{happened: [split]}", *ls)).failed.size() == 1);
  ls->step("reader");
  ExpectOutcome o = check_expect(
      s, expect_of("{happened: [split], contents: {p: [\"e 2!\"]}, value: {p: 4}}", *ls));
  EXPECT_TRUE(o.ok()) << testing::PrintToString(o.failed) << testing::PrintToString(o.passed);
  ASSERT_EQ(o.passed.size(), 3u);
  EXPECT_EQ(o.passed[0], "p is 4 bytes");
  EXPECT_EQ(o.passed[1],
            "message #2 (10 bytes) was split: this read got 6 of its bytes, the rest stays in "
            "the channel");
  EXPECT_EQ(o.passed[2], "p holds \"e 2!\"");
  const Snapshot snap = s.snapshot();
  ASSERT_EQ(snap.findings.size(), 1u);
  EXPECT_EQ(snap.findings[0].kind, FindingKind::split);
  EXPECT_EQ(snap.findings[0].worker, ls->index("reader"));

  // Cells: every cell, from the mapping itself.
  ls->step("writer");
  o = check_expect(s, expect_of("{cells: {cells: [0, 7]}}", *ls));
  EXPECT_TRUE(o.ok());
  o = check_expect(s, expect_of("{cells: {cells: [0, 8]}, contents: {p: []}}", *ls));
  ASSERT_EQ(o.failed.size(), 2u);
  EXPECT_EQ(o.failed[0], "expected cells to hold [0, 8], but it holds [0, 7]");
  EXPECT_EQ(o.failed[1], "expected p to hold nothing, but it holds \"e 2!\"");
  // The rest of message 2 begins the next read: split again, still one message.
  ls->step("reader");
  EXPECT_EQ(s.snapshot().findings.size(), 2u);
}

TEST(LessonChecks, AKeyTheProcessesContradictIsReported) {
  const std::string yaml = live::scenario_text(R"(objects:
  - {name: sem, kind: semaphore, initial: 1}
processes:
  - name: a
    steps: [{wait: sem}, {wait: sem}]
lesson:
  - say: "go"
    ask:
      en: "After two waits?"
      choices:
        - {en: "a runs on", when: {running: [a]}}
        - {en: "a blocks", when: {blocked: [a]}}
      answer: 0
)");
  auto ls = LiveSession::start(yaml);
  ASSERT_TRUE(ls);
  ls->step("a");
  ls->step("a");
  const Ask& ask = *ls->session().scenario().lesson[0].ask;
  const AskTruth t = ask_truth(ls->session(), ask);
  ASSERT_TRUE(t.right_choice);
  EXPECT_EQ(*t.right_choice, 1);
  EXPECT_EQ(key_disagreement(ask, t),
            "the stated answer is choice 0, but the real processes make choice 1 right (a is "
            "blocked on sem)");
}

}  // namespace
}  // namespace ipclab
