// SocketText: what the GUI says about a socket's address and the kernel's
// note on it (ObjectStatus::address, ::kernel_note), in the GUI's language.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <string>

#include "scenario/scenario.hpp"

class SocketText {
  Q_DECLARE_TR_FUNCTIONS(SocketText)

 public:
  // Short enough for a diagram node: "port 40123" for tcp/udp, "file
  // buffer.sock" for a Unix socket file; "" when there is no address.
  static QString shortAddress(const std::string& address, ipclab::ObjectKind mechanism);
  // The whole address with what it is: "TCP 127.0.0.1:40123",
  // "socket file /run/.../buffer.sock".
  static QString address(const std::string& address, ipclab::ObjectKind mechanism);
  // The kernel note (core writes it in English) in the GUI's language; a
  // note it does not know is shown as it is.
  static QString note(const std::string& note);
};
