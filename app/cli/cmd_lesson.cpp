// `ipclab-cli lesson ID | --all`: a lesson's steps headless, every expect checked.
#include <algorithm>
#include <cstdio>

#include "cli_text.hpp"
#include "commands.hpp"
#include "core_words.hpp"
#include "runtime/ask_check.hpp"
#include "runtime/challenge.hpp"
#include "runtime/lesson_check.hpp"
#include "scenario/catalog.hpp"
#include "scenario/course.hpp"

#ifndef IPCLAB_WORKER_BUILD_PATH
#define IPCLAB_WORKER_BUILD_PATH "ipclab-worker"
#endif

namespace ipclab::cli {

namespace {

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() > 70) {
    size_t cut = 67;  // not inside a UTF-8 character
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut) + "...";
  }
  return line;
}

// The challenge's solution on fresh processes: it must win.
int play_solution(const Scenario& s, const SessionOptions& so) {
  const Challenge& c = *s.challenge;
  if (c.solution.empty()) {
    std::printf("  FAIL %s\n",
                fill(translate("cli", "challenge (%1): no solution to check"), {to_string(c.goal)})
                    .c_str());
    return 1;
  }
  std::string err;
  auto session = Session::start(s, so, &err);
  if (!session) {
    std::printf("  FAIL %s\n", fill(translate("cli", "challenge: %1"), {err}).c_str());
    return 1;
  }
  const ChallengePlay play = play_challenge(*session, c, c.solution);
  session->stop();
  const bool won = play.verdict.status == ChallengeStatus::won;
  std::printf("  %s %s\n", won ? "ok  " : "FAIL",
              fill(translate("cli", "challenge (%1) in %2 steps: %3"),
                   {to_string(c.goal), std::to_string(play.steps),
                    verdict_words(c, play.verdict, play.steps)})
                  .c_str());
  for (const std::string& p : play.problems)
    std::printf("         %s %s\n", translate("cli", "FAILED:"), play_problem_words(p).c_str());
  return (won ? 0 : 1) + static_cast<int>(play.problems.size());
}

// Returns the number of failed checks, or -1 if the lesson could not run.
int run_lesson(const std::string& id) {
  LoadResult loaded = resolve_scenario(id);
  if (!loaded.ok()) {
    for (const Diagnostic& d : loaded.errors)
      std::fprintf(stderr, "%s\n", diagnostic_line(d).c_str());
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
  std::printf("%s\n", fill(translate("cli", "%1: %2 (%3 steps)"),
                           {s.id, local(s.title), std::to_string(s.lesson.size())})
                          .c_str());
  int failed = 0;
  // A question about the next step is checked once that step was carried out.
  const Ask* pending = nullptr;
  size_t pending_step = 0;
  auto check_ask = [&](const Ask& ask, size_t step, ExpectOutcome& outcome) {
    const AskTruth truth = ask_truth(*session, ask);
    const Snapshot snap = session->snapshot();  // the state the truth was taken from
    const std::string n = std::to_string(step + 1);
    const std::string wrong = key_disagreement(ask, truth);
    if (!wrong.empty())
      outcome.failed.push_back(fill(translate("cli", "the question of step %1: %2"),
                                    {n, disagreement_words(ask, truth, snap, s)}));
    else if (truth.from_processes)
      outcome.passed.push_back(fill(
          translate("cli", "the question of step %1: its answer is what the processes show (%2)"),
          {n, truth_words(ask, truth, snap, s)}));
    else
      outcome.passed.push_back(fill(
          translate("cli", "the question of step %1: no check against the processes, only its key"),
          {n}));
  };
  for (size_t i = 0; i < s.lesson.size(); ++i) {
    const LessonStep& step = s.lesson[i];
    const std::vector<StepProblem> problems = grant_lesson_step(*session, step);
    ExpectOutcome outcome;
    if (step.expect) {
      outcome = check_expect(*session, *step.expect);
      outcome = outcome_words(*step.expect, outcome, session->snapshot(), s);
    }
    for (const StepProblem& p : problems) outcome.failed.push_back(problem_words(p));
    if (pending) check_ask(*pending, pending_step, outcome);
    pending = nullptr;
    if (step.ask && step.ask->now) check_ask(*step.ask, i, outcome);
    if (step.ask && !step.ask->now) {
      pending = &*step.ask;
      pending_step = i;
    }
    std::printf("  %s %zu/%zu  %s\n", outcome.ok() ? "ok  " : "FAIL", i + 1, s.lesson.size(),
                first_line(local(step.say)).c_str());
    for (const std::string& p : outcome.passed)
      std::printf("         %s %s\n", translate("cli", "ok:"), p.c_str());
    for (const std::string& f : outcome.failed)
      std::printf("         %s %s\n", translate("cli", "FAILED:"), f.c_str());
    failed += static_cast<int>(outcome.failed.size());
  }
  session->stop();
  if (s.challenge) failed += play_solution(s, so);
  return failed;
}

}  // namespace

int cmd_lesson(const Args& args) {
  if (args.size() != 1) {
    std::fputs(translate("cli", "usage: ipclab-cli lesson ID|FILE|--all\n"), stderr);
    return 2;
  }
  std::vector<std::string> ids;
  if (args[0] == "--all") {
    // In course order; a bundled lesson the course does not list comes last.
    ids = bundled_course().lesson_ids();
    for (const BundledScenario& b : bundled_scenarios())
      if (std::find(ids.begin(), ids.end(), b.id) == ids.end()) ids.emplace_back(b.id);
  } else {
    ids.push_back(args[0]);
  }
  int failed = 0;
  for (const std::string& id : ids) {
    const int n = run_lesson(id);
    if (n < 0) return 2;
    failed += n;
  }
  std::printf("%s\n", failed ? translate("cli", "some expectations did not hold")
                             : translate("cli", "every expectation held"));
  return failed ? 1 : 0;
}

}  // namespace ipclab::cli
