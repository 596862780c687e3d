// What tracing costs a real workload: a pipe ping-pong between two
// ipclab-worker processes pinned to ONE CPU, traced and untraced
// (SessionOptions::tracing), beside the same ping-pong in plain C (two
// forked processes, two pipes, write/read, no ipclab), all in one run.
//
// The bench process pins itself to CPU 0 before anything starts, so the
// workers, the C processes and the session's pump thread all inherit it.
// Target (foundation issue): traced / untraced <= 1.15.
// A second placement (apart:1) then moves this process's threads (the pump,
// the waiting thread) to CPU 1 once the workers have started, to separate
// the workers' own cost of tracing from the pump's decoding.
//
// Each repetition is one session (or one C run) of kRoundTrips round trips,
// timed from Session::run(0) until Session::finished(); the reported time is
// ns per round trip, the median of kRepetitions. Counters: events per round
// trip, ring-full waits, and CPU time per round trip of the workers and of
// this process (getrusage), which other load on the machine disturbs less
// than wall time. Repetitions of all variants are interleaved
// (--benchmark_enable_random_interleaving) so a change of load on the
// machine hits them alike.
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "runtime/session.hpp"
#include "scenario/loader.hpp"

namespace {

using namespace ipclab;
using namespace ipclab::bench;

constexpr int kRoundTrips = 10000;
constexpr int kRepetitions = 7;

std::vector<std::string> g_session_tags;

std::string pingpong_yaml(int round_trips) {
  const std::string n = std::to_string(round_trips);
  return R"(ipclab: 1
id: bench-pingpong
title: {en: "Ping-pong over two pipes"}
category: message-passing
objects:
  - {name: ping_pipe, kind: pipe}
  - {name: pong_pipe, kind: pipe}
processes:
  - name: ping
    steps:
      - repeat: {times: )" +
         n + R"(, steps: [{send: {to: ping_pipe, data: "x"}}, {recv: {from: pong_pipe, max: 1}}]}
  - name: pong
    steps:
      - repeat: {times: )" +
         n + R"(, steps: [{recv: {from: ping_pipe, max: 1}}, {send: {to: pong_pipe, data: "x"}}]}
)";
}

struct RunResult {
  double seconds = 0;
  double worker_cpu_s = 0;      // both ping-pong processes, from run() to their exit
  double supervisor_cpu_s = 0;  // this process: the session's pump, this thread
  size_t worker_events = 0;
  uint64_t ring_full_waits = 0;
  std::string error;
};

double cpu_seconds(int who) {
  rusage r{};
  ::getrusage(who, &r);
  return static_cast<double>(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
         static_cast<double>(r.ru_utime.tv_usec + r.ru_stime.tv_usec) * 1e-6;
}

// CPU time a live process has used so far (/proc/PID/schedstat, in ns).
double process_cpu_seconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/schedstat");
  double ns = 0;
  in >> ns;
  return ns * 1e-9;
}

// CPU time of the children reaped between two calls (workers are reaped by
// the session's pump, the C processes by waitpid), minus what they had
// already used before the timed part (`before`).
struct CpuClock {
  double self0 = cpu_seconds(RUSAGE_SELF);
  double children0 = cpu_seconds(RUSAGE_CHILDREN);
  void stop(RunResult& r, double before) const {
    r.supervisor_cpu_s = cpu_seconds(RUSAGE_SELF) - self0;
    r.worker_cpu_s = cpu_seconds(RUSAGE_CHILDREN) - children0 - before;
  }
};

// supervisor_cpu: -1 to leave the session's threads where the workers are,
// else the CPU to move them to once the workers have started.
RunResult run_ipclab(const Scenario& scenario, bool tracing, int supervisor_cpu) {
  RunResult out;
  SessionOptions opts;
  opts.worker_path = find_worker_binary(IPCLAB_WORKER_BUILD_PATH);
  opts.tracing = tracing;
  auto session = Session::start(scenario, opts, &out.error);
  if (!session) return out;
  const std::string& folder = session->folder();
  g_session_tags.push_back(folder.substr(folder.rfind('/') + 1));
  if (supervisor_cpu >= 0) pin_all_threads_to_cpu(supervisor_cpu);
  std::vector<Event> events;
  session->take_events(events);  // the spawn events
  events.clear();
  double started_cpu = 0;
  for (const WorkerStatus& w : session->snapshot().workers)
    started_cpu += process_cpu_seconds(w.pid);
  const CpuClock cpu;
  const auto t0 = std::chrono::steady_clock::now();
  session->run(0);
  while (!session->finished()) {
    session->wait_for_activity(std::chrono::milliseconds(50));
    session->take_events(events);
    for (const Event& e : events)
      if (e.worker >= 0 && e.ev != EventKind::spawn && e.ev != EventKind::exit) ++out.worker_events;
    events.clear();
  }
  const auto t1 = std::chrono::steady_clock::now();
  cpu.stop(out, started_cpu);
  session->take_events(events);
  for (const Event& e : events)
    if (e.worker >= 0 && e.ev != EventKind::spawn && e.ev != EventKind::exit) ++out.worker_events;
  out.ring_full_waits = session->ring_full_waits();
  const Snapshot snap = session->snapshot();
  for (const WorkerStatus& w : snap.workers)
    if (w.exit_code != 0) out.error = w.id.name + " did not finish cleanly";
  session->stop();
  if (supervisor_cpu >= 0) pin_all_threads_to_cpu(0);  // the spawner thread too
  out.seconds = std::chrono::duration<double>(t1 - t0).count();
  return out;
}

// The baseline: what a C programmer writes, with no ipclab at all.
RunResult run_raw_c(int round_trips) {
  RunResult out;
  int ping[2], pong[2], go[2];
  if (::pipe(ping) != 0 || ::pipe(pong) != 0 || ::pipe(go) != 0) {
    out.error = "pipe failed";
    return out;
  }
  auto child = [&](bool is_ping) {
    const pid_t pid = ::fork();
    if (pid != 0) return pid;
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    char c = 'x';
    if (::read(go[0], &c, 1) != 1) ::_exit(1);
    for (int i = 0; i < round_trips; ++i) {
      if (is_ping) {
        if (::write(ping[1], &c, 1) != 1 || ::read(pong[0], &c, 1) != 1) ::_exit(1);
      } else {
        if (::read(ping[0], &c, 1) != 1 || ::write(pong[1], &c, 1) != 1) ::_exit(1);
      }
    }
    ::_exit(0);
  };
  const pid_t a = child(true);
  const pid_t b = child(false);
  for (int fd : {ping[0], ping[1], pong[0], pong[1], go[0]}) ::close(fd);
  const CpuClock cpu;
  const auto t0 = std::chrono::steady_clock::now();
  const char start[2] = {'g', 'g'};
  [[maybe_unused]] ssize_t n = ::write(go[1], start, 2);
  int status_a = 0, status_b = 0;
  ::waitpid(a, &status_a, 0);
  ::waitpid(b, &status_b, 0);
  const auto t1 = std::chrono::steady_clock::now();
  cpu.stop(out, 0);
  ::close(go[1]);
  if (a < 0 || b < 0 || status_a != 0 || status_b != 0) out.error = "a C process failed";
  out.seconds = std::chrono::duration<double>(t1 - t0).count();
  return out;
}

void report(benchmark::State& state, const RunResult& r) {
  state.SetIterationTime(r.seconds / kRoundTrips);
  state.counters["events_per_rt"] = static_cast<double>(r.worker_events) / kRoundTrips;
  state.counters["worker_cpu_ns"] = r.worker_cpu_s * 1e9 / kRoundTrips;
  state.counters["super_cpu_ns"] = r.supervisor_cpu_s * 1e9 / kRoundTrips;
  state.counters["total_cpu_ns"] = (r.worker_cpu_s + r.supervisor_cpu_s) * 1e9 / kRoundTrips;
  state.counters["ring_full_waits"] = static_cast<double>(r.ring_full_waits);
}

void BM_RawC(benchmark::State& state) {
  for (auto _ : state) {
    const RunResult r = run_raw_c(kRoundTrips);
    if (!r.error.empty()) {
      state.SkipWithError(r.error.c_str());
      break;
    }
    report(state, r);
  }
}

void BM_Ipclab(benchmark::State& state) {
  const bool tracing = state.range(0) != 0;
  const int supervisor_cpu = state.range(1) != 0 && online_cpus() >= 2 ? 1 : -1;
  const LoadResult loaded = load_scenario_text(pingpong_yaml(kRoundTrips), "pingpong.yaml");
  if (!loaded.ok()) return state.SkipWithError(loaded.errors.front().to_string().c_str());
  for (auto _ : state) {
    const RunResult r = run_ipclab(*loaded.scenario, tracing, supervisor_cpu);
    if (!r.error.empty()) {
      state.SkipWithError(r.error.c_str());
      break;
    }
    report(state, r);
  }
  state.SetLabel(std::string(tracing ? "traced" : "untraced") +
                 (supervisor_cpu >= 0 ? ", supervisor on CPU 1" : ", all on CPU 0"));
}

void configure(benchmark::internal::Benchmark* b) {
  b->UseManualTime()->Iterations(1)->Repetitions(kRepetitions)->ReportAggregatesOnly(true);
}
BENCHMARK(BM_RawC)->Apply(configure);
// traced: SessionOptions::tracing. apart: after Session::start, move this
// process's threads (the pump, the thread that waits) to CPU 1, so only
// the workers' own cost of tracing is left on CPU 0.
BENCHMARK(BM_Ipclab)
    ->ArgNames({"traced", "apart"})
    ->Args({0, 0})
    ->Args({1, 0})
    ->Args({0, 1})
    ->Args({1, 1})
    ->Apply(configure);

}  // namespace

int main(int argc, char** argv) {
  // Interleave the repetitions unless told otherwise.
  std::vector<char*> args(argv, argv + argc);
  char interleave[] = "--benchmark_enable_random_interleaving=true";
  args.insert(args.begin() + 1, interleave);
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 1;
  if (!pin_to_cpu(0)) std::perror("sched_setaffinity");
  MedianReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  std::printf("\nPipe ping-pong, ns per round trip, median of %d runs of %d round trips:\n",
              kRepetitions, kRoundTrips);
  const std::string untraced = "BM_Ipclab/traced:0/apart:0", traced = "BM_Ipclab/traced:1/apart:0";
  const std::string untraced_apart = "BM_Ipclab/traced:0/apart:1",
                    traced_apart = "BM_Ipclab/traced:1/apart:1";
  std::printf("all on CPU 0 (workers, C processes, the session's pump):\n");
  reporter.print_target("  raw C (two processes, two pipes)", "BM_RawC", 0);
  reporter.print_target("  ipclab untraced", untraced, 0);
  reporter.print_target("  ipclab traced", traced, 0);
  reporter.print_ratio("  traced / untraced", traced, untraced, 1.15);
  reporter.print_ratio("  untraced / raw C", untraced, "BM_RawC", 0);
  reporter.print_ratio("  traced / untraced, CPU time", traced + "#total_cpu_ns",
                       untraced + "#total_cpu_ns", 0);
  std::printf("workers on CPU 0, the pump and the waiting thread on CPU 1:\n");
  reporter.print_target("  ipclab untraced", untraced_apart, 0);
  reporter.print_target("  ipclab traced", traced_apart, 0);
  reporter.print_ratio("  traced / untraced", traced_apart, untraced_apart, 1.15);
  reporter.print_ratio("  traced / untraced, workers' CPU", traced_apart + "#worker_cpu_ns",
                       untraced_apart + "#worker_cpu_ns", 0);
  const int left = count_leftovers(true) + count_shm_leftovers(g_session_tags, true);
  std::printf("leftover worker processes and /dev/shm objects: %d\n", left);
  return left == 0 ? 0 : 1;
}
