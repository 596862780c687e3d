// SessionStatus: the status bar's account of the session as a whole:
// starting, stepping, running (at what speed), finished, or deadlocked, with
// the wait-for description the core gives for a deadlock. A coloured word,
// never a colour alone.
#pragma once

#include <QWidget>

#include "runtime/session.hpp"

class QLabel;

class SessionStatus : public QWidget {
  Q_OBJECT

 public:
  enum class State { None, Starting, Stepping, Running, Finished, Deadlock, Failed };

  explicit SessionStatus(QWidget* parent = nullptr);

  void setStarting();
  void setNone();
  void setFailed();
  // speed: steps per second while running (0 = as fast as possible).
  void setSnapshot(const ipclab::Snapshot& snapshot, double speed);

  State state() const { return state_; }
  void restyle() { refresh(); }  // the application font changed
  QString text() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void refresh();

  QLabel* word_;
  QLabel* detail_;
  State state_ = State::None;
  double speed_ = 0;
  QString deadlock_;
};
