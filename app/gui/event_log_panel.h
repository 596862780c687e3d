// EventLogPanel: the live event log: a filter box over a table that follows
// the newest event while the view is scrolled to the bottom, and stays put
// when the student scrolled up to read (until those rows are let go).
// While the panel is hidden (a tab behind another) its model only keeps its
// books; showing it brings the table up to date in one go.
#pragma once

#include <QTimer>
#include <QWidget>
#include <vector>

#include "op_text.h"
#include "trace/event.hpp"

class QLabel;
class QLineEdit;
class QTableView;
class EventLogModel;

class EventLogPanel : public QWidget {
  Q_OBJECT

 public:
  explicit EventLogPanel(QWidget* parent = nullptr);

  EventLogModel* model() const { return model_; }
  QTableView* view() const { return view_; }
  void append(const std::vector<ipclab::Event>& events);
  // Applies the filter box's text now (it otherwise waits for typing to pause).
  void applyFilter();
  void clear();
  // Names step events in the GUI's language (see EventLogModel).
  void setPlanLabels(PlanLabels labels);
  // The application font changed: header, row height and columns follow.
  void restyle();
  // The dock was shown or hidden (also as a tab): the table catches up or
  // stops following.
  void updateLive();

 protected:
  void changeEvent(QEvent* event) override;
  void showEvent(QShowEvent* event) override;
  void hideEvent(QHideEvent* event) override;

 private:
  void retranslate();
  void updateCount();
  void fitRowHeight();
  void fitColumns();
  void growColumns();

  EventLogModel* model_;
  QLineEdit* filterEdit_;
  QLabel* countLabel_;
  QTableView* view_;
  QTimer filterDelay_;
  bool followTail_ = true;
  int droppedAbove_ = 0;  // rows let go above a reader who scrolled up
};
