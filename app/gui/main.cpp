// ipclab: the IPC Lab window.
//   ipclab [--scenario ID|FILE] [--steps N] [--screenshot FILE.png] [--lang zh_CN]
#include <QApplication>
#include <QIcon>
#include <cstdio>

#include "app_icon.h"
#include "command_line.h"
#include "lesson_progress.h"
#include "main_window.h"
#include "quit_on_signal.h"
#include "scripted_run.h"

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("IPC Lab"));
  QApplication::setApplicationName(QStringLiteral("ipclab"));
  QApplication::setApplicationDisplayName(QStringLiteral("IPC Lab"));
  QApplication::setApplicationVersion(QStringLiteral(IPCLAB_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("ipclab"));
  QApplication::setWindowIcon(appIcon());

  CommandLine commandLine;
  QString error;
  if (!CommandLine::parse(QApplication::arguments(), &commandLine, &error)) {
    const bool help = error == CommandLine::usage();
    std::fprintf(help ? stdout : stderr, "%s\n", error.toLocal8Bit().constData());
    return help ? 0 : 2;
  }
  MainWindow::Options options;
  options.scripted = !commandLine.screenshot.isEmpty();
  // A screenshot run walks lessons too: the student's own progress stays as it was.
  if (options.scripted) LessonProgress::keepInMemory();
  options.language = commandLine.language;
  MainWindow window(options);
  window.show();
  quitOnTerminationSignals(&app);
  const int code = ScriptedRun::perform(window, commandLine);
  if (code >= 0) return code;
  const int status = QApplication::exec();
  window.close();  // saves the layout and stops the session, also after a signal
  return status;
}
