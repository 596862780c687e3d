// DiagramScene: a channel switched live to another mechanism (see the header).
#include <algorithm>

#include "channel_node.h"
#include "diagram_scene.h"

int DiagramScene::switchControlAt(const QPointF& scenePos) const {
  for (ObjectNode* node : objects_) {
    auto* channel = dynamic_cast<ChannelNode*>(node);
    if (!channel || !channel->view().switchable) continue;
    if (channel->switchControlRect().contains(channel->mapFromScene(scenePos)))
      return channel->index();
  }
  return -1;
}

void DiagramScene::switched(int obj, ipclab::ObjectKind to, bool animate) {
  if (obj < 0 || static_cast<size_t>(obj) >= mechanisms_.size()) return;
  const ipclab::ObjectKind from = mechanisms_[static_cast<size_t>(obj)];
  if (from == to) return;
  mechanisms_[static_cast<size_t>(obj)] = to;
  // The messages were carried over, in the order a receiver of the old
  // mechanism would have got them (a POSIX queue: highest priority first).
  auto& msgs = inFlight_[static_cast<size_t>(obj)];
  if (from == ipclab::ObjectKind::posix_mq)
    std::stable_sort(
        msgs.begin(), msgs.end(),
        [](const InFlightMessage& a, const InFlightMessage& b) { return a.priority > b.priority; });
  ObjectNode* node = objects_[static_cast<size_t>(obj)];
  ObjectView view = node->view();
  fillMechanism(static_cast<size_t>(obj), &view);
  view.messages = msgs;
  const QSizeF before = node->size();
  node->setView(view);
  Highlight h{from, to, {}, animate};
  h.since.start();
  highlights_[obj] = h;
  if (auto* channel = dynamic_cast<ChannelNode*>(node)) channel->setSwitchHighlight(1.0, from, to);
  if (!highlightTimer_.isActive()) highlightTimer_.start();
  if (node->size() != before) layout();
}
