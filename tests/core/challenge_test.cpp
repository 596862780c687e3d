// Every bundled challenge can be won by its own solution, and lost by an
// order that never makes its goal happen; the judge's reasons for a loss.
#include "runtime/challenge.hpp"

#include <gtest/gtest.h>

#include <map>

#include "scenario/catalog.hpp"
#include "test_support.hpp"

namespace ipclab {
namespace {

using live::LiveSession;

std::vector<std::string> with_challenge() {
  std::vector<std::string> ids;
  for (const BundledScenario& b : bundled_scenarios()) {
    LoadResult l = load_scenario_text(b.text, std::string(b.file_name));
    if (l.ok() && l.scenario->challenge) ids.emplace_back(b.id);
  }
  return ids;
}

std::string text_of(const std::string& id) {
  for (const BundledScenario& b : bundled_scenarios())
    if (b.id == id) return std::string(b.text);
  return {};
}

const Challenge& challenge_of(LiveSession& ls) {
  return *ls.session().scenario().challenge;
}

// An order that loses, per challenge: "serial" runs each process to its
// end before the next one starts (nothing overlaps).
const std::map<std::string, std::vector<std::string>>& losing_orders() {
  static const std::map<std::string, std::vector<std::string>> orders = {
      {"shared-counter", {"serial"}},
      {"dining-philosophers", {"serial"}},
      {"readers-writers", {"serial"}},
      {"challenge-flag-lock", {"serial"}},
      {"challenge-file-lock-deadlock", {"serial"}},
      // Reading after each write: every message whole.
      {"challenge-split-message", {"writer", "reader", "writer", "reader", "writer", "reader"}},
      // Taking turns: each signal taken before the next is sent, then the
      // three SIGRTMIN, which queue.
      {"challenge-lose-a-signal",
       {"receiver", "sender", "receiver", "sender", "receiver", "sender", "sender", "sender",
        "sender"}},
      // Taking turns: each message read before the next is written.
      {"challenge-ring-overflow",
       {"producer", "consumer", "producer", "consumer", "producer", "consumer", "producer",
        "consumer"}},
  };
  return orders;
}

bool gone(const WorkerStatus& w) {
  return w.state == WorkerState::exited || w.state == WorkerState::killed;
}

class BundledChallenge : public testing::TestWithParam<std::string> {};

TEST_P(BundledChallenge, ItsSolutionWins) {
  auto ls = LiveSession::start(text_of(GetParam()));
  ASSERT_TRUE(ls);
  const Challenge& c = challenge_of(*ls);
  ASSERT_FALSE(c.solution.empty()) << GetParam() << " has no solution";
  const ChallengePlay play = play_challenge(ls->session(), c, c.solution);
  EXPECT_TRUE(play.problems.empty()) << play.problems.front();
  ASSERT_EQ(play.verdict.status, ChallengeStatus::won) << play.verdict.sentence;
  ASSERT_TRUE(play.verdict.finding);
  EXPECT_EQ(play.verdict.finding->kind, c.goal);
  EXPECT_EQ(play.steps, static_cast<int>(c.solution.size()))
      << "the solution wins only on its last step";
  if (c.max_steps) {
    EXPECT_LE(play.steps, c.max_steps);
  }
  EXPECT_GE(c.hints.size(), 1u);
  EXPECT_FALSE(c.explain.zh.empty());
}

TEST_P(BundledChallenge, ALosingOrderLoses) {
  const auto it = losing_orders().find(GetParam());
  ASSERT_NE(it, losing_orders().end()) << "add a losing order for " << GetParam();
  auto ls = LiveSession::start(text_of(GetParam()));
  ASSERT_TRUE(ls);
  const Challenge& c = challenge_of(*ls);
  ChallengePlay play;
  if (it->second == std::vector<std::string>{"serial"}) {
    // Each process to its end, one after the other.
    int steps = 0;
    for (const WorkerIdentity& w : ls->session().workers()) {
      for (int n = 0; n < 1000; ++n) {
        const Snapshot s = ls->session().snapshot();
        if (gone(s.workers[static_cast<size_t>(ls->index(w.name))])) break;
        ASSERT_EQ(challenge_step(ls->session(), w.name), StepResult::granted) << w.name;
        ++steps;
      }
    }
    ASSERT_TRUE(ls->wait_finished());
    play.verdict = judge_challenge(c, ls->session().scenario(), ls->session().snapshot(), steps);
  } else {
    play = play_challenge(ls->session(), c, it->second);
  }
  EXPECT_EQ(play.verdict.status, ChallengeStatus::lost) << play.verdict.sentence;
  EXPECT_FALSE(play.verdict.finding);
  EXPECT_NE(play.verdict.sentence.find("never happened"), std::string::npos)
      << play.verdict.sentence;
}

INSTANTIATE_TEST_SUITE_P(Challenges, BundledChallenge, testing::ValuesIn(with_challenge()),
                         [](const testing::TestParamInfo<std::string>& p) {
                           std::string n = p.param;
                           for (char& ch : n)
                             if (ch == '-') ch = '_';
                           return n;
                         });

TEST(ChallengeJudge, TooManyStepsAndStuckLose) {
  auto ls = LiveSession::start(live::scenario_text(R"(objects:
  - {name: a, kind: mutex}
  - {name: counter, kind: shared_memory, cells: 1}
processes:
  - name: p
    steps: [{lock: a}, {add: {to: counter, cell: 0, value: 1}}, {unlock: a}]
  - name: q
    steps: [{lock: a}, {unlock: a}]
challenge: {goal: race, max_steps: 1, say: "lose an update"}
)"));
  ASSERT_TRUE(ls);
  const Challenge& c = challenge_of(*ls);
  // q then waits for a, which p holds: not stuck (p can go on), but one step too many.
  const ChallengePlay play = play_challenge(ls->session(), c, {"p", "q", "p"});
  EXPECT_EQ(play.steps, 2);
  EXPECT_EQ(play.verdict.status, ChallengeStatus::lost);
  EXPECT_EQ(play.verdict.loss, ChallengeVerdict::Loss::too_many_steps) << play.verdict.sentence;
  EXPECT_EQ(play.verdict.sentence,
            "2 steps used, more than the 1 allowed, and a lost update never happened");
  // The judge alone, within the limit: still playing while p can step.
  EXPECT_EQ(judge_challenge(c, ls->session().scenario(), ls->session().snapshot(), 1).status,
            ChallengeStatus::playing);
}

TEST(ChallengeJudge, EveryoneAsleepForGoodLoses) {
  auto ls = LiveSession::start(live::scenario_text(R"(objects:
  - {name: never, kind: semaphore, initial: 0}
  - {name: counter, kind: shared_memory, cells: 1}
processes:
  - name: p
    steps: [{wait: never}]
challenge: {goal: race, say: "lose an update"}
)"));
  ASSERT_TRUE(ls);
  const ChallengePlay play = play_challenge(ls->session(), challenge_of(*ls), {"p"});
  EXPECT_EQ(play.verdict.status, ChallengeStatus::lost);
  EXPECT_EQ(play.verdict.loss, ChallengeVerdict::Loss::stuck) << play.verdict.sentence;
  EXPECT_EQ(play.verdict.sentence,
            "no process can take another step, and a lost update never happened");
}

}  // namespace
}  // namespace ipclab
