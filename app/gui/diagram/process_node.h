// ProcessNode: one worker process in the diagram. A card with the process's
// colour as a stripe (the same colour as in the process table), its name and
// real pid, its state as a coloured chip with a word ("running", "at gate",
// "blocked on full", "finished", "killed") and the action it is on. A
// process in a deadlock cycle wears a red "deadlocked" tag on its top edge;
// one overtaken kStarvingAfter times or more while it waits an amber
// "starving" tag (the tooltip says how often and on what).
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>
#include <QStringList>

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
    bool deadlocked = false;  // in the snapshot's deadlock cycle
    int overtaken = 0;        // others got what it waits for, this many times
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
  // The tags on its top edge, in words ("deadlocked", "starving"); empty when none.
  QStringList markers() const;
  bool starving() const;

  QRectF boundingRect() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  void paintMarkers(QPainter* p, const QRectF& card) const;

  int worker_;
  QString name_;
  State state_;
  bool selected_ = false;
  QSizeF size_;
};
