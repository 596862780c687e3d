// ScenarioChooser: the lesson picker in the toolbar. Bundled lessons grouped
// under their category, titles in the current language; a lesson file opened
// from disk appears at the end under "Files".
#pragma once

#include <QComboBox>
#include <QString>

class QStandardItemModel;

class ScenarioChooser : public QComboBox {
  Q_OBJECT

 public:
  explicit ScenarioChooser(QWidget* parent = nullptr);

  // `lang` as for LocalText::in ("en", "zh_CN").
  void setLanguage(const QString& lang);
  // Shows id (a bundled id or a file path) as the current entry, without
  // emitting scenarioChosen.
  void setCurrentScenario(const QString& idOrPath);
  QString currentScenario() const;

 signals:
  // The user picked an entry: a bundled id or a file path.
  void scenarioChosen(const QString& idOrPath);

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  void rebuild();

  QStandardItemModel* items_;
  QString lang_ = QStringLiteral("en");
  QString current_;
  QString file_;  // the last lesson file opened from disk, if any
};
