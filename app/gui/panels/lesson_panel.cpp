#include "lesson_panel.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTextDocumentFragment>
#include <QVBoxLayout>
#include <algorithm>

#include "lesson_check_text.h"
#include "panel_style.h"

namespace {

using panel_style::kFail;
using panel_style::kPass;
using panel_style::wrapped;

QLabel* coloured(const QString& text, const QColor& color, QWidget* parent) {
  QLabel* label = wrapped(parent);
  label->setText(text);
  QPalette palette = label->palette();
  palette.setColor(QPalette::WindowText, color);
  label->setPalette(palette);
  return label;
}

QString plain(const QLabel* label) {
  return label->isHidden() ? QString()
                           : QTextDocumentFragment::fromHtml(label->text()).toPlainText();
}

}  // namespace

LessonPanel::LessonPanel(SessionController* controller, QWidget* parent)
    : QWidget(parent),
      controller_(controller),
      title_label_(wrapped(this)),
      progress_(new QLabel(this)),
      notice_(wrapped(this)),
      say_(wrapped(this)),
      status_(wrapped(this)),
      recap_(wrapped(this)),
      checksTitle_(new QLabel(this)),
      checksBox_(new QWidget(this)),
      checks_(new QVBoxLayout(checksBox_)),
      askBox_(new LessonAskBox(this)),
      ending_(wrapped(this)),
      scroll_(new QScrollArea(this)),
      reset_(new QPushButton(this)),
      back_(new QPushButton(this)),
      next_(new QPushButton(this)) {
  setObjectName(QStringLiteral("lessonPanel"));
  next_->setObjectName(QStringLiteral("lessonNext"));
  back_->setObjectName(QStringLiteral("lessonBack"));
  reset_->setObjectName(QStringLiteral("lessonReset"));
  notice_->setObjectName(QStringLiteral("lessonNotice"));
  // The replay notice: a calm, framed note (information, not an error).
  notice_->setStyleSheet(
      QStringLiteral("QLabel { background: #eef4fb; border: 1px solid #b8cde6; border-radius: "
                     "4px; padding: 6px; color: #1f3f6b; }"));
  recap_->setStyleSheet(
      QStringLiteral("QLabel { border-left: 3px solid #a9b3be; padding-left: 6px; }"));
  checks_->setContentsMargins(0, 2, 0, 2);
  checks_->setSpacing(3);

  auto* content = new QWidget(scroll_);
  auto* body = new QVBoxLayout(content);
  body->setContentsMargins(8, 8, 8, 8);
  body->setSpacing(8);
  auto* head = new QHBoxLayout;
  head->addWidget(title_label_, 1);
  head->addWidget(progress_, 0, Qt::AlignTop);
  body->addLayout(head);
  body->addWidget(notice_);
  body->addWidget(status_);
  body->addWidget(recap_);
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
  buttons->addWidget(back_);
  buttons->addWidget(next_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 6);
  layout->addWidget(scroll_, 1);
  layout->addLayout(buttons);

  next_->setDefault(true);
  connect(next_, &QPushButton::clicked, this, &LessonPanel::next);
  connect(back_, &QPushButton::clicked, this, &LessonPanel::back);
  connect(reset_, &QPushButton::clicked, this, &LessonPanel::restart);
  connect(askBox_, &LessonAskBox::checkClicked, this, &LessonPanel::checkAnswer);
  connect(askBox_, &LessonAskBox::choiceClicked, this, [this](int id) {
    if (shown_ >= stepCount() || !idle()) return;
    records_[static_cast<size_t>(shown_)].chosen = id;
    render();
  });
  connect(askBox_, &LessonAskBox::valueEdited, this, [this](const QString& typed) {
    if (shown_ >= stepCount() || !idle()) return;
    records_[static_cast<size_t>(shown_)].typed = typed;
    render();
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

void LessonPanel::chooseAnswer(int choice) {
  askBox_->choiceClicked(choice);
}

void LessonPanel::typeAnswer(const QString& number) {
  askBox_->valueEdited(number);
}

QString LessonPanel::progressText() const {
  if (steps_.empty()) return QString();
  return QStringLiteral("%1/%2").arg(shown_ + 1).arg(stepCount());
}

QString LessonPanel::sayText() const {
  return say_->isHidden() ? QString() : say_->text();
}

QString LessonPanel::statusText() const {
  return status_->isHidden() ? QString() : status_->text();
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
  return askBox_->isHidden() ? QString() : askBox_->verdictText();
}

QString LessonPanel::answerDetails() const {
  return askBox_->isHidden() ? QString() : askBox_->detailsText();
}

QString LessonPanel::recapText() const {
  return plain(recap_);
}

QString LessonPanel::noticeText() const {
  return plain(notice_);
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

std::optional<LessonAskBox::Verdict> LessonPanel::verdictOf(int index) const {
  if (index < 0 || index >= stepCount()) return std::nullopt;
  const ipclab::LessonStep& step = steps_[static_cast<size_t>(index)];
  const Record& record = records_[static_cast<size_t>(index)];
  if (!step.ask || !record.truth) return std::nullopt;
  const ipclab::Ask& ask = *step.ask;
  const ipclab::AskTruth& truth = *record.truth;
  LessonAskBox::Verdict v;
  v.right = ipclab::answer_right(ask, truth, record.given);
  v.fromProcesses = truth.from_processes;
  const ipclab::Scenario* scenario = controller_->scenario();
  v.truth =
      scenario ? LessonCheckText::truth(
                     ask, truth, record.truthSnapshot ? &*record.truthSnapshot : nullptr, *scenario)
               : QString::fromStdString(truth.sentence);
  if (ask.value_of && truth.real_value)
    v.rightAnswer = QString::number(*truth.real_value);
  else if (truth.right_choice && static_cast<size_t>(*truth.right_choice) < ask.choices.size())
    v.rightAnswer =
        QStringLiteral("“%1”").arg(text(ask.choices[static_cast<size_t>(*truth.right_choice)]));
  v.explain = text(ask.explain);
  return v;
}

QString LessonPanel::answerWords(int index) const {
  const ipclab::Ask& ask = *steps_[static_cast<size_t>(index)].ask;
  const Record& record = records_[static_cast<size_t>(index)];
  if (ask.choices.empty()) return QString::number(record.given);
  const size_t i = static_cast<size_t>(record.given);
  return i < ask.choices.size() ? QStringLiteral("“%1”").arg(text(ask.choices[i])) : QString();
}

void LessonPanel::renderAsk(int index) {
  const ipclab::LessonStep& step = steps_[static_cast<size_t>(index)];
  const Record& record = records_[static_cast<size_t>(index)];
  LessonAskBox::State state;
  state.ask = step.ask ? &*step.ask : nullptr;
  if (state.ask) {
    using Phase = LessonAskBox::Phase;
    state.prediction = !state.ask->now && index + 1 < stepCount();
    state.chosen = record.chosen;
    state.typed = record.typed;
    state.verdict = verdictOf(index);
    if (state.verdict)
      state.phase = Phase::answered;
    else if (record.checking)
      state.phase = Phase::checking;
    else if (index < reached_)
      state.phase = Phase::closed;
    else
      state.phase = idle() ? Phase::open : Phase::checking;
  }
  askBox_->setState(state, lang_.toStdString());
}

void LessonPanel::renderRecap() {
  // On the step after a prediction: what the student predicted and how it went.
  const int q = shown_ - 1;
  const std::optional<LessonAskBox::Verdict> v = verdictOf(q);
  if (!v || steps_[static_cast<size_t>(q)].ask->now) {
    recap_->hide();
    return;
  }
  const QColor color = v->right ? kPass : kFail;
  QString html = QStringLiteral("%1 <b><span style=\"color:%2\">%3</span></b>")
                     .arg(tr("Your prediction: %1").arg(answerWords(q).toHtmlEscaped()),
                          color.name(), LessonAskBox::verdictLine(*v).toHtmlEscaped());
  const QString details = LessonAskBox::detailsHtml(*v);
  if (!details.isEmpty()) html += QStringLiteral("<br>") + details;
  recap_->setText(html);
  recap_->show();
}

void LessonPanel::render() {
  title_label_->setText(QStringLiteral("<b>%1</b>").arg(text(title_).toHtmlEscaped()));
  progress_->setText(progressText());
  const bool have = !steps_.empty() && shown_ < stepCount();
  const bool live = controller_->session() != nullptr;
  const bool replay = replayTarget_ >= 0;
  if (steps_.empty()) {
    say_->setText(!controller_->scenario() ? tr("Open a lesson to begin.")
                  : challenge_ ? tr("This is a challenge: play it in the Challenge tab, where "
                                    "you pick which process takes each step.")
                               : tr("This scenario has no guided lesson: step the processes "
                                    "yourself, or run them."));
    say_->show();
    for (QWidget* w : {static_cast<QWidget*>(checksBox_), static_cast<QWidget*>(checksTitle_),
                       static_cast<QWidget*>(askBox_), static_cast<QWidget*>(status_),
                       static_cast<QWidget*>(ending_), static_cast<QWidget*>(notice_),
                       static_cast<QWidget*>(recap_)})
      w->hide();
  } else {
    const Record& record = records_[static_cast<size_t>(shown_)];
    const ipclab::LessonStep& step = steps_[static_cast<size_t>(shown_)];
    const bool checkingNow =
        record.checking && !(step.ask && !step.ask->now && shown_ + 1 < stepCount());
    // While a prediction is being checked the question stays in view.
    const bool showResult = record.arrived && !replay && (!inFlight_ || record.checking);
    QString status;
    if (replay && waitingForSession_)
      status = tr("Starting fresh processes to replay the steps before this one…");
    else if (replay)
      status =
          tr("Replaying step %1 of %2…").arg(std::max(replayStep_, 0) + 1).arg(replayTarget_ + 1);
    else if (waitingForSession_)
      status = tr("The processes are starting…");
    else if (checkingNow)
      status = tr("Asking the real processes…");
    else if (record.checking)
      status = tr("The processes carry out the next step…");
    else if (inFlight_)
      status = tr("The processes carry out this step…");
    status_->setText(status);
    status_->setVisible(!status.isEmpty());
    if (noticeStep_ == shown_ && !replay && noticeStep_ >= 0) {
      const QString pids = newPids_.join(tr(", ", "between the processes' pids"));
      notice_->setText(noticeStep_ == 0
                           ? tr("Went back by replaying step 1 on fresh processes: real processes "
                                "cannot run backwards. New pids: %1.")
                                 .arg(pids)
                           : tr("Went back by replaying steps 1–%1 on fresh processes: real "
                                "processes cannot run backwards. New pids: %2.")
                                 .arg(noticeStep_ + 1)
                                 .arg(pids));
      notice_->show();
    } else {
      notice_->hide();
    }
    say_->setVisible(showResult);
    say_->setText(text(step.say));
    if (showResult) {
      renderRecap();
      renderChecks(record);
      renderAsk(shown_);
    } else {
      recap_->hide();
      checksBox_->hide();
      checksTitle_->hide();
      askBox_->hide();
    }
    const bool last = shown_ + 1 == stepCount() && record.arrived;
    QString end;
    if (last) {
      end = tr("<b>End of the lesson.</b>");
      const ipclab::Scenario* sc = controller_->scenario();
      if (sc && !sc->exercise.en.empty())
        end += QStringLiteral("<br><br><b>%1</b> %2")
                   .arg(tr("Try it yourself:"), text(sc->exercise).toHtmlEscaped());
      if (challenge_)
        end += QStringLiteral("<br><br><b>%1</b> %2 %3")
                   .arg(tr("Challenge:"), text(challenge_->say).toHtmlEscaped(),
                        tr("Start it in the Challenge tab."));
    }
    ending_->setText(end);
    ending_->setVisible(last && showResult);
  }
  const bool still = idle() && !controller_->isStarting();
  next_->setEnabled(have && still && live && shown_ + 1 < stepCount() && shown_ == reached_ &&
                    records_[static_cast<size_t>(shown_)].arrived);
  back_->setEnabled(have && still && controller_->scenario() != nullptr);
  // Reset stays available when a start failed (and may cut a replay short).
  reset_->setEnabled(controller_->scenario() != nullptr && !inFlight_ &&
                     !controller_->isStarting());
  updateHidden();
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
  back_->setText(tr("◂ Back"));
  back_->setToolTip(
      tr("Go back one step: the processes start again and the steps before it are "
         "replayed (real processes cannot run backwards)"));
  reset_->setText(tr("Reset"));
  reset_->setToolTip(tr("Start the processes again and go back to step 1"));
  checksTitle_->setText(tr("<b>Checked against the real processes:</b>"));
  askBox_->retranslate();
  render();
}

void LessonPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  if (event->type() == QEvent::FontChange) restyle();
  QWidget::changeEvent(event);
}
