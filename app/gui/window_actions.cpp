#include "window_actions.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>

namespace {

QAction* make(QMainWindow* window, QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
  auto* action = new QAction(window);
  if (icon != QStyle::SP_CustomBase) action->setIcon(window->style()->standardIcon(icon));
  // Shortcuts work wherever the focus is in the window (a text field keeps
  // its own keys: Space types a space in the filter box).
  action->setShortcutContext(Qt::WindowShortcut);
  window->addAction(action);
  return action;
}

// "Step all (S)": the tooltip names the key, so a student learns it.
void describe(QAction* action, const QString& text, const QString& tip) {
  action->setText(text);
  const QString keys = action->shortcut().toString(QKeySequence::NativeText);
  action->setToolTip(keys.isEmpty() ? tip : QStringLiteral("%1  (%2)").arg(tip, keys));
  action->setStatusTip(tip);
}

}  // namespace

WindowActions::WindowActions(QMainWindow* window) : QObject(window), window_(window) {
  open = make(window, QStyle::SP_DialogOpenButton);
  open->setShortcut(QKeySequence::Open);
  quit = make(window);
  quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
  quit->setMenuRole(QAction::QuitRole);
  run = make(window, QStyle::SP_MediaPlay);
  run->setShortcut(QKeySequence(Qt::Key_R));
  pause = make(window, QStyle::SP_MediaPause);
  pause->setShortcut(QKeySequence(Qt::Key_P));
  step = make(window, QStyle::SP_MediaSkipForward);
  step->setShortcut(QKeySequence(Qt::Key_Space));
  stepAll = make(window, QStyle::SP_MediaSeekForward);
  stepAll->setShortcuts({QKeySequence(Qt::Key_S), QKeySequence(Qt::CTRL | Qt::Key_Space)});
  killProcess = make(window, QStyle::SP_BrowserStop);
  reset = make(window, QStyle::SP_BrowserReload);
  reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  presentation = make(window);
  presentation->setCheckable(true);
  presentation->setShortcut(QKeySequence(Qt::Key_F11));
  languages = new QActionGroup(this);
  english = make(window);
  english->setCheckable(true);
  english->setData(QStringLiteral("en"));
  chinese = make(window);
  chinese->setCheckable(true);
  chinese->setData(QStringLiteral("zh_CN"));
  languages->addAction(english);
  languages->addAction(chinese);
  about = make(window);
  about->setMenuRole(QAction::AboutRole);
  retranslate();
}

void WindowActions::buildMenus() {
  QMenuBar* bar = window_->menuBar();
  fileMenu_ = bar->addMenu(QString());
  fileMenu_->addAction(open);
  fileMenu_->addSeparator();
  fileMenu_->addAction(quit);
  sessionMenu_ = bar->addMenu(QString());
  sessionMenu_->addAction(run);
  sessionMenu_->addAction(pause);
  sessionMenu_->addSeparator();
  sessionMenu_->addAction(step);
  sessionMenu_->addAction(stepAll);
  sessionMenu_->addAction(killProcess);
  sessionMenu_->addSeparator();
  sessionMenu_->addAction(reset);
  viewMenu_ = bar->addMenu(QString());
  viewMenu_->addAction(presentation);
  viewMenu_->addSeparator();
  panelsMenu_ = viewMenu_->addMenu(QString());
  for (QDockWidget* dock : window_->findChildren<QDockWidget*>())
    panelsMenu_->addAction(dock->toggleViewAction());
  languageMenu_ = bar->addMenu(QString());
  languageMenu_->addAction(english);
  languageMenu_->addAction(chinese);
  helpMenu_ = bar->addMenu(QString());
  helpMenu_->addAction(about);
  retranslate();
}

void WindowActions::fillToolBar(QToolBar* bar) {
  bar->addAction(run);
  bar->addAction(pause);
  bar->addAction(step);
  bar->addAction(stepAll);
  bar->addAction(reset);
}

void WindowActions::retranslate() {
  describe(open, tr("&Open Lesson File…"), tr("Open a lesson written in YAML"));
  describe(quit, tr("&Quit"), tr("Stop the processes and quit"));
  describe(run, tr("&Run"), tr("Let every process run at the chosen speed"));
  describe(pause, tr("&Pause"), tr("Hold every process at its step gate"));
  describe(step, tr("&Step"), tr("Let the selected process carry out one action"));
  describe(stepAll, tr("Step &All"), tr("Let every process that can carry out one action"));
  describe(killProcess, tr("&Kill (SIGKILL)"),
           tr("Kill the selected process with SIGKILL, as kill -9 does: the kernel cleans up "
              "after it"));
  describe(reset, tr("Rese&t"), tr("Stop the processes and start the lesson again"));
  describe(presentation, tr("&Presentation Mode"), tr("Bigger text for a classroom projector"));
  english->setText(QStringLiteral("English"));
  chinese->setText(QStringLiteral("简体中文"));
  describe(about, tr("&About IPC Lab"), tr("What this program is"));
  if (!fileMenu_) return;
  fileMenu_->setTitle(tr("&File"));
  sessionMenu_->setTitle(tr("&Session"));
  viewMenu_->setTitle(tr("&View"));
  panelsMenu_->setTitle(tr("P&anels"));
  languageMenu_->setTitle(tr("&Language"));
  helpMenu_->setTitle(tr("&Help"));
}
