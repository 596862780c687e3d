// MainWindow: the IPC Lab window. Toolbar and menus (WindowActions), the
// open lesson's header, a process table and an object table in the centre,
// the event log and the problems list as dock panels, the session's state in
// the status bar, errors in an inline message bar. It drives the session
// only through its SessionController, and loads lessons only through core's
// loader (resolve_scenario).
//
// Layout, language, presentation mode and the last lesson are remembered
// with QSettings unless the window is scripted (command-line screenshots).
#pragma once

#include <QByteArray>
#include <QFont>
#include <QMainWindow>
#include <QString>

#include "language.h"
#include "scenario/scenario.hpp"

class QDockWidget;
class QTabWidget;
class QLabel;
class QTableView;
class ChannelSwitchMenu;
class DiagramView;
class EventLogPanel;
class MessageBar;
class ObjectTableModel;
class PanelDocks;
class ProblemsPanel;
class ProcessTableModel;
class ScenarioChooser;
class ChartsPanel;
class TimelinePanel;
class ScenarioHeader;
class SessionController;
class SessionStatus;
class SpeedControl;
class WindowActions;

namespace ipclab {
struct Event;
struct Snapshot;
}  // namespace ipclab

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  struct Options {
    bool scripted = false;  // fixed size, default layout, nothing saved
    QString language;       // "" = saved or system language
  };

  explicit MainWindow(const Options& options, QWidget* parent = nullptr);
  ~MainWindow() override;

  // A bundled lesson id or a path to a lesson file. Loading errors go to the
  // message bar and the Problems panel (with line:col) and change nothing:
  // the running lesson, if any, keeps running. True when the lesson loaded
  // (its processes then start in the background).
  bool openScenario(const QString& idOrPath);
  // What to open at start: the lesson opened last time, else the first one.
  QString initialScenario() const;

  void setLanguage(const QString& code);
  QString language() const { return language_.code(); }
  void setPresentationMode(bool on);
  // Switches channel `obj` to `mechanism` while its processes run, off the
  // GUI thread (main_window_switch.cpp); what the Switch Channel menu and
  // the diagram's control do.
  void switchChannel(int obj, ipclab::ObjectKind mechanism);

  SessionController* controller() const { return controller_; }
  ProcessTableModel* processModel() const { return processes_; }
  ObjectTableModel* objectModel() const { return objects_; }
  QTableView* processView() const { return processView_; }
  DiagramView* diagram() const { return diagram_; }
  EventLogPanel* eventLog() const { return log_; }
  MessageBar* messageBar() const { return messageBar_; }
  ProblemsPanel* problems() const { return problems_; }
  SessionStatus* sessionStatus() const { return status_; }
  PanelDocks* panels() const { return panels_; }
  TimelinePanel* timeline() const { return timeline_; }
  ChartsPanel* charts() const { return charts_; }
  ChannelSwitchMenu* switchMenu() const { return switchMenu_; }

 protected:
  void changeEvent(QEvent* event) override;
  void closeEvent(QCloseEvent* event) override;

 private:
  QWidget* buildCentre();
  void buildDocks();
  void buildPanelDocks();     // main_window_panels.cpp
  void buildTimelineDocks();  // main_window_timeline.cpp
  // Predict, then check: every view of a value an open question hides
  // shows "?" (main_window_panels.cpp).
  void connectHiddenValues();
  void buildToolBar();
  void buildSwitchMenu();  // main_window_switch.cpp
  void connectActions();
  void connectController();
  void retranslate();
  void restoreSettings();
  void saveSettings() const;
  void fitRowHeights();
  void arrangeForPresentation(bool on);
  void fitColumns(bool growOnly);
  void updateActions();
  void updateTitle();

  void onSessionStarting();
  void onSessionStarted();
  void onSessionStopped();
  void onSnapshot(const ipclab::Snapshot& snapshot);
  void onFailed(const QString& text);
  void stepSelected();
  void killSelected();
  bool selectedCanBeKilled() const;  // a live process is selected (not finished)
  void openFileDialog();
  void showAbout();

  Options options_;
  Language language_;
  QFont baseFont_;
  QString current_;  // the lesson shown: bundled id or file path
  SessionController* controller_;
  WindowActions* actions_;
  MessageBar* messageBar_ = nullptr;
  ScenarioHeader* header_ = nullptr;
  QLabel* processesTitle_ = nullptr;
  QLabel* objectsTitle_ = nullptr;
  QLabel* lessonLabel_ = nullptr;
  QTableView* processView_ = nullptr;
  DiagramView* diagram_ = nullptr;  // the centre; the tables are a tab beside it
  QTabWidget* centreTabs_ = nullptr;
  QTableView* objectView_ = nullptr;
  ProcessTableModel* processes_ = nullptr;
  ObjectTableModel* objects_ = nullptr;
  EventLogPanel* log_ = nullptr;
  ProblemsPanel* problems_ = nullptr;
  QDockWidget* logDock_ = nullptr;
  QDockWidget* problemsDock_ = nullptr;
  ScenarioChooser* chooser_ = nullptr;
  SpeedControl* speed_ = nullptr;
  SessionStatus* status_ = nullptr;
  PanelDocks* panels_ = nullptr;
  TimelinePanel* timeline_ = nullptr;
  ChartsPanel* charts_ = nullptr;
  QDockWidget* timelineDock_ = nullptr;
  QDockWidget* chartsDock_ = nullptr;
  ChannelSwitchMenu* switchMenu_ = nullptr;
  QByteArray presentationLayout_;  // the layout before presentation mode, while it is on
};
