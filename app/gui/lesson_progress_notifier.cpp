#include "lesson_progress_notifier.h"

LessonProgressNotifier* LessonProgressNotifier::instance() {
  static LessonProgressNotifier* notifier =
      new LessonProgressNotifier;  // lives as long as the program
  return notifier;
}
