// DiagramScene: where the nodes go (see the header for the rules).
#include <algorithm>

#include "deadlock_banner.h"
#include "diagram_paint.h"
#include "diagram_scene.h"
#include "edge_item.h"
#include "process_node.h"

void DiagramScene::setViewSize(const QSizeF& size) {
  if (size == viewSize_) return;
  viewSize_ = size;
  // The banner's width follows the view's shape.
  if (bestColumns() != columns_ || banner_->isVisible()) layout();
}

int DiagramScene::bestColumns() const {
  // More columns of objects make the diagram wider and less tall, but their
  // edges cross the other columns: take more only when that shows the
  // diagram much larger (many objects in a wide, low view).
  const int most = objectCount() <= 3 ? 1 : (objectCount() <= 6 ? 2 : 3);
  if (most == 1 || viewSize_.isEmpty()) return 1;
  int best = 1;
  qreal bestScale = 0;
  for (int cols = 1; cols <= most; ++cols) {
    const QSizeF size = arrange(cols, false);
    const qreal scale =
        std::min(viewSize_.width() / size.width(), viewSize_.height() / size.height());
    if (scale > bestScale * 1.6) {
      best = cols;
      bestScale = scale;
    }
  }
  return best;
}

void DiagramScene::layout() {
  columns_ = bestColumns();
  const QSizeF size = arrange(columns_, true);
  for (auto& [key, edge] : edges_) edge->adjust();
  for (auto& [key, edge] : signalEdges_) edge->adjust();
  const qreal margin = DiagramPaint::lineHeight() * 1.5;
  const qreal top = placeBanner(size);
  QRectF rect(-margin, -margin - top, size.width() + 2 * margin, size.height() + 2 * margin + top);
  if (top > 0) {
    const QRectF banner(banner_->pos(), banner_->boundingRect().size());
    rect |= banner.adjusted(-margin, 0, margin, 0);
  }
  setSceneRect(rect);
}

QSizeF DiagramScene::arrange(int objCols, bool place) const {
  const qreal u = DiagramPaint::lineHeight();
  const QSizeF card = ProcessNode::cardSize();
  const int n = processCount();
  const int leftCount = n <= 1 ? n : (n + 1) / 2;
  const qreal gapX = u * 8;
  const qreal gapY = u * 1.3;

  // The object columns: heights and widths.
  std::vector<std::vector<ObjectNode*>> cols(static_cast<size_t>(objCols));
  const int perCol = (objectCount() + objCols - 1) / std::max(1, objCols);
  for (int i = 0; i < objectCount(); ++i)
    cols[static_cast<size_t>(perCol > 0 ? i / perCol : 0)].push_back(
        objects_[static_cast<size_t>(i)]);
  std::vector<qreal> colW, colH;
  for (const auto& col : cols) {
    qreal w = 0, h = 0;
    for (ObjectNode* node : col) {
      w = std::max(w, node->size().width());
      h += node->size().height() + gapY;
    }
    colW.push_back(w);
    colH.push_back(std::max(0.0, h - gapY));
  }
  const int rightCount = n - leftCount;
  const qreal leftH = leftCount * (card.height() + gapY) - gapY;
  const qreal rightH = rightCount > 0 ? rightCount * (card.height() + gapY) - gapY : 0;
  qreal height = std::max(leftH, rightH);
  for (qreal h : colH) height = std::max(height, h);

  qreal x = 0;
  auto placeProcesses = [&](int from, int count) {
    const qreal h = count * (card.height() + gapY) - gapY;
    qreal y = (height - h) / 2;
    for (int i = from; i < from + count && place; ++i) {
      processes_[static_cast<size_t>(i)]->setPos(x, y);
      y += card.height() + gapY;
    }
  };
  placeProcesses(0, leftCount);
  x += card.width() + gapX;
  if (objectCount() == 0 && rightCount > 0) x += card.width() * 0.2;
  for (size_t c = 0; c < cols.size(); ++c) {
    qreal y = (height - colH[c]) / 2;
    for (ObjectNode* node : cols[c]) {
      if (place) node->setPos(x + (colW[c] - node->size().width()) / 2, y);
      y += node->size().height() + gapY;
    }
    x += colW[c] + (c + 1 < cols.size() ? gapX * 0.6 : gapX);
  }
  if (rightCount > 0) {
    placeProcesses(leftCount, rightCount);
    x += card.width();
  } else if (objectCount() > 0) {
    x -= gapX;
  } else {
    x = card.width();
  }
  return QSizeF(x, height);
}
