// SwitchText: what a live switch of a channel's mechanism says, in the
// GUI's language, from data: the switch event's detail (core's "pipe ->
// posix_mq: 3 messages in flight carried over (21 bytes) in 2.1 ms") and
// the sentence core gives when it refuses a switch
// (Session::switch_channel). Like EventDetailText, the English of each
// rebuild is word for word core's sentence, and a rebuild is made only when
// the sentence is in one of core's forms with the event's own data in it; a
// sentence core words differently one day is shown in English (inside a
// translated frame for a refusal), never said wrong. Mechanism names
// (pipe, posix_mq) stay as they are: they are what the student looks up.
#pragma once

#include <QCoreApplication>
#include <QString>

#include "scenario/scenario.hpp"
#include "trace/event.hpp"

class SwitchText {
  Q_DECLARE_TR_FUNCTIONS(SwitchText)

 public:
  // The detail of a `switch` event in the current language; null when it
  // is not in core's words (keep core's text).
  static QString eventDetail(const ipclab::Event& e);
  // The message bar's sentence for a refused switch of `object` to `to`:
  // core's reason `why` worded again where it is one of core's forms.
  static QString refusal(const QString& object, ipclab::ObjectKind to, const std::string& why);
  // The reason alone (for tests): null when not in one of core's forms.
  static QString reason(const std::string& why);
  // "posix_mq": the name of a mechanism as core and the C API spell it.
  static QString mechanismName(ipclab::ObjectKind kind);
};
