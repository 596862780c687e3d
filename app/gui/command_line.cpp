#include "command_line.h"

QString CommandLine::usage() {
  return tr(
      "Usage: ipclab [--scenario ID|FILE] [--steps N] [--switch OBJ=MECHANISM]... "
      "[--lesson-step N [--answer A]] [--challenge solution|P1,P2,...] "
      "[--panel lessons|challenge] [--screenshot FILE.png] [--lang en|zh_CN]\n"
      "  --scenario   a bundled lesson id (ipclab-cli list) or a lesson file\n"
      "  --steps      perform N \"step all\" commands after opening it\n"
      "  --switch     then switch channel OBJ to MECHANISM (e.g. buffer=posix_mq)\n"
      "  --lesson-step go through the guided lesson to its step N (1 = the first)\n"
      "  --answer     then answer that step's question and check it: the choice\n"
      "               (counted from 0) or the number to type\n"
      "  --challenge  play the lesson's challenge: its solution, or these processes' steps\n"
      "  --panel      show this panel in front: lessons or challenge\n"
      "  --screenshot save the window as a PNG image and quit\n"
      "  --lang       the language of the window\n");
}

bool CommandLine::parse(const QStringList& arguments, CommandLine* out, QString* error) {
  for (qsizetype i = 1; i < arguments.size(); ++i) {
    QString name = arguments[i];
    QString value;
    const qsizetype eq = name.indexOf(QLatin1Char('='));
    const bool inlineValue = name.startsWith(QLatin1String("--")) && eq > 0;
    if (inlineValue) {
      value = name.mid(eq + 1);
      name = name.left(eq);
    }
    if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
      *error = usage();
      return false;
    }
    const bool known = name == QLatin1String("--scenario") || name == QLatin1String("--steps") ||
                       name == QLatin1String("--screenshot") || name == QLatin1String("--lang") ||
                       name == QLatin1String("--switch") ||
                       name == QLatin1String("--lesson-step") ||
                       name == QLatin1String("--answer") || name == QLatin1String("--challenge") ||
                       name == QLatin1String("--panel");
    if (!known) {
      // Qt's own options (-platform, -style, ...) were taken by QApplication.
      *error = tr("unknown option '%1'").arg(name) + QLatin1Char('\n') + usage();
      return false;
    }
    if (!inlineValue) {
      if (i + 1 >= arguments.size()) {
        *error = tr("%1 needs a value").arg(name);
        return false;
      }
      value = arguments[++i];
    }
    if (name == QLatin1String("--scenario")) {
      out->scenario = value;
    } else if (name == QLatin1String("--steps")) {
      bool ok = false;
      out->steps = value.toInt(&ok);
      if (!ok || out->steps < 0) {
        *error = tr("--steps needs a whole number of 0 or more, not '%1'").arg(value);
        return false;
      }
    } else if (name == QLatin1String("--switch")) {
      const qsizetype at = value.indexOf(QLatin1Char('='));
      if (at <= 0 || at + 1 >= value.size()) {
        *error = tr("--switch needs OBJ=MECHANISM, e.g. buffer=posix_mq, not '%1'").arg(value);
        return false;
      }
      out->switches.append({value.left(at), value.mid(at + 1)});
    } else if (name == QLatin1String("--lesson-step")) {
      bool ok = false;
      out->lessonStep = value.toInt(&ok);
      if (!ok || out->lessonStep < 1) {
        *error = tr("--lesson-step needs a step number of 1 or more, not '%1'").arg(value);
        return false;
      }
    } else if (name == QLatin1String("--answer")) {
      bool ok = false;
      value.toLongLong(&ok);
      if (!ok) {
        *error = tr("--answer needs a whole number, not '%1'").arg(value);
        return false;
      }
      out->answer = value;
    } else if (name == QLatin1String("--challenge")) {
      out->challenge = value;
    } else if (name == QLatin1String("--panel")) {
      if (value != QLatin1String("lessons") && value != QLatin1String("challenge")) {
        *error = tr("--panel needs lessons or challenge, not '%1'").arg(value);
        return false;
      }
      out->panel = value;
    } else if (name == QLatin1String("--screenshot")) {
      out->screenshot = value;
    } else {
      out->language = value;
    }
  }
  return true;
}
