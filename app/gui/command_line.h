// The command line of `ipclab`:
//   ipclab [--scenario ID|FILE] [--steps N] [--switch OBJ=MECHANISM]...
//          [--lesson-step N [--answer A]] [--screenshot FILE.png] [--lang zh_CN]
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

struct CommandLine {
  Q_DECLARE_TR_FUNCTIONS(CommandLine)

 public:
  QString scenario;    // "" = the last lesson, or the first one
  int steps = 0;       // "step all" commands to perform after opening
  QString screenshot;  // "" = stay open; else save the window there and exit
  QString language;    // "" = saved or system language
  // Live switches to make after the steps, in order: (channel, mechanism).
  QList<QPair<QString, QString>> switches;
  int lessonStep = 0;  // 0 = as it opens; N = walk the lesson (Next) to step N (1-based)
  QString answer;      // "" = none; else the answer to check there: a choice (from 0) or a number

  // Parses the arguments (argv[0] included); on a mistake returns false and
  // a sentence in *error.
  static bool parse(const QStringList& arguments, CommandLine* out, QString* error);
  static QString usage();
};
