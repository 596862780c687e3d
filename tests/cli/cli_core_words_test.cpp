// Core's own sentences in the CLI's language: with --lang zh_CN, `lesson`
// prints the results of the checks, the problems granting a step and the
// verdicts on questions in Chinese (said again by app/words, as the GUI
// says them), and `run` prints the events' details in Chinese; English
// stays core's words exactly, and --jsonl stays English whatever the
// language (a machine contract).
#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace ipclab::live {
namespace {

// A lesson whose expectations and question key are wrong on purpose: the
// waiter blocks on `gate` (count 0), the lesson says it runs and that gate
// is 1, its question's key is the wrong choice, and it steps the poster
// more often than it has actions.
const char* kWrongLesson = R"(ipclab: 1
id: wrong-expect
title: {en: "Wrong expectations", zh: "错误的预期"}
category: synchronization
objects:
  - {name: gate, kind: semaphore, initial: 0}
processes:
  - name: waiter
    steps: [{wait: gate}]
  - name: poster
    steps: [{sleep: 1}]
lesson:
  - say: {en: "The waiter waits.", zh: "等待者等待。"}
    step: {waiter: 1}
    expect: {running: [waiter], value: {gate: 1}}
    ask:
      en: "What does the waiter do?"
      zh: "等待者会怎样？"
      now: true
      choices:
        - {en: "It blocks", zh: "阻塞", when: {blocked: [waiter]}}
        - {en: "It runs on", zh: "继续运行", when: {running: [waiter]}}
      answer: 1
  - say: {en: "The poster goes on.", zh: "发布者继续。"}
    step: {poster: 9}
)";

// A challenge whose solution loses: three steps of one adder, two allowed.
const char* kLosingChallenge = R"(ipclab: 1
id: losing-challenge
title: {en: "A losing challenge", zh: "输掉的挑战"}
category: synchronization
objects:
  - {name: flag, kind: shared_memory, cells: 1}
  - {name: counter, kind: shared_memory, cells: 1}
processes:
  - name: adder
    count: 2
    steps:
      - critical:
          guard: flag
          steps:
            - add: {to: counter, cell: 0, value: 1, expand: true}
lesson:
  - say: {en: "Try it.", zh: "试试看。"}
challenge:
  goal: exclusion
  object: flag
  max_steps: 2
  say: {en: "Put both inside.", zh: "让两个都进去。"}
  solution: [adder#1, adder#1, adder#1]
)";

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CliCoreWords, BundledLessonChecksInChinese) {
  TempDir dir;
  const CliResult r = run_cli({"--lang", "zh_CN", "lesson", "pipe-basics"}, dir.path());
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  // "reader is blocked on pipe", "writer is finished", "pipe is 12 bytes".
  EXPECT_TRUE(has(r.out, "通过： reader：阻塞于 pipe\n")) << r.out;
  EXPECT_TRUE(has(r.out, "pipe：12 字节")) << r.out;
  // The question's verdict says what the processes showed, in Chinese too.
  EXPECT_TRUE(has(r.out, "答案与进程的实际表现一致（reader：阻塞于 pipe）")) << r.out;
  EXPECT_FALSE(has(r.out, " is blocked on ")) << r.out;
  EXPECT_FALSE(has(r.out, "bytes")) << r.out;
}

TEST(CliCoreWords, BundledLessonChecksStayEnglishByDefault) {
  TempDir dir;
  const CliResult r = run_cli({"lesson", "pipe-basics"}, dir.path());
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "\n         ok: reader is blocked on pipe\n")) << r.out;
  EXPECT_TRUE(has(r.out, "\n         ok: pipe is 12 bytes\n")) << r.out;
  EXPECT_TRUE(has(r.out,
                  "\n         ok: the question of step 1: its answer is what the processes show "
                  "(reader is blocked on pipe)\n"))
      << r.out;
}

TEST(CliCoreWords, FailedChecksProblemsAndKeysInChinese) {
  TempDir dir;
  const std::string file = write_file(dir.path(), "wrong.yaml", kWrongLesson);
  const CliResult r = run_cli({"--lang", "zh_CN", "lesson", file}, dir.path());
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "预期 waiter 仍在运行，但它现在是：阻塞于 gate")) << r.out;
  EXPECT_TRUE(has(r.out, "预期 gate 为 1，但实际是 0")) << r.out;
  EXPECT_TRUE(has(r.out,
                  "第 1 步的问题：课程给出的答案是选项 1，但真实进程表明选项 0 才对"
                  "（waiter：阻塞于 gate）"))
      << r.out;
  EXPECT_TRUE(has(r.out, "无法让 poster 执行一步：")) << r.out;
  EXPECT_FALSE(has(r.out, "expected ")) << r.out;
  EXPECT_FALSE(has(r.out, " but ")) << r.out;
  EXPECT_FALSE(has(r.out, "could not step")) << r.out;
  EXPECT_FALSE(has(r.out, "stated answer")) << r.out;
}

TEST(CliCoreWords, FailedChecksStayCoreEnglishByDefault) {
  TempDir dir;
  const std::string file = write_file(dir.path(), "wrong.yaml", kWrongLesson);
  const CliResult r = run_cli({"lesson", file}, dir.path());
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.out,
                  "\n         FAILED: expected waiter still running, but it is blocked on "
                  "gate\n"))
      << r.out;
  EXPECT_TRUE(has(r.out, "\n         FAILED: expected gate to be 1 count, but it is 0\n")) << r.out;
  EXPECT_TRUE(has(r.out,
                  "\n         FAILED: the question of step 1: the stated answer is choice 1, but "
                  "the real processes make choice 0 right (waiter is blocked on gate)\n"))
      << r.out;
  EXPECT_TRUE(has(r.out, "\n         FAILED: could not step poster: ")) << r.out;
}

TEST(CliCoreWords, ChallengeVerdictInChineseAndInEnglish) {
  TempDir dir;
  const std::string file = write_file(dir.path(), "losing.yaml", kLosingChallenge);
  CliResult r = run_cli({"--lang", "zh_CN", "lesson", file}, dir.path());
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "已用 3 步，超过允许的 2 步，仍未发生")) << r.out;
  EXPECT_FALSE(has(r.out, "never happened")) << r.out;
  r = run_cli({"lesson", file}, dir.path());
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.out,
                  "  FAIL challenge (exclusion) in 3 steps: 3 steps used, more than the 2 "
                  "allowed, and two processes inside one critical section never happened\n"))
      << r.out;
}

TEST(CliCoreWords, RunPrintsEventDetailsInChinese) {
  TempDir dir;
  const CliResult r = run_cli({"--lang", "zh_CN", "run", "why-ipc"}, dir.path(), {}, "", 60s);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  // worker_ops_measure.cpp's "threads sharing memory: 50000 values in ...".
  EXPECT_TRUE(has(r.out, "共享内存的线程：50000 个值用时")) << r.out;
  EXPECT_TRUE(has(r.out, "两个进程通过管道：50000 个值用时")) << r.out;
  EXPECT_TRUE(has(r.out, "退出码 0")) << r.out;
  EXPECT_FALSE(has(r.out, "values in")) << r.out;
  EXPECT_FALSE(has(r.out, "exit code")) << r.out;
}

TEST(CliCoreWords, RunDetailsStayEnglishInEnglishAndInJsonLines) {
  TempDir dir;
  CliResult r = run_cli({"run", "why-ipc"}, dir.path(), {}, "", 60s);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "  threads sharing memory: 50000 values in ")) << r.out;
  EXPECT_TRUE(has(r.out, "  exit code 0\n")) << r.out;
  r = run_cli({"--lang", "zh_CN", "run", "why-ipc", "--jsonl"}, dir.path(), {}, "", 60s);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "\"detail\":\"threads sharing memory: 50000 values in ")) << r.out;
  EXPECT_FALSE(has(r.out, "共享内存")) << r.out;
}

// The `state` table: each process's state and next action in Chinese, the
// columns still lined up (a Chinese character is two columns wide).
TEST(CliCoreWords, StateTableInChineseAndInEnglish) {
  TempDir dir;
  CliResult r = run_cli({"--lang", "zh_CN", "run", "pipe-basics", "--step"}, dir.path(), {},
                        "step writer\nstate\nquit\n");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "下一步：把“line 2”发送到 pipe")) << r.out;
  // Terminal columns of `line` before the kernel's state letter " S ".
  auto column = [](const std::string& line) {
    const size_t at = line.find(" S ");
    size_t cols = 0;
    for (size_t i = 0; i < at && i < line.size();) {
      const auto c = static_cast<unsigned char>(line[i]);
      const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      cols += len >= 3 ? 2 : 1;
      i += len;
    }
    return at == std::string::npos ? std::string::npos : cols;
  };
  std::string zh;
  for (const std::string& l : lines_of(r.out))
    if (l.starts_with("  writer       pid ")) zh = l;
  ASSERT_TRUE(has(zh, "在闸门处")) << r.out;
  r = run_cli({"run", "pipe-basics", "--step"}, dir.path(), {}, "step writer\nstate\nquit\n");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "      next: send \"line 2\" to pipe  (action 2 of 3)\n")) << r.out;
  EXPECT_TRUE(has(r.out, " at gate               S ")) << r.out;
  std::string en;
  for (const std::string& l : lines_of(r.out))
    if (l.starts_with("  writer       pid ")) en = l;
  EXPECT_EQ(column(zh), column(en)) << "the columns line up in both languages\n"
                                    << zh << "\n"
                                    << en;
}

}  // namespace
}  // namespace ipclab::live
