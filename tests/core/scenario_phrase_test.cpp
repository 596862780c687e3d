// Diagnostics as phrases: each loader message is also a translatable pattern
// with its arguments (for the GUI and the CLI in another language), whose
// English is exactly the message.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenario/catalog.hpp"
#include "scenario/phrase.hpp"
#include "scenario_test_util.hpp"

namespace ipclab {
namespace {

using test::load;

// Marks every pattern, so a test sees which parts were translated.
std::string bracketed(const Diagnostic& d) {
  return d.text([](const std::string& pattern) { return "[" + pattern + "]"; });
}

// Every diagnostic is a pattern whose English is the message itself.
::testing::AssertionResult AllPhrased(const std::vector<Diagnostic>& errors) {
  if (errors.empty()) return ::testing::AssertionFailure() << "no diagnostics";
  for (const Diagnostic& d : errors) {
    if (!d.phrase.is_pattern())
      return ::testing::AssertionFailure() << "not a pattern: " << d.to_string();
    if (d.phrase.english() != d.message)
      return ::testing::AssertionFailure()
             << "English differs: '" << d.phrase.english() << "' vs '" << d.message << "'";
  }
  return ::testing::AssertionSuccess();
}

TEST(ScenarioPhrase, FillsArgumentsOnceAndInAnyOrder) {
  EXPECT_EQ(fill_pattern("%2 then %1, %1 again", {"a", "b"}), "b then a, a again");
  EXPECT_EQ(fill_pattern("%1 of %2", {"50%2", "x"}), "50%2 of x");  // not filled twice
  EXPECT_EQ(fill_pattern("k%5+1 and %1", {"y"}), "k%5+1 and y");    // no 5th argument
  const Phrase p = Phrase::of("missing key %1 in %2", {"'name'", Phrase::of("the scenario")});
  EXPECT_EQ(p.english(), "missing key 'name' in the scenario");
  EXPECT_EQ(p.render([](const std::string& s) { return "<" + s + ">"; }),
            "<missing key 'name' in <the scenario>>");
  EXPECT_TRUE(Phrase().empty());
  EXPECT_FALSE(Phrase("x").is_pattern());
}

TEST(ScenarioPhrase, NestedPartsAreTheirOwnPatterns) {
  LoadResult r = load(
      "objects:\n"
      "  - {name: buffer, kind: pipe, capacit: 4}\n"
      "processes: [{nam: p, steps: [{exit: 0}]}]\n");
  ASSERT_TRUE(AllPhrased(r.errors));
  std::string all;
  for (const Diagnostic& d : r.errors) all += bracketed(d) + "\n";
  // The object is named by a pattern, the suggestion is one, the names stay literal.
  EXPECT_NE(all.find("[missing key 'name' in [this process]]"), std::string::npos) << all;
  const Diagnostic* unknown = nullptr;
  for (const Diagnostic& d : r.errors)
    if (d.message.starts_with("unknown key 'capacit'")) unknown = &d;
  ASSERT_NE(unknown, nullptr) << all;
  EXPECT_EQ(unknown->message,
            "unknown key 'capacit' in object 'buffer' (did you mean 'capacity'?)");
  EXPECT_EQ(bracketed(*unknown),
            "[unknown key 'capacit' in [object 'buffer'][ (did you mean 'capacity'?)]]");
  EXPECT_EQ(unknown->text([](const std::string& s) {
    if (s == "unknown key %1 in %2%3") return std::string("%2: key %1?%3");
    if (s == "object %1") return std::string("OBJ %1");
    if (s == " (did you mean %1?)") return std::string(" -> %1");
    return s;
  }),
            "OBJ 'buffer': key 'capacit'? -> 'capacity'");
}

TEST(ScenarioPhrase, EnglishIsTheOldMessageForRepresentativeMistakes) {
  struct Case {
    std::string_view body;
    std::string_view message;
  } cases[] = {
      {"processes:\n  - {name: p, count: two, steps: [{exit: 0}]}\n",
       "'count' must be a whole number, not 'two'"},
      {"processes:\n  - {name: p, count: 99, steps: [{exit: 0}]}\n",
       "'count' must be between 1 and 16, not 99"},
      {"processes:\n  - {name: p, steps: [{snd: x}]}\n",
       "unknown action 'snd' (did you mean 'send'?)"},
      {"objects: [{name: s, kind: semaphore}]\nprocesses:\n  - {name: p, steps: [{lock: s}]}\n",
       "'lock' needs a mutex or an rwlock, but 's' is a semaphore"},
      {"processes:\n  - {name: p, steps: [{signal: {to: q, sig: SIGUSR1}}]}\n",
       "unknown process 'q' (did you mean 'p'?)"},
      {"processes:\n  - {name: p, steps: [{sigwait: usr1}]}\n",
       "unknown signal 'usr1' (did you mean 'SIGUSR1'?); use SIGUSR1, SIGUSR2, SIGTERM, SIGINT, "
       "SIGHUP, SIGALRM, SIGCHLD, SIGCONT, SIGPIPE or SIGRTMIN to SIGRTMIN+8"},
      {"processes:\n  - {name: p, steps: [{print: \"{j}\"}]}\n",
       "unknown placeholder '{j}'; a text may use {i}, {proc} and {k}"},
      {"processes:\n  - {name: p, steps: [{exit: 0}]}\nlesson:\n  - {say: hi, step: {p: x}}\n",
       "the step count of 'p' must be a whole number, not 'x'"},
      {"processes:\n  - {name: p, steps: [{exit: 0}]}\nlesson:\n"
       "  - {say: hi, expect: {happened: [rase]}}\n",
       "unknown finding 'rase' (did you mean 'race'?); use "},
  };
  for (const Case& c : cases) {
    LoadResult r = load(c.body);
    ASSERT_TRUE(AllPhrased(r.errors)) << c.body;
    bool found = false;
    for (const Diagnostic& d : r.errors) found = found || d.message.starts_with(c.message);
    EXPECT_TRUE(found) << c.message << "\n" << test::all_errors(r);
  }
}

// Every broken file of the CLI's fixtures: each diagnostic is phrased.
TEST(ScenarioPhrase, EveryFixtureDiagnosticIsAPattern) {
  int files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(IPCLAB_FIXTURES_DIR) + "/cli")) {
    if (entry.path().filename() == "good.yaml") continue;
    LoadResult r = load_scenario_file(entry.path().string());
    EXPECT_TRUE(AllPhrased(r.errors)) << entry.path();
    ++files;
  }
  EXPECT_GT(files, 15);
  EXPECT_TRUE(AllPhrased(resolve_scenario("pipe-basic").errors));
  EXPECT_TRUE(AllPhrased(load_scenario_file("/nonexistent/x.yaml").errors));
}

}  // namespace
}  // namespace ipclab
