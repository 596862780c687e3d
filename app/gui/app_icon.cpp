#include "app_icon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {

// Drawn on a 64x64 grid, scaled to `size`.
QPixmap draw(int size) {
  QPixmap pixmap(size, size);
  pixmap.fill(Qt::transparent);
  QPainter p(&pixmap);
  p.setRenderHint(QPainter::Antialiasing);
  p.scale(size / 64.0, size / 64.0);
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(0x1f, 0x3a, 0x5f));
  p.drawRoundedRect(QRectF(2, 2, 60, 60), 12, 12);
  p.setBrush(QColor(0x56, 0xb4, 0xe9));
  p.drawRect(QRectF(22, 28, 20, 8));  // the pipe
  p.setBrush(QColor(0xff, 0xff, 0xff));
  p.drawRoundedRect(QRectF(8, 18, 16, 28), 4, 4);   // writer
  p.drawRoundedRect(QRectF(40, 18, 16, 28), 4, 4);  // reader
  p.setBrush(QColor(0xe6, 0x9f, 0x00));
  p.drawEllipse(QPointF(32, 32), 5, 5);  // a message in flight
  return pixmap;
}

}  // namespace

QIcon appIcon() {
  QIcon icon;
  for (int size : {16, 24, 32, 48, 64, 128, 256}) icon.addPixmap(draw(size));
  return icon;
}
