// `ipclab-cli lesson ID | --all`: a lesson's steps headless, every expect checked.
#include <cstdio>

#include "commands.hpp"
#include "runtime/lesson_check.hpp"
#include "scenario/catalog.hpp"

#ifndef IPCLAB_WORKER_BUILD_PATH
#define IPCLAB_WORKER_BUILD_PATH "ipclab-worker"
#endif

namespace ipclab::cli {

namespace {

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() > 70) line = line.substr(0, 67) + "...";
  return line;
}

// Returns the number of failed checks, or -1 if the lesson could not run.
int run_lesson(const std::string& id) {
  LoadResult loaded = resolve_scenario(id);
  if (!loaded.ok()) {
    for (const Diagnostic& d : loaded.errors) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    return -1;
  }
  const Scenario& s = *loaded.scenario;
  SessionOptions so;
  so.worker_path = find_worker_binary(IPCLAB_WORKER_BUILD_PATH);
  std::string err;
  auto session = Session::start(s, so, &err);
  if (!session) {
    std::fprintf(stderr, "ipclab-cli lesson: %s\n", err.c_str());
    return -1;
  }
  std::printf("%s: %s (%zu steps)\n", s.id.c_str(), s.title.en.c_str(), s.lesson.size());
  int failed = 0;
  for (size_t i = 0; i < s.lesson.size(); ++i) {
    const LessonStep& step = s.lesson[i];
    const std::vector<std::string> problems = perform_lesson_step(*session, step);
    ExpectOutcome outcome;
    if (step.expect) outcome = check_expect(*session, *step.expect);
    outcome.failed.insert(outcome.failed.end(), problems.begin(), problems.end());
    std::printf("  %s %zu/%zu  %s\n", outcome.ok() ? "ok  " : "FAIL", i + 1, s.lesson.size(),
                first_line(step.say.en).c_str());
    for (const std::string& p : outcome.passed) std::printf("         ok: %s\n", p.c_str());
    for (const std::string& f : outcome.failed) std::printf("         FAILED: %s\n", f.c_str());
    failed += static_cast<int>(outcome.failed.size());
  }
  session->stop();
  return failed;
}

}  // namespace

int cmd_lesson(const Args& args) {
  if (args.size() != 1) {
    std::fprintf(stderr, "usage: ipclab-cli lesson ID|FILE|--all\n");
    return 2;
  }
  std::vector<std::string> ids;
  if (args[0] == "--all") {
    for (const BundledScenario& b : bundled_scenarios()) ids.emplace_back(b.id);
  } else {
    ids.push_back(args[0]);
  }
  int failed = 0;
  for (const std::string& id : ids) {
    const int n = run_lesson(id);
    if (n < 0) return 2;
    failed += n;
  }
  std::printf("%s\n", failed ? "some expectations did not hold" : "every expectation held");
  return failed ? 1 : 0;
}

}  // namespace ipclab::cli
