// A standard signal sent while one of its kind is pending in the target is
// merged into it by the kernel: the sender's `signal` event says "lost:"
// exactly then (read from ShdPnd just before kill()), and StateModel turns
// it into the finding signal_lost. Never for a real-time signal, which
// queues; never when the receiver took the first before the second was sent.
#include <gtest/gtest.h>

#include <csignal>

#include "observer/kernel_probe.hpp"
#include "test_support.hpp"

namespace ipclab::live {
namespace {

// A receiver that takes `sig` three times, a sender that sends it three times.
std::string three_of(const std::string& sig, const std::string& extra = "") {
  return scenario_text(
      "processes:\n"
      "  - name: receiver\n"
      "    steps:\n"
      "      - repeat: {times: 3, steps: [{sigwait: [" +
      sig +
      "]}]}\n"
      "  - name: sender\n"
      "    steps:\n"
      "      - repeat: {times: 3, steps: [{signal: {to: receiver, sig: " +
      sig + extra + "}}]}\n");
}

bool is_lost(const Event& e) {
  return e.detail.starts_with(kSignalLostPrefix);
}

size_t lost_findings(const Snapshot& s) {
  size_t n = 0;
  for (const Finding& f : s.findings) n += f.kind == FindingKind::signal_lost ? 1 : 0;
  return n;
}

TEST(SignalLost, ASecondSigusr1WhileTheFirstIsPendingIsMergedAndSaidSo) {
  auto ls = LiveSession::start(three_of("SIGUSR1"));
  ASSERT_TRUE(ls);
  const pid_t receiver = ls->pid("receiver");
  ASSERT_EQ(ls->step("sender"), StepResult::granted);
  // The kernel's own view, as the sender reads it next: SIGUSR1 (10) pending.
  const std::optional<uint64_t> pending = shared_pending_signals(receiver);
  ASSERT_TRUE(pending.has_value());
  EXPECT_EQ(*pending & (uint64_t{1} << (SIGUSR1 - 1)), uint64_t{1} << (SIGUSR1 - 1));
  ASSERT_EQ(ls->step("sender"), StepResult::granted);
  ls->collect();
  const std::vector<Event> sent = ls->of(EventKind::signal, "sender");
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_FALSE(is_lost(sent[0])) << sent[0].detail;
  EXPECT_EQ(sent[0].detail, "SIGUSR1 to receiver (pid " + std::to_string(receiver) + ")");
  EXPECT_EQ(sent[1].detail, "lost: SIGUSR1 to receiver (pid " + std::to_string(receiver) +
                                "): one was already pending there (ShdPnd), so the kernel "
                                "merged this one into it");
  // kill() itself succeeded: the kernel does not tell the sender.
  const std::vector<Event> returns = ls->of(EventKind::ret, "sender");
  ASSERT_EQ(returns.size(), 2u);
  EXPECT_EQ(returns[1].value.value_or(-1), 0);

  const Snapshot snap = ls->snapshot();
  ASSERT_EQ(lost_findings(snap), 1u);
  const Finding& f = snap.findings.back();
  EXPECT_EQ(f.kind, FindingKind::signal_lost);
  EXPECT_EQ(f.worker, ls->index("sender"));
  EXPECT_EQ(f.text, sent[1].detail) << "the finding carries the whole sentence";

  // The third is lost too; the receiver then gets exactly one SIGUSR1.
  ASSERT_EQ(ls->step("sender"), StepResult::granted);
  ASSERT_EQ(ls->step("receiver"), StepResult::granted);
  ASSERT_EQ(ls->step("receiver"), StepResult::granted);
  ls->collect();
  EXPECT_EQ(ls->of(EventKind::deliver, "receiver").size(), 1u);
  EXPECT_EQ(worker_in(ls->snapshot(), "receiver").state, WorkerState::blocked);
  EXPECT_EQ(lost_findings(ls->snapshot()), 2u);
}

TEST(SignalLost, NothingIsLostWhenTheReceiverTookTheFirstBeforeTheSecond) {
  auto ls = LiveSession::start(three_of("SIGUSR1"));
  ASSERT_TRUE(ls);
  // Sender first (pending), receiver takes it, sender again: nothing pending then.
  for (const char* who : {"sender", "receiver", "sender", "receiver"})
    ASSERT_EQ(ls->step(who), StepResult::granted) << who;
  // Receiver first: it sleeps in sigwaitinfo(), the signal wakes it at once.
  ASSERT_EQ(ls->step("receiver"), StepResult::granted);
  ASSERT_EQ(ls->step("sender"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  for (const Event& e : ls->of(EventKind::signal, "sender")) EXPECT_FALSE(is_lost(e)) << e.detail;
  EXPECT_EQ(ls->of(EventKind::deliver, "receiver").size(), 3u);
  EXPECT_EQ(lost_findings(ls->snapshot()), 0u);
}

TEST(SignalLost, RealTimeSignalsQueueAndAreNeverReportedLost) {
  auto ls = LiveSession::start(three_of("SIGRTMIN"));
  ASSERT_TRUE(ls);
  for (int k = 0; k < 3; ++k) ASSERT_EQ(ls->step("sender"), StepResult::granted);
  // All three are pending at once, and all three arrive.
  for (int k = 0; k < 3; ++k) ASSERT_EQ(ls->step("receiver"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  for (const Event& e : ls->of(EventKind::signal, "sender")) EXPECT_FALSE(is_lost(e)) << e.detail;
  EXPECT_EQ(ls->of(EventKind::deliver, "receiver").size(), 3u);
  EXPECT_EQ(lost_findings(ls->snapshot()), 0u);
}

TEST(SignalLost, SigqueueOfAStandardSignalIsMergedToo) {
  // sigqueue() of a standard signal carries a value, but still one bit.
  auto ls = LiveSession::start(three_of("SIGUSR2", ", value: 7"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("sender"), StepResult::granted);
  ASSERT_EQ(ls->step("sender"), StepResult::granted);
  ls->collect();
  const std::vector<Event> sent = ls->of(EventKind::signal, "sender");
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_FALSE(is_lost(sent[0])) << sent[0].detail;
  EXPECT_TRUE(is_lost(sent[1])) << sent[1].detail;
  EXPECT_EQ(sent[1].value.value_or(-1), 7);
}

}  // namespace
}  // namespace ipclab::live
