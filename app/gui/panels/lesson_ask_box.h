// LessonAskBox: a lesson step's question in the lesson panel. Multiple
// choice (radio buttons) or a number to type (a validated line edit), a
// Check button, and once checked the verdict: ✓ or ✗, what the real
// processes showed, the right answer when the student's was not, and the
// lesson's explanation. It only shows what LessonPanel tells it (setState());
// the panel decides what Check does (a step, then ask_truth) and keeps the
// answers.
#pragma once

#include <QString>
#include <QWidget>
#include <optional>

#include "scenario/scenario.hpp"

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

class LessonAskBox : public QWidget {
  Q_OBJECT

 public:
  // The outcome of a checked question, in the window's language.
  struct Verdict {
    bool right = false;
    bool fromProcesses = true;  // false: only the lesson's key decided it
    QString truth;              // what the real processes showed (LessonCheckText::truth)
    QString rightAnswer;        // the right choice's text or number; "" when none is right
    QString explain;            // the lesson's `explain`, may be empty
  };

  enum class Phase {
    open,      // can be answered
    checking,  // Check was pressed; the processes are being asked
    answered,  // the verdict is shown
    closed,    // the lesson went on without an answer
  };

  struct State {
    const ipclab::Ask* ask = nullptr;
    Phase phase = Phase::open;
    bool prediction = true;  // about the next step (Check carries it out)
    int chosen = -1;         // multiple choice
    QString typed;           // a typed value
    std::optional<Verdict> verdict;
  };

  explicit LessonAskBox(QWidget* parent = nullptr);

  // `lang` as LocalText::in takes it.
  void setState(const State& state, const std::string& lang);
  void retranslate();

  // "✓ Right" / "✗ Not that one" (with "(the lesson's answer)" for a key).
  static QString verdictLine(const Verdict& v);
  // The lines under the verdict (what the processes showed, the right
  // answer, the explanation) as rich text.
  static QString detailsHtml(const Verdict& v);

  QPushButton* checkButton() const { return check_; }
  QLineEdit* valueEdit() const { return value_; }
  QString verdictText() const;  // the verdict line, "" before one
  QString detailsText() const;  // the details, plain
  QString noteText() const;     // the hint under the question, or why it is closed

 signals:
  void choiceClicked(int choice);
  void valueEdited(const QString& text);
  void checkClicked();

 private:
  QLabel* question_;
  QLabel* note_;
  QVBoxLayout* choices_;
  QButtonGroup* group_;
  QWidget* valueRow_;
  QLabel* valueLabel_;
  QLineEdit* value_;
  QPushButton* check_;
  QLabel* verdict_;
  QLabel* details_;
  State state_;
  std::string lang_ = "en";
};
