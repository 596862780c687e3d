#include "deadlock_banner.h"

#include <QCoreApplication>
#include <QPainter>

#include "diagram_paint.h"
#include "state_style.h"

namespace {

class Words {
  Q_DECLARE_TR_FUNCTIONS(DeadlockBanner)
 public:
  static QString title() { return tr("Deadlock"); }
  static QString explain() {
    return tr("each process below waits for what the next one holds, so none of them can go on");
  }
  static QString waitsFor() { return tr("waits for", "a deadlock cycle: process -> object"); }
  static QString heldBy() { return tr("held by", "a deadlock cycle: object -> process"); }
};

constexpr qreal kTitleScale = 1.35;
constexpr qreal kChipScale = 1.0;

}  // namespace

DeadlockBanner::DeadlockBanner(const QStringList* workerNames) : names_(workerNames) {
  setZValue(5);
  setVisible(false);
}

void DeadlockBanner::setCycle(const std::vector<Link>& cycle) {
  if (cycle == cycle_) return;
  cycle_ = cycle;
  build();
  setVisible(!cycle_.empty());
  setToolTip(text());
  update();
}

void DeadlockBanner::retranslate() {
  build();
  setToolTip(text());
  setWidth(size_.width());
  update();
}

QString DeadlockBanner::title() const {
  return Words::title();
}

void DeadlockBanner::build() {
  pieces_.clear();
  auto name = [this](int w) {
    return names_ && w >= 0 && w < names_->size() ? names_->at(w) : QStringLiteral("?");
  };
  for (size_t i = 0; i < cycle_.size(); ++i) {
    const Link& l = cycle_[i];
    if (i == 0) pieces_.push_back({Piece::Process, name(l.waiter), l.waiter, {}});
    pieces_.push_back({Piece::Arrow, Words::waitsFor(), -1, {}});
    pieces_.push_back({Piece::Object, l.object, -1, {}});
    pieces_.push_back({Piece::Arrow, Words::heldBy(), -1, {}});
    pieces_.push_back({Piece::Process, name(l.holder), l.holder, {}});
  }
}

QString DeadlockBanner::text() const {
  if (cycle_.empty()) return QString();
  QStringList words;
  for (const Piece& piece : pieces_)
    words << (piece.kind == Piece::Arrow ? QStringLiteral("—%1→").arg(piece.text) : piece.text);
  return QStringLiteral("%1: %2\n%3")
      .arg(Words::title(), Words::explain(), words.join(QStringLiteral(" ")));
}

qreal DeadlockBanner::layoutPieces(qreal width) {
  const qreal u = DiagramPaint::lineHeight();
  const qreal pad = u * 0.8;
  const qreal rowH = u * 1.5;
  qreal x = pad, y = pad * 0.7 + DiagramPaint::lineHeight(kTitleScale) * 1.1 + u * 0.5;
  const qreal right = width - pad;
  for (Piece& piece : pieces_) {
    qreal w = 0;
    switch (piece.kind) {
      case Piece::Process:
        w = DiagramPaint::chipWidth(piece.text, kChipScale, true);
        break;
      case Piece::Arrow:
        w = DiagramPaint::textWidth(piece.text, 0.85, true) + u * 1.2;
        break;
      case Piece::Object:
        w = DiagramPaint::textWidth(piece.text, 1.05, true) + u * 0.4;
        break;
    }
    if (x + w > right && x > pad) {
      x = pad;
      y += rowH + u * 0.15;
    }
    piece.rect = QRectF(x, y, w, rowH);
    x += w + u * 0.25;
  }
  return y + rowH + pad * 0.6;
}

qreal DeadlockBanner::setWidth(qreal width) {
  const qreal h = cycle_.empty() ? 0 : layoutPieces(width);
  if (QSizeF(width, h) != size_) {
    prepareGeometryChange();
    size_ = QSizeF(width, h);
  }
  return h;
}

QRectF DeadlockBanner::boundingRect() const {
  return QRectF(QPointF(0, 0), size_).adjusted(-2, -2, 2, 2);
}

void DeadlockBanner::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  if (cycle_.empty()) return;
  const qreal u = DiagramPaint::lineHeight();
  const QRectF r(QPointF(0, 0), size_);
  const QColor red = DiagramPaint::blocked();
  p->setRenderHint(QPainter::Antialiasing);
  p->save();
  p->setPen(QPen(red, 3));
  p->setBrush(QColor(0xfd, 0xec, 0xee));
  p->drawRoundedRect(r, 9, 9);
  p->restore();
  // The title in white on red, then what it means.
  const qreal pad = u * 0.8;
  const qreal titleH = DiagramPaint::lineHeight(kTitleScale) * 1.1;
  const QString title = QStringLiteral("⚠ ") + Words::title();
  const qreal titleW = DiagramPaint::chipWidth(title, kTitleScale, true) + u * 0.4;
  DiagramPaint::chip(p, QRectF(pad, pad * 0.7, titleW, titleH), red, Qt::white, title, kTitleScale,
                     true);
  DiagramPaint::text(
      p, QRectF(pad + titleW + u * 0.6, pad * 0.7, r.width() - titleW - 2.6 * pad, titleH),
      Words::explain(), DiagramPaint::ink(), 1.05, false);
  for (const Piece& piece : pieces_) {
    switch (piece.kind) {
      case Piece::Process:
        DiagramPaint::chip(p, piece.rect, StateStyle::processColor(piece.worker), Qt::white,
                           piece.text, kChipScale, true);
        break;
      case Piece::Object:
        DiagramPaint::text(p, piece.rect, piece.text, DiagramPaint::ink(), 1.05, true,
                           Qt::AlignHCenter);
        break;
      case Piece::Arrow: {
        // The words over a red arrow.
        const QRectF a = piece.rect;
        const qreal y = a.top() + a.height() * 0.78;
        p->save();
        p->setPen(QPen(red, 2.4, Qt::SolidLine, Qt::RoundCap));
        p->drawLine(QPointF(a.left() + u * 0.2, y), QPointF(a.right() - u * 0.3, y));
        p->setPen(Qt::NoPen);
        p->setBrush(red);
        const QPointF tip(a.right() - u * 0.1, y);
        p->drawPolygon(
            QPolygonF({tip, tip + QPointF(-u * 0.5, -u * 0.3), tip + QPointF(-u * 0.5, u * 0.3)}));
        p->restore();
        DiagramPaint::text(p, QRectF(a.left(), a.top() - u * 0.05, a.width(), a.height() * 0.6),
                           piece.text, red, 0.85, true, Qt::AlignHCenter);
        break;
      }
    }
  }
}
