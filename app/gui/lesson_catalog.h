// LessonCatalog: the lessons bundled into the program (core's
// bundled_scenarios), loaded once through core's loader, in teaching order
// and grouped by category, with their titles in both languages.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <vector>

#include "scenario/scenario.hpp"

struct LessonInfo {
  QString id;
  ipclab::Category category = ipclab::Category::message_passing;
  ipclab::LocalText title;
  ipclab::LocalText summary;
  int lessonSteps = 0;        // guided steps (0: a challenge or free play only)
  bool hasChallenge = false;  // a playable `challenge:`
};

class LessonCatalog {
  Q_DECLARE_TR_FUNCTIONS(LessonCatalog)

 public:
  // Every bundled lesson that loads, ordered by category, then teaching order.
  static const std::vector<LessonInfo>& lessons();
  // The lesson to open when nothing else is asked for (pipe-basics).
  static QString defaultLessonId();
  static const LessonInfo* find(const QString& id);
  // "Message passing", ... in the current language.
  static QString categoryName(ipclab::Category category);
};
