#include "problems_panel.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QStyle>
#include <QVBoxLayout>

ProblemsPanel::ProblemsPanel(QWidget* parent)
    : QWidget(parent), summary_(new QLabel(this)), list_(new QListWidget(this)) {
  list_->setObjectName(QStringLiteral("problemList"));
  list_->setWordWrap(true);
  list_->setAlternatingRowColors(true);
  summary_->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 6);
  layout->addWidget(summary_);
  layout->addWidget(list_, 1);
  retranslate();
}

QString ProblemsPanel::message(const ipclab::Diagnostic& d) {
  // The loader's patterns are collected from core/scenario by lupdate
  // (context "Diagnostics"); one without a translation reads as English.
  return QString::fromStdString(d.text([](const std::string& pattern) {
    return QCoreApplication::translate("Diagnostics", pattern.c_str()).toStdString();
  }));
}

QString ProblemsPanel::format(const ipclab::Diagnostic& d) {
  if (d.pos.line <= 0)  // not about a place in a file (e.g. no such file)
    return QStringLiteral("%1: %2").arg(QString::fromStdString(d.file), message(d));
  return QStringLiteral("%1:%2:%3: %4")
      .arg(QString::fromStdString(d.file))
      .arg(d.pos.line)
      .arg(d.pos.col)
      .arg(message(d));
}

void ProblemsPanel::setDiagnostics(const QString& file,
                                   const std::vector<ipclab::Diagnostic>& errors) {
  file_ = file;
  errors_ = errors;
  retranslate();
}

void ProblemsPanel::clear() {
  file_.clear();
  errors_.clear();
  retranslate();
}

int ProblemsPanel::count() const {
  return list_->count();
}

void ProblemsPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

QStringList ProblemsPanel::lines() const {
  QStringList out;
  for (int i = 0; i < list_->count(); ++i) out << list_->item(i)->text();
  return out;
}

void ProblemsPanel::retranslate() {
  list_->clear();
  const QIcon icon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
  for (const ipclab::Diagnostic& d : errors_) list_->addItem(new QListWidgetItem(icon, format(d)));
  if (list_->count() == 0)
    summary_->setText(tr("No problems: the lesson files opened so far are valid."));
  else
    summary_->setText(tr("%1 has %2 mistake(s). Fix them and open the file again; nothing was "
                         "started.")
                          .arg(file_)
                          .arg(list_->count()));
}
