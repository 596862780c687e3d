#include "diagram_paint.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include "object_words.h"

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
  return KindWords::word(kind);
}
