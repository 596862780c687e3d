#include "core_words.hpp"

#include <QCoreApplication>
#include <QString>
#include <QTranslator>
#include <clocale>
#include <string>

#include "ask_text.h"
#include "challenge_text.h"
#include "event_detail_text.h"
#include "lesson_check_text.h"
#include "object_words.h"
#include "op_text.h"
#include "switch_text.h"

namespace ipclab::cli {

namespace {

bool g_translated = false;

std::string s(const QString& text) {
  return text.toStdString();
}

}  // namespace

struct CoreWords::Translation {
  int argc = 1;
  char name[11] = "ipclab-cli";
  char* argv[2] = {name, nullptr};
  QCoreApplication app{argc, argv};
  QTranslator translator;
};

CoreWords::CoreWords(bool chinese) {
  if (!chinese) return;
  // QCoreApplication sets the C locale from the environment; the CLI keeps
  // C's, so numbers ("%10.3f ms") and strerror's words stay as core writes
  // them (EventDetailText finds an errno by its English words).
  const std::string locale = std::setlocale(LC_ALL, nullptr);
  qt_ = std::make_unique<Translation>();
  std::setlocale(LC_ALL, locale.c_str());
  if (!qt_->translator.load(QStringLiteral(":/i18n/ipclab_zh_CN.qm"))) return;
  QCoreApplication::installTranslator(&qt_->translator);
  g_translated = true;
}

CoreWords::~CoreWords() {
  if (qt_) QCoreApplication::removeTranslator(&qt_->translator);
  g_translated = false;
}

std::string problem_words(const StepProblem& problem) {
  return g_translated ? s(LessonCheckText::problem(problem)) : problem.sentence;
}

ExpectOutcome outcome_words(const Expect& expect, const ExpectOutcome& outcome,
                            const Snapshot& snapshot, const Scenario& scenario) {
  if (!g_translated) return outcome;
  const auto lines = LessonCheckText::rebuild(expect, outcome, snapshot, scenario);
  if (!lines) return outcome;  // the state moved between the two looks: core's English
  ExpectOutcome said;
  for (const LessonCheckText::Line& line : *lines)
    (line.passed ? said.passed : said.failed).push_back(s(line.text));
  return said;
}

std::string truth_words(const Ask& ask, const AskTruth& truth, const Snapshot& snapshot,
                        const Scenario& scenario) {
  return g_translated ? s(LessonCheckText::truth(ask, truth, &snapshot, scenario)) : truth.sentence;
}

std::string disagreement_words(const Ask& ask, const AskTruth& truth, const Snapshot& snapshot,
                               const Scenario& scenario) {
  return g_translated ? s(AskText::disagreement(ask, truth, &snapshot, scenario))
                      : key_disagreement(ask, truth);
}

std::string verdict_words(const Challenge& challenge, const ChallengeVerdict& verdict, int steps) {
  return g_translated ? s(ChallengeText::sentence(challenge, verdict, steps)) : verdict.sentence;
}

std::string play_problem_words(const std::string& problem) {
  return g_translated ? s(ChallengeText::playProblem(problem)) : problem;
}

std::string refusal_words(const std::string& process, StepResult result) {
  if (!g_translated) return {};
  StepProblem p;
  p.kind = StepProblem::Kind::not_granted;
  p.process = process;
  p.result = result;
  p.sentence = "could not step " + process + ": " + describe(result);
  return s(LessonCheckText::problem(p));
}

std::string switch_reason_words(const std::string& why) {
  if (!g_translated) return why;
  const QString said = SwitchText::reason(why);
  return said.isNull() ? why : s(said);
}

std::string deadlock_words(const std::string& description) {
  if (!g_translated) return description;
  const QString said = EventDetailText::deadlockText(QString::fromStdString(description));
  return said.isNull() ? description : s(said);
}

std::string event_line(const Event& event, const Session& session) {
  if (!g_translated || event.detail.empty()) return to_human_line(event);
  const Op* op = nullptr;
  if (event.worker >= 0 && static_cast<size_t>(event.worker) < session.workers().size()) {
    const std::vector<Op>& plan = session.plan(event.worker);
    if (event.op >= 0 && static_cast<size_t>(event.op) < plan.size())
      op = &plan[static_cast<size_t>(event.op)];
  }
  // A step's detail is the action's label (Op::label), worded by OpText.
  const QString said = event.ev == EventKind::step && op && event.detail == op->label
                           ? OpText::label(*op, session.scenario())
                           : EventDetailText::words(event, op);
  if (said.isNull()) return to_human_line(event);
  Event shown = event;
  shown.detail = s(said);
  return to_human_line(shown);
}

std::string state_words(WorkerState state) {
  if (!g_translated) return std::string(to_string(state));
  return s(StateWords::word(state));
}

std::string op_words(const Session& session, int worker, int op) {
  if (worker < 0 || static_cast<size_t>(worker) >= session.workers().size()) return {};
  const std::vector<Op>& plan = session.plan(worker);
  if (op < 0 || static_cast<size_t>(op) >= plan.size()) return {};
  const Op& o = plan[static_cast<size_t>(op)];
  return g_translated ? s(OpText::label(o, session.scenario())) : o.label;
}

}  // namespace ipclab::cli
