#include "message_token.h"

#include <QEasingCurve>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QPainter>
#include <algorithm>

#include "diagram_paint.h"

class TokenItem : public QGraphicsItem {
 public:
  TokenItem() {
    setZValue(10);
    hide();
  }
  void set(const QString& text, const QColor& color) {
    prepareGeometryChange();
    text_ = text;
    color_ = color;
    const qreal h = DiagramPaint::lineHeight(0.9) * 1.25;
    rect_ = QRectF(0, 0, DiagramPaint::chipWidth(text_, 0.9, true) + 6, h);
    rect_.moveCenter(QPointF(0, 0));
  }
  QString text() const { return text_; }
  QRectF boundingRect() const override { return rect_.adjusted(-3, -3, 3, 3); }
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override {
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(Qt::white, 2));
    p->setBrush(color_);
    p->drawRoundedRect(rect_, rect_.height() / 2, rect_.height() / 2);
    DiagramPaint::chip(p, rect_, color_, Qt::white, text_, 0.9, true);
  }

 private:
  QString text_;
  QColor color_;
  QRectF rect_;
};

MessageTokens::MessageTokens(QGraphicsScene* scene, QObject* parent) : QObject(parent) {
  for (int i = 0; i < kMaxTokens; ++i) {
    auto* item = new TokenItem;
    scene->addItem(item);
    Flight flight;
    flight.item = item;
    pool_.push_back(flight);
  }
  clock_.start();
  timer_.setInterval(16);
  connect(&timer_, &QTimer::timeout, this, &MessageTokens::tick);
}

MessageTokens::~MessageTokens() = default;  // the scene owns the items

void MessageTokens::launch(const QString& text, const QColor& color, const QPointF& from,
                           const QPointF& to, int delayMs) {
  take(text, color, from, to, delayMs).hasVia = false;
}

void MessageTokens::launch(const QString& text, const QColor& color, const QPointF& from,
                           const QPointF& via, const QPointF& to, int delayMs) {
  Flight& f = take(text, color, from, to, delayMs);
  f.via = via;
  f.hasVia = true;
}

MessageTokens::Flight& MessageTokens::take(const QString& text, const QColor& color,
                                           const QPointF& from, const QPointF& to, int delayMs) {
  // An idle item, or else the one that has flown longest.
  Flight* slot = nullptr;
  for (Flight& f : pool_)
    if (f.start < 0) {
      slot = &f;
      break;
    }
  if (!slot)
    for (Flight& f : pool_)
      if (!slot || f.start < slot->start) slot = &f;
  slot->item->set(text, color);
  slot->from = from;
  slot->to = to;
  slot->start = clock_.elapsed() + std::max(0, delayMs);
  slot->item->setPos(from);
  slot->item->setVisible(delayMs <= 0);
  if (!timer_.isActive()) timer_.start();
  return *slot;
}

void MessageTokens::clear() {
  for (Flight& f : pool_) {
    f.start = -1;
    f.item->hide();
  }
  timer_.stop();
}

int MessageTokens::active() const {
  int n = 0;
  for (const Flight& f : pool_) n += f.start >= 0 ? 1 : 0;
  return n;
}

QStringList MessageTokens::activeTexts() const {
  QStringList out;
  for (const Flight& f : pool_)
    if (f.start >= 0) out << f.item->text();
  return out;
}

void MessageTokens::tick() {
  static const QEasingCurve ease(QEasingCurve::InOutQuad);
  const qint64 now = clock_.elapsed();
  bool any = false;
  for (Flight& f : pool_) {
    if (f.start < 0) continue;
    any = true;
    if (now < f.start) continue;  // still waiting to set off
    f.item->show();
    const qreal t = std::min(1.0, static_cast<qreal>(now - f.start) / durationMs(f.hasVia));
    if (t >= 1.0) {
      f.start = -1;
      f.item->hide();
      continue;
    }
    if (f.hasVia) {
      // Each leg eased on its own: the token slows down as it passes the via point.
      const bool first = t < 0.5;
      const qreal e = ease.valueForProgress(first ? t * 2 : t * 2 - 1);
      f.item->setPos(first ? f.from + (f.via - f.from) * e : f.via + (f.to - f.via) * e);
    } else {
      const qreal e = ease.valueForProgress(t);
      f.item->setPos(f.from + (f.to - f.from) * e);
    }
  }
  if (!any) timer_.stop();
}
