#include "lesson_progress.h"

#include <QSettings>

#include "lesson_progress_notifier.h"

namespace {

QString key(const QString& id, const char* what) {
  return QStringLiteral("progress/%1/%2").arg(id, QLatin1String(what));
}

}  // namespace

LessonProgress::Entry LessonProgress::entry(const QString& id, bool hasChallenge) {
  QSettings s;
  Entry e;
  e.reached = s.value(key(id, "reached"), 0).toInt();
  e.stepCount = s.value(key(id, "steps"), 0).toInt();
  e.bestSteps = s.value(key(id, "best"), 0).toInt();
  e.won = e.bestSteps > 0;
  const bool lessonDone = e.reached >= e.stepCount && (e.reached > 0 || e.won);
  if (lessonDone && (!hasChallenge || e.won))
    e.state = State::done;
  else if (e.reached > 0 || e.won)
    e.state = State::inProgress;
  return e;
}

void LessonProgress::recordLessonStep(const QString& id, int reached, int stepCount) {
  QSettings s;
  // Going back (a replay) does not undo what was reached.
  if (reached > s.value(key(id, "reached"), 0).toInt()) s.setValue(key(id, "reached"), reached);
  s.setValue(key(id, "steps"), stepCount);
  emit LessonProgressNotifier::instance()->changed(id);
}

bool LessonProgress::recordChallengeWin(const QString& id, int steps) {
  QSettings s;
  const int best = s.value(key(id, "best"), 0).toInt();
  if (best > 0 && best <= steps) return false;
  s.setValue(key(id, "best"), steps);
  emit LessonProgressNotifier::instance()->changed(id);
  return true;
}

void LessonProgress::forget(const QString& id) {
  QSettings s;
  s.remove(QStringLiteral("progress/%1").arg(id));
  emit LessonProgressNotifier::instance()->changed(id);
}

void LessonProgress::forgetAll() {
  QSettings s;
  s.remove(QStringLiteral("progress"));
  emit LessonProgressNotifier::instance()->changed(QString());
}
