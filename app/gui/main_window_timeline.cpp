// MainWindow: the Timeline and Charts docks and their feed from the
// session controller (batches and snapshots, at most 60 a second).
#include <QDockWidget>

#include "charts_panel.h"
#include "event_log_panel.h"
#include "main_window.h"
#include "session_controller.h"
#include "timeline_panel.h"

void MainWindow::buildTimelineDocks() {
  timeline_ = new TimelinePanel(this);
  timelineDock_ = new QDockWidget(this);
  timelineDock_->setObjectName(QStringLiteral("timelineDock"));
  timelineDock_->setWidget(timeline_);
  timelineDock_->setWindowTitle(timeline_->windowTitle());
  connect(timeline_, &QWidget::windowTitleChanged, timelineDock_, &QWidget::setWindowTitle);
  charts_ = new ChartsPanel(this);
  chartsDock_ = new QDockWidget(this);
  chartsDock_->setObjectName(QStringLiteral("chartsDock"));
  chartsDock_->setWidget(charts_);
  chartsDock_->setWindowTitle(charts_->windowTitle());
  connect(charts_, &QWidget::windowTitleChanged, chartsDock_, &QWidget::setWindowTitle);
  // A tab brought to the front catches up with what it only counted.
  connect(chartsDock_, &QDockWidget::visibilityChanged, charts_, [this](bool visible) {
    if (visible) charts_->catchUp();
  });
  // Bottom: the timeline and the charts tabbed with the event log (the
  // Code and Kernel docks share that row, which leaves no room for a
  // readable chart beside the timeline); drag a tab out to see both.
  addDockWidget(Qt::BottomDockWidgetArea, timelineDock_);
  tabifyDockWidget(logDock_, timelineDock_);
  tabifyDockWidget(timelineDock_, chartsDock_);
  timelineDock_->raise();

  connect(controller_, &SessionController::sessionStarting, this, [this] {
    timeline_->clear();
    charts_->clear();
  });
  connect(controller_, &SessionController::sessionStarted, this, [this] {
    if (const ipclab::Session* session = controller_->session()) {
      timeline_->start(*session);
      charts_->start(*session);
    }
  });
  connect(controller_, &SessionController::eventsAvailable, timeline_, &TimelinePanel::append);
  connect(controller_, &SessionController::eventsAvailable, charts_, &ChartsPanel::append);
  connect(controller_, &SessionController::snapshotAvailable, timeline_,
          &TimelinePanel::applySnapshot);
  connect(controller_, &SessionController::snapshotAvailable, charts_, &ChartsPanel::applySnapshot);
}
