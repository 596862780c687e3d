// WindowActions: every command of the main window as a QAction, with its
// keyboard shortcut shown in menus and tooltips, and the menus built from
// them. Texts are set in retranslate(), so a language switch renames all.
//
// Keys: Space steps the selected process, S (or Ctrl+Space) steps all,
// R runs, P pauses, Ctrl+R resets, Ctrl+O opens a lesson file.
#pragma once

#include <QObject>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;
class QToolBar;

class WindowActions : public QObject {
  Q_OBJECT

 public:
  explicit WindowActions(QMainWindow* window);

  void buildMenus();
  // Session commands; the caller adds the speed and lesson widgets.
  void fillToolBar(QToolBar* bar);
  void retranslate();

  QAction* open;
  QAction* quit;
  QAction* run;
  QAction* pause;
  QAction* step;
  QAction* stepAll;
  QAction* killProcess;  // kill -9 of the selected process (also in the process table's menu)
  QAction* reset;
  QAction* presentation;
  QAction* english;
  QAction* chinese;
  QAction* about;
  QActionGroup* languages;

 private:
  QMainWindow* window_;
  QMenu* fileMenu_ = nullptr;
  QMenu* sessionMenu_ = nullptr;
  QMenu* viewMenu_ = nullptr;
  QMenu* languageMenu_ = nullptr;
  QMenu* helpMenu_ = nullptr;
  QMenu* panelsMenu_ = nullptr;
};
