// The challenges challenge-lose-a-signal and challenge-ring-overflow, played
// on real processes: each one's own solution wins with the finding its goal
// names; an order that takes turns loses, because every process finished
// without it.
#include <gtest/gtest.h>

#include "runtime/challenge.hpp"
#include "scenario/catalog.hpp"
#include "test_support.hpp"

namespace ipclab::live {
namespace {

struct Played {
  ChallengePlay play;
  Snapshot snap;
};

std::string_view bundled_text(std::string_view id) {
  for (const BundledScenario& b : bundled_scenarios())
    if (b.id == id) return b.text;
  ADD_FAILURE() << "no bundled scenario " << id;
  return {};
}

Challenge challenge_of(std::string_view id) {
  LoadResult r = load_scenario_text(bundled_text(id), std::string(id) + ".yaml");
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.ok() && r.scenario->challenge.has_value());
  return r.ok() && r.scenario->challenge ? *r.scenario->challenge : Challenge{};
}

Played play(std::string_view id, const std::vector<std::string>& order) {
  auto ls = LiveSession::start(bundled_text(id));
  EXPECT_TRUE(ls);
  if (!ls) return {};
  Played p{play_challenge(ls->session(), challenge_of(id), order), {}};
  p.snap = ls->snapshot();
  EXPECT_TRUE(p.play.problems.empty()) << p.play.problems.front();
  return p;
}

// ---- challenge-lose-a-signal ------------------------------------------------

TEST(ChallengeLoseASignal, TheSolutionWinsWithTheLostSignal) {
  const Challenge c = challenge_of("challenge-lose-a-signal");
  EXPECT_EQ(c.goal, FindingKind::signal_lost);
  EXPECT_EQ(c.solution, (std::vector<std::string>{"sender", "sender"}));
  const Played p = play("challenge-lose-a-signal", c.solution);
  ASSERT_EQ(p.play.verdict.status, ChallengeStatus::won) << p.play.verdict.sentence;
  EXPECT_EQ(p.play.steps, 2);
  ASSERT_TRUE(p.play.verdict.finding);
  EXPECT_EQ(p.play.verdict.finding->kind, FindingKind::signal_lost);
  EXPECT_EQ(p.play.verdict.sentence.rfind("lost: SIGUSR1 to receiver (pid ", 0), 0u)
      << p.play.verdict.sentence;
}

TEST(ChallengeLoseASignal, TakingTurnsLosesNothingAndTheChallenge) {
  // After the turns, the three SIGRTMIN, which queue: nothing can be lost.
  const std::vector<std::string> receiver_first{"receiver", "sender",   "receiver",
                                                "sender",   "receiver", "sender",
                                                "sender",   "sender",   "sender"};
  const std::vector<std::string> sender_first{"sender",   "receiver", "sender",
                                              "receiver", "sender",   "receiver",
                                              "sender",   "sender",   "sender"};
  for (const auto& order : {receiver_first, sender_first}) {
    const Played p = play("challenge-lose-a-signal", order);
    EXPECT_EQ(p.play.verdict.status, ChallengeStatus::lost) << order.front();
    EXPECT_EQ(p.play.verdict.loss, ChallengeVerdict::Loss::finished) << p.play.verdict.sentence;
    EXPECT_EQ(p.play.steps, 9);
    EXPECT_TRUE(p.snap.findings.empty());
  }
}

// ---- challenge-ring-overflow ------------------------------------------------

TEST(ChallengeRingOverflow, TheSolutionWinsByOverwritingAnUnreadMessage) {
  const Challenge c = challenge_of("challenge-ring-overflow");
  EXPECT_EQ(c.goal, FindingKind::overflow);
  const Played p = play("challenge-ring-overflow", c.solution);
  ASSERT_EQ(p.play.verdict.status, ChallengeStatus::won) << p.play.verdict.sentence;
  EXPECT_EQ(p.play.steps, 3);
  EXPECT_EQ(p.play.verdict.sentence,
            "overflow: message #3 overwrote message #1 in slot 0 before it was read");
}

TEST(ChallengeRingOverflow, TakingTurnsLosesBecauseEveryoneFinished) {
  std::vector<std::string> order;
  for (int k = 0; k < 4; ++k) order.insert(order.end(), {"producer", "consumer"});
  const Played p = play("challenge-ring-overflow", order);
  EXPECT_EQ(p.play.verdict.status, ChallengeStatus::lost);
  EXPECT_EQ(p.play.verdict.loss, ChallengeVerdict::Loss::finished) << p.play.verdict.sentence;
  EXPECT_EQ(p.play.steps, 8);
  EXPECT_TRUE(p.snap.findings.empty());
}

// Reading empty slots is the other half of what the ring's semaphores
// prevent, an underflow: found, but not the overrun this challenge asks for.
TEST(ChallengeRingOverflow, ReadingEmptySlotsIsAnUnderflowAndDoesNotWin) {
  std::vector<std::string> order;
  for (int k = 0; k < 4; ++k) order.insert(order.end(), {"consumer", "producer"});
  const Played p = play("challenge-ring-overflow", order);
  EXPECT_EQ(p.play.verdict.status, ChallengeStatus::lost);
  EXPECT_EQ(p.play.verdict.sentence, "every process finished, and a buffer overrun never happened");
  std::vector<FindingKind> kinds;
  for (const Finding& f : p.snap.findings) kinds.push_back(f.kind);
  EXPECT_EQ(kinds, std::vector<FindingKind>(2, FindingKind::underflow))
      << "the consumer read slot 0 and slot 1 before anything was written there";
}

}  // namespace
}  // namespace ipclab::live
