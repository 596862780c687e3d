// LessonProgressNotifier: says when LessonProgress was written, so the
// views of progress (the lesson browser) show it at once. One instance for
// the program; its signal is emitted on the thread that wrote (the GUI's).
#pragma once

#include <QObject>
#include <QString>

class LessonProgressNotifier : public QObject {
  Q_OBJECT

 public:
  static LessonProgressNotifier* instance();

 signals:
  // The progress of lesson `id` changed; "" = of every lesson.
  void changed(const QString& id);

 private:
  LessonProgressNotifier() = default;
};
