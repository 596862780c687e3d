// LessonProgress: what a student has done in each lesson, kept between runs
// (QSettings, under "progress/<id>/..."): how far they got in the lesson's
// steps, whether they reached its end, and for a challenge whether they won
// it and in how few steps. The lesson and challenge panels write it; the
// browser reads it to show done, in progress, not started. A scripted run
// (a screenshot) keeps it in memory only: it starts from nothing, so its
// pictures do not depend on who runs it, and leaves the user's own
// progress as it was.
#pragma once

#include <QString>

class LessonProgress {
 public:
  enum class State { notStarted, inProgress, done };

  struct Entry {
    State state = State::notStarted;
    int reached = 0;    // lesson steps carried out (1-based count), 0 = none
    int stepCount = 0;  // the lesson's steps when last seen
    bool won = false;   // the challenge
    int bestSteps = 0;  // fewest steps a win took, 0 = not won yet
  };

  // Done: every lesson step reached (or there are none) and, when the
  // scenario has a challenge, the challenge won.
  static Entry entry(const QString& id, bool hasChallenge);
  // The lesson reached step `reached` of `stepCount` (1-based); the end is done.
  static void recordLessonStep(const QString& id, int reached, int stepCount);
  // A challenge won in `steps`: keeps the best (fewest). Returns true if it is a new best.
  static bool recordChallengeWin(const QString& id, int steps);
  static void forget(const QString& id);
  static void forgetAll();
  // From now on, in this process, progress lives in memory only (starting
  // empty); the settings are neither read nor written.
  static void keepInMemory();
  static bool inMemory();
};
