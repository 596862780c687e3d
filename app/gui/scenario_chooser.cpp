#include "scenario_chooser.h"

#include <QFileInfo>
#include <QFont>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QStylePainter>

#include "lesson_catalog.h"

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QStandardItem* header(const QString& text) {
  auto* item = new QStandardItem(text);
  item->setFlags(Qt::NoItemFlags);  // a group title, not a choice
  QFont font = item->font();
  font.setBold(true);
  item->setFont(font);
  return item;
}

}  // namespace

ScenarioChooser::ScenarioChooser(QWidget* parent)
    : QComboBox(parent), items_(new QStandardItemModel(this)) {
  setObjectName(QStringLiteral("scenarioChooser"));
  setModel(items_);
  setSizeAdjustPolicy(QComboBox::AdjustToContents);
  setMaxVisibleItems(24);
  connect(this, &QComboBox::activated, this, [this](int index) {
    const QString id = itemData(index, kIdRole).toString();
    if (id.isEmpty()) return;
    current_ = id;
    emit scenarioChosen(id);
  });
  rebuild();
}

void ScenarioChooser::setLanguage(const QString& lang) {
  lang_ = lang;
  rebuild();
}

void ScenarioChooser::setCurrentScenario(const QString& idOrPath) {
  current_ = idOrPath;
  if (!LessonCatalog::find(idOrPath)) file_ = idOrPath;
  rebuild();
}

QString ScenarioChooser::currentScenario() const {
  return current_;
}

void ScenarioChooser::rebuild() {
  const QSignalBlocker blocker(this);
  items_->clear();
  const std::string lang = lang_.toStdString();
  bool first = true;
  ipclab::Category category{};
  const QString indent = QStringLiteral("    ");
  int currentRow = -1;
  for (const LessonInfo& lesson : LessonCatalog::lessons()) {
    if (first || lesson.category != category) {
      items_->appendRow(header(LessonCatalog::categoryName(lesson.category)));
      category = lesson.category;
      first = false;
    }
    auto* item = new QStandardItem(indent + QString::fromStdString(lesson.title.in(lang)));
    item->setData(lesson.id, kIdRole);
    item->setToolTip(QString::fromStdString(lesson.summary.in(lang)));
    if (lesson.id == current_) currentRow = items_->rowCount();
    items_->appendRow(item);
  }
  if (!file_.isEmpty()) {
    items_->appendRow(header(tr("Files")));
    auto* item = new QStandardItem(indent + QFileInfo(file_).fileName());
    item->setData(file_, kIdRole);
    item->setToolTip(file_);
    if (file_ == current_) currentRow = items_->rowCount();
    items_->appendRow(item);
  }
  setCurrentIndex(currentRow);
}

void ScenarioChooser::paintEvent(QPaintEvent*) {
  // The list indents lessons under their category; the closed box shows the
  // title alone.
  QStylePainter painter(this);
  QStyleOptionComboBox option;
  initStyleOption(&option);
  option.currentText = option.currentText.trimmed();
  if (currentIndex() < 0) option.currentText = tr("Choose a lesson…");
  painter.drawComplexControl(QStyle::CC_ComboBox, option);
  painter.drawControl(QStyle::CE_ComboBoxLabel, option);
}
