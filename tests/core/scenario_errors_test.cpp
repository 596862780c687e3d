// Broken scenario files, objects and actions: every mistake is reported at
// its line and column, in words a student understands. The file as a whole
// (header, lessons, YAML syntax) is in scenario_file_errors_test.cpp.
#include <gtest/gtest.h>

#include "scenario/loader.hpp"
#include "scenario_test_util.hpp"

namespace ipclab {
namespace {

using test::HasError;
using test::load;

// Objects most cases below refer to; lines 5-12 of every such test.
constexpr std::string_view kObjects =
    "objects:\n"                                            // 5
    "  - {name: buffer, kind: pipe}\n"                      // 6
    "  - {name: empty, kind: semaphore, initial: 3}\n"      // 7
    "  - {name: guard, kind: mutex}\n"                      // 8
    "  - {name: counter, kind: shared_memory, cells: 2}\n"  // 9
    "  - {name: queue, kind: posix_mq}\n"                   // 10
    "  - {name: ready, kind: condvar}\n"                    // 11
    "processes:\n";                                         // 12

// One process `p` whose steps start at line 15.
LoadResult steps(std::string_view body) {
  std::string text(kObjects);
  text +=
      "  - name: p\n"  // 13
      "    steps:\n";  // 14
  text += body;
  return load(text);
}

TEST(ScenarioErrors, UnknownKeyInAnObject) {
  LoadResult r = load(
      "objects:\n"
      "  - {name: buffer, kind: pipe, size: 4}\n"
      "processes: [{name: p, steps: [{exit: 0}]}]\n");
  EXPECT_TRUE(HasError(r, 6, 32, "unknown key 'size' in object 'buffer'"));
}

TEST(ScenarioErrors, UnknownKindSuggestsTheRightOne) {
  LoadResult r = load(
      "objects:\n"
      "  - name: buffer\n"
      "    kind: pip\n"
      "processes: [{name: p, steps: [{exit: 0}]}]\n");
  EXPECT_TRUE(HasError(r, 7, 11, "unknown kind 'pip' (did you mean 'pipe'?)"));
}

TEST(ScenarioErrors, UnknownActionSuggestsTheRightOne) {
  LoadResult r = steps("      - snd: {to: buffer, data: x}\n");
  EXPECT_TRUE(HasError(r, 15, 9, "unknown action 'snd' (did you mean 'send'?)"));
}

TEST(ScenarioErrors, UnknownObjectSuggestsTheRightOne) {
  LoadResult r = steps("      - recv: bufer\n");
  EXPECT_TRUE(HasError(r, 15, 15, "unknown object 'bufer' (did you mean 'buffer'?)"));
}

TEST(ScenarioErrors, UnknownObjectListsTheOnesThatFit) {
  LoadResult r = steps("      - post: nothing\n");
  EXPECT_TRUE(HasError(r, 15, 15, "unknown object 'nothing'; 'post' could use 'empty'"));
}

TEST(ScenarioErrors, ActionOnTheWrongKindOfObject) {
  LoadResult r = steps(
      "      - post: buffer\n"                                   // 15
      "      - send: {to: empty, data: x}\n"                     // 16
      "      - lock: empty\n"                                    // 17
      "      - read: {from: buffer}\n"                           // 18
      "      - cond_wait: {cond: ready, mutex: empty}\n"         // 19
      "      - critical: {guard: buffer, steps: [{exit: 0}]}\n"  // 20
      "      - cond_signal: guard\n");                           // 21
  EXPECT_TRUE(HasError(r, 15, 15, "'post' needs a semaphore, but 'buffer' is a pipe"));
  EXPECT_TRUE(HasError(r, 16, 20, "'send' needs a channel"));
  EXPECT_TRUE(HasError(r, 16, 20, "but 'empty' is a semaphore"));
  EXPECT_TRUE(HasError(r, 17, 15, "'lock' needs a mutex or an rwlock, but 'empty' is a semaphore"));
  EXPECT_TRUE(HasError(r, 18, 22, "'read' needs a shared_memory, but 'buffer' is a pipe"));
  EXPECT_TRUE(HasError(r, 19, 41, "'cond_wait' needs a mutex, but 'empty' is a semaphore"));
  EXPECT_TRUE(HasError(r, 20, 27,
                       "'critical' needs a mutex, a semaphore, an rwlock, a file_lock or a "
                       "shared_memory (a flag), but 'buffer' is a pipe"));
  EXPECT_TRUE(HasError(r, 21, 22, "'cond_signal' needs a condvar, but 'guard' is a mutex"));
  EXPECT_EQ(r.errors.size(), 7u) << test::all_errors(r);
}

TEST(ScenarioErrors, DuplicateKeyInsideAFlowMap) {
  LoadResult r = steps("      - send: {to: buffer, data: a, data: b}\n");
  EXPECT_TRUE(HasError(r, 15, 37, "duplicate key 'data'"));
}

TEST(ScenarioErrors, DuplicateObjectAndProcessNames) {
  LoadResult r = load(
      "objects:\n"
      "  - {name: buffer, kind: pipe}\n"
      "  - {name: buffer, kind: fifo}\n"
      "processes:\n"
      "  - {name: p, steps: [{exit: 0}]}\n"
      "  - {name: p, steps: [{exit: 1}]}\n");
  EXPECT_TRUE(HasError(r, 7, 12, "duplicate object name 'buffer' (first defined at line 6)"));
  EXPECT_TRUE(HasError(r, 10, 12, "duplicate process name 'p' (first defined at line 9)"));
}

TEST(ScenarioErrors, TextWhereANumberBelongs) {
  LoadResult r = load("processes:\n  - {name: p, count: two, steps: [{exit: 0}]}\n");
  EXPECT_TRUE(HasError(r, 6, 22, "'count' must be a whole number, not 'two'"));
}

TEST(ScenarioErrors, QuotedNumberIsText) {
  LoadResult r = load("processes:\n  - {name: p, count: \"2\", steps: [{exit: 0}]}\n");
  EXPECT_TRUE(HasError(r, 6, 22, "'count' must be a number, but '2' is in quotes"));
}

TEST(ScenarioErrors, MapWhereAListBelongs) {
  LoadResult r = load(
      "processes:\n"
      "  - name: p\n"
      "    steps:\n"
      "      exit: 0\n");
  EXPECT_TRUE(HasError(r, 8, 7, "'steps' must be a list"));
  EXPECT_TRUE(HasError(r, 8, 7, "not a map"));
}

TEST(ScenarioErrors, ListWhereATextBelongs) {
  LoadResult r = steps("      - print: [a, b]\n");
  EXPECT_TRUE(HasError(r, 15, 16, "'print' must be a text, not a list"));
}

TEST(ScenarioErrors, NumbersOutOfRange) {
  LoadResult r = load(
      "objects:\n"                                             // 5
      "  - {name: s, kind: semaphore, initial: -1}\n"          // 6
      "  - {name: m, kind: shared_memory, cells: 4097}\n"      // 7
      "processes:\n"                                           // 8
      "  - name: p\n"                                          // 9
      "    count: 17\n"                                        // 10
      "    steps:\n"                                           // 11
      "      - repeat: {times: 100001, steps: [{exit: 0}]}\n"  // 12
      "      - sleep: 60001\n"                                 // 13
      "      - compute: -1\n"                                  // 14
      "      - exit: 256\n"                                    // 15
      "      - wait: {sem: s, timeout_ms: 70000}\n");          // 16
  EXPECT_TRUE(HasError(r, 6, 41, "'initial' must be between 0 and"));
  EXPECT_TRUE(HasError(r, 7, 43, "'cells' must be between 1 and 4096, not 4097"));
  EXPECT_TRUE(HasError(r, 10, 12, "'count' must be between 1 and 16, not 17"));
  EXPECT_TRUE(HasError(r, 12, 25, "'times' must be between 1 and 100000, not 100001"));
  EXPECT_TRUE(HasError(r, 13, 16, "'sleep' must be between 0 and 60000, not 60001"));
  EXPECT_TRUE(HasError(r, 14, 18, "'compute' must be between 0 and 60000, not -1"));
  EXPECT_TRUE(HasError(r, 15, 15, "'exit' must be between 0 and 255, not 256"));
  EXPECT_TRUE(HasError(r, 16, 36, "'timeout_ms' must be between 0 and 60000, not 70000"));
}

TEST(ScenarioErrors, CellOutsideTheSharedMemory) {
  LoadResult r = steps("      - add: {to: counter, cell: 2, value: 1}\n");
  EXPECT_TRUE(HasError(r, 15, 34, "cell 2 does not exist: 'counter' has 2 cells (0 to 1)"));
}

TEST(ScenarioErrors, PriorityOutOfRangeOrOnAPipe) {
  LoadResult r = steps(
      "      - send: {to: queue, data: x, priority: 32}\n"
      "      - send: {to: buffer, data: x, priority: 1}\n");
  EXPECT_TRUE(HasError(r, 15, 46, "'priority' must be between 0 and 31, not 32"));
  EXPECT_TRUE(HasError(r, 16, 37, "'priority' only applies to a posix_mq, but 'buffer' is a pipe"));
}

TEST(ScenarioErrors, SignalsThatMayNotBeUsed) {
  LoadResult r = steps(
      "      - on_signal: SIGKILL\n"               // 15
      "      - sigwait: [SIGUSR1, SIGFOO]\n"       // 16
      "      - sigwait: usr2\n"                    // 17
      "      - signal: {to: p, sig: SIGSTOP}\n");  // 18
  EXPECT_TRUE(HasError(r, 15, 20, "'SIGKILL' cannot be caught, blocked or waited for"));
  EXPECT_TRUE(HasError(r, 16, 28, "unknown signal 'SIGFOO'"));
  EXPECT_TRUE(HasError(r, 17, 18, "unknown signal 'usr2' (did you mean 'SIGUSR2'?)"));
  EXPECT_TRUE(HasError(r, 18, 30, "'SIGSTOP' cannot be caught"));
}

TEST(ScenarioErrors, UnknownProcessInSignalAndLesson) {
  std::string text(kObjects);
  text +=
      "  - {name: consumer, steps: [{sigwait: SIGUSR1}]}\n"              // 13
      "  - {name: p, steps: [{signal: {to: consumr, sig: SIGUSR1}}]}\n"  // 14
      "lesson:\n"                                                        // 15
      "  - say: go\n"                                                    // 16
      "    step: {produce: 1}\n"                                         // 17
      "    expect: {blocked: [nobody]}\n";                               // 18
  LoadResult r = load(text);
  EXPECT_TRUE(HasError(r, 14, 37, "unknown process 'consumr' (did you mean 'consumer'?)"));
  EXPECT_TRUE(HasError(r, 17, 12, "unknown process 'produce'"));
  EXPECT_TRUE(HasError(r, 18, 24, "unknown process 'nobody'"));
}

TEST(ScenarioErrors, CopiesOfAProcessAreNamedWithHash) {
  LoadResult r = load(
      "objects: [{name: m, kind: mutex}]\n"                // 5
      "processes:\n"                                       // 6
      "  - {name: racer, count: 2, steps: [{lock: m}]}\n"  // 7
      "  - {name: solo, steps: [{lock: m}]}\n"             // 8
      "lesson:\n"                                          // 9
      "  - say: go\n"                                      // 10
      "    step: {racer#3: 1, solo#1: 1, racer#x: 1}\n"    // 11
      "    expect: {owner: {m: racer}}\n");                // 12
  EXPECT_TRUE(HasError(r, 11, 12,
                       "'racer#3' is not one of its copies: 'racer' runs 2 copies, "
                       "'racer#1' to 'racer#2'"));
  EXPECT_TRUE(HasError(r, 11, 24, "'solo' runs only once: write 'solo' without '#1'"));
  EXPECT_TRUE(HasError(r, 11, 35, "'racer#x' is not one of its copies"));
  EXPECT_TRUE(HasError(r, 12, 25, "'racer' runs 2 copies, 'racer#1' to 'racer#2': say which one"));
}

TEST(ScenarioErrors, MissingKeysInsideObjectsAndActions) {
  LoadResult r = load(
      "objects:\n"
      "  - {name: c, kind: channel}\n"  // 6
      "  - kind: pipe\n"                // 7
      "processes:\n"                    // 8
      "  - name: p\n"                   // 9
      "    steps:\n"                    // 10
      "      - send: {to: c}\n"         // 11
      "  - name: q\n");                 // 12
  EXPECT_TRUE(HasError(r, 6, 5, "missing key 'mechanism' in object 'c'"));
  EXPECT_TRUE(HasError(r, 7, 5, "missing key 'name' in this object"));
  EXPECT_TRUE(HasError(r, 11, 15, "missing key 'data' in 'send'"));
  EXPECT_TRUE(HasError(r, 12, 5, "missing key 'steps' in process 'q'"));
}

TEST(ScenarioErrors, ChannelMechanismAndAlternatives) {
  LoadResult r = load(
      "objects:\n"
      "  - {name: a, kind: channel, mechanism: semaphore}\n"                                // 6
      "  - {name: b, kind: pipe, mechanism: fifo}\n"                                        // 7
      "  - {name: c, kind: semaphore, alternatives: [pipe]}\n"                              // 8
      "  - {name: d, kind: channel, mechanism: pipe, alternatives: [fifo, mutex, fifo]}\n"  // 9
      "  - {name: e, kind: mutex, mechanism: pipe}\n"                                       // 10
      "processes: [{name: p, steps: [{exit: 0}]}]\n");
  EXPECT_TRUE(HasError(r, 6, 41, "'semaphore' is not a channel mechanism"));
  EXPECT_TRUE(HasError(r, 7, 27, "'mechanism' is only for 'kind: channel'"));
  EXPECT_TRUE(HasError(r, 8, 32, "'alternatives' is only for objects that carry messages"));
  EXPECT_TRUE(HasError(r, 9, 68, "'mutex' is not a channel mechanism"));
  EXPECT_TRUE(HasError(r, 9, 75, "'fifo' is listed twice in 'alternatives'"));
  EXPECT_TRUE(HasError(r, 10, 28, "'mechanism' is only for 'kind: channel', but 'e' is a mutex"));
}

TEST(ScenarioErrors, ALessonSwitchesOnlyAChannelToOneOfItsMechanisms) {
  LoadResult r = load(
      "objects:\n"
      "  - {name: c, kind: channel, mechanism: pipe, alternatives: [tcp, posix_mq]}\n"  // 6
      "  - {name: p, kind: pipe}\n"                                                     // 7
      "processes: [{name: w, steps: [{send: {to: c, data: x}}]}]\n"                     // 8
      "lesson:\n"                                                                       // 9
      "  - say: go\n"                                                                   // 10
      "    switch: {c: posix_mqq, p: fifo, q: tcp}\n"                                   // 11
      "  - say: again\n"                                                                // 12
      "    switch: {c: udp}\n");                                                        // 13
  EXPECT_TRUE(HasError(r, 11, 17,
                       "'c' cannot run on 'posix_mqq' (did you mean 'posix_mq'?); it can run on "
                       "pipe, tcp, posix_mq"));
  EXPECT_TRUE(HasError(r, 11, 28, "'switch' needs a channel that lists alternatives"));
  EXPECT_TRUE(HasError(r, 11, 37, "unknown object 'q'"));
  EXPECT_TRUE(HasError(r, 13, 17, "'c' cannot run on 'udp'; it can run on pipe, tcp, posix_mq"));
}

TEST(ScenarioErrors, ExecOnlyRunsAllowedPrograms) {
  LoadResult r = steps(
      "      - exec: {argv: [rm, -rf, /tmp/x]}\n"
      "      - exec: {argv: [/bin/ps], stdout: empty}\n");
  EXPECT_TRUE(HasError(r, 15, 23,
                       "'exec' may run only ps, grep, sort, wc, cat, head, tail or "
                       "echo, not 'rm'"));
  EXPECT_TRUE(HasError(r, 16, 23, "not '/bin/ps'"));
  EXPECT_TRUE(HasError(r, 16, 41, "'exec' needs a pipe, a fifo or a unix_stream"));
}

TEST(ScenarioErrors, AStepHoldsExactlyOneAction) {
  LoadResult r = steps(
      "      - wait: empty\n"  // 15
      "        post: empty\n"  // 16
      "      - send:\n"        // 17
      "        to: buffer\n"   // 18
      "      - {}\n"           // 19
      "      - exit\n");       // 20
  EXPECT_TRUE(HasError(r, 15, 9,
                       "a step holds exactly one action, but this one has 2 ('wait', "
                       "'post'): start each action with its own '-'"));
  EXPECT_TRUE(HasError(r, 17, 9, "if 'to' belongs to 'send', indent it further than 'send'"));
  EXPECT_TRUE(HasError(r, 19, 9, "this step is empty"));
  EXPECT_TRUE(HasError(r, 20, 9,
                       "a step must be one 'action: ...' pair, like 'post: full', not "
                       "'exit'"));
}

TEST(ScenarioErrors, PlaceholdersInTexts) {
  LoadResult r = steps(
      "      - print: \"{i} of {proc}\"\n"                                // 15
      "      - repeat: {times: 2, steps: [{print: \"{x} {Proc}\"}]}\n");  // 16
  EXPECT_TRUE(HasError(r, 15, 16,
                       "'{i}' counts the turns of a 'repeat', but this text is not "
                       "inside one"));
  EXPECT_TRUE(HasError(r, 16, 44, "unknown placeholder '{x}'; a text may use {i}, {proc} and {k}"));
  EXPECT_TRUE(HasError(r, 16, 44, "unknown placeholder '{Proc}' (did you mean '{proc}'?)"));
}

TEST(ScenarioErrors, TextTooLong) {
  // 4094 bytes as written; {i} may become "100000" inside a repeat.
  std::string body =
      "      - repeat: {times: 2, steps: [{print: \"" + std::string(4091, 'x') + "{i}\"}]}\n";
  LoadResult r = steps(body);
  EXPECT_TRUE(HasError(r, 15, 44,
                       "this text is too long: up to 4097 bytes once {i} {proc} {k} "
                       "are filled in, but at most 4096 are allowed"));
  EXPECT_TRUE(steps("      - print: \"" + std::string(4096, 'x') + "\"\n").ok());
}

TEST(ScenarioErrors, TooManyActionsForOneProcess) {
  LoadResult r = steps(
      "      - repeat:\n"
      "          times: 100000\n"
      "          steps: [{repeat: {times: 11, steps: [{post: empty}]}}]\n");
  EXPECT_TRUE(HasError(r, 14, 5, "process 'p' would perform 1100000 actions, but at most 1000000"));
}

TEST(ScenarioErrors, WrongBooleansAndWords) {
  LoadResult r = load(
      "objects:\n"
      "  - {name: m, kind: mutex, robust: yes please}\n"  // 6
      "  - {name: f, kind: file_lock}\n"                  // 7
      "  - {name: s, kind: semaphore, flavor: posix}\n"   // 8
      "processes:\n"
      "  - name: p\n"
      "    steps:\n"
      "      - flock: {file: f, mode: shard, style: flock, len: 10}\n"  // 12
      "challenge: {goal: racing, say: hi}\n");                          // 13
  EXPECT_TRUE(HasError(r, 6, 36, "'robust' must be true or false, not 'yes please'"));
  EXPECT_TRUE(HasError(r, 8, 40, "unknown semaphore flavor 'posix'"));
  EXPECT_TRUE(HasError(r, 12, 32,
                       "'mode' must be shared or exclusive, not 'shard' (did you mean "
                       "'shared'?)"));
  EXPECT_TRUE(HasError(r, 12, 53,
                       "flock() always locks the whole file, so 'len' needs style fcntl "
                       "or ofd"));
  EXPECT_TRUE(HasError(r, 13, 19,
                       "unknown goal 'racing'; use race, exclusion, deadlock, starvation, "
                       "split, signal_lost, overflow or underflow"));
}

}  // namespace
}  // namespace ipclab
