// The words a student reads for two of core's enums, shared by the GUI's
// panels and the CLI: the kind of an object ("pipe", "semaphore") and a
// worker's state ("blocked", "finished"). Their translation contexts are
// the GUI classes that first said them (DiagramPaint, StateStyle), which
// now ask here, so the catalogue's entries stay where they were.
#pragma once

#include <QCoreApplication>
#include <QString>

#include "runtime/control_block.hpp"
#include "scenario/scenario.hpp"

class KindWords {
  Q_DECLARE_TR_FUNCTIONS(DiagramPaint)

 public:
  // What a student calls the object: "pipe", "message queue", "semaphore"...
  static QString word(ipclab::ObjectKind kind);
};

class StateWords {
  Q_DECLARE_TR_FUNCTIONS(StateStyle)

 public:
  // The word a student reads for a worker state ("blocked", "finished", ...).
  static QString word(ipclab::WorkerState state);
};
