// ProblemsPanel: every mistake the loader found in a lesson file, one per
// line as FILE:LINE:COL: TEXT, so a teacher writing a lesson sees them all.
#pragma once

#include <QWidget>
#include <vector>

#include "scenario/loader.hpp"

class QLabel;
class QListWidget;

class ProblemsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ProblemsPanel(QWidget* parent = nullptr);

  void setDiagnostics(const QString& file, const std::vector<ipclab::Diagnostic>& errors);
  void clear();
  int count() const;
  static QString format(const ipclab::Diagnostic& d);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();

  QLabel* summary_;
  QListWidget* list_;
  QString file_;
};
