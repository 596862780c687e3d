// ScenarioBrowser: the course (core's bundled_course()) chapter by chapter,
// in order, each lesson with its title, its progress in words with a mark
// ("✓ done", "◐ in progress 3/7", "○ not started"; challenges marked
// "★ challenge", with "won in N steps (best)") and the start of its summary
// in the current language (the whole summary and its family in the
// tooltip). Titles wrap (up to three lines) rather than being cut.
// Bundled lessons the course does not list come last. Progress is read
// from LessonProgress, again whenever it is written and when the panel is
// shown. Double-click or Enter opens a lesson; the button below
// asks for a lesson file of one's own.
#pragma once

#include <QString>
#include <QWidget>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

class ScenarioBrowser : public QWidget {
  Q_OBJECT

 public:
  static constexpr int IdRole = Qt::UserRole + 1;        // lesson id ("" on a family row)
  static constexpr int SummaryRole = Qt::UserRole + 2;   // the summary text
  static constexpr int ProgressRole = Qt::UserRole + 3;  // "✓ done", ... in words
  static constexpr int StateRole = Qt::UserRole + 4;     // LessonProgress::State as int

  explicit ScenarioBrowser(QWidget* parent = nullptr);

  void setLanguage(const QString& code);
  // Marks the lesson that runs (a bundled id, or anything else for none).
  void setCurrentLesson(const QString& id);

  QTreeWidget* tree() const { return tree_; }
  // The chapter row holding lesson `id`, or nullptr.
  QTreeWidgetItem* chapterOf(const QString& id) const;
  QTreeWidgetItem* lessonItem(const QString& id) const;
  // Reads every lesson's progress again.
  void refreshProgress();

 signals:
  void lessonChosen(const QString& id);
  void openFileRequested();

 protected:
  void changeEvent(QEvent* event) override;
  void showEvent(QShowEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void rebuild();
  void retranslate();
  QString progressWords(const QString& id) const;

  QTreeWidget* tree_;
  QPushButton* openFile_;
  QString lang_ = QStringLiteral("en");
  QString current_;
};
