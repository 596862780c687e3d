// ScenarioBrowser: the bundled lessons grouped under the four families of
// IPC (message passing, synchronization, shared memory, remote procedure
// call), each with its title and the start of its summary in the current
// language (the whole summary in its tooltip). Double-click or Enter opens
// a lesson; the button below asks for a lesson file of one's own.
#pragma once

#include <QString>
#include <QWidget>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

class ScenarioBrowser : public QWidget {
  Q_OBJECT

 public:
  static constexpr int IdRole = Qt::UserRole + 1;       // lesson id ("" on a family row)
  static constexpr int SummaryRole = Qt::UserRole + 2;  // the summary text

  explicit ScenarioBrowser(QWidget* parent = nullptr);

  void setLanguage(const QString& code);
  // Marks the lesson that runs (a bundled id, or anything else for none).
  void setCurrentLesson(const QString& id);

  QTreeWidget* tree() const { return tree_; }
  // The family row holding lesson `id`, or nullptr.
  QTreeWidgetItem* familyOf(const QString& id) const;
  QTreeWidgetItem* lessonItem(const QString& id) const;

 signals:
  void lessonChosen(const QString& id);
  void openFileRequested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void rebuild();
  void retranslate();

  QTreeWidget* tree_;
  QPushButton* openFile_;
  QString lang_ = QStringLiteral("en");
  QString current_;
};
