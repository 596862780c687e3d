#include "lesson_panel.h"

#include <QApplication>
#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>

#include "lesson_check_text.h"

namespace {

constexpr int kMaxChoices = 8;  // the format allows 2 to 8 choices
const QColor kPass(0x1e, 0x7b, 0x34);
const QColor kFail(0xb0, 0x1e, 0x2d);

QLabel* wrapped(QWidget* parent) {
  auto* label = new QLabel(parent);
  label->setWordWrap(true);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

QLabel* coloured(const QString& text, const QColor& color, QWidget* parent) {
  QLabel* label = wrapped(parent);
  label->setText(text);
  QPalette palette = label->palette();
  palette.setColor(QPalette::WindowText, color);
  label->setPalette(palette);
  return label;
}

}  // namespace

LessonPanel::LessonPanel(SessionController* controller, QWidget* parent)
    : QWidget(parent),
      controller_(controller),
      title_label_(wrapped(this)),
      progress_(new QLabel(this)),
      say_(wrapped(this)),
      status_(wrapped(this)),
      checksTitle_(new QLabel(this)),
      checksBox_(new QWidget(this)),
      checks_(new QVBoxLayout(checksBox_)),
      askBox_(new QWidget(this)),
      question_(wrapped(askBox_)),
      choices_(new QVBoxLayout),
      choiceGroup_(new QButtonGroup(this)),
      check_(new QPushButton(askBox_)),
      answer_(wrapped(askBox_)),
      ending_(wrapped(this)),
      scroll_(new QScrollArea(this)),
      reset_(new QPushButton(this)),
      previous_(new QPushButton(this)),
      next_(new QPushButton(this)) {
  setObjectName(QStringLiteral("lessonPanel"));
  next_->setObjectName(QStringLiteral("lessonNext"));
  previous_->setObjectName(QStringLiteral("lessonPrevious"));
  reset_->setObjectName(QStringLiteral("lessonReset"));
  checks_->setContentsMargins(0, 2, 0, 2);
  checks_->setSpacing(3);
  auto* askLayout = new QVBoxLayout(askBox_);
  askLayout->setContentsMargins(0, 6, 0, 0);
  askLayout->addWidget(question_);
  askLayout->addLayout(choices_);
  for (int i = 0; i < kMaxChoices; ++i) {
    auto* radio = new QRadioButton(askBox_);
    choiceGroup_->addButton(radio, i);
    choices_->addWidget(radio);
  }
  auto* checkRow = new QHBoxLayout;
  checkRow->addWidget(check_);
  checkRow->addWidget(answer_, 1);
  askLayout->addLayout(checkRow);

  auto* content = new QWidget(scroll_);
  auto* body = new QVBoxLayout(content);
  body->setContentsMargins(8, 8, 8, 8);
  body->setSpacing(8);
  auto* head = new QHBoxLayout;
  head->addWidget(title_label_, 1);
  head->addWidget(progress_, 0, Qt::AlignTop);
  body->addLayout(head);
  body->addWidget(status_);
  body->addWidget(say_);
  body->addWidget(checksTitle_);
  body->addWidget(checksBox_);
  body->addWidget(askBox_);
  body->addWidget(ending_);
  body->addStretch(1);
  scroll_->setWidget(content);
  scroll_->setWidgetResizable(true);
  scroll_->setFrameShape(QFrame::NoFrame);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(reset_);
  buttons->addStretch(1);
  buttons->addWidget(previous_);
  buttons->addWidget(next_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 6);
  layout->addWidget(scroll_, 1);
  layout->addLayout(buttons);

  next_->setDefault(true);
  connect(next_, &QPushButton::clicked, this, &LessonPanel::next);
  connect(previous_, &QPushButton::clicked, this, &LessonPanel::previous);
  connect(reset_, &QPushButton::clicked, this, &LessonPanel::restart);
  connect(check_, &QPushButton::clicked, this, &LessonPanel::checkAnswer);
  connect(choiceGroup_, &QButtonGroup::idClicked, this, [this](int id) {
    if (shown_ >= static_cast<int>(records_.size())) return;
    records_[static_cast<size_t>(shown_)].chosen = id;
    records_[static_cast<size_t>(shown_)].answered = false;
    check_->setEnabled(true);
    answer_->clear();
  });
  restyle();
  retranslate();
}

QString LessonPanel::text(const ipclab::LocalText& t) const {
  return QString::fromStdString(t.in(lang_.toStdString()));
}

void LessonPanel::setLanguage(const QString& code) {
  lang_ = code;
  retranslate();
}

void LessonPanel::onSessionStarting() {
  ++ticket_;
  const ipclab::Scenario* scenario = controller_->scenario();
  steps_ = scenario ? scenario->lesson : std::vector<ipclab::LessonStep>();
  title_ = scenario ? scenario->title : ipclab::LocalText();
  challenge_ = scenario ? scenario->challenge : std::nullopt;
  records_.assign(steps_.size(), Record());
  shown_ = 0;
  reached_ = -1;
  inFlight_ = false;
  waitingForSession_ = true;
  render();
}

void LessonPanel::onSessionStarted() {
  waitingForSession_ = false;
  if (!steps_.empty())
    arrive(0);
  else
    render();
}

void LessonPanel::onSessionStopped() {
  ++ticket_;
  inFlight_ = false;
  render();
}

void LessonPanel::arrive(int index) {
  if (index < 0 || index >= stepCount()) return;
  const ipclab::LessonStep& step = steps_[static_cast<size_t>(index)];
  shown_ = index;
  const uint64_t ticket = ++ticket_;
  if (step.step.empty() && !step.expect) {
    onResult(index, LessonStepResult());
    return;
  }
  inFlight_ = controller_->performLessonStep(step, this,
                                             [this, index, ticket](const LessonStepResult& result) {
                                               if (ticket == ticket_) onResult(index, result);
                                             });
  if (!inFlight_) {
    LessonStepResult none;
    none.noSession = true;
    onResult(index, none);
    return;
  }
  render();
}

void LessonPanel::onResult(int index, const LessonStepResult& result) {
  inFlight_ = false;
  Record& record = records_[static_cast<size_t>(index)];
  record.arrived = true;
  record.result = result;
  reached_ = std::max(reached_, index);
  render();
  emit stepArrived(index);
}

void LessonPanel::next() {
  if (inFlight_ || shown_ + 1 >= stepCount()) return;
  if (shown_ + 1 <= reached_) {
    ++shown_;  // looking back: walk forward through what was already done
    render();
    return;
  }
  arrive(shown_ + 1);
}

void LessonPanel::previous() {
  if (inFlight_ || shown_ == 0) return;
  --shown_;
  render();
}

void LessonPanel::restart() {
  ++ticket_;
  inFlight_ = false;
  controller_->reset();  // sessionStarting/Started bring us back to step 1
}

void LessonPanel::chooseAnswer(int choice) {
  if (QAbstractButton* button = choiceGroup_->button(choice)) button->click();
}

void LessonPanel::checkAnswer() {
  if (shown_ >= static_cast<int>(records_.size())) return;
  Record& record = records_[static_cast<size_t>(shown_)];
  if (record.chosen < 0) return;
  record.answered = true;
  render();
}

QString LessonPanel::progressText() const {
  if (steps_.empty()) return QString();
  return QStringLiteral("%1/%2").arg(shown_ + 1).arg(stepCount());
}

QString LessonPanel::sayText() const {
  return say_->isHidden() ? QString() : say_->text();
}

QStringList LessonPanel::checkLines() const {
  QStringList lines;
  for (int i = 0; i < checks_->count(); ++i)
    if (const auto* label = qobject_cast<const QLabel*>(checks_->itemAt(i)->widget()))
      lines << label->text();
  return lines;
}

int LessonPanel::failedChecks() const {
  int n = 0;
  for (const QString& line : checkLines())
    if (line.startsWith(QStringLiteral("✗"))) ++n;
  return n;
}

QString LessonPanel::answerText() const {
  return answer_->text();
}

void LessonPanel::clearLayout(QVBoxLayout* layout) {
  while (QLayoutItem* item = layout->takeAt(0)) {
    delete item->widget();
    delete item;
  }
}

void LessonPanel::renderChecks(const Record& record) {
  clearLayout(checks_);
  auto addText = [this](const QString& mark, const QString& sentence, const QColor& color) {
    QLabel* label = coloured(mark + sentence, color, checksBox_);
    checks_->addWidget(label);
    label->show();  // at once, not when the layout next gets round to it
  };
  auto add = [&addText](const QString& mark, const std::string& sentence, const QColor& color) {
    addText(mark, QString::fromStdString(sentence), color);
  };
  const LessonStepResult& r = record.result;
  if (r.noSession)
    addText(QStringLiteral("✗ "), tr("No lesson is running: press Reset to start it again."),
            kFail);
  for (const ipclab::StepProblem& p : r.problems)
    addText(QStringLiteral("✗ "), LessonCheckText::problem(p), kFail);
  if (r.checks) {
    const ipclab::Scenario* scenario = controller_->scenario();
    const ipclab::LessonStep* step = shown_ >= 0 && static_cast<size_t>(shown_) < steps_.size()
                                         ? &steps_[static_cast<size_t>(shown_)]
                                         : nullptr;
    std::optional<std::vector<LessonCheckText::Line>> lines;
    if (scenario && step && step->expect && r.snapshot)
      lines = LessonCheckText::rebuild(*step->expect, *r.checks, *r.snapshot, *scenario);
    if (lines) {
      for (const LessonCheckText::Line& l : *lines)
        addText(l.passed ? QStringLiteral("✓ ") : QStringLiteral("✗ "), l.text,
                l.passed ? kPass : kFail);
    } else {  // core's own English words
      for (const std::string& s : r.checks->passed) add(QStringLiteral("✓ "), s, kPass);
      for (const std::string& s : r.checks->failed) add(QStringLiteral("✗ "), s, kFail);
    }
  }
  checksBox_->setVisible(checks_->count() > 0);
  checksTitle_->setVisible(checks_->count() > 0);
}

void LessonPanel::renderAsk(const ipclab::LessonStep& step, const Record& record) {
  askBox_->setVisible(step.ask.has_value());
  if (!step.ask) return;
  const ipclab::Ask& ask = *step.ask;
  question_->setText(QStringLiteral("<b>%1</b>").arg(text(ask.question).toHtmlEscaped()));
  // A fixed set of buttons, relabelled: none is deleted under a click.
  choiceGroup_->setExclusive(false);
  for (int i = 0; i < kMaxChoices; ++i) {
    QAbstractButton* radio = choiceGroup_->button(i);
    const bool used = static_cast<size_t>(i) < ask.choices.size();
    if (used) radio->setText(text(ask.choices[static_cast<size_t>(i)]));
    radio->setChecked(used && i == record.chosen);
    radio->setVisible(used);
  }
  choiceGroup_->setExclusive(true);
  check_->setEnabled(record.chosen >= 0);
  if (!record.answered) {
    answer_->clear();
    return;
  }
  const bool right = record.chosen == ask.answer;
  answer_->setText(right ? tr("✓ Right.") : tr("✗ Not this one: think again."));
  QPalette palette = answer_->palette();
  palette.setColor(QPalette::WindowText, right ? kPass : kFail);
  answer_->setPalette(palette);
}

void LessonPanel::render() {
  title_label_->setText(QStringLiteral("<b>%1</b>").arg(text(title_).toHtmlEscaped()));
  progress_->setText(progressText());
  const bool have = !steps_.empty() && shown_ < stepCount();
  const bool live = controller_->session() != nullptr;
  if (steps_.empty()) {
    say_->setText(controller_->scenario() ? tr("This scenario has no guided lesson: step the "
                                               "processes yourself, or run them.")
                                          : tr("Open a lesson to begin."));
    say_->show();
    checksBox_->hide();
    checksTitle_->hide();
    askBox_->hide();
    status_->hide();
    ending_->hide();
  } else {
    const Record& record = records_[static_cast<size_t>(shown_)];
    const ipclab::LessonStep& step = steps_[static_cast<size_t>(shown_)];
    const bool showResult = record.arrived && !inFlight_;
    status_->setVisible(!showResult);
    status_->setText(waitingForSession_ ? tr("The processes are starting…")
                     : inFlight_        ? tr("The processes carry out this step…")
                                        : QString());
    say_->setVisible(showResult);
    say_->setText(text(step.say));
    if (showResult)
      renderChecks(record);
    else
      checksBox_->hide();
    if (!showResult) checksTitle_->hide();
    if (showResult)
      renderAsk(step, record);
    else
      askBox_->hide();
    const bool last = shown_ + 1 == stepCount() && record.arrived;
    QString end;
    if (last) {
      end = tr("<b>End of the lesson.</b>");
      if (challenge_)
        end += QStringLiteral("<br><br><b>%1</b> %2")
                   .arg(tr("Challenge:"), text(challenge_->say).toHtmlEscaped());
    }
    ending_->setText(end);
    ending_->setVisible(last && showResult);
  }
  next_->setEnabled(have && !inFlight_ && !waitingForSession_ && live && shown_ + 1 < stepCount() &&
                    records_[static_cast<size_t>(shown_)].arrived);
  previous_->setEnabled(have && !inFlight_ && shown_ > 0);
  reset_->setEnabled(controller_->scenario() != nullptr && !inFlight_ &&
                     !controller_->isStarting());
}

void LessonPanel::restyle() {
  QFont big = QApplication::font();
  big.setPointSizeF(big.pointSizeF() * 1.15);
  say_->setFont(big);
  QFont heading = QApplication::font();
  heading.setPointSizeF(heading.pointSizeF() * 1.2);
  title_label_->setFont(heading);
  progress_->setFont(heading);
}

void LessonPanel::retranslate() {
  next_->setText(tr("Next ▸"));
  next_->setToolTip(tr("Carry out the next lesson step and check what it expects"));
  previous_->setText(tr("◂ Previous"));
  previous_->setToolTip(tr("Look back at the previous step (the processes stay where they are)"));
  reset_->setText(tr("Reset"));
  reset_->setToolTip(tr("Start the processes again and go back to step 1"));
  check_->setText(tr("Check"));
  checksTitle_->setText(tr("<b>Checked against the real processes:</b>"));
  render();
}

void LessonPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  if (event->type() == QEvent::FontChange) restyle();
  QWidget::changeEvent(event);
}
