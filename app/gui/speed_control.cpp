#include "speed_control.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <array>

namespace {

// Slider positions; the last one (0) is "as fast as possible".
constexpr std::array<double, 11> kSpeeds = {1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 0};

}  // namespace

SpeedControl::SpeedControl(QWidget* parent)
    : QWidget(parent),
      caption_(new QLabel(this)),
      slider_(new QSlider(Qt::Horizontal, this)),
      value_(new QLabel(this)) {
  slider_->setObjectName(QStringLiteral("speedSlider"));
  slider_->setRange(0, static_cast<int>(kSpeeds.size()) - 1);
  slider_->setPageStep(1);
  slider_->setTickPosition(QSlider::TicksBelow);
  slider_->setValue(3);
  slider_->setMinimumWidth(140);
  slider_->setMaximumWidth(220);
  connect(slider_, &QSlider::valueChanged, this, [this] {
    retranslate();
    emit speedChanged(stepsPerSecond());
  });
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(8, 0, 8, 0);
  layout->setSpacing(8);
  layout->addWidget(caption_);
  layout->addWidget(slider_);
  layout->addWidget(value_);
  layout->addStretch(1);
  retranslate();
}

double SpeedControl::stepsPerSecond() const {
  return kSpeeds[static_cast<size_t>(slider_->value())];
}

int SpeedControl::position() const {
  return slider_->value();
}

void SpeedControl::setPosition(int position) {
  slider_->setValue(position);
}

void SpeedControl::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void SpeedControl::retranslate() {
  caption_->setText(tr("Speed"));
  const double speed = stepsPerSecond();
  if (speed <= 0)
    value_->setText(tr("max"));
  else if (speed == 1)
    value_->setText(tr("1 step/s"));
  else
    value_->setText(tr("%1 steps/s").arg(speed));
  // Reserve room for the widest text so the toolbar does not jump.
  const QFontMetrics fm = value_->fontMetrics();
  value_->setMinimumWidth(
      std::max(fm.horizontalAdvance(tr("%1 steps/s").arg(500)), fm.horizontalAdvance(tr("max"))) +
      4);
  const QString tip =
      tr("How many steps per second Run grants each process; at max they run "
         "freely, as fast as the kernel lets them");
  slider_->setToolTip(tip);
  caption_->setToolTip(tip);
}
