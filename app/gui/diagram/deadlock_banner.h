// DeadlockBanner: the red band above the diagram while the session is in a
// deadlock. It says what a deadlock is in one line and then walks the
// cycle: each process (a chip in its colour) "waits for" an object "held
// by" the next process, back to the first. Only the processes of the cycle
// are named. Sized in text lines, so presentation mode makes it grow.
#pragma once

#include <QGraphicsItem>
#include <QString>
#include <QStringList>
#include <vector>

class DeadlockBanner : public QGraphicsItem {
 public:
  struct Link {
    int waiter = -1;
    QString object;
    int holder = -1;
    bool operator==(const Link&) const = default;
  };

  explicit DeadlockBanner(const QStringList* workerNames);

  // Empty: no deadlock (the banner hides).
  void setCycle(const std::vector<Link>& cycle);
  const std::vector<Link>& cycle() const { return cycle_; }
  // Lays the cycle out in `width` and returns the height it takes.
  qreal setWidth(qreal width);
  // The banner in words, in the current language (tests, tooltip).
  QString text() const;
  QString title() const;
  // Texts change with the language.
  void retranslate();

  QRectF boundingRect() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  // One piece of the walk along the cycle: a process chip, an arrow with
  // words on it, or an object's name.
  struct Piece {
    enum Kind { Process, Arrow, Object } kind;
    QString text;
    int worker = -1;
    QRectF rect;  // placed by setWidth
  };
  void build();
  qreal layoutPieces(qreal width);

  const QStringList* names_;
  std::vector<Link> cycle_;
  std::vector<Piece> pieces_;
  QSizeF size_;
};
