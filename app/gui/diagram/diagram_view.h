// DiagramView: the centre of the window. Draws the DiagramScene scaled to
// fit (never larger than the zoom limit, kMaxZoom unless presentation mode
// raises it, so one process does not fill a projector), follows the application font (presentation
// mode), and owns the "Animations" toggle, remembered in QSettings unless told not to.
//
// It is fed the SessionController's value signals by the main window
// (setScenario on sessionStarted, applyEvents, applySnapshot) and never
// reaches into the Session. The read-only inspection functions say in words
// what a node shows, for tests.
#pragma once

#include <QGraphicsView>
#include <QString>
#include <vector>

#include "runtime/session.hpp"

class QAction;
class DiagramScene;

class DiagramView : public QGraphicsView {
  Q_OBJECT

 public:
  static constexpr qreal kMaxZoom = 1.6;

  explicit DiagramView(QWidget* parent = nullptr);
  ~DiagramView() override;

  void setScenario(const ipclab::Scenario& scenario,
                   const std::vector<ipclab::WorkerIdentity>& workers);
  void clear();
  void applySnapshot(const ipclab::Snapshot& snapshot);
  void applyEvents(const std::vector<ipclab::Event>& events);
  void retranslate();
  void setSelectedProcess(int worker);
  // Objects whose values a lesson question hides ("?" until answered).
  void setHiddenObjects(const QStringList& names);
  // The largest scale the fit may use (kMaxZoom; more in presentation mode).
  void setZoomLimit(qreal limit);
  qreal zoom() const { return transform().m11(); }

  // View > Animations. `remember`: read and save the choice in QSettings.
  QAction* animationsAction() const { return animations_; }
  void setAnimationsEnabled(bool on);
  bool animationsEnabled() const;
  void setRemembered(bool remember) { remember_ = remember; }

  DiagramScene* diagram() const { return scene_; }

  // Inspection, in the words the nodes show.
  QString processStateText(int worker) const;  // "blocked on full", "running", ...
  QString processActionText(int worker) const;
  int processPid(int worker) const;
  // The process whose node is at `viewportPos`, or -1.
  int processAt(const QPoint& viewportPos) const;
  QString objectText(int obj) const;  // "empty: count 2", "guard: owner: producer", ...
  bool edgeBlocked(int worker, int obj) const;
  QStringList tokensInFlight() const;

 signals:
  void processClicked(int worker);
  // The switch control of channel `obj` was clicked at `globalPos` (where
  // its menu opens).
  void switchControlClicked(int obj, const QPoint& globalPos);

 protected:
  void resizeEvent(QResizeEvent* event) override;
  void changeEvent(QEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void drawForeground(QPainter* painter, const QRectF& rect) override;

 private:
  void fit();

  DiagramScene* scene_;
  QAction* animations_;
  bool remember_ = true;
  qreal zoomLimit_ = kMaxZoom;
};
