// EventLogPanel: the live event log: a filter box over a table that follows
// the newest event while the view is scrolled to the bottom, and stays put
// when the student scrolled up to read.
#pragma once

#include <QTimer>
#include <QWidget>
#include <string>
#include <unordered_set>
#include <vector>

#include "trace/event.hpp"

class QLabel;
class QLineEdit;
class QTableView;
class EventLogModel;
class EventFilterModel;

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
  // The application font changed: header, row height and columns follow.
  void restyle();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void updateCount();
  void fitRowHeight();
  void fitColumns();
  void growColumns(const std::vector<ipclab::Event>& events);

  EventLogModel* model_;
  EventFilterModel* filter_;
  QLineEdit* filterEdit_;
  QLabel* countLabel_;
  QTableView* view_;
  QTimer filterDelay_;
  bool followTail_ = true;
  std::unordered_set<std::string> measured_;  // names growColumns has seen
  size_t longestData_ = 0;
};
