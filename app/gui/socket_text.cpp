#include "socket_text.h"

#include <QRegularExpression>

namespace {

bool isInet(ipclab::ObjectKind m) {
  return m == ipclab::ObjectKind::tcp || m == ipclab::ObjectKind::udp;
}

}  // namespace

QString SocketText::shortAddress(const std::string& address, ipclab::ObjectKind mechanism) {
  if (address.empty()) return QString();
  const QString a = QString::fromStdString(address);
  if (isInet(mechanism)) {
    const qsizetype colon = a.lastIndexOf(QLatin1Char(':'));
    return colon < 0 ? a : tr("port %1").arg(a.mid(colon + 1));
  }
  const qsizetype slash = a.lastIndexOf(QLatin1Char('/'));
  return tr("file %1").arg(slash < 0 ? a : a.mid(slash + 1));
}

QString SocketText::address(const std::string& address, ipclab::ObjectKind mechanism) {
  if (address.empty()) return QString();
  const QString a = QString::fromStdString(address);
  if (mechanism == ipclab::ObjectKind::tcp) return tr("TCP %1").arg(a);
  if (mechanism == ipclab::ObjectKind::udp) return tr("UDP %1").arg(a);
  return tr("socket file %1").arg(a);
}

QString SocketText::note(const std::string& note) {
  if (note.empty()) return QString();
  const QString n = QString::fromStdString(note);
  static const QRegularExpression next(
      QStringLiteral("^next datagram: (\\d+) bytes? \\(FIONREAD\\)$"));
  if (const QRegularExpressionMatch m = next.match(n); m.hasMatch()) {
    const int bytes = m.captured(1).toInt();
    return bytes == 1 ? tr("next datagram: 1 byte (FIONREAD)")
                      : tr("next datagram: %1 bytes (FIONREAD)").arg(bytes);
  }
  if (n == QLatin1String("no datagram waiting (FIONREAD)"))
    return tr("no datagram waiting (FIONREAD)");
  return n;
}
