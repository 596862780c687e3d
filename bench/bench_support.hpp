// Small helpers shared by the bench/*.cpp programs: CPU pinning, medians,
// a reporter that remembers each benchmark's median and prints the ratios
// the foundation issue asks for, and a check that a run left nothing behind.
#pragma once

#include <benchmark/benchmark.h>
#include <dirent.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace ipclab::bench {

// Pins the calling thread (and whatever it forks or spawns later) to one CPU.
inline bool pin_to_cpu(int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  return ::sched_setaffinity(0, sizeof set, &set) == 0;
}

inline void unpin() {
  cpu_set_t set;
  CPU_ZERO(&set);
  const long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  for (long i = 0; i < n; ++i) CPU_SET(static_cast<int>(i), &set);
  ::sched_setaffinity(0, sizeof set, &set);
}

// Pins every thread of this process (e.g. a Session's pump thread, which is
// created inside Session::start) to `cpu`. Children already started keep
// their own affinity.
inline void pin_all_threads_to_cpu(int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  if (DIR* d = ::opendir("/proc/self/task")) {
    while (dirent* e = ::readdir(d)) {
      const pid_t tid = static_cast<pid_t>(std::atol(e->d_name));
      if (tid > 0) ::sched_setaffinity(tid, sizeof set, &set);
    }
    ::closedir(d);
  }
}

inline int online_cpus() {
  return static_cast<int>(::sysconf(_SC_NPROCESSORS_ONLN));
}

inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const double pos = p * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<size_t>(pos);
  const size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

inline double median(std::vector<double> v) {
  return percentile(std::move(v), 0.5);
}

// Console output as usual, plus the median real time (ns per iteration) of
// every benchmark, keyed by its name without the "/repeats:N" and
// "/manual_time" decorations, for ratios printed after the run.
class MedianReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      const bool repeated_median = r.run_type == Run::RT_Aggregate && r.aggregate_name == "median";
      const bool single = r.run_type == Run::RT_Iteration && r.repetitions <= 1;
      if (!repeated_median && !single) continue;
      std::string name = r.run_name.function_name;
      if (!r.run_name.args.empty()) name += "/" + r.run_name.args;
      medians_[name] = r.GetAdjustedRealTime() * to_ns(r.time_unit);
      for (const auto& [key, c] : r.counters) counters_[name + "#" + key] = c.value;
    }
    ConsoleReporter::ReportRuns(runs);
  }

  // Median ns per iteration of a benchmark, or 0 when it did not run.
  // "NAME#COUNTER" gives the median of that user counter instead.
  double ns(const std::string& name) const {
    const auto& map = name.find('#') == std::string::npos ? medians_ : counters_;
    const auto it = map.find(name);
    return it == map.end() ? 0 : it->second;
  }

  // "name: 12.3 ns / baseline: 4.5 ns = 2.73x (target <= 3x: met)"
  void print_ratio(const char* what, const std::string& num, const std::string& den,
                   double target) const {
    const double a = ns(num), b = ns(den);
    if (a <= 0 || b <= 0) return;
    const double ratio = a / b;
    std::printf("%-34s %10.1f ns / %10.1f ns = %5.2fx", what, a, b, ratio);
    if (target > 0)
      std::printf("   (target <= %.2fx: %s)", target, ratio <= target ? "met" : "NOT met");
    std::printf("\n");
  }

  void print_target(const char* what, const std::string& name, double limit_ns) const {
    const double a = ns(name);
    if (a <= 0) return;
    std::printf("%-34s %10.1f ns median", what, a);
    if (limit_ns > 0)
      std::printf("   (target < %.0f ns: %s)", limit_ns, a < limit_ns ? "met" : "NOT met");
    std::printf("\n");
  }

 private:
  static double to_ns(benchmark::TimeUnit u) {
    switch (u) {
      case benchmark::kNanosecond:
        return 1;
      case benchmark::kMicrosecond:
        return 1e3;
      case benchmark::kMillisecond:
        return 1e6;
      case benchmark::kSecond:
        return 1e9;
    }
    return 1;
  }
  std::map<std::string, double> medians_;
  std::map<std::string, double> counters_;
};

// Live ipclab-worker processes (by their /proc/PID/exe) and ipclab names in
// /dev/shm; printed so a run that leaks is noticed at once.
inline int count_leftovers(bool print) {
  int found = 0;
  if (DIR* d = ::opendir("/proc")) {
    while (dirent* e = ::readdir(d)) {
      const long pid = std::atol(e->d_name);
      if (pid <= 0) continue;
      char exe[4096];
      const std::string link = "/proc/" + std::string(e->d_name) + "/exe";
      const ssize_t n = ::readlink(link.c_str(), exe, sizeof exe - 1);
      if (n <= 0) continue;
      exe[n] = 0;
      if (std::strstr(exe, "ipclab-worker") == nullptr) continue;
      // Only ours: a child of this process (other sessions may run beside us).
      std::ifstream stat("/proc/" + std::string(e->d_name) + "/stat");
      std::string line;
      std::getline(stat, line);
      const size_t close = line.rfind(')');
      if (close == std::string::npos) continue;
      char state = 0;
      long ppid = 0;
      std::sscanf(line.c_str() + close + 1, " %c %ld", &state, &ppid);
      if (ppid != ::getpid()) continue;
      ++found;
      if (print) std::printf("leftover worker process: pid %ld\n", pid);
    }
    ::closedir(d);
  }
  return found;
}

// Names in /dev/shm that belong to the sessions with these tags (the last
// component of Session::folder()).
inline int count_shm_leftovers(const std::vector<std::string>& tags, bool print) {
  int found = 0;
  if (DIR* d = ::opendir("/dev/shm")) {
    while (dirent* e = ::readdir(d)) {
      for (const std::string& tag : tags) {
        if (std::strstr(e->d_name, ("ipclab-" + tag + "-").c_str()) == nullptr) continue;
        ++found;
        if (print) std::printf("leftover /dev/shm/%s\n", e->d_name);
      }
    }
    ::closedir(d);
  }
  return found;
}

}  // namespace ipclab::bench
