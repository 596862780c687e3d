// TimelineView: paints a TimelineModel: a time axis in ms, one lane per
// process with its state as coloured bars (the state's word written inside
// when it fits), the locks it held as a thin named bar under the lane, and
// an arrow from each send to its receive.
//
// It follows the newest time until the user scrolls back (drag, wheel,
// scrollbar) and follows again once they return to the end. Ctrl+wheel and
// zoomIn/zoomOut change the scale; until the user zooms, the scale fits the
// whole session (up to kAutoSpanNs). Painting costs the pixels, not the
// events: runs of spans narrower than a pixel are drawn as one pixel.
#pragma once

#include <QStringList>
#include <QWidget>
#include <cstdint>

#include "timeline_model.h"

class TimelineView : public QWidget {
  Q_OBJECT

 public:
  static constexpr uint64_t kAutoSpanNs = 10'000'000'000ULL;  // auto-fit up to 10 s

  explicit TimelineView(const TimelineModel* model, QWidget* parent = nullptr);

  // The model changed (a batch arrived): move with it when following.
  void modelChanged();
  void zoomIn();
  void zoomOut();
  void setFollowing(bool on);
  bool isFollowing() const { return following_; }

  // The shown range: [start, start + visibleNs()), in ns since session start.
  uint64_t start() const { return start_; }
  uint64_t visibleNs() const;
  double nsPerPixel() const { return nsPerPx_; }
  // Scrolls so the range starts at `t`; following stops unless that is the end.
  void scrollTo(uint64_t t);
  // The latest time to show (the end of the session so far).
  uint64_t endTime() const;
  // Measures the lane names and the font (new lanes, new names); never
  // done while painting.
  void relayout();
  // Widget x of time t, and the time at widget x.
  double xOf(uint64_t t) const {
    return plotLeft() + (static_cast<double>(t) - static_cast<double>(start_)) / nsPerPx_;
  }
  uint64_t timeAt(double x) const;

  int plotLeft() const { return geo_.nameWidth; }

  // The objects (by name) a lesson question hides: who held them and the
  // messages through them are not drawn until it is answered, and a note
  // in the axis row says so (hiddenNote()).
  void setHiddenObjects(const QStringList& names);
  bool isHiddenObject(int obj) const;
  QString hiddenNote() const;  // "" when nothing is hidden
  // What may be drawn, in time order (tests): the names on lane `lane`'s
  // lock bars, and the message numbers ("#3") of the arrows.
  QStringList lockNames(int lane) const;
  QStringList arrowLabels() const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 signals:
  void rangeChanged();  // start, scale or following changed
  void followingChanged(bool following);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  bool event(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  struct Geometry {
    int nameWidth = 0, axisHeight = 0, laneHeight = 0, barHeight = 0, lockHeight = 0;
  };
  const Geometry& metrics() const { return geo_; }
  int plotWidth() const;
  int laneTop(int lane) const;
  void zoomAround(double factor, double x);
  void clampStart();
  void paintAxis(class QPainter& p, const Geometry& g, bool grid);
  void paintLane(QPainter& p, const Geometry& g, int lane);
  void paintBuckets(QPainter& p, const TimelineModel::Lane& l, int barY, int barH, uint64_t t0,
                    uint64_t t1);
  void paintLocks(QPainter& p, const Geometry& g, int lane);
  void paintSwitches(QPainter& p, const Geometry& g);
  void paintArrows(QPainter& p, const Geometry& g);
  void paintHiddenNote(QPainter& p, const Geometry& g);
  QString toolTipAt(const QPoint& pos) const;

  const TimelineModel* model_;
  void fitLanes();  // lane heights for the widget's height

  Geometry geo_;
  QStringList hidden_;
  int naturalLane_ = 0;  // a lane's height when there is room
  size_t laidOutLanes_ = 0;
  uint64_t start_ = 0;
  double nsPerPx_ = 100'000.0;  // 0.1 ms per pixel
  bool following_ = true;
  bool autoZoom_ = true;
  bool dragging_ = false;
  QPoint dragFrom_;
  uint64_t dragStart_ = 0;
};
