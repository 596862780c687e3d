#include "message_bar.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

#include "state_style.h"

namespace {

struct Look {
  const char* background;
  const char* border;
  const char* text;
  QStyle::StandardPixmap icon;
};

Look lookFor(MessageBar::Level level) {
  switch (level) {
    case MessageBar::Level::Error:
      return {"#fdeceb", "#e8a29e", "#6b1a14", QStyle::SP_MessageBoxCritical};
    case MessageBar::Level::Warning:
      return {"#fff5e0", "#ecc77a", "#5c3d00", QStyle::SP_MessageBoxWarning};
    case MessageBar::Level::Information:
      break;
  }
  return {"#e8f1fb", "#a9c7ea", "#163a5f", QStyle::SP_MessageBoxInformation};
}

}  // namespace

MessageBar::MessageBar(QWidget* parent)
    : QFrame(parent),
      icon_(new QLabel(this)),
      text_(new QLabel(this)),
      action_(new QToolButton(this)),
      close_(new QToolButton(this)) {
  setObjectName(QStringLiteral("messageBar"));
  text_->setObjectName(QStringLiteral("messageText"));
  text_->setWordWrap(true);
  text_->setTextFormat(Qt::PlainText);
  text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  icon_->setAlignment(Qt::AlignTop);
  action_->setAutoRaise(true);
  action_->hide();
  close_->setAutoRaise(true);
  close_->setText(QStringLiteral("✕"));
  connect(action_, &QToolButton::clicked, this, &MessageBar::actionTriggered);
  connect(close_, &QToolButton::clicked, this, &MessageBar::dismiss);
  fade_.setSingleShot(true);
  connect(&fade_, &QTimer::timeout, this, &MessageBar::dismiss);

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(10, 6, 6, 6);
  layout->setSpacing(10);
  layout->addWidget(icon_);
  layout->addWidget(text_, 1);
  layout->addWidget(action_, 0, Qt::AlignTop);
  layout->addWidget(close_, 0, Qt::AlignTop);
  close_->setToolTip(tr("Dismiss this message"));
  hide();
}

void MessageBar::showMessage(Level level, const QString& text, const QString& actionText) {
  level_ = level;
  restyle();
  text_->setText(text);
  action_->setText(actionText);
  action_->setVisible(!actionText.isEmpty());
  show();
  if (level == Level::Information)
    fade_.start(8000);
  else
    fade_.stop();
}

void MessageBar::restyle() {
  const Look look = lookFor(level_);
  setStyleSheet(QStringLiteral("#messageBar { background: %1; border: 1px solid %2; "
                               "border-radius: 4px; } #messageBar QLabel, #messageBar "
                               "QToolButton { color: %3; %4 }")
                    .arg(QLatin1String(look.background), QLatin1String(look.border),
                         QLatin1String(look.text), StateStyle::fontSizeRule()));
  const int size = QFontMetrics(QApplication::font()).height();
  icon_->setPixmap(style()->standardIcon(look.icon).pixmap(size, size));
}

void MessageBar::dismiss() {
  fade_.stop();
  text_->clear();
  hide();
}

QString MessageBar::text() const {
  return isVisibleTo(parentWidget()) ? text_->text() : QString();
}

void MessageBar::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) close_->setToolTip(tr("Dismiss this message"));
  QFrame::changeEvent(event);
}
