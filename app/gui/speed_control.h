// SpeedControl: how fast Run goes, from 1 step a second (to follow with the
// eyes) to as fast as the processes can (to see the mechanism's real pace).
#pragma once

#include <QWidget>

class QLabel;
class QSlider;

class SpeedControl : public QWidget {
  Q_OBJECT

 public:
  explicit SpeedControl(QWidget* parent = nullptr);

  // Steps per second; 0 means as fast as possible.
  double stepsPerSecond() const;
  int position() const;
  void setPosition(int position);

 signals:
  void speedChanged(double stepsPerSecond);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();

  QLabel* caption_;
  QSlider* slider_;
  QLabel* value_;
};
