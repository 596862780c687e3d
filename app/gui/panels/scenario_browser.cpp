#include "scenario_browser.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QPainter>
#include <QPushButton>
#include <QResizeEvent>
#include <QSet>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "lesson_catalog.h"
#include "lesson_progress.h"
#include "lesson_progress_notifier.h"
#include "scenario/course.hpp"

namespace {

constexpr int kSummaryLines = 1;
constexpr int kTitleLines = 3;
constexpr int kPad = 5;
const QString kProgressSeparator = QStringLiteral(" · ");

QColor progressColor(int state, bool selected, const QPalette& palette) {
  if (selected) return palette.color(QPalette::HighlightedText);
  switch (static_cast<LessonProgress::State>(state)) {
    case LessonProgress::State::done:
      return QColor(0x1e, 0x7b, 0x34);
    case LessonProgress::State::inProgress:
      return QColor(0x9a, 0x58, 0x00);
    case LessonProgress::State::notStarted:
      break;
  }
  return QColor(0x5a, 0x62, 0x6e);
}

// A lesson row: its title in bold, its progress in words (coloured, with a
// mark), then the start of its summary in grey, cut to the panel's width.
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
    int y = area.top();
    // The whole title, wrapped: a narrow panel must not cut "priorities" to "priorit…".
    for (const QString& line : wrapped(title, bold, area.width(), kTitleLines)) {
      painter->drawText(QPoint(area.left(), y + boldMetrics.ascent()), line);
      y += boldMetrics.height();
    }
    y += 2;
    painter->setFont(opt.font);
    const QFontMetrics metrics(opt.font);
    painter->setPen(
        progressColor(index.data(ScenarioBrowser::StateRole).toInt(), selected, opt.palette));
    for (const QString& part : progressParts(index)) {
      painter->drawText(QPoint(area.left(), y + metrics.ascent()),
                        metrics.elidedText(part, Qt::ElideRight, area.width()));
      y += metrics.height();
    }
    painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText)
                             : QColor(0x5a, 0x62, 0x6e));
    for (const QString& line : wrapped(index.data(ScenarioBrowser::SummaryRole).toString(),
                                       opt.font, area.width(), kSummaryLines)) {
      painter->drawText(QPoint(area.left(), y + metrics.ascent()), line);
      y += metrics.height();
    }
    painter->restore();
  }

  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(ScenarioBrowser::IdRole).toString().isEmpty()) {
      // A chapter's title wraps too (the tree wraps its text when the row is tall enough).
      QFont font = option.font;
      if (const QVariant f = index.data(Qt::FontRole); f.isValid()) font = f.value<QFont>();
      const int depth = index.parent().isValid() ? 1 : 0;
      const auto* tree = qobject_cast<const QTreeView*>(option.widget);
      const int width = textWidth(option) + (tree ? tree->indentation() * (2 - depth) : 0) -
                        option.decorationSize.width();
      const int extra = static_cast<int>(wrapped(index.data().toString(), font, width, 3).size());
      return size + QSize(0, 8 + std::max(0, extra - 1) * QFontMetrics(font).height());
    }
    const QFontMetrics metrics(option.font);
    const int lines =
        index.data(ScenarioBrowser::SummaryRole).toString().isEmpty() ? 0 : kSummaryLines;
    const int progress = static_cast<int>(progressParts(index).size());
    const QFont bold = boldFont(option.font);
    const int titleLines = static_cast<int>(
        wrapped(index.data(Qt::DisplayRole).toString(), bold, textWidth(option), kTitleLines)
            .size());
    size.setHeight(2 * kPad + QFontMetrics(bold).height() * std::max(1, titleLines) +
                   metrics.height() * (progress + lines) + 2);
    return size;
  }

  // The width a lesson row's text has: its column less the indentation
  // (a tree asks for a size hint before it knows where the row goes).
  static int textWidth(const QStyleOptionViewItem& option) {
    const auto* tree = qobject_cast<const QTreeView*>(option.widget);
    int width = option.rect.width();
    if (tree) {
      const int column = tree->header()->sectionSize(0);
      width = (column > 0 ? column : tree->viewport()->width()) - 2 * tree->indentation();
    }
    return width - 2 * kPad;
  }

  // The lesson's progress and its challenge's, a line each: a narrow panel
  // would cut them as one line.
  static QStringList progressParts(const QModelIndex& index) {
    return index.data(ScenarioBrowser::ProgressRole).toString().split(kProgressSeparator);
  }

  static QFont boldFont(QFont font) {
    font.setBold(true);
    return font;
  }

  // `text` laid out in `width`, at most `maxLines` lines, the last elided
  // when the text goes on (Chinese breaks between any two characters).
  static QStringList wrapped(const QString& text, const QFont& font, int width, int maxLines) {
    QStringList out;
    if (text.isEmpty()) return out;
    if (width <= 0) return {text};
    QTextLayout layout(text, font);
    layout.beginLayout();
    int consumed = 0;
    for (int n = 0; n < maxLines; ++n) {
      QTextLine line = layout.createLine();
      if (!line.isValid()) break;
      line.setLineWidth(width);
      if (n + 1 == maxLines) {
        out << QFontMetrics(font).elidedText(text.mid(consumed).trimmed(), Qt::ElideRight, width);
      } else {
        out << text.mid(line.textStart(), line.textLength()).trimmed();
        consumed = line.textStart() + line.textLength();
        if (consumed >= text.size()) break;
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
  connect(LessonProgressNotifier::instance(), &LessonProgressNotifier::changed, this,
          &ScenarioBrowser::refreshProgress);
  retranslate();
}

namespace {

QTreeWidgetItem* chapterItem(QTreeWidget* tree, const QString& text) {
  auto* chapter = new QTreeWidgetItem(tree);
  chapter->setFlags(Qt::ItemIsEnabled);
  QFont bold = chapter->font(0);
  bold.setBold(true);
  chapter->setFont(0, bold);
  chapter->setData(0, Qt::UserRole, text);  // the title, before the count of what is done
  chapter->setExpanded(true);
  return chapter;
}

}  // namespace

void ScenarioBrowser::rebuild() {
  tree_->clear();
  const std::string lang = lang_.toStdString();
  auto addLesson = [&](QTreeWidgetItem* chapter, const LessonInfo& lesson) {
    auto* item = new QTreeWidgetItem(chapter);
    const QString title = QString::fromStdString(lesson.title.in(lang));
    const QString summary = QString::fromStdString(lesson.summary.in(lang));
    item->setText(0, title);
    item->setData(0, IdRole, lesson.id);
    item->setData(0, SummaryRole, summary);
    item->setToolTip(0, QStringLiteral("<b>%1</b><p>%2</p><p>%3</p><p><i>%4</i></p>")
                            .arg(title.toHtmlEscaped(), summary.toHtmlEscaped(),
                                 LessonCatalog::categoryName(lesson.category).toHtmlEscaped(),
                                 tr("Double-click or press Enter to open")));
  };
  QSet<QString> listed;
  for (const ipclab::CourseChapter& c : ipclab::bundled_course().chapters) {
    QTreeWidgetItem* chapter = chapterItem(tree_, QStringLiteral("%1  %2").arg(c.number).arg(
                                                      QString::fromStdString(c.title.in(lang))));
    for (const std::string& id : c.lessons) {
      const LessonInfo* lesson = LessonCatalog::find(QString::fromStdString(id));
      if (!lesson) continue;
      addLesson(chapter, *lesson);
      listed.insert(lesson->id);
    }
    if (chapter->childCount() == 0) {
      auto* none = new QTreeWidgetItem(chapter);
      none->setFlags(Qt::NoItemFlags);
      none->setText(0, tr("no lessons yet"));
    }
  }
  QTreeWidgetItem* more = nullptr;
  for (const LessonInfo& lesson : LessonCatalog::lessons()) {
    if (listed.contains(lesson.id)) continue;
    if (!more) more = chapterItem(tree_, tr("More lessons"));
    addLesson(more, lesson);
  }
  refreshProgress();
  setCurrentLesson(current_);
}

QString ScenarioBrowser::progressWords(const QString& id) const {
  const LessonInfo* lesson = LessonCatalog::find(id);
  if (!lesson) return QString();
  const LessonProgress::Entry e = LessonProgress::entry(id, lesson->hasChallenge);
  const int steps = e.stepCount > 0 ? e.stepCount : lesson->lessonSteps;
  QString words;
  switch (e.state) {
    case LessonProgress::State::done:
      words = tr("✓ done");
      break;
    case LessonProgress::State::inProgress:
      words = e.reached > 0 && e.reached < steps
                  ? tr("◐ in progress %1/%2").arg(e.reached).arg(steps)
                  : tr("◐ in progress: the challenge is left");
      break;
    case LessonProgress::State::notStarted:
      words = tr("○ not started");
      break;
  }
  if (lesson->hasChallenge)
    words += kProgressSeparator + (e.won ? tr("★ challenge won in %1 steps (best)").arg(e.bestSteps)
                                         : tr("★ challenge"));
  return words;
}

void ScenarioBrowser::refreshProgress() {
  for (int c = 0; c < tree_->topLevelItemCount(); ++c) {
    QTreeWidgetItem* chapter = tree_->topLevelItem(c);
    int lessons = 0;
    int done = 0;
    for (int i = 0; i < chapter->childCount(); ++i) {
      QTreeWidgetItem* item = chapter->child(i);
      const QString id = item->data(0, IdRole).toString();
      if (id.isEmpty()) continue;
      const LessonInfo* lesson = LessonCatalog::find(id);
      const LessonProgress::State state =
          LessonProgress::entry(id, lesson && lesson->hasChallenge).state;
      item->setData(0, ProgressRole, progressWords(id));
      item->setData(0, StateRole, static_cast<int>(state));
      ++lessons;
      if (state == LessonProgress::State::done) ++done;
    }
    const QString title = chapter->data(0, Qt::UserRole).toString();
    chapter->setText(
        0,
        lessons == 0
            ? title
            : tr("%1  (%2/%3 done)").arg(title, QString::number(done), QString::number(lessons)));
  }
}

QTreeWidgetItem* ScenarioBrowser::lessonItem(const QString& id) const {
  for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
    QTreeWidgetItem* group = tree_->topLevelItem(g);
    for (int i = 0; i < group->childCount(); ++i)
      if (group->child(i)->data(0, IdRole).toString() == id) return group->child(i);
  }
  return nullptr;
}

QTreeWidgetItem* ScenarioBrowser::chapterOf(const QString& id) const {
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

void ScenarioBrowser::showEvent(QShowEvent* event) {
  refreshProgress();  // another program may have written the settings meanwhile
  QWidget::showEvent(event);
}

void ScenarioBrowser::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  // A title wraps to the new width: the rows take new heights.
  if (event->size().width() != event->oldSize().width()) tree_->doItemsLayout();
}

void ScenarioBrowser::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  if (event->type() == QEvent::FontChange) tree_->doItemsLayout();
  QWidget::changeEvent(event);
}
