// The meaning of colours, kept in one place so every panel agrees: one
// colour per process, one per worker state (running, at the gate, blocked,
// finished), one per kind of event. Every colour comes with a word (the
// functions here return both), so nothing depends on colour alone.
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include "runtime/control_block.hpp"
#include "trace/event.hpp"

class StateStyle {
  Q_DECLARE_TR_FUNCTIONS(StateStyle)

 public:
  // A distinct, projector-friendly colour for worker `index`.
  static QColor processColor(int index);

  // The word a student reads for a worker state ("blocked", "finished", ...).
  static QString stateWord(ipclab::WorkerState state);
  static QColor stateBackground(ipclab::WorkerState state);
  static QColor stateForeground(ipclab::WorkerState state);

  // The kernel's one-letter process state from /proc/PID/stat, in words.
  static QString kernelStateWord(char state);

  // Text colour for an event of this kind in the log.
  static QColor eventColor(ipclab::EventKind kind);

  // Flat, padded column headers: the tables read as lists on a projector.
  static QString headerStyleSheet();
  // "font-size: 9pt;" from the application font. A style sheet freezes the
  // font of the widget it styles, so every sheet states the size and is set
  // again when presentation mode changes the application font.
  static QString fontSizeRule();

  // Colours of the session's overall state in the status bar.
  static QColor runningColor() { return QColor(0x1e, 0x7b, 0x34); }
  static QColor deadlockColor() { return QColor(0xb0, 0x1e, 0x2d); }
};
