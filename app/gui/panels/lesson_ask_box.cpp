#include "lesson_ask_box.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

#include "panel_style.h"

namespace {

constexpr int kMaxChoices = 8;  // the format allows 2 to 8 choices
using panel_style::kFail;
using panel_style::kPass;
using panel_style::wrapped;

QString local(const ipclab::LocalText& t, const std::string& lang) {
  return QString::fromStdString(t.in(lang));
}

}  // namespace

LessonAskBox::LessonAskBox(QWidget* parent)
    : QWidget(parent),
      question_(wrapped(this)),
      note_(wrapped(this)),
      choices_(new QVBoxLayout),
      group_(new QButtonGroup(this)),
      valueRow_(new QWidget(this)),
      valueLabel_(new QLabel(valueRow_)),
      value_(new QLineEdit(valueRow_)),
      check_(new QPushButton(this)),
      verdict_(wrapped(this)),
      details_(wrapped(this)) {
  setObjectName(QStringLiteral("lessonAsk"));
  check_->setObjectName(QStringLiteral("lessonCheck"));
  value_->setObjectName(QStringLiteral("lessonValue"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 6, 0, 0);
  layout->addWidget(question_);
  layout->addLayout(choices_);
  for (int i = 0; i < kMaxChoices; ++i) {
    auto* radio = new QRadioButton(this);
    group_->addButton(radio, i);
    choices_->addWidget(radio);
  }
  // Whole numbers only: a count, a fill, a cell (at most 18 digits: int64).
  value_->setValidator(
      new QRegularExpressionValidator(QRegularExpression(QStringLiteral("-?\\d{0,18}")), value_));
  value_->setMaximumWidth(value_->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 14);
  auto* valueLayout = new QHBoxLayout(valueRow_);
  valueLayout->setContentsMargins(0, 0, 0, 0);
  valueLayout->addWidget(valueLabel_);
  valueLayout->addWidget(value_);
  valueLayout->addStretch(1);
  layout->addWidget(valueRow_);
  layout->addWidget(note_);
  auto* checkRow = new QHBoxLayout;
  checkRow->addWidget(check_);
  checkRow->addWidget(verdict_, 1);
  layout->addLayout(checkRow);
  layout->addWidget(details_);
  QFont bold = verdict_->font();
  bold.setBold(true);
  verdict_->setFont(bold);

  connect(group_, &QButtonGroup::idClicked, this, &LessonAskBox::choiceClicked);
  connect(value_, &QLineEdit::textEdited, this, &LessonAskBox::valueEdited);
  connect(value_, &QLineEdit::returnPressed, this, [this] {
    if (check_->isEnabled()) emit checkClicked();
  });
  connect(check_, &QPushButton::clicked, this, &LessonAskBox::checkClicked);
  retranslate();
}

QString LessonAskBox::verdictLine(const Verdict& v) {
  QString line = v.right ? tr("✓ Right") : tr("✗ Not that one");
  if (!v.fromProcesses) line += QLatin1Char(' ') + tr("(the lesson's answer)");
  return line;
}

QString LessonAskBox::detailsHtml(const Verdict& v) {
  QStringList lines;
  if (v.fromProcesses && !v.truth.isEmpty())
    lines << tr("What the real processes show: %1").arg(v.truth.toHtmlEscaped());
  if (!v.right && !v.rightAnswer.isEmpty())
    lines << tr("The right answer: %1").arg(v.rightAnswer.toHtmlEscaped());
  if (!v.explain.isEmpty()) lines << QStringLiteral("<i>%1</i>").arg(v.explain.toHtmlEscaped());
  return lines.join(QStringLiteral("<br>"));
}

void LessonAskBox::setState(const State& state, const std::string& lang) {
  state_ = state;
  lang_ = lang;
  const ipclab::Ask* ask = state.ask;
  setVisible(ask != nullptr);
  if (!ask) return;
  question_->setText(QStringLiteral("<b>%1</b>").arg(local(ask->question, lang).toHtmlEscaped()));
  const bool open = state.phase == Phase::open;
  const bool typed = ask->choices.empty();
  // A fixed set of buttons, relabelled: none is deleted under a click.
  group_->setExclusive(false);
  for (int i = 0; i < kMaxChoices; ++i) {
    QAbstractButton* radio = group_->button(i);
    const bool used = !typed && static_cast<size_t>(i) < ask->choices.size();
    if (used) radio->setText(local(ask->choices[static_cast<size_t>(i)], lang));
    radio->setChecked(used && i == state.chosen);
    radio->setVisible(used);
    radio->setEnabled(open);
  }
  group_->setExclusive(true);
  valueRow_->setVisible(typed);
  if (value_->text() != state.typed) value_->setText(state.typed);
  value_->setReadOnly(!open);
  value_->setEnabled(open || !state.typed.isEmpty());
  bool ok = false;
  state.typed.toLongLong(&ok);
  check_->setEnabled(open && (typed ? ok : state.chosen >= 0));
  check_->setVisible(state.phase != Phase::closed);
  retranslate();
  if (state.verdict) {
    verdict_->setText(verdictLine(*state.verdict));
    QPalette palette = verdict_->palette();
    palette.setColor(QPalette::WindowText, state.verdict->right ? kPass : kFail);
    verdict_->setPalette(palette);
    details_->setText(detailsHtml(*state.verdict));
  } else {
    verdict_->clear();
    details_->clear();
  }
  details_->setVisible(!details_->text().isEmpty());
}

void LessonAskBox::retranslate() {
  check_->setText(tr("Check"));
  valueLabel_->setText(tr("Your answer:"));
  value_->setPlaceholderText(tr("a number"));
  QString note;
  switch (state_.phase) {
    case Phase::open:
    case Phase::checking:
      note = state_.prediction
                 ? tr("Check carries out the next step and compares your answer with what the "
                      "real processes do.")
                 : tr("Check compares your answer with the real processes as they are now.");
      break;
    case Phase::closed:
      note = tr("Not answered: the lesson went on.");
      break;
    case Phase::answered:
      break;
  }
  note_->setText(note);
  note_->setVisible(!note.isEmpty());
  QPalette palette = note_->palette();
  palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
  note_->setPalette(palette);
}

QString LessonAskBox::verdictText() const {
  return verdict_->text();
}

QString LessonAskBox::detailsText() const {
  return QTextDocumentFragment::fromHtml(details_->text()).toPlainText();
}

QString LessonAskBox::noteText() const {
  return note_->isHidden() ? QString() : note_->text();
}
