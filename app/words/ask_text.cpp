#include "ask_text.h"

#include <string>

#include "lesson_check_text.h"

QString AskText::disagreement(const ipclab::Ask& ask, const ipclab::AskTruth& truth,
                              const ipclab::Snapshot* snapshot, const ipclab::Scenario& scenario) {
  const std::string english = ipclab::key_disagreement(ask, truth);
  if (english.empty()) return QString();
  const QString facts = LessonCheckText::truth(ask, truth, snapshot, scenario);
  const std::string key = std::to_string(ask.answer);
  // ask_check.cpp's three forms, rebuilt from the same data.
  std::string en;
  QString said;
  if (ask.value_of) {
    en = "the stated answer " + key + " is not what the processes show: " + truth.sentence;
    said = tr("the stated answer %1 is not what the processes show: %2")
               .arg(QString::fromStdString(key), facts);
  } else if (!truth.right_choice) {
    en = "the stated answer cannot be checked: " + truth.sentence;
    said = tr("the stated answer cannot be checked: %1").arg(facts);
  } else {
    const std::string right = std::to_string(*truth.right_choice);
    en = "the stated answer is choice " + key + ", but the real processes make choice " + right +
         " right (" + truth.sentence + ")";
    said = tr("the stated answer is choice %1, but the real processes make choice %2 right (%3)")
               .arg(QString::fromStdString(key), QString::fromStdString(right), facts);
  }
  return en == english ? said : QString::fromStdString(english);
}
