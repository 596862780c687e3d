// MessageBar: the inline message strip at the top of the window. Errors and
// notices are shown here, in words, instead of modal dialogs; the window
// stays usable underneath. Information fades after a few seconds, errors
// stay until dismissed or replaced.
#pragma once

#include <QFrame>
#include <QString>
#include <QTimer>

class QLabel;
class QToolButton;

class MessageBar : public QFrame {
  Q_OBJECT

 public:
  enum class Level { Information, Warning, Error };

  explicit MessageBar(QWidget* parent = nullptr);

  // `actionText` non-empty: a button that emits actionTriggered().
  void showMessage(Level level, const QString& text, const QString& actionText = QString());
  void showError(const QString& text) { showMessage(Level::Error, text); }
  void showInformation(const QString& text) { showMessage(Level::Information, text); }
  void dismiss();

  QString text() const;
  void restyle();  // the application font changed
  Level level() const { return level_; }

 signals:
  void actionTriggered();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  QLabel* icon_;
  QLabel* text_;
  QToolButton* action_;
  QToolButton* close_;
  QTimer fade_;
  Level level_ = Level::Information;
};
