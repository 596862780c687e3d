// Broken scenario files, the file as a whole: the header, lessons, YAML
// syntax, several mistakes at once, and hostile input. Objects and actions are
// in scenario_errors_test.cpp.
#include <gtest/gtest.h>

#include "scenario/loader.hpp"
#include "scenario_test_util.hpp"

namespace ipclab {
namespace {

using test::HasError;
using test::load;

TEST(ScenarioFileErrors, UnknownTopLevelKeySuggestsTheRightOne) {
  LoadResult r = load("tilte: x\nprocesses: [{name: p, steps: [{exit: 0}]}]\n");
  EXPECT_TRUE(HasError(r, 5, 1, "unknown key 'tilte' in the scenario (did you mean 'title'?)"));
  EXPECT_FALSE(r.scenario);
}

TEST(ScenarioFileErrors, DuplicateKey) {
  LoadResult r = load(
      "processes:\n"
      "  - name: p\n"
      "    name: q\n"
      "    steps: [{exit: 0}]\n");
  EXPECT_TRUE(HasError(r, 7, 5, "duplicate key 'name' (already given at line 6)"));
}

TEST(ScenarioFileErrors, FormatVersionMustBeOne) {
  LoadResult r = load(
      "ipclab: 2\nid: t\ntitle: T\ncategory: rpc\nprocesses: [{name: p, steps: "
      "[{exit: 0}]}]\n",
      false);
  EXPECT_TRUE(HasError(r, 1, 9, "format version 2, but this IPC Lab reads version 1"));
}

TEST(ScenarioFileErrors, RequiredKeysMissing) {
  LoadResult r = load("summary: nothing else\n", false);
  EXPECT_TRUE(HasError(r, 1, 1, "missing key 'ipclab' in the scenario"));
  EXPECT_TRUE(HasError(r, 1, 1, "missing key 'id' in the scenario"));
  EXPECT_TRUE(HasError(r, 1, 1, "missing key 'title' in the scenario"));
  EXPECT_TRUE(HasError(r, 1, 1, "missing key 'category' in the scenario"));
  EXPECT_TRUE(HasError(r, 1, 1, "missing key 'processes' in the scenario"));
  EXPECT_EQ(r.errors.size(), 5u) << test::all_errors(r);
}

TEST(ScenarioFileErrors, IdMustBeLowercaseWordsAndDashes) {
  LoadResult r = load(
      "ipclab: 1\nid: Pipe_Basics\ntitle: T\ncategory: rpc\nprocesses: [{name: "
      "p, steps: [{exit: 0}]}]\n",
      false);
  EXPECT_TRUE(HasError(r, 2, 5, "id 'Pipe_Basics' may use only lowercase letters, digits and '-'"));
}

TEST(ScenarioFileErrors, UnknownCategorySuggestsTheRightOne) {
  LoadResult r = load(
      "ipclab: 1\nid: t\ntitle: T\ncategory: sync\nprocesses: [{name: p, "
      "steps: [{exit: 0}]}]\n",
      false);
  EXPECT_TRUE(HasError(r, 4, 11, "unknown category 'sync' (did you mean 'synchronization'?)"));
}

TEST(ScenarioFileErrors, LessonStepCountsAndAnswers) {
  LoadResult r = load(
      "processes: [{name: p, steps: [{exit: 0}]}]\n"              // 5
      "lesson:\n"                                                 // 6
      "  - say: go\n"                                             // 7
      "    step: {p: 0}\n"                                        // 8
      "    ask: {en: Which one, choices: [a, b], answer: 2}\n"    // 9
      "  - step: p\n"                                             // 10
      "    ask: {en: Which one, choices: [only], answer: 0}\n");  // 11
  EXPECT_TRUE(HasError(r, 8, 15, "the step count of 'p' must be between 1 and 1000000, not 0"));
  EXPECT_TRUE(HasError(r, 9, 51,
                       "'answer' is the number of the right choice counted from 0, "
                       "so it must be between 0 and 1, not 2"));
  EXPECT_TRUE(HasError(r, 10, 5, "missing key 'say' in this lesson step"));
  EXPECT_TRUE(HasError(r, 11, 35, "'choices' must list 2 to 8 answers, not 1"));
}

TEST(ScenarioFileErrors, ExpectChecksValuesOwnersAndStates) {
  LoadResult r = load(
      "objects: [{name: m, kind: mutex}, {name: s, kind: semaphore}]\n"  // 5
      "processes: [{name: p, steps: [{post: s}]}]\n"                     // 6
      "lesson:\n"                                                        // 7
      "  - say: go\n"                                                    // 8
      "    expect: {value: {m: 1}, owner: {s: p}, blocked: [p], running: [p], color: red}\n");
  EXPECT_TRUE(HasError(r, 9, 22,
                       "'value' needs a semaphore, a channel, a shared_memory, an rwlock, a "
                       "file_lock or an event, but 'm' is a mutex"));
  EXPECT_TRUE(HasError(r, 9, 37, "'owner' needs a mutex, but 's' is a semaphore"));
  EXPECT_TRUE(HasError(r, 9, 67, "'p' cannot be both blocked and running"));
  EXPECT_TRUE(HasError(r, 9, 72, "unknown key 'color' in 'expect'"));
}

TEST(ScenarioFileErrors, ReservedAndInvalidNames) {
  LoadResult r = load(
      "objects: [{name: my buffer, kind: pipe}]\n"
      "processes: [{name: all, steps: [{exit: 0}]}]\n");
  EXPECT_TRUE(HasError(r, 5, 18, "'my buffer' is not a valid name"));
  EXPECT_TRUE(HasError(r, 6, 20, "'all' cannot name a process"));
}

TEST(ScenarioFileErrors, EmptyLists) {
  LoadResult r = load("processes: [{name: p, steps: []}]\nlesson: []\n");
  EXPECT_TRUE(HasError(r, 5, 30, "'steps' is empty: give at least one action"));
  EXPECT_TRUE(HasError(r, 6, 9, "'lesson' is empty"));
}

TEST(ScenarioFileErrors, YamlSyntaxErrorHasItsPosition) {
  LoadResult r = load("processes: [{name: p, steps: [{exit: 0}]\nlesson: x\n");
  ASSERT_EQ(r.errors.size(), 1u) << test::all_errors(r);
  EXPECT_EQ(r.errors[0].pos.line, 6);
  EXPECT_NE(r.errors[0].message.find("YAML syntax error: "), std::string::npos);
  EXPECT_FALSE(r.scenario);
}

TEST(ScenarioFileErrors, BadIndentationIsASyntaxError) {
  LoadResult r = load("processes:\n  - name: p\n   steps: []\n");
  ASSERT_EQ(r.errors.size(), 1u) << test::all_errors(r);
  EXPECT_TRUE(HasError(r, 7, 4, "YAML syntax error: end of sequence not found"));
}

TEST(ScenarioFileErrors, EmptyFileAndSecondDocument) {
  EXPECT_TRUE(HasError(load("", false), 1, 1, "the file is empty"));
  EXPECT_TRUE(HasError(load("# only a comment\n", false), 1, 1, "the file is empty"));
  EXPECT_TRUE(HasError(load("- a list\n", false), 1, 1,
                       "the scenario must be a map of 'key: value' pairs, not a list"));
  LoadResult r = load("processes: [{name: p, steps: [{exit: 0}]}]\n---\nid: other\n");
  EXPECT_TRUE(HasError(r, 7, 1, "a scenario file holds one YAML document"));
}

TEST(ScenarioFileErrors, EveryMistakeOfAFileIsReported) {
  LoadResult r = load(
      "objects:\n"                                    // 5
      "  - {name: buffer, kind: pip}\n"               // 6
      "  - {name: s, kind: semaphore, initial: x}\n"  // 7
      "processes:\n"                                  // 8
      "  - name: p\n"                                 // 9
      "    count: 0\n"                                // 10
      "    steps:\n"                                  // 11
      "      - snd: buffer\n"                         // 12
      "      - post: buffer\n"                        // 13
      "      - sleep: long\n"                         // 14
      "lesson:\n"                                     // 15
      "  - say: {en: hi, fr: salut}\n");              // 16
  EXPECT_TRUE(HasError(r, 6, 26, "unknown kind 'pip'"));
  EXPECT_TRUE(HasError(r, 7, 41, "'initial' must be a whole number, not 'x'"));
  EXPECT_TRUE(HasError(r, 10, 12, "'count' must be between 1 and 16, not 0"));
  EXPECT_TRUE(HasError(r, 12, 9, "unknown action 'snd'"));
  EXPECT_TRUE(HasError(r, 13, 15, "unknown object 'buffer'"));
  EXPECT_TRUE(HasError(r, 14, 16, "'sleep' must be a whole number, not 'long'"));
  EXPECT_TRUE(HasError(r, 16, 19, "unknown key 'fr' in 'say'"));
  EXPECT_EQ(r.errors.size(), 7u) << test::all_errors(r);
  // In file order, each line formatted for editors.
  for (std::size_t i = 1; i < r.errors.size(); ++i) {
    EXPECT_LE(r.errors[i - 1].pos.line, r.errors[i].pos.line);
  }
  EXPECT_EQ(r.errors[0].to_string(),
            "t.yaml:6:26: error: unknown kind 'pip' (did you mean 'pipe'?)");
}

TEST(ScenarioFileErrors, HostileFilesGetAnErrorNotACrash) {
  // Aliases that expand to 10^9 nodes.
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c, ++prev) {
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" +
            prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + "]\n";
  }
  EXPECT_TRUE(HasError(load(bomb, false), 1, 1, "more than 200000 YAML values"));
  // Nesting deeper than yaml-cpp's parser allows.
  std::string deep = "x: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  LoadResult r = load(deep, false);
  ASSERT_FALSE(r.errors.empty());
  EXPECT_NE(r.errors[0].message.find("YAML syntax error"), std::string::npos);
  // Binary junk.
  EXPECT_FALSE(load(std::string("\0\xff\xfe{[\x01", 6), false).ok());
}

}  // namespace
}  // namespace ipclab
