// ProblemsPanel: every mistake the loader found in a lesson file, one per
// line as FILE:LINE:COL: TEXT, so a teacher writing a lesson sees them all,
// in the GUI's language (said again when the language changes).
#pragma once

#include <QStringList>
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
  // The lines as shown.
  QStringList lines() const;
  static QString format(const ipclab::Diagnostic& d);
  // The diagnostic's text in the GUI's language.
  static QString message(const ipclab::Diagnostic& d);
  // Says everything again in the current language (LanguageChange reaches
  // the panel later, posted; the window calls this right away).
  void retranslate();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  QLabel* summary_;
  QListWidget* list_;
  QString file_;
  std::vector<ipclab::Diagnostic> errors_;
};
