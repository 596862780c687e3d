// EventDetailText: the detail of an event, the one core words in English,
// said again in the GUI's language from what the event tells as data: its
// kind, the op of the process's plan it belongs to, the errno (found by its
// name, "EPIPE", at the end of core's sentence), the signal. Each rebuild
// also makes core's English sentence from the same data and is used only
// when that is what core wrote (as LessonCheckText does for the lesson's
// checks): a detail core words differently one day stays in English rather
// than being said wrong. The C names in it (EPIPE, sem_getvalue, SIGTERM)
// stay as they are: they are what the student will look up.
#pragma once

#include <QCoreApplication>
#include <QString>

#include "runtime/plan.hpp"
#include "trace/event.hpp"
#include "trace/finding.hpp"

class EventDetailText {
  Q_DECLARE_TR_FUNCTIONS(EventDetailText)

 public:
  // The detail in the current language, or a null QString when there is
  // nothing to say differently (keep core's text). `op` is the op of the
  // event's process it belongs to, or nullptr.
  static QString words(const ipclab::Event& e, const ipclab::Op* op);

  // The errno whose "NAME description" (strerrorname_np, strerror) ends
  // `detail`, or 0.
  static int errnoAtEnd(const QString& detail);
  // "EPIPE Broken pipe" in the current language: the name stays, the
  // description is translated where the catalogue has it.
  static QString errnoText(int err);
  // "exit code 0", "exit code 0, stopped by the session before action 3 of
  // 5", "killed by SIGTERM"; null when `detail` is none of those.
  static QString exitText(const QString& detail);
  // Core's description of a deadlock ("every process is blocked and none
  // can release another: producer waits on semaphore 'empty' (count 0);
  // ..."), clause by clause; null when it is not in those words, or when
  // the window speaks English (core's sentence is the one to show).
  static QString deadlockText(const QString& detail);
  // What the simulator found (Finding::text, the sentence of the event it
  // came from) in the current language where it is one of core's forms,
  // else core's English.
  static QString finding(const ipclab::Finding& finding);
  // A deadlock cycle as core's wait-for graph words it ("philosopher#1
  // waits for fork2 held by philosopher#2, which waits for ..."), link by
  // link; null when not in those words or in English.
  static QString cycleText(const QString& detail);
};
