// What the lesson, question and challenge panels share in how they look:
// the colours of a right and a wrong verdict (each always beside a ✓ or ✗
// or a word, never alone), and a wrapping, selectable label.
#pragma once

#include <QColor>
#include <QLabel>

namespace panel_style {

inline const QColor kPass(0x1e, 0x7b, 0x34);
inline const QColor kFail(0xb0, 0x1e, 0x2d);

inline QLabel* wrapped(QWidget* parent) {
  auto* label = new QLabel(parent);
  label->setWordWrap(true);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

}  // namespace panel_style
