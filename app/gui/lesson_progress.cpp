#include "lesson_progress.h"

#include <QMap>
#include <QSettings>
#include <QVariant>
#include <optional>

#include "lesson_progress_notifier.h"

namespace {

QString key(const QString& id, const char* what) {
  return QStringLiteral("progress/%1/%2").arg(id, QLatin1String(what));
}

// Set by keepInMemory(): the progress of this run only, the settings untouched.
std::optional<QMap<QString, QVariant>>& memory() {
  static std::optional<QMap<QString, QVariant>> store;
  return store;
}

QVariant value(const QString& k, const QVariant& fallback) {
  if (memory()) return memory()->value(k, fallback);
  return QSettings().value(k, fallback);
}

void setValue(const QString& k, const QVariant& v) {
  if (memory())
    memory()->insert(k, v);
  else
    QSettings().setValue(k, v);
}

// Removes `group` and every key under it.
void remove(const QString& group) {
  if (!memory()) {
    QSettings().remove(group);
    return;
  }
  const QString prefix = group + QLatin1Char('/');
  for (auto it = memory()->begin(); it != memory()->end();)
    it = it.key() == group || it.key().startsWith(prefix) ? memory()->erase(it) : std::next(it);
}

}  // namespace

void LessonProgress::keepInMemory() {
  if (!memory()) memory().emplace();
}

bool LessonProgress::inMemory() {
  return memory().has_value();
}

LessonProgress::Entry LessonProgress::entry(const QString& id, bool hasChallenge) {
  Entry e;
  e.reached = value(key(id, "reached"), 0).toInt();
  e.stepCount = value(key(id, "steps"), 0).toInt();
  e.bestSteps = value(key(id, "best"), 0).toInt();
  e.won = e.bestSteps > 0;
  const bool lessonDone = e.reached >= e.stepCount && (e.reached > 0 || e.won);
  if (lessonDone && (!hasChallenge || e.won))
    e.state = State::done;
  else if (e.reached > 0 || e.won)
    e.state = State::inProgress;
  return e;
}

void LessonProgress::recordLessonStep(const QString& id, int reached, int stepCount) {
  // Going back (a replay) does not undo what was reached.
  if (reached > value(key(id, "reached"), 0).toInt()) setValue(key(id, "reached"), reached);
  setValue(key(id, "steps"), stepCount);
  emit LessonProgressNotifier::instance()->changed(id);
}

bool LessonProgress::recordChallengeWin(const QString& id, int steps) {
  const int best = value(key(id, "best"), 0).toInt();
  if (best > 0 && best <= steps) return false;
  setValue(key(id, "best"), steps);
  emit LessonProgressNotifier::instance()->changed(id);
  return true;
}

void LessonProgress::forget(const QString& id) {
  remove(QStringLiteral("progress/%1").arg(id));
  emit LessonProgressNotifier::instance()->changed(id);
}

void LessonProgress::forgetAll() {
  remove(QStringLiteral("progress"));
  emit LessonProgressNotifier::instance()->changed(QString());
}
