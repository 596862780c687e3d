#include "switch_text.h"

#include <QRegularExpression>

#include "event_detail_text.h"

namespace {

QString q(const std::string& s) {
  return QString::fromStdString(s);
}

// Core's wording of the refusals (core/runtime/session_switch.cpp), each
// rebuilt in English and in the current language from its captures.
QString reasonFromForms(const QString& why) {
  using QRE = QRegularExpression;
  static const QRE ended(QStringLiteral("^the session has ended$"));
  static const QRE noObject(QStringLiteral("^there is no such object$"));
  static const QRE notSwitchable(
      QStringLiteral("^'([^']*)' is a (\\w+); only a channel that lists alternatives can switch$"));
  static const QRE cannotRun(
      QStringLiteral("^'([^']*)' cannot run on (\\w+); it can run on (.+)$"));
  static const QRE exec(QStringLiteral(
      "^a program started with exec uses '([^']*)' as its standard input or output; it cannot "
      "change under it$"));
  // The refusals after the switch began end with "; 'NAME' stays a MECH".
  static const QRE stays(QStringLiteral("^(.+); '([^']*)' stays a (\\w+)$"));
  static const QRE messages(QStringLiteral(
      "^the (\\w+) cannot hold the (\\d+) messages in flight \\(it holds (\\d+)\\)$"));
  static const QRE bytes(
      QStringLiteral("^the (\\w+) cannot hold the (\\d+) bytes in flight \\(it holds (\\d+)\\)$"));
  static const QRE tooBig(QStringLiteral(
      "^a message in flight is (\\d+) bytes, more than a (\\w+) message may be \\((\\d+)\\)$"));
  static const QRE noSender(
      QStringLiteral("^no process holds the sending end of the (\\w+) any more$"));
  static const QRE stuck(QStringLiteral(
      "^process '([^']*)' did not leave its call within 2 s \\(is it stopped\\?\\)$"));
  static const QRE took(QStringLiteral(
      "^the (\\w+) cannot hold the (\\d+) messages in flight \\(it took (\\d+), then (E[A-Z0-9]+ "
      "[^)]*)\\)$"));

  QRegularExpressionMatch m;
  if (ended.match(why).hasMatch()) return SwitchText::tr("the session has ended");
  if (noObject.match(why).hasMatch()) return SwitchText::tr("there is no such object");
  if ((m = notSwitchable.match(why)).hasMatch())
    return SwitchText::tr("'%1' is a %2; only a channel that lists alternatives can switch")
        .arg(m.captured(1), m.captured(2));
  if ((m = cannotRun.match(why)).hasMatch())
    return SwitchText::tr("'%1' cannot run on %2; it can run on %3")
        .arg(m.captured(1), m.captured(2), m.captured(3));
  if ((m = exec.match(why)).hasMatch())
    return SwitchText::tr(
               "a program started with exec uses '%1' as its standard input or output; it "
               "cannot change under it")
        .arg(m.captured(1));
  const QRegularExpressionMatch s = stays.match(why);
  if (!s.hasMatch()) return QString();
  const QString head = s.captured(1);
  QString said;
  if ((m = messages.match(head)).hasMatch())
    said = SwitchText::tr("the %1 cannot hold the %2 messages in flight (it holds %3)")
               .arg(m.captured(1), m.captured(2), m.captured(3));
  else if ((m = bytes.match(head)).hasMatch())
    said = SwitchText::tr("the %1 cannot hold the %2 bytes in flight (it holds %3)")
               .arg(m.captured(1), m.captured(2), m.captured(3));
  else if ((m = tooBig.match(head)).hasMatch())
    said = SwitchText::tr("a message in flight is %1 bytes, more than a %2 message may be (%3)")
               .arg(m.captured(1), m.captured(2), m.captured(3));
  else if ((m = noSender.match(head)).hasMatch())
    said = SwitchText::tr("no process holds the sending end of the %1 any more").arg(m.captured(1));
  else if ((m = stuck.match(head)).hasMatch())
    said = SwitchText::tr("process '%1' did not leave its call within 2 s (is it stopped?)")
               .arg(m.captured(1));
  else if ((m = took.match(head)).hasMatch()) {
    const int err = EventDetailText::errnoAtEnd(m.captured(4));
    if (err == 0) return QString();
    said = SwitchText::tr("the %1 cannot hold the %2 messages in flight (it took %3, then %4)")
               .arg(m.captured(1), m.captured(2), m.captured(3), EventDetailText::errnoText(err));
  }
  if (said.isEmpty()) return QString();
  return SwitchText::tr("%1; '%2' stays a %3", "why; the channel keeps its mechanism")
      .arg(said, s.captured(2), s.captured(3));
}

}  // namespace

QString SwitchText::mechanismName(ipclab::ObjectKind kind) {
  return QString::fromLatin1(ipclab::to_string(kind));
}

QString SwitchText::reason(const std::string& why) {
  return reasonFromForms(q(why));
}

QString SwitchText::refusal(const QString& object, ipclab::ObjectKind to, const std::string& why) {
  QString reason = SwitchText::reason(why);
  if (reason.isEmpty()) reason = q(why);  // not in a form we know: core's English
  return tr("“%1” cannot switch to %2: %3").arg(object, mechanismName(to), reason);
}

QString SwitchText::eventDetail(const ipclab::Event& e) {
  // session_switch.cpp: "FROM -> TO: N message(s) in flight carried over (B
  // bytes) in T ms". The new mechanism, the count and the bytes are the
  // event's own data; the old mechanism and the time only in the sentence,
  // so the sentence must be core's form with the same data in it.
  static const QRegularExpression form(QStringLiteral(
      "^(\\w+) -> (\\w+): (\\d+) (message|messages) in flight carried over \\((\\d+) bytes\\) "
      "in ([0-9.]+) ms$"));
  const QRegularExpressionMatch m = form.match(q(e.detail));
  if (!m.hasMatch() || !e.value) return QString();
  const qint64 n = *e.value;
  const QString to = q(e.data);
  if (m.captured(2) != to || m.captured(3) != QString::number(n) ||
      m.captured(5) != QString::number(e.bytes) ||
      (n == 1) != (m.captured(4) == QLatin1String("message")))
    return QString();
  const QString from = m.captured(1), ms = m.captured(6);
  if (n == 0 && e.bytes == 0)
    return tr("%1 -> %2: 0 messages in flight carried over (0 bytes) in %3 ms").arg(from, to, ms);
  if (n == 1)
    return tr("%1 -> %2: 1 message in flight carried over (%3 bytes) in %4 ms")
        .arg(from, to, QString::number(e.bytes), ms);
  return tr("%1 -> %2: %3 messages in flight carried over (%4 bytes) in %5 ms")
      .arg(from, to, QString::number(n), QString::number(e.bytes), ms);
}
