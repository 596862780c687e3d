// Every bundled lesson loads cleanly, speaks English and Simplified Chinese
// everywhere a student reads, and uses only what the runtime provides.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "scenario/catalog.hpp"
#include "scenario_test_util.hpp"

namespace ipclab {
namespace {

void expect_both_languages(const LocalText& t, const std::string& where) {
  EXPECT_FALSE(t.en.empty()) << where << ": English text missing";
  EXPECT_FALSE(t.zh.empty()) << where << ": Chinese text missing";
  // Folded YAML would put spaces between joined Chinese lines.
  for (std::string_view bad : {"， ", "。 ", "： ", "； ", "、 "}) {
    EXPECT_EQ(t.zh.find(bad), std::string::npos) << where << ": stray space in " << t.zh;
  }
}

// Objects the runtime can create today.
bool runtime_has(const ObjectSpec& o) {
  switch (o.mechanism) {
    case ObjectKind::pipe:
    case ObjectKind::fifo:
    case ObjectKind::posix_mq:
    case ObjectKind::sysv_mq:
    case ObjectKind::unix_stream:
    case ObjectKind::unix_dgram:
    case ObjectKind::tcp:
    case ObjectKind::udp:
    case ObjectKind::shm_ring:
    case ObjectKind::rpc:
    case ObjectKind::shared_memory:
    case ObjectKind::mutex:
    case ObjectKind::condvar:
    case ObjectKind::event:
    case ObjectKind::barrier:
    case ObjectKind::signal:
    case ObjectKind::semaphore:  // every flavor
    case ObjectKind::rwlock:
    case ObjectKind::file_lock:
      return true;
    default:
      return false;
  }
}

TEST(BundledScenarios, TheSixLessonsAreThere) {
  std::map<std::string, Category> expected = {
      {"pipe-basics", Category::message_passing},
      {"fifo-unrelated", Category::message_passing},
      {"posix-mq-priorities", Category::message_passing},
      {"producer-consumer", Category::synchronization},
      {"shared-counter", Category::shared_memory},
      {"signals-basics", Category::message_passing},
      {"semaphore-limit", Category::synchronization},
      {"bounded-buffer-semaphores", Category::synchronization},
      {"sysv-sem-undo", Category::synchronization},
  };
  for (const auto& [id, category] : expected) {
    LoadResult r = resolve_scenario(id);
    ASSERT_TRUE(r.ok()) << id << "\n" << test::all_errors(r);
    EXPECT_EQ(r.scenario->category, category) << id;
  }
}

TEST(BundledScenarios, EveryOneLoadsAndIsBilingual) {
  ASSERT_GE(bundled_scenarios().size(), 6u);
  for (const BundledScenario& b : bundled_scenarios()) {
    SCOPED_TRACE(std::string(b.file_name));
    EXPECT_EQ(std::string(b.file_name), std::string(b.id) + ".yaml");
    LoadResult r = resolve_scenario(std::string(b.id));
    ASSERT_TRUE(r.ok()) << test::all_errors(r);
    const Scenario& s = *r.scenario;
    EXPECT_EQ(s.id, b.id);
    expect_both_languages(s.title, "title");
    expect_both_languages(s.summary, "summary");
    // A challenge of its own comes with a short introduction only.
    if (s.id.starts_with("challenge-")) {
      EXPECT_TRUE(s.challenge);
      EXPECT_GE(s.lesson.size(), 1u);
      EXPECT_LE(s.lesson.size(), 3u);
    } else {
      EXPECT_GE(s.lesson.size(), 4u);
      EXPECT_LE(s.lesson.size(), 8u);
    }
    for (std::size_t i = 0; i < s.lesson.size(); ++i) {
      const LessonStep& step = s.lesson[i];
      std::string where = "lesson step " + std::to_string(i + 1);
      expect_both_languages(step.say, where + " say");
      if (step.ask) {
        expect_both_languages(step.ask->question, where + " ask");
        for (const LocalText& choice : step.ask->choices) {
          expect_both_languages(choice, where + " choice");
        }
        if (!step.ask->explain.en.empty())
          expect_both_languages(step.ask->explain, where + " explain");
      }
    }
    if (s.challenge) {
      expect_both_languages(s.challenge->say, "challenge");
      expect_both_languages(s.challenge->explain, "challenge explain");
      for (const LocalText& hint : s.challenge->hints)
        expect_both_languages(hint, "challenge hint");
    }
    if (!s.exercise.en.empty()) expect_both_languages(s.exercise, "exercise");
  }
}

TEST(BundledScenarios, UseOnlyObjectsTheRuntimeProvides) {
  for (const BundledScenario& b : bundled_scenarios()) {
    LoadResult r = resolve_scenario(std::string(b.id));
    ASSERT_TRUE(r.ok()) << test::all_errors(r);
    for (const ObjectSpec& o : r.scenario->objects) {
      EXPECT_TRUE(runtime_has(o)) << b.id << ": " << o.name << " is " << to_string(o.mechanism);
    }
  }
}

// A lesson cannot grant a process more steps than it has actions. Only
// `all: N` may ask for more (up to N rounds, processes that wait take fewer
// steps than rounds) when its step expects every process to have finished.
// `run:` takes only the actions a process has (it stops when the process
// has finished), but how many only the run knows: after a run, a process's
// later steps are not counted. A process that was killed is never stepped,
// killed or run again.
TEST(BundledScenarios, LessonsGrantNoMoreStepsThanThereAreActions) {
  for (const BundledScenario& b : bundled_scenarios()) {
    LoadResult r = resolve_scenario(std::string(b.id));
    ASSERT_TRUE(r.ok()) << test::all_errors(r);
    const Scenario& s = *r.scenario;
    std::map<std::string, int64_t> granted;  // per copy: "name" or "name#k"
    std::map<std::string, int64_t> available;
    auto copies = [&](const ProcessSpec& p) {
      std::vector<std::string> names;
      if (p.count == 1) return std::vector<std::string>{p.name};
      for (int k = 1; k <= p.count; ++k) names.push_back(p.name + "#" + std::to_string(k));
      return names;
    };
    for (const ProcessSpec& p : s.processes) {
      for (const std::string& c : copies(p)) available[c] = expanded_action_count(p.steps);
    }
    std::set<std::string> ran, killed;
    auto named = [&](const std::string& who, const ProcessSpec& p, const std::string& c) {
      return who == "all" || who == p.name || who == c;
    };
    for (const LessonStep& step : s.lesson) {
      const bool runs_to_the_end =
          step.expect && step.expect->finished.size() == s.processes.size();
      std::vector<std::string> named_now;  // what this step steps, kills or runs
      for (const auto& [who, n] : step.step) {
        named_now.push_back(who);
        if (who == "all" && runs_to_the_end) continue;
        for (const ProcessSpec& p : s.processes) {
          for (const std::string& c : copies(p)) {
            if (named(who, p, c)) granted[c] += n;
          }
        }
      }
      named_now.insert(named_now.end(), step.kill.begin(), step.kill.end());
      named_now.insert(named_now.end(), step.run.begin(), step.run.end());
      for (const std::string& who : named_now) {
        for (const ProcessSpec& p : s.processes) {
          for (const std::string& c : copies(p)) {
            if (who != "all" && named(who, p, c)) {
              EXPECT_FALSE(killed.count(c)) << b.id << ": " << c << " was killed before";
            }
          }
        }
      }
      for (const ProcessSpec& p : s.processes) {
        for (const std::string& c : copies(p)) {
          for (const std::string& who : step.kill) {
            if (named(who, p, c)) killed.insert(c);
          }
          for (const std::string& who : step.run) {
            if (!named(who, p, c) || ran.count(c)) continue;
            // What was granted before the run still counts.
            EXPECT_LE(granted[c], available[c]) << b.id << ": " << c;
            ran.insert(c);
          }
        }
      }
    }
    for (const auto& [copy, n] : granted) {
      if (ran.count(copy)) continue;
      EXPECT_LE(n, available[copy]) << b.id << ": " << copy;
    }
  }
}

}  // namespace
}  // namespace ipclab
