// ProcessNode: one worker process in the diagram. A card with the process's
// colour as a stripe (the same colour as in the process table), its name and
// real pid, its state as a coloured chip with a word ("running", "at gate",
// "blocked on full", "finished", "killed") and the action it is on.
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>

#include "runtime/control_block.hpp"

class ProcessNode : public QGraphicsItem {
 public:
  struct State {
    int pid = 0;
    ipclab::WorkerState state = ipclab::WorkerState::starting;
    QString blockedOn;  // object name, or "" (a signal wait has none)
    QString action;     // the op label, "" when done
    int op = 0;
    int opCount = 0;
    int exitCode = -1;
    int termSignal = 0;
    bool operator==(const State&) const = default;
  };

  ProcessNode(int worker, const QString& name);

  int worker() const { return worker_; }
  QString name() const { return name_; }
  QColor color() const;
  // True when it changed (the caller repaints only then).
  bool setState(const State& state);
  const State& state() const { return state_; }
  void setSelected(bool selected);
  // The size every process card has for the current font.
  static QSizeF cardSize();

  // For tests and tooltips: "blocked on full", "running", ...
  QString stateText() const;
  QString actionText() const;

  QRectF boundingRect() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  int worker_;
  QString name_;
  State state_;
  bool selected_ = false;
  QSizeF size_;
};
