#include "scenario_header.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "lesson_catalog.h"
#include "state_style.h"

ScenarioHeader::ScenarioHeader(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      category_(new QLabel(this)),
      summary_(new QLabel(this)) {
  title_->setObjectName(QStringLiteral("scenarioTitle"));
  title_->setTextFormat(Qt::PlainText);
  summary_->setTextFormat(Qt::PlainText);
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* top = new QHBoxLayout;
  top->setSpacing(12);
  top->addWidget(title_);
  top->addWidget(category_, 0, Qt::AlignVCenter);
  top->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 2, 4, 4);
  layout->setSpacing(4);
  layout->addLayout(top);
  layout->addWidget(summary_);
  refresh();
}

void ScenarioHeader::setScenario(const ipclab::Scenario& scenario) {
  titleText_ = scenario.title;
  summaryText_ = scenario.summary;
  categoryValue_ = scenario.category;
  has_ = true;
  refresh();
}

void ScenarioHeader::setLanguage(const QString& lang) {
  lang_ = lang;
  refresh();
}

void ScenarioHeader::clear() {
  has_ = false;
  refresh();
}

void ScenarioHeader::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) refresh();
  if (event->type() == QEvent::FontChange) refresh();
  QWidget::changeEvent(event);
}

void ScenarioHeader::refresh() {
  category_->setStyleSheet(QStringLiteral("QLabel { color: #33475b; background: #e6edf5; "
                                          "border-radius: 3px; padding: 1px 8px; %1 }")
                               .arg(StateStyle::fontSizeRule()));
  QFont big = QApplication::font();
  big.setPointSizeF(big.pointSizeF() * 1.45);
  big.setBold(true);
  title_->setFont(big);
  const std::string lang = lang_.toStdString();
  if (!has_) {
    title_->setText(tr("No lesson open"));
    category_->hide();
    summary_->setText(
        tr("Choose a lesson in the toolbar, or open a lesson file with File ▸ Open."));
    return;
  }
  title_->setText(QString::fromStdString(titleText_.in(lang)));
  category_->setText(LessonCatalog::categoryName(categoryValue_));
  category_->show();
  summary_->setText(QString::fromStdString(summaryText_.in(lang)).simplified());
}

void ScenarioHeader::setSummaryShown(bool shown) {
  summary_->setVisible(shown);
}
