// The command line of `ipclab`:
//   ipclab [--scenario ID|FILE] [--steps N] [--switch OBJ=MECHANISM]...
//          [--lesson-step N [--answer A]] [--challenge solution|P1,P2,...]
//          [--panel lessons|challenge] [--screenshot FILE.png] [--lang zh_CN]
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
  // Play the scenario's challenge: "solution" (its own winning order) or
  // process instance names separated by commas; "" = no challenge.
  QString challenge;
  // A panel to show in front: "lessons" (the browser) or "challenge".
  QString panel;

  // Parses the arguments (argv[0] included); on a mistake returns false and
  // a sentence in *error.
  static bool parse(const QStringList& arguments, CommandLine* out, QString* error);
  static QString usage();
};
