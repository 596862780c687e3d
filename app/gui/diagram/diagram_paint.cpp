#include "diagram_paint.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

QFont DiagramPaint::font(qreal scale, bool bold) {
  QFont f = QApplication::font();
  f.setPointSizeF(f.pointSizeF() * scale);
  f.setBold(bold);
  return f;
}

qreal DiagramPaint::lineHeight(qreal scale) {
  return QFontMetricsF(font(scale)).height();
}

qreal DiagramPaint::textWidth(const QString& text, qreal scale, bool bold) {
  return QFontMetricsF(font(scale, bold)).horizontalAdvance(text);
}

qreal DiagramPaint::chipWidth(const QString& word, qreal scale, bool bold) {
  return textWidth(word, scale, bold) + lineHeight(scale) * 0.9;
}

void DiagramPaint::chip(QPainter* p, const QRectF& rect, const QColor& fill, const QColor& text,
                        const QString& word, qreal scale, bool bold) {
  p->save();
  p->setPen(Qt::NoPen);
  p->setBrush(fill);
  const qreal r = std::min(rect.height() / 2, 8.0);
  p->drawRoundedRect(rect, r, r);
  p->setPen(text);
  p->setFont(font(scale, bold));
  const QString shown = QFontMetricsF(p->font()).elidedText(word, Qt::ElideRight, rect.width() - 4);
  p->drawText(rect, Qt::AlignCenter, shown);
  p->restore();
}

void DiagramPaint::card(QPainter* p, const QRectF& rect, const QColor& border, qreal width) {
  p->save();
  p->setPen(QPen(border, width));
  p->setBrush(Qt::white);
  p->drawRoundedRect(rect, 7, 7);
  p->restore();
}

void DiagramPaint::text(QPainter* p, const QRectF& rect, const QString& text, const QColor& color,
                        qreal scale, bool bold, Qt::Alignment align) {
  p->save();
  p->setPen(color);
  p->setFont(font(scale, bold));
  const QString shown =
      QFontMetricsF(p->font()).elidedText(text, Qt::ElideRight, std::max(0.0, rect.width()));
  p->drawText(rect, align | Qt::AlignVCenter, shown);
  p->restore();
}

QColor DiagramPaint::tint(const QColor& color, int percent) {
  const qreal a = percent / 100.0;
  return QColor::fromRgbF(1 - a + a * color.redF(), 1 - a + a * color.greenF(),
                          1 - a + a * color.blueF());
}

QString DiagramPaint::kindWord(ipclab::ObjectKind kind) {
  using K = ipclab::ObjectKind;
  switch (kind) {
    case K::pipe:
      return tr("pipe");
    case K::fifo:
      return tr("FIFO (named pipe)");
    case K::posix_mq:
      return tr("POSIX message queue");
    case K::sysv_mq:
      return tr("System V message queue");
    case K::unix_stream:
      return tr("Unix stream socket");
    case K::unix_dgram:
      return tr("Unix datagram socket");
    case K::tcp:
      return tr("TCP socket");
    case K::udp:
      return tr("UDP socket");
    case K::shm_ring:
      return tr("shared-memory ring");
    case K::channel:
      return tr("channel");
    case K::signal:
      return tr("signal");
    case K::shared_memory:
      return tr("shared memory");
    case K::semaphore:
      return tr("semaphore");
    case K::mutex:
      return tr("mutex");
    case K::condvar:
      return tr("condition variable");
    case K::rwlock:
      return tr("read-write lock");
    case K::file_lock:
      return tr("file lock");
    case K::event:
      return tr("event");
    case K::barrier:
      return tr("barrier");
    case K::rpc:
      return tr("remote procedure call");
  }
  return QString();
}
