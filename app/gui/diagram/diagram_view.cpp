#include "diagram_view.h"

#include <QAction>
#include <QApplication>
#include <QMouseEvent>
#include <QSettings>

#include "diagram_paint.h"
#include "diagram_scene.h"
#include "edge_item.h"
#include "message_token.h"
#include "process_node.h"

namespace {
const QString kAnimationsKey = QStringLiteral("view/animations");
}

DiagramView::DiagramView(QWidget* parent)
    : QGraphicsView(parent), scene_(new DiagramScene(this)), animations_(new QAction(this)) {
  setObjectName(QStringLiteral("diagram"));
  setScene(scene_);
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setFrameShape(QFrame::NoFrame);
  setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
  setBackgroundBrush(QColor(0xfa, 0xfb, 0xfc));
  setMouseTracking(true);
  animations_->setObjectName(QStringLiteral("animationsAction"));
  animations_->setCheckable(true);
  animations_->setChecked(QSettings().value(kAnimationsKey, true).toBool());
  connect(animations_, &QAction::toggled, this, [this](bool on) {
    if (!on) scene_->tokens()->clear();
    if (remember_) QSettings().setValue(kAnimationsKey, on);
  });
  retranslate();
}

DiagramView::~DiagramView() = default;

void DiagramView::setScenario(const ipclab::Scenario& scenario,
                              const std::vector<ipclab::WorkerIdentity>& workers) {
  scene_->setScenario(scenario, workers);
  fit();
}

void DiagramView::clear() {
  scene_->clearSession();
  fit();
}

void DiagramView::applySnapshot(const ipclab::Snapshot& snapshot) {
  const QRectF before = scene_->sceneRect();
  scene_->applySnapshot(snapshot);
  if (scene_->sceneRect() != before) fit();
}

void DiagramView::applyEvents(const std::vector<ipclab::Event>& events) {
  scene_->applyEvents(events, animationsEnabled() && isVisible());
}

void DiagramView::retranslate() {
  animations_->setText(tr("&Animations"));
  animations_->setToolTip(tr("Let message tokens travel along the diagram"));
  animations_->setStatusTip(animations_->toolTip());
  scene_->retranslate();
  viewport()->update();
}

void DiagramView::setHiddenObjects(const QStringList& names) {
  scene_->setHiddenObjects(names);
}

void DiagramView::setSelectedProcess(int worker) {
  scene_->setSelectedProcess(worker);
}

void DiagramView::setZoomLimit(qreal limit) {
  zoomLimit_ = limit;
  fit();
}

void DiagramView::setAnimationsEnabled(bool on) {
  animations_->setChecked(on);
}

bool DiagramView::animationsEnabled() const {
  return animations_->isChecked();
}

QString DiagramView::processStateText(int worker) const {
  const ProcessNode* node = scene_->processNode(worker);
  return node ? node->stateText() : QString();
}

QString DiagramView::processActionText(int worker) const {
  const ProcessNode* node = scene_->processNode(worker);
  return node ? node->actionText() : QString();
}

int DiagramView::processPid(int worker) const {
  const ProcessNode* node = scene_->processNode(worker);
  return node ? node->state().pid : 0;
}

int DiagramView::processAt(const QPoint& viewportPos) const {
  for (QGraphicsItem* item : items(viewportPos))
    if (auto* node = dynamic_cast<ProcessNode*>(item)) return node->worker();
  return -1;
}

QString DiagramView::objectText(int obj) const {
  const ObjectNode* node = scene_->objectNode(obj);
  return node ? node->text() : QString();
}

bool DiagramView::edgeBlocked(int worker, int obj) const {
  const EdgeItem* edge = scene_->edge(worker, obj);
  return edge && edge->isBlocked();
}

QStringList DiagramView::tokensInFlight() const {
  return scene_->tokens()->activeTexts();
}

void DiagramView::fit() {
  scene_->setViewSize(viewport()->size());
  const QRectF rect = scene_->sceneRect();
  if (rect.isEmpty() || viewport()->width() < 10 || viewport()->height() < 10) return;
  const qreal s = std::min(
      {viewport()->width() / rect.width(), viewport()->height() / rect.height(), zoomLimit_});
  setTransform(QTransform::fromScale(s, s));
  centerOn(rect.center());
}

void DiagramView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  fit();
}

void DiagramView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::FontChange) {
    scene_->relayout();
    fit();
  }
  if (event->type() == QEvent::LanguageChange) retranslate();
  QGraphicsView::changeEvent(event);
}

void DiagramView::mousePressEvent(QMouseEvent* event) {
  if (const int obj = scene_->switchControlAt(mapToScene(event->pos())); obj >= 0) {
    emit switchControlClicked(obj, viewport()->mapToGlobal(event->pos()));
    return;
  }
  for (QGraphicsItem* item : items(event->pos())) {
    if (auto* node = dynamic_cast<ProcessNode*>(item)) {
      emit processClicked(node->worker());
      return;
    }
  }
  QGraphicsView::mousePressEvent(event);
}

void DiagramView::mouseMoveEvent(QMouseEvent* event) {
  // The switch control is a button: the pointer says so.
  const bool onControl = scene_->switchControlAt(mapToScene(event->pos())) >= 0;
  viewport()->setCursor(onControl ? Qt::PointingHandCursor : Qt::ArrowCursor);
  QGraphicsView::mouseMoveEvent(event);
}

void DiagramView::drawForeground(QPainter* painter, const QRectF& rect) {
  QGraphicsView::drawForeground(painter, rect);
  if (scene_->processCount() > 0) return;
  // Nothing runs yet: say so in the middle of the view.
  painter->save();
  painter->resetTransform();
  DiagramPaint::text(painter, QRectF(viewport()->rect()),
                     tr("The lesson's processes appear here once they start."),
                     DiagramPaint::muted(), 1.1, false, Qt::AlignHCenter);
  painter->restore();
}
