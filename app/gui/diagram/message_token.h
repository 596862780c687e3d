// MessageTokens: the small "#3" labels that travel along the diagram so a
// student can follow one message: from the sender into the channel on a
// send, from the channel to the receiver on a recv (and a signal's name
// from sender to target). A token may pass through a point on its way (an
// rpc request goes caller -> rpc -> server in one flight). They are an overlay: the nodes already
// show the new state. A fixed pool of items (kMaxTokens) is reused; a frame's requests beyond the
// pool replace the oldest tokens, so a burst of events never becomes a burst of graphics items.
#pragma once

#include <QColor>
#include <QElapsedTimer>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QTimer>
#include <vector>

class QGraphicsScene;
class TokenItem;

class MessageTokens : public QObject {
  Q_OBJECT

 public:
  static constexpr int kMaxTokens = 6;
  static constexpr int kDurationMs = 320;
  // Each leg of a flight through a via point: the whole trip stays short.
  static constexpr int kLegMs = 240;
  static int durationMs(bool via) { return via ? 2 * kLegMs : kDurationMs; }

  explicit MessageTokens(QGraphicsScene* scene, QObject* parent = nullptr);
  ~MessageTokens() override;

  // `delayMs`: the token waits, hidden, before it sets off (a reply after
  // its request has arrived).
  void launch(const QString& text, const QColor& color, const QPointF& from, const QPointF& to,
              int delayMs = 0);
  // The same through `via`, in two legs of kLegMs.
  void launch(const QString& text, const QColor& color, const QPointF& from, const QPointF& via,
              const QPointF& to, int delayMs = 0);
  void clear();
  int active() const;
  // For tests: the texts of the tokens in flight.
  QStringList activeTexts() const;

 private:
  struct Flight {
    TokenItem* item = nullptr;
    QPointF from;
    QPointF via;
    QPointF to;
    bool hasVia = false;
    qint64 start = -1;  // ms on clock_; -1 = idle
  };
  // An idle flight, or the one that has flown longest, started on its way.
  Flight& take(const QString& text, const QColor& color, const QPointF& from, const QPointF& to,
               int delayMs);
  void tick();

  std::vector<Flight> pool_;
  QElapsedTimer clock_;
  QTimer timer_;
};
