// The GUI suite's fixture: an ipclab MainWindow shown offscreen, helpers to
// open a lesson and wait for its processes, to read the tables, and a check
// that nothing a session made survives it: no worker process, no session
// folder, no /dev/shm or /dev/mqueue object.
#pragma once

#include <gtest/gtest.h>
#include <sys/types.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>
#include <QVariant>
#include <memory>
#include <string>
#include <vector>

#include "main_window.h"
#include "runtime/session.hpp"

class SessionController;

namespace guitest {

// What a session leaves to check after it is gone.
struct Traces {
  std::string folder;
  std::string tag;
  std::vector<pid_t> pids;
};

Traces tracesOf(ipclab::Session& session);
void expectNothingLeft(const Traces& t);

bool allGone(const ipclab::Snapshot& snap);
bool anyAtGate(const ipclab::Snapshot& snap);

// Lets the event loop run until `done` or the deadline (generous: it only
// matters when something is broken).
template <typename Done>
bool pumpUntil(Done done, int ms = 15000) {
  QElapsedTimer timer;
  timer.start();
  while (!done()) {
    if (timer.elapsed() > ms) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  }
  return true;
}

class GuiTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // A scripted window (fixed size, no settings) in English.
  virtual MainWindow::Options options() const;
  SessionController* controller() const;

  // With IPCLAB_GUI_SHOTS=DIR set, saves the window as DIR/NAME.png, to look at.
  void shoot(const char* name) const;
  // Opens a lesson and waits until its processes stand at their gates.
  ipclab::Session* open(const QString& id);

  // The GUI's view of one cell.
  QVariant processCell(int row, int column, int role = Qt::DisplayRole) const;
  QVariant objectCell(int row, int column, int role = Qt::DisplayRole) const;
  // The tables must say what the core says.
  void expectTablesMatch(const ipclab::Snapshot& snap, const std::string& where);
  // Destroys the window (stopping its session) and checks the leftovers.
  void closeWindow();

  std::unique_ptr<MainWindow> window_;
  std::vector<Traces> traces_;
};

}  // namespace guitest
