// No false alarms: every bundled lesson, run freely 50 times (four at a
// time), finishes without a deadlock or a race being reported, except
// where the lesson is about one. Where a deadlock may truly happen (the
// dining philosophers), each one reported must be real: every process of
// the cycle asleep in the kernel, each waiting for what the next holds.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "scenario/catalog.hpp"
#include "scenario/loader.hpp"
#include "test_support.hpp"

namespace ipclab::live {
namespace {

constexpr int kRuns = 50;
constexpr int kAtOnce = 4;

// Shared-memory objects some process updates outside any critical section,
// or inside one guarded by a flag (a broken lock), and rings without their
// semaphores: the only ones a race may be reported on.
void unguarded_updates(const std::vector<Action>& steps, bool guarded, std::set<std::string>* out) {
  for (const Action& a : steps) {
    if ((a.kind == ActionKind::add || a.kind == ActionKind::write) && !guarded)
      out->insert(a.object);
    unguarded_updates(a.body, guarded || (a.kind == ActionKind::critical && !a.flag_guard), out);
  }
}

struct Outcome {
  std::string failure;  // empty when the run went as it must
  bool deadlocked = false;
};

Outcome run_once(std::string_view text, bool may_deadlock, const std::set<std::string>& racy) {
  Outcome out;
  auto ls = LiveSession::start(text);
  if (!ls) return {"did not start"};
  ls->session().run(0);
  const auto deadline = std::chrono::steady_clock::now() + kDeadline;
  while (!ls->session().finished() && !ls->session().deadlock() &&
         std::chrono::steady_clock::now() < deadline)
    ls->session().wait_for_activity(std::chrono::milliseconds(20));
  ls->collect();
  for (const Event& e : ls->of(EventKind::race))
    if (!racy.count(e.obj_name)) out.failure += "a race on " + e.obj_name + ": " + e.detail + "; ";
  if (auto d = ls->session().deadlock()) {
    out.deadlocked = true;
    if (!may_deadlock) return {out.failure + "a deadlock: " + *d, true};
    // Real: each process of the cycle asleep, waiting for what the next holds.
    ls->session().pause();
    const Snapshot snap = ls->snapshot();
    if (snap.deadlock_cycle.empty()) out.failure += "no cycle for " + *d + "; ";
    for (const WaitLink& l : snap.deadlock_cycle) {
      const WorkerStatus& w = snap.workers[static_cast<size_t>(l.waiter)];
      const ObjectStatus& o = snap.objects[static_cast<size_t>(l.obj)];
      const bool holds = std::count(o.holders.begin(), o.holders.end(), l.holder) > 0;
      if (w.state != WorkerState::blocked || w.kernel.state != 'S' || w.blocked_obj != l.obj ||
          !holds)
        out.failure += "not a real wait: " + w.id.name + " on " + o.spec->name + "; ";
    }
  } else if (!ls->session().finished()) {
    out.failure += "did not finish within the deadline; ";
  }
  return out;
}

TEST(FreeRuns, EveryBundledLessonFinishesWithoutAFalseDeadlockOrRace) {
  // The lessons in which a deadlock can truly happen when run freely.
  const std::set<std::string> may_deadlock = {"dining-philosophers",
                                              "challenge-file-lock-deadlock"};
  struct Job {
    std::string id;
    std::string text;
    std::set<std::string> racy;
  };
  std::vector<Job> jobs;
  const char* only = std::getenv("IPCLAB_FREE_RUN_ONLY");  // one lesson, when looking at one
  const char* at_once = std::getenv("IPCLAB_FREE_RUN_AT_ONCE");
  const int parallel = at_once ? std::max(1, std::atoi(at_once)) : kAtOnce;
  for (const BundledScenario& b : bundled_scenarios()) {
    if (only && b.id != only) continue;
    const LoadResult r = load_scenario_text(b.text, std::string(b.file_name));
    ASSERT_TRUE(r.ok()) << b.id;
    Job j{std::string(b.id), std::string(b.text), {}};
    for (const ProcessSpec& p : r.scenario->processes) unguarded_updates(p.steps, false, &j.racy);
    // A ring without its semaphores overflows whenever the processes run so.
    for (const ObjectSpec& o : r.scenario->objects)
      if (!o.semaphores) j.racy.insert(o.name);
    for (int n = 0; n < kRuns; ++n) jobs.push_back(j);
  }
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::map<std::string, std::vector<std::string>> failures;
  std::map<std::string, int> deadlocks;
  std::vector<std::thread> threads;
  for (int t = 0; t < parallel; ++t)
    threads.emplace_back([&] {
      for (size_t i; (i = next++) < jobs.size();) {
        const Job& j = jobs[i];
        const Outcome o = run_once(j.text, may_deadlock.count(j.id) > 0, j.racy);
        std::lock_guard lock(mu);
        if (!o.failure.empty()) failures[j.id].push_back(o.failure);
        deadlocks[j.id] += o.deadlocked;
      }
    });
  for (std::thread& t : threads) t.join();
  for (const auto& [id, list] : failures)
    ADD_FAILURE() << id << ": " << list.size() << " of " << kRuns << " runs, first: " << list[0];
  for (const auto& [id, n] : deadlocks)
    if (n) std::printf("%s: %d real deadlocks in %d free runs\n", id.c_str(), n, kRuns);
}

}  // namespace
}  // namespace ipclab::live
