// TimelineRunPainter: draws one lane's state spans as runs of coloured bars
// with the state's word inside when it fits. Spans narrower than a pixel
// are gathered per pixel and the pixel takes the state that filled most of
// it, so painting costs the pixels, not the spans.
#pragma once

#include <QPainter>
#include <QString>
#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "state_style.h"
#include "timeline_model.h"
#include "timeline_view.h"

inline QString timelineStateText(ipclab::WorkerState state, const TimelineModel& model, int obj) {
  if (state == ipclab::WorkerState::blocked && obj >= 0)
    return TimelineView::tr("blocked on %1").arg(QString::fromStdString(model.objectName(obj)));
  return StateStyle::stateWord(state);
}

// Draws runs of state spans; spans narrower than a pixel are gathered per
// pixel and the pixel takes the state that filled most of it. A span that
// ends inside the pixel being gathered costs one comparison and one add:
// thousands of them share a pixel when the view shows seconds.
class TimelineRunPainter {
 public:
  TimelineRunPainter(QPainter& p, int y, int h, const TimelineModel& model,
                     const TimelineView& view)
      : p_(p), y_(y), h_(h), model_(model), view_(view), pxPerNs_(1.0 / view.nsPerPixel()) {}
  void add(uint64_t t0, uint64_t t1, ipclab::WorkerState s, int obj) {
    if (pixel_ != kNone && t1 <= pixelEndNs_ && t0 >= pixelStartNs_) {  // inside the pixel
      pixelNs_[static_cast<size_t>(s)] += static_cast<double>(t1 - t0) * pxPerNs_;
      pixelObj_ = obj;
      return;
    }
    addX(view_.xOf(t0), view_.xOf(t1), s, obj);
  }
  void finish() {
    flushPixel(kNone);
    flushRun();
  }

 private:
  static constexpr int kNone = -1'000'000;
  void addX(double x0, double x1, ipclab::WorkerState s, int obj) {
    const int px0 = static_cast<int>(std::floor(x0));
    const int px1 = static_cast<int>(std::floor(x1));
    if (px1 == px0) {  // inside one pixel
      if (px0 != pixel_) flushPixel(px0);
      pixelNs_[static_cast<size_t>(s)] += x1 - x0;
      pixelObj_ = obj;
      return;
    }
    if (pixel_ == px0) {  // finish the pixel it starts in
      pixelNs_[static_cast<size_t>(s)] += std::ceil(x0) - x0;
      x0 = std::ceil(x0);
    }
    flushPixel(kNone);
    extend(x0, x1, s, obj);
  }
  void flushPixel(int next) {
    if (pixel_ != kNone) {
      const auto best = std::max_element(pixelNs_.begin(), pixelNs_.end()) - pixelNs_.begin();
      extend(pixel_, pixel_ + 1, static_cast<ipclab::WorkerState>(best), pixelObj_);
    }
    pixelNs_.fill(0);
    pixel_ = next;
    if (next != kNone) {  // the pixel's time range, for the quick test in add()
      pixelStartNs_ = view_.timeAt(next);
      pixelEndNs_ = view_.timeAt(next + 1);
    }
  }
  void extend(double x0, double x1, ipclab::WorkerState s, int obj) {
    if (runX1_ >= x0 - 0.5 && s == runState_ && obj == runObj_) {
      runX1_ = std::max(runX1_, x1);
      return;
    }
    flushRun();
    runX0_ = x0;
    runX1_ = x1;
    runState_ = s;
    runObj_ = obj;
  }
  void flushRun() {
    if (runX1_ <= runX0_) return;
    const QRectF r(runX0_, y_, runX1_ - runX0_, h_);
    p_.fillRect(r, StateStyle::stateBackground(runState_));
    if (r.width() > 40) {
      const QString text = timelineStateText(runState_, model_, runObj_);
      auto [it, added] = widths_.try_emplace(text, 0);
      if (added) it->second = p_.fontMetrics().horizontalAdvance(text);
      if (it->second + 8 <= r.width()) {
        p_.setPen(StateStyle::stateForeground(runState_));
        p_.drawText(r.adjusted(4, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
      }
    }
    runX0_ = runX1_ = 0;
  }

  QPainter& p_;
  int y_, h_;
  const TimelineModel& model_;
  const TimelineView& view_;
  double pxPerNs_;
  int pixel_ = kNone;
  uint64_t pixelStartNs_ = 0, pixelEndNs_ = 0;
  std::array<double, TimelineModel::kStateCount> pixelNs_{};
  int pixelObj_ = -1;
  double runX0_ = 0, runX1_ = 0;
  ipclab::WorkerState runState_ = ipclab::WorkerState::starting;
  int runObj_ = -1;
  std::map<QString, int> widths_;
};
