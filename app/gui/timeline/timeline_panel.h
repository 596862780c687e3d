// TimelinePanel: the Timeline dock's content: a legend in words beside the
// colours, Live / zoom buttons, the TimelineView and its scrollbar. It owns
// the TimelineModel and feeds it the controller's batches and snapshots;
// the view repaints once per batch, never per event.
#pragma once

#include <QWidget>
#include <vector>

#include "timeline_model.h"

class QLabel;
class QScrollBar;
class QToolButton;
class TimelineView;

namespace ipclab {
class Session;
}  // namespace ipclab

class TimelinePanel : public QWidget {
  Q_OBJECT

 public:
  explicit TimelinePanel(QWidget* parent = nullptr);

  const TimelineModel& model() const { return model_; }
  TimelineView* view() const { return view_; }

  void start(const ipclab::Session& session);  // new lanes for its processes
  void clear();
  void append(const std::vector<ipclab::Event>& events);
  void applySnapshot(const ipclab::Snapshot& snapshot);
  // The objects a lesson question hides (TimelineView::setHiddenObjects).
  void setHiddenObjects(const QStringList& names);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void syncScrollBar();

  TimelineModel model_;
  TimelineView* view_;
  QLabel* legend_;
  QToolButton* live_;
  QToolButton* zoomIn_;
  QToolButton* zoomOut_;
  QScrollBar* scroll_;
  bool syncing_ = false;
  int64_t scrollUnitNs_ = 1000;
};
