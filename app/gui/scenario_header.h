// ScenarioHeader: the open lesson's title, category and summary above the
// tables, in the current language (the lesson file carries both).
#pragma once

#include <QWidget>

#include "scenario/scenario.hpp"

class QLabel;

class ScenarioHeader : public QWidget {
  Q_OBJECT

 public:
  explicit ScenarioHeader(QWidget* parent = nullptr);

  void setScenario(const ipclab::Scenario& scenario);
  void setLanguage(const QString& lang);
  void clear();
  void restyle() { refresh(); }  // the application font changed
  // Presentation mode leaves the summary out: the lesson panel says it, and
  // the diagram gets its lines.
  void setSummaryShown(bool shown);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void refresh();

  QLabel* title_;
  QLabel* category_;
  QLabel* summary_;
  ipclab::LocalText titleText_;
  ipclab::LocalText summaryText_;
  ipclab::Category categoryValue_ = ipclab::Category::message_passing;
  bool has_ = false;
  QString lang_ = QStringLiteral("en");
};
