#include "session_status.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

#include "event_detail_text.h"
#include "state_style.h"

SessionStatus::SessionStatus(QWidget* parent)
    : QWidget(parent), word_(new QLabel(this)), detail_(new QLabel(this)) {
  word_->setObjectName(QStringLiteral("sessionState"));
  detail_->setObjectName(QStringLiteral("sessionDetail"));
  detail_->setTextFormat(Qt::PlainText);
  detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 0, 6, 0);
  layout->setSpacing(10);
  layout->addWidget(word_);
  layout->addWidget(detail_, 1);
  refresh();
}

void SessionStatus::setStarting() {
  state_ = State::Starting;
  refresh();
}

void SessionStatus::setNone() {
  state_ = State::None;
  refresh();
}

void SessionStatus::setFailed() {
  state_ = State::Failed;
  refresh();
}

void SessionStatus::setSnapshot(const ipclab::Snapshot& snapshot, double speed) {
  speed_ = speed;
  deadlock_ = snapshot.deadlock ? QString::fromStdString(*snapshot.deadlock) : QString();
  if (snapshot.mode == ipclab::RunMode::finished)
    state_ = State::Finished;
  else if (snapshot.deadlock)
    state_ = State::Deadlock;
  else if (snapshot.mode == ipclab::RunMode::running)
    state_ = State::Running;
  else
    state_ = State::Stepping;
  refresh();
}

QString SessionStatus::text() const {
  return word_->text() + QLatin1Char(' ') + detail_->text();
}

void SessionStatus::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) refresh();
  QWidget::changeEvent(event);
}

void SessionStatus::refresh() {
  QString word;
  QString detail;
  QColor color(0x33, 0x33, 0x33);
  switch (state_) {
    case State::None:
      word = tr("No session");
      break;
    case State::Starting:
      word = tr("Starting…");
      detail = tr("creating the objects and spawning one process per role");
      break;
    case State::Stepping:
      word = tr("Stepping");
      color = QColor(0x6b, 0x4e, 0x00);
      detail = tr("each process waits at its gate: Space steps the selected one, S steps all");
      break;
    case State::Running:
      word = tr("Running");
      color = StateStyle::runningColor();
      detail = speed_ > 0 ? tr("%1 steps per second").arg(speed_) : tr("as fast as possible");
      break;
    case State::Finished:
      word = tr("Finished");
      color = QColor(0x45, 0x48, 0x4d);
      detail = tr("every process has exited; Reset starts the lesson again");
      break;
    case State::Deadlock:
      word = tr("Deadlock");
      color = StateStyle::deadlockColor();
      // Core words it in English; said again in the window's language.
      detail = EventDetailText::deadlockText(deadlock_);
      if (detail.isEmpty()) detail = deadlock_;
      break;
    case State::Failed:
      word = tr("Not running");
      color = StateStyle::deadlockColor();
      detail = tr("see the message at the top of the window");
      break;
  }
  // A snapshot arrives up to 60 times a second and mostly changes nothing
  // here: setting a style sheet re-polishes and lays out the status bar.
  const QString sheet = QStringLiteral("QLabel { color: %1; font-weight: bold; %2 }")
                            .arg(color.name(), StateStyle::fontSizeRule());
  if (word_->styleSheet() != sheet) word_->setStyleSheet(sheet);
  word = QStringLiteral("● ") + word;
  if (word_->text() != word) word_->setText(word);
  if (detail_->text() != detail) {
    detail_->setText(detail);
    detail_->setToolTip(detail);
  }
}
