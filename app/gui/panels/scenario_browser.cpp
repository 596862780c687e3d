#include "scenario_browser.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <array>

#include "lesson_catalog.h"

namespace {

constexpr int kSummaryLines = 2;
constexpr int kPad = 5;

// A lesson row: its title in bold, then the start of its summary in grey,
// wrapped to the width of the panel and cut after two lines.
class LessonDelegate : public QStyledItemDelegate {
 public:
  using QStyledItemDelegate::QStyledItemDelegate;

  void paint(QPainter* painter, const QStyleOptionViewItem& option,
             const QModelIndex& index) const override {
    if (index.data(ScenarioBrowser::IdRole).toString().isEmpty()) {
      QStyledItemDelegate::paint(painter, option, index);
      return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear();
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    const bool selected = opt.state & QStyle::State_Selected;
    const QRect area = opt.rect.adjusted(kPad, kPad, -kPad, -kPad);
    painter->save();
    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QFontMetrics boldMetrics(bold);
    painter->drawText(area.topLeft() + QPoint(0, boldMetrics.ascent()),
                      boldMetrics.elidedText(title, Qt::ElideRight, area.width()));
    painter->setFont(opt.font);
    painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText)
                             : QColor(0x5a, 0x62, 0x6e));
    const QFontMetrics metrics(opt.font);
    int y = area.top() + boldMetrics.height() + 2;
    for (const QString& line : summaryLines(index.data(ScenarioBrowser::SummaryRole).toString(),
                                            opt.font, area.width())) {
      painter->drawText(QPoint(area.left(), y + metrics.ascent()), line);
      y += metrics.height();
    }
    painter->restore();
  }

  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(ScenarioBrowser::IdRole).toString().isEmpty()) return size + QSize(0, 8);
    const QFontMetrics metrics(option.font);
    const int lines =
        index.data(ScenarioBrowser::SummaryRole).toString().isEmpty() ? 0 : kSummaryLines;
    size.setHeight(2 * kPad + metrics.height() * (1 + lines) + 2);
    return size;
  }

  // The summary laid out in `width`, at most two lines, the second elided.
  static QStringList summaryLines(const QString& text, const QFont& font, int width) {
    QStringList out;
    if (text.isEmpty() || width <= 0) return out;
    QTextLayout layout(text, font);
    layout.beginLayout();
    int consumed = 0;
    for (int n = 0; n < kSummaryLines; ++n) {
      QTextLine line = layout.createLine();
      if (!line.isValid()) break;
      line.setLineWidth(width);
      if (n + 1 == kSummaryLines) {
        out << QFontMetrics(font).elidedText(text.mid(consumed), Qt::ElideRight, width);
      } else {
        out << text.mid(line.textStart(), line.textLength()).trimmed();
        consumed = line.textStart() + line.textLength();
      }
    }
    layout.endLayout();
    return out;
  }
};

}  // namespace

ScenarioBrowser::ScenarioBrowser(QWidget* parent)
    : QWidget(parent), tree_(new QTreeWidget(this)), openFile_(new QPushButton(this)) {
  setObjectName(QStringLiteral("scenarioBrowser"));
  tree_->setObjectName(QStringLiteral("lessonTree"));
  tree_->setHeaderHidden(true);
  tree_->setColumnCount(1);
  tree_->setIndentation(12);
  tree_->setUniformRowHeights(false);
  tree_->setWordWrap(true);
  tree_->setItemDelegate(new LessonDelegate(tree_));
  tree_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  tree_->header()->setSectionResizeMode(QHeaderView::Stretch);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 6);
  layout->addWidget(tree_, 1);
  layout->addWidget(openFile_);
  connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
    const QString id = item->data(0, IdRole).toString();
    if (!id.isEmpty()) emit lessonChosen(id);
  });
  connect(openFile_, &QPushButton::clicked, this, &ScenarioBrowser::openFileRequested);
  retranslate();
}

void ScenarioBrowser::rebuild() {
  tree_->clear();
  const std::string lang = lang_.toStdString();
  constexpr std::array<ipclab::Category, 4> families = {
      ipclab::Category::message_passing, ipclab::Category::synchronization,
      ipclab::Category::shared_memory, ipclab::Category::rpc};
  for (ipclab::Category family : families) {
    auto* group = new QTreeWidgetItem(tree_);
    group->setFlags(Qt::ItemIsEnabled);
    QFont bold = group->font(0);
    bold.setBold(true);
    group->setFont(0, bold);
    int count = 0;
    for (const LessonInfo& lesson : LessonCatalog::lessons()) {
      if (lesson.category != family) continue;
      ++count;
      auto* item = new QTreeWidgetItem(group);
      const QString title = QString::fromStdString(lesson.title.in(lang));
      const QString summary = QString::fromStdString(lesson.summary.in(lang));
      item->setText(0, title);
      item->setData(0, IdRole, lesson.id);
      item->setData(0, SummaryRole, summary);
      item->setToolTip(0, QStringLiteral("<b>%1</b><p>%2</p><p><i>%3</i></p>")
                              .arg(title.toHtmlEscaped(), summary.toHtmlEscaped(),
                                   tr("Double-click or press Enter to open")));
    }
    group->setText(0,
                   QStringLiteral("%1 (%2)").arg(LessonCatalog::categoryName(family)).arg(count));
    if (count == 0) {
      auto* none = new QTreeWidgetItem(group);
      none->setFlags(Qt::NoItemFlags);
      none->setText(0, tr("no lessons yet"));
    }
    group->setExpanded(true);
  }
  setCurrentLesson(current_);
}

QTreeWidgetItem* ScenarioBrowser::lessonItem(const QString& id) const {
  for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
    QTreeWidgetItem* group = tree_->topLevelItem(g);
    for (int i = 0; i < group->childCount(); ++i)
      if (group->child(i)->data(0, IdRole).toString() == id) return group->child(i);
  }
  return nullptr;
}

QTreeWidgetItem* ScenarioBrowser::familyOf(const QString& id) const {
  QTreeWidgetItem* item = lessonItem(id);
  return item ? item->parent() : nullptr;
}

void ScenarioBrowser::setCurrentLesson(const QString& id) {
  current_ = id;
  QTreeWidgetItem* item = lessonItem(id);
  if (item) {
    tree_->setCurrentItem(item);
  } else {
    tree_->clearSelection();
  }
}

void ScenarioBrowser::setLanguage(const QString& code) {
  lang_ = code;
  retranslate();
}

void ScenarioBrowser::retranslate() {
  openFile_->setText(tr("Open a Lesson File…"));
  openFile_->setToolTip(tr("A lesson written in YAML; mistakes are listed with line and column"));
  rebuild();
}

void ScenarioBrowser::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  if (event->type() == QEvent::FontChange) tree_->doItemsLayout();
  QWidget::changeEvent(event);
}
