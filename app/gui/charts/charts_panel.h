// ChartsPanel: the Charts dock (Qt Charts): each semaphore's value and the
// number of blocked processes on the left axis (a count), each channel's
// fill on the right axis (bytes or messages), over the session's time in
// ms. Live: once per frame (the snapshot that follows each batch) every
// series gets exactly one replace() with its bounded points; never an
// append() per point, never OpenGL. Out of sight (hidden, or a tab behind
// another) it only keeps the numbers.
#pragma once

#include <QStringList>
#include <QTimer>
#include <QWidget>
#include <vector>

#include "charts_model.h"

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;
class QLabel;

namespace ipclab {
class Session;
}  // namespace ipclab

class ChartsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ChartsPanel(QWidget* parent = nullptr);

  const ChartsModel& model() const { return model_; }
  // The line drawn for series `index` of model() (tests read its points).
  QLineSeries* line(int index) const;
  QChartView* chartView() const { return view_; }

  void start(const ipclab::Session& session);
  void clear();
  void append(const std::vector<ipclab::Event>& events);
  void applySnapshot(const ipclab::Snapshot& snapshot);
  // Its dock came into sight (also as a tab): draw what piled up.
  void catchUp();
  // The objects (by name) a lesson question hides: their lines are not
  // drawn (the legend says "?") until it is answered; then they show
  // everything, the time they were hidden included.
  void setHiddenObjects(const QStringList& names);
  bool isHidden(int index) const;

 protected:
  void changeEvent(QEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void rebuildSeries();
  void refresh();  // one replace() per series, axes follow
  void retranslate();
  void restyle();

  ChartsModel model_;
  QChart* chart_;
  QChartView* view_;
  QValueAxis* time_;
  QValueAxis* count_;
  QValueAxis* fill_;
  std::vector<QLineSeries*> lines_;
  std::vector<QString> units_;  // the channel units the legend names
  QStringList hidden_;
  QTimer pending_;  // a batch without a snapshot still gets drawn
  bool dirty_ = false;
};
