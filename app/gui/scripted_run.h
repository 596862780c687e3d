// The scripted part of the command line: open a lesson, perform N "step
// all" commands (each waiting until it settled, as a script may), make the
// --switch changes of a channel's mechanism (each waiting for its outcome),
// walk the guided lesson to --lesson-step and check an --answer there (each
// step waited for), show the final state, and save a screenshot of the window.
#pragma once

#include <QCoreApplication>

class MainWindow;
struct CommandLine;

class ScriptedRun {
  Q_DECLARE_TR_FUNCTIONS(ScriptedRun)

 public:
  // The process exit code when the program should end now (a screenshot was
  // asked for, or the lesson could not open in a scripted run), else -1 to
  // go on interactively. Messages go to stderr.
  static int perform(MainWindow& window, const CommandLine& commandLine);
};
