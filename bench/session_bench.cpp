// How quickly a session answers the people who drive it.
//
// BM_SessionStart: Session::start of a 6-process scenario, timed until it
// returns with every worker waiting at its step gate (checked afterwards);
// each start is stopped, untimed. Target: < 50 ms median over 20 starts.
//
// BM_StepLatency: one `step` command of a process whose ops never block
// (shared-memory writes), timed from Session::step(w) until take_events has
// handed over that worker's `step` event and the op's own `value` event.
// Then (also reported) until Session::wait_settled returns. Target: < 2 ms
// median over 200 steps.
//
// BM_LiveSwitch: Session::switch_channel while items flow, 72 switches
// through nine mechanisms. Target: < 100 ms.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "runtime/session.hpp"
#include "scenario/loader.hpp"

namespace {

using namespace ipclab;
using namespace ipclab::bench;
using Clock = std::chrono::steady_clock;

constexpr int kStarts = 20;
constexpr int kSteps = 200;

std::vector<std::string> g_session_tags;

// Six processes over a pipe, a semaphore, a mutex and shared memory.
constexpr const char* kSixProcesses = R"(ipclab: 1
id: bench-six-processes
title: {en: "Six processes"}
category: synchronization
objects:
  - {name: buffer, kind: pipe}
  - {name: items, kind: semaphore, initial: 0}
  - {name: guard, kind: mutex}
  - {name: board, kind: shared_memory, cells: 4}
processes:
  - name: producer
    count: 3
    steps:
      - repeat:
          times: 3
          steps:
            - lock: guard
            - add: {to: board, cell: 0, value: 1}
            - unlock: guard
            - send: {to: buffer, data: "item {k}.{i}"}
            - post: items
  - name: consumer
    count: 3
    steps:
      - repeat: {times: 3, steps: [{wait: items}, {recv: {from: buffer, max: 8}}]}
)";

// Two processes whose every op is a shared-memory write: a step never blocks.
constexpr const char* kWriters = R"(ipclab: 1
id: bench-writers
title: {en: "Two writers"}
category: shared-memory
objects:
  - {name: board, kind: shared_memory, cells: 2}
processes:
  - name: left
    steps:
      - repeat: {times: 150, steps: [{write: {to: board, cell: 0, value: 7}}]}
  - name: right
    steps:
      - repeat: {times: 150, steps: [{write: {to: board, cell: 1, value: 9}}]}
)";

// A channel over every mechanism, a producer sending about one item per
// millisecond (at most 6 in flight) and a consumer usually asleep in recv.
constexpr const char* kSwitching = R"(ipclab: 1
id: bench-switching
title: {en: "Switching"}
category: message-passing
objects:
  - {name: buffer, kind: channel, mechanism: pipe,
     alternatives: [fifo, posix_mq, sysv_mq, unix_stream, unix_dgram, tcp, udp, shm_ring]}
  - {name: room, kind: semaphore, initial: 6}
processes:
  - name: producer
    steps:
      - repeat:
          times: 100000
          steps: [{wait: room}, {send: {to: buffer, data: "m{i:6}"}}, {sleep: 1}]
  - name: consumer
    steps:
      - repeat: {times: 100000, steps: [{recv: {from: buffer, max: 7}}, {post: room}]}
)";

SessionOptions options() {
  SessionOptions opts;
  opts.worker_path = find_worker_binary(IPCLAB_WORKER_BUILD_PATH);
  return opts;
}

void remember(const Session& s) {
  g_session_tags.push_back(s.folder().substr(s.folder().rfind('/') + 1));
}

double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

double cpu_ms(int who) {
  rusage r{};
  ::getrusage(who, &r);
  return static_cast<double>(r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1e3 +
         static_cast<double>(r.ru_utime.tv_usec + r.ru_stime.tv_usec) * 1e-3;
}

// The baseline: what starting six processes costs on this machine at all.
// posix_spawn six copies of `path` (stdout and stderr to /dev/null) and
// wait until all six have exited.
void BM_SpawnSix(benchmark::State& state, std::string path) {
  for (auto _ : state) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    char* argv[] = {path.data(), nullptr};
    const double children0 = cpu_ms(RUSAGE_CHILDREN);
    const auto t0 = Clock::now();
    pid_t pids[6];
    for (pid_t& pid : pids)
      if (posix_spawn(&pid, path.c_str(), &actions, nullptr, argv, environ) != 0) pid = -1;
    for (pid_t pid : pids)
      if (pid > 0) ::waitpid(pid, nullptr, 0);
    const auto t1 = Clock::now();
    posix_spawn_file_actions_destroy(&actions);
    state.SetIterationTime(ms_between(t0, t1) * 1e-3);
    state.counters["worker_cpu_ms"] = cpu_ms(RUSAGE_CHILDREN) - children0;
  }
}

void BM_SessionStart(benchmark::State& state) {
  const LoadResult loaded = load_scenario_text(kSixProcesses, "six.yaml");
  if (!loaded.ok()) return state.SkipWithError(loaded.errors.front().to_string().c_str());
  for (auto _ : state) {
    std::string error;
    const double self0 = cpu_ms(RUSAGE_SELF), children0 = cpu_ms(RUSAGE_CHILDREN);
    const auto t0 = Clock::now();
    auto session = Session::start(*loaded.scenario, options(), &error);
    const auto t1 = Clock::now();
    const double self1 = cpu_ms(RUSAGE_SELF);
    if (!session) {
      state.SkipWithError(error.c_str());
      break;
    }
    remember(*session);
    state.SetIterationTime(ms_between(t0, t1) * 1e-3);
    int at_gate = 0;
    for (const WorkerStatus& w : session->snapshot().workers)
      if (w.state == WorkerState::at_gate) ++at_gate;
    state.counters["at_gate"] = at_gate;
    session->stop();
    // The workers' CPU time counts once they are reaped: their start, and
    // their (short) exit at the gate.
    state.counters["worker_cpu_ms"] = cpu_ms(RUSAGE_CHILDREN) - children0;
    state.counters["super_cpu_ms"] = self1 - self0;
    if (at_gate != 6) {
      state.SkipWithError("not every worker was at its gate when start returned");
      break;
    }
  }
}

void BM_StepLatency(benchmark::State& state) {
  const LoadResult loaded = load_scenario_text(kWriters, "writers.yaml");
  if (!loaded.ok()) return state.SkipWithError(loaded.errors.front().to_string().c_str());
  std::string error;
  auto session = Session::start(*loaded.scenario, options(), &error);
  if (!session) return state.SkipWithError(error.c_str());
  remember(*session);
  std::vector<Event> events;
  session->take_events(events);
  events.clear();
  std::vector<double> to_events, to_settled;
  int next_op[2] = {0, 0};
  int i = 0;
  for (auto _ : state) {
    const int w = i++ % 2;
    const int op = next_op[w]++;
    bool saw_step = false, saw_value = false;
    const auto t0 = Clock::now();
    const StepResult r = session->step(w);
    if (r != StepResult::granted) {
      state.SkipWithError(describe(r));
      break;
    }
    while (!(saw_step && saw_value) && ms_between(t0, Clock::now()) < 2000) {
      session->wait_for_activity(std::chrono::milliseconds(5));
      session->take_events(events);
      for (const Event& e : events) {
        if (e.worker != w || e.op != op) continue;
        saw_step = saw_step || e.ev == EventKind::step;
        saw_value = saw_value || e.ev == EventKind::value;
      }
      events.clear();
    }
    const auto t1 = Clock::now();
    const bool settled = session->wait_settled(std::chrono::seconds(2));
    const auto t2 = Clock::now();
    if (!saw_step || !saw_value || !settled) {
      state.SkipWithError("a step's events did not arrive within 2 s");
      break;
    }
    to_events.push_back(ms_between(t0, t1));
    to_settled.push_back(ms_between(t0, t2));
    state.SetIterationTime(ms_between(t0, t1) * 1e-3);
  }
  session->stop();
  state.counters["events_p50_ms"] = median(to_events);
  state.counters["events_p90_ms"] = percentile(to_events, 0.9);
  state.counters["settled_p50_ms"] = median(to_settled);
  state.counters["settled_p90_ms"] = percentile(to_settled, 0.9);
}

// Session::switch_channel while the items flow, cycling through the nine
// mechanisms: from the call until it returned (the processes are back on
// the new mechanism). Target: < 100 ms.
void BM_LiveSwitch(benchmark::State& state) {
  const LoadResult loaded = load_scenario_text(kSwitching, "switching.yaml");
  if (!loaded.ok()) return state.SkipWithError(loaded.errors.front().to_string().c_str());
  std::string error;
  auto session = Session::start(*loaded.scenario, options(), &error);
  if (!session) return state.SkipWithError(error.c_str());
  remember(*session);
  session->run(0);
  const std::vector<ObjectKind>& kinds = session->scenario().objects[0].runs_on;
  std::vector<double> took;
  std::vector<Event> events;
  size_t next = 1;
  for (auto _ : state) {
    // Let some items through the current mechanism first.
    const auto until = Clock::now() + std::chrono::milliseconds(5);
    while (Clock::now() < until) {
      session->wait_for_activity(std::chrono::milliseconds(2));
      session->take_events(events);
      events.clear();
    }
    const auto t0 = Clock::now();
    if (!session->switch_channel(0, kinds[next++ % kinds.size()], &error)) {
      state.SkipWithError(error.c_str());
      break;
    }
    const auto t1 = Clock::now();
    took.push_back(ms_between(t0, t1));
    state.SetIterationTime(ms_between(t0, t1) * 1e-3);
  }
  session->stop();
  state.counters["p50_ms"] = median(took);
  state.counters["p95_ms"] = percentile(took, 0.95);
  state.counters["max_ms"] = took.empty() ? 0 : *std::max_element(took.begin(), took.end());
}

BENCHMARK_CAPTURE(BM_SpawnSix, true, std::string("/bin/true"))
    ->UseManualTime()
    ->Iterations(1)
    ->Repetitions(kStarts)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SpawnSix, ipclab_worker, find_worker_binary(IPCLAB_WORKER_BUILD_PATH))
    ->UseManualTime()
    ->Iterations(1)
    ->Repetitions(kStarts)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SessionStart)
    ->UseManualTime()
    ->Iterations(1)
    ->Repetitions(kStarts)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StepLatency)->UseManualTime()->Iterations(kSteps)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LiveSwitch)->UseManualTime()->Iterations(72)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  MedianReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  std::printf("\nSession start (6 processes, median of %d) and step latency (median of %d):\n",
              kStarts, kSteps);
  auto line = [](const char* what, double ms, double target_ms) {
    if (ms <= 0) return;
    std::printf("%-36s %8.2f ms median   (target < %.0f ms: %s)\n", what, ms, target_ms,
                ms < target_ms ? "met" : "NOT met");
  };
  line("Session::start, all at their gates", reporter.ns("BM_SessionStart") * 1e-6, 50);
  auto base = [&](const char* what, const std::string& name) {
    const double ms = reporter.ns(name) * 1e-6, start = reporter.ns("BM_SessionStart") * 1e-6;
    if (ms > 0 && start > 0)
      std::printf("%-36s %8.2f ms median   (Session::start = %.2fx that)\n", what, ms, start / ms);
  };
  base("6 x posix_spawn /bin/true + wait", "BM_SpawnSix/true");
  base("6 x ipclab-worker (usage, exit 2)", "BM_SpawnSix/ipclab_worker");
  line("step -> its events taken", reporter.ns("BM_StepLatency#events_p50_ms"), 2);
  line("step -> wait_settled returned", reporter.ns("BM_StepLatency#settled_p50_ms"), 2);
  line("live switch of a channel", reporter.ns("BM_LiveSwitch#p50_ms"), 100);
  if (const double p95 = reporter.ns("BM_LiveSwitch#p95_ms"),
      most = reporter.ns("BM_LiveSwitch#max_ms");
      p95 > 0)
    std::printf("%-36s %8.2f ms p95, %.2f ms the slowest of 72\n", "", p95, most);
  const int left = count_leftovers(true) + count_shm_leftovers(g_session_tags, true);
  std::printf("leftover worker processes and /dev/shm objects: %d\n", left);
  return left == 0 ? 0 : 1;
}
