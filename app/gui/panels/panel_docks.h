// PanelDocks: the Code, Kernel, Lesson, Challenge and Lessons (browser) panels as dock
// widgets of the main window, fed by the SessionController's signals. The
// window only creates it, passes it the language, and opens what the
// browser asks for.
//
// Default arrangement (1400x900, the diagram first): the guided lesson on
// the right, the code at the bottom left beside the dock given to install()
// (the kernel panel a tab of it); the lesson browser is closed (the toolbar
// picks lessons too) and one click away in View > Panels. The challenge is a
// tab beside the lesson: raised when a scenario is only a challenge, one
// click away (Start the challenge) when a lesson has one. While it runs the
// lesson waits, greyed (ChallengePanel::holdsLesson).
#pragma once

#include <QObject>
#include <QString>

class QDockWidget;
class QMainWindow;
class ChallengePanel;
class CodePanel;
class KernelPanel;
class LessonPanel;
class ScenarioBrowser;
class SessionController;

class PanelDocks : public QObject {
  Q_OBJECT

 public:
  PanelDocks(QMainWindow* window, SessionController* controller);

  // Adds the docks; `bottomTab` (the event log) shares the kernel panel's place.
  void install(QDockWidget* bottomTab);
  // Default sizes; call once the window has its size.
  void arrange();
  // Presentation: the guided lesson under the diagram, across the window,
  // `height` high; the browser, code and kernel panels closed.
  void arrangeForPresentation(int height);
  void setLanguage(const QString& code);

  CodePanel* code() const { return code_; }
  KernelPanel* kernel() const { return kernel_; }
  LessonPanel* lesson() const { return lesson_; }
  ChallengePanel* challenge() const { return challenge_; }
  QDockWidget* challengeDock() const { return challengeDock_; }
  // Shows the challenge tab and starts the challenge (a fresh session).
  void startChallenge();
  ScenarioBrowser* browser() const { return browser_; }
  QDockWidget* codeDock() const { return codeDock_; }
  QDockWidget* kernelDock() const { return kernelDock_; }
  QDockWidget* lessonDock() const { return lessonDock_; }
  QDockWidget* browserDock() const { return browserDock_; }

 signals:
  void lessonChosen(const QString& id);
  void openFileRequested();

 private:
  QDockWidget* dock(const QString& name, QWidget* panel);
  void retranslate();
  void onStarting(const QString& id);
  void onStarted();

  QMainWindow* window_;
  SessionController* controller_;
  CodePanel* code_;
  KernelPanel* kernel_;
  LessonPanel* lesson_;
  ChallengePanel* challenge_;
  ScenarioBrowser* browser_;
  QDockWidget* codeDock_ = nullptr;
  QDockWidget* kernelDock_ = nullptr;
  QDockWidget* lessonDock_ = nullptr;
  QDockWidget* challengeDock_ = nullptr;
  QDockWidget* browserDock_ = nullptr;
  QDockWidget* bottomTab_ = nullptr;
};
