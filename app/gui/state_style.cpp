#include "state_style.h"

#include <QApplication>
#include <QFont>
#include <array>

#include "object_words.h"

QColor StateStyle::processColor(int index) {
  // Okabe-Ito inspired: distinguishable for colour-blind students and still
  // apart on a washed-out projector.
  static const std::array<QColor, 8> colors = {QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00),
                                               QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                                               QColor(0x56, 0xb4, 0xe9), QColor(0xe6, 0x9f, 0x00),
                                               QColor(0x6a, 0x3d, 0x9a), QColor(0x80, 0x80, 0x80)};
  if (index < 0) return QColor(0x60, 0x60, 0x60);
  return colors[static_cast<size_t>(index) % colors.size()];
}

QString StateStyle::stateWord(ipclab::WorkerState state) {
  return StateWords::word(state);
}

QColor StateStyle::stateBackground(ipclab::WorkerState state) {
  switch (state) {
    case ipclab::WorkerState::starting:
      return QColor(0xe3, 0xec, 0xf7);
    case ipclab::WorkerState::at_gate:
      return QColor(0xff, 0xf1, 0xc2);
    case ipclab::WorkerState::running:
      return QColor(0xd3, 0xf0, 0xd9);
    case ipclab::WorkerState::blocked:
      return QColor(0xf9, 0xd0, 0xd3);
    case ipclab::WorkerState::exited:
      return QColor(0xe4, 0xe5, 0xe7);
    case ipclab::WorkerState::killed:
      return QColor(0xd6, 0xc4, 0xe6);
  }
  return QColor();
}

QColor StateStyle::stateForeground(ipclab::WorkerState state) {
  switch (state) {
    case ipclab::WorkerState::at_gate:
      return QColor(0x6b, 0x4e, 0x00);
    case ipclab::WorkerState::running:
      return QColor(0x14, 0x5a, 0x26);
    case ipclab::WorkerState::blocked:
      return QColor(0x8a, 0x12, 0x1e);
    case ipclab::WorkerState::exited:
      return QColor(0x45, 0x48, 0x4d);
    default:
      return QColor(0x22, 0x22, 0x22);
  }
}

QString StateStyle::kernelStateWord(char state) {
  switch (state) {
    case 'R':
      return tr("running");
    case 'S':
      return tr("sleeping");
    case 'D':
      return tr("disk sleep");
    case 'T':
    case 't':
      return tr("stopped");
    case 'Z':
      return tr("zombie");
    case 'X':
      return tr("dead");
    case 'I':
      return tr("idle");
    default:
      return QString();
  }
}

QColor StateStyle::eventColor(ipclab::EventKind kind) {
  using K = ipclab::EventKind;
  switch (kind) {
    case K::block:
    case K::deadlock:
    case K::error:
    case K::race:
      return QColor(0xb0, 0x1e, 0x2d);
    case K::unblock:
    case K::acquire:
      return QColor(0x1e, 0x7b, 0x34);
    case K::send:
    case K::recv:
      return QColor(0x00, 0x5a, 0x9c);
    case K::signal:
    case K::deliver:
      return QColor(0x8e, 0x44, 0xad);
    case K::spawn:
    case K::exit:
    case K::switch_:
      return QColor(0x9c, 0x5b, 0x00);
    default:
      return QColor();
  }
}

QString StateStyle::headerStyleSheet() {
  return QStringLiteral(
             "QHeaderView::section { padding: 4px 8px; border: none; border-right: 1px solid "
             "#dde1e6; border-bottom: 1px solid #c3c8cf; background: #f3f5f7; color: #2b3440; %1 }")
      .arg(fontSizeRule());
}

QString StateStyle::fontSizeRule() {
  return QStringLiteral("font-size: %1pt;").arg(QApplication::font().pointSizeF());
}
