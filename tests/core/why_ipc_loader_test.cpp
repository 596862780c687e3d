// The keys of chapter 1 (why IPC) in the loader: `private: true` memory,
// `measure`, and the expects `memory:` and `at_least:`; each mistake at its
// line and column.
#include <gtest/gtest.h>

#include "scenario/loader.hpp"
#include "scenario_test_util.hpp"

namespace ipclab {
namespace {

using test::all_errors;
using test::HasError;
using test::load;

// Lines 5-17 of every case; its lesson starts at line 18.
std::string with_lesson(std::string_view lesson) {
  std::string text =
      "objects:\n"                                           // 5
      "  - {name: x, kind: shared_memory, private: true}\n"  // 6
      "  - {name: shared, kind: shared_memory, cells: 3}\n"  // 7
      "  - {name: small, kind: shared_memory}\n"             // 8
      "  - {name: wire, kind: pipe}\n"                       // 9
      "processes:\n"                                         // 10
      "  - name: writer\n"                                   // 11
      "    steps:\n"                                         // 12
      "      - write: {to: x, value: 42}\n"                  // 13
      "      - measure: {rounds: 20000, into: shared}\n"     // 14
      "  - name: reader\n"                                   // 15
      "    steps: [{read: {from: x}}]\n"                     // 16
      "lesson:\n";                                           // 17
  text += lesson;
  return text;
}

TEST(WhyIpcLoader, PrivateMemoryMeasureAndTheirExpectsLoad) {
  const LoadResult r = load(with_lesson(
      "  - say: go\n"
      "    step: {writer: 2}\n"
      "    expect: {memory: {writer: {x: 42}, reader: {x: [0]}}, at_least: {shared: 2}}\n"));
  ASSERT_TRUE(r.ok()) << all_errors(r);
  const Scenario& s = *r.scenario;
  EXPECT_TRUE(s.find_object("x")->is_private);
  EXPECT_FALSE(s.find_object("shared")->is_private);
  const Action& m = s.processes[0].steps[1];
  EXPECT_EQ(m.kind, ActionKind::measure);
  EXPECT_EQ(m.times, 20000);
  EXPECT_EQ(m.object, "shared");
  const Expect& e = *s.lesson[0].expect;
  ASSERT_EQ(e.memory.size(), 2u);
  EXPECT_EQ(e.memory[0].process, "writer");
  EXPECT_EQ(e.memory[0].object, "x");
  EXPECT_EQ(e.memory[0].cells, std::vector<int64_t>{42});
  EXPECT_EQ(e.memory[1].process, "reader");
  ASSERT_EQ(e.at_least.size(), 1u);
  EXPECT_EQ(e.at_least[0], (std::pair<std::string, int64_t>{"shared", 2}));
}

TEST(WhyIpcLoader, PrivateIsOnlyForSharedMemory) {
  const LoadResult r = load(
      "objects:\n"
      "  - {name: guard, kind: mutex, private: true}\n"
      "  - {name: x, kind: shared_memory, private: maybe}\n"
      "processes: [{name: p, steps: [{exit: 0}]}]\n");
  EXPECT_TRUE(HasError(r, 6, 32, "unknown key 'private'")) << all_errors(r);
  EXPECT_TRUE(HasError(r, 7, 45, "maybe")) << all_errors(r);
}

TEST(WhyIpcLoader, MeasureWantsSharedCellsAndSaneRounds) {
  const LoadResult r = load(
      "objects:\n"
      "  - {name: x, kind: shared_memory, private: true, cells: 3}\n"
      "  - {name: small, kind: shared_memory, cells: 2}\n"
      "  - {name: wire, kind: pipe}\n"
      "processes:\n"
      "  - name: p\n"
      "    steps:\n"
      "      - measure: {rounds: 10, into: small}\n"  // 12
      "      - measure: {into: x}\n"                  // 13
      "      - measure: {into: wire, runs: 3}\n"      // 14
      "      - measure: 100000\n");                   // 15
  EXPECT_TRUE(HasError(r, 12, 27, "between 1000 and 1000000")) << all_errors(r);
  EXPECT_TRUE(HasError(r, 12, 37, "'small' has 2 cells, but 'measure' writes 3")) << all_errors(r);
  EXPECT_TRUE(HasError(r, 13, 25,
                       "needs a shared_memory that is not private, but 'x' is a "
                       "private shared_memory"))
      << all_errors(r);
  EXPECT_TRUE(HasError(r, 14, 25, "'wire' is a pipe")) << all_errors(r);
  EXPECT_TRUE(HasError(r, 14, 31, "unknown key 'runs' in 'measure' (did you mean 'rounds'?)"))
      << all_errors(r);
  EXPECT_TRUE(HasError(r, 15, 18, "needs a map like 'measure: {rounds: 100000, into: results}'"))
      << all_errors(r);
}

TEST(WhyIpcLoader, MemoryNamesAProcessAndAPrivateObject) {
  const LoadResult r =
      load(with_lesson("  - say: go\n"
                       "    expect:\n"
                       "      memory:\n"
                       "        writr: {x: 1}\n"        // 21
                       "        writer: {shared: 1}\n"  // 22
                       "        reader: {y: 1}\n"       // 23
                       "  - say: more\n"
                       "    expect: {memory: {reader: {x: [1, 2]}}}\n"  // 25
                       "  - say: empty\n"
                       "    expect: {memory: {}}\n"));  // 27
  EXPECT_TRUE(HasError(r, 21, 9, "writr")) << all_errors(r);
  EXPECT_TRUE(HasError(r, 22, 18,
                       "needs a shared_memory with 'private: true', but 'shared' is a "
                       "shared_memory"))
      << all_errors(r);
  EXPECT_TRUE(HasError(r, 23, 18, "unknown object 'y'")) << all_errors(r);
  EXPECT_TRUE(HasError(r, 25, 35, "'x' has 1 cell, not 2")) << all_errors(r);
  EXPECT_TRUE(HasError(r, 27, 22, "'memory' is empty")) << all_errors(r);
}

TEST(WhyIpcLoader, APrivateObjectHasNoOneValue) {
  const LoadResult r =
      load(with_lesson("  - say: go\n"
                       "    expect: {value: {x: 0}}\n"  // 19
                       "  - say: cells\n"
                       "    expect: {cells: {x: [0]}}\n"  // 21
                       "  - say: floor\n"
                       "    expect: {at_least: {x: 1, wire: 0, nope: 2}}\n"  // 23
                       "    ask: {en: q, value: x, answer: 0}\n"));          // 24
  EXPECT_TRUE(HasError(r, 19, 22, "'x' is private: each process has its own copy"))
      << all_errors(r);
  EXPECT_TRUE(HasError(r, 21, 22, "memory: {PROCESS: {x: VALUE}}")) << all_errors(r);
  EXPECT_TRUE(HasError(r, 23, 25, "but 'x' is a private shared_memory")) << all_errors(r);
  EXPECT_TRUE(
      HasError(r, 23, 40, "unknown object 'nope'; 'at_least' could use 'shared', 'small', 'wire'"))
      << all_errors(r);
  EXPECT_TRUE(HasError(r, 24, 25, "'x' is private")) << all_errors(r);
  EXPECT_EQ(r.errors.size(), 5u) << all_errors(r);
}

}  // namespace
}  // namespace ipclab
