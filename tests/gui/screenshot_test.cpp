// The command line as a user runs it: ipclab in a subprocess, offscreen.
#include <gtest/gtest.h>

#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>

namespace {

class ScreenshotTest : public ::testing::Test {
 protected:
  // `config`: the folder to use as XDG_CONFIG_HOME (where its settings live).
  int runGui(const QStringList& args, QString* errors = nullptr, const QString& config = {}) {
    QProcess gui;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    if (!config.isEmpty()) env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    gui.setProcessEnvironment(env);
    gui.start(QStringLiteral(IPCLAB_GUI_PATH), args);
    if (!gui.waitForFinished(60000)) {
      gui.kill();
      gui.waitForFinished();
      ADD_FAILURE() << "ipclab did not finish within 60 s";
      return -1;
    }
    if (errors) *errors = QString::fromLocal8Bit(gui.readAllStandardError());
    return gui.exitStatus() == QProcess::NormalExit ? gui.exitCode() : -1;
  }
  QTemporaryDir dir_;
};

TEST_F(ScreenshotTest, WritesAPngOfTheWindow) {
  ASSERT_TRUE(dir_.isValid());
  for (const QString& lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
    const QString png = dir_.filePath(QStringLiteral("pc-%1.png").arg(lang));
    QString errors;
    ASSERT_EQ(runGui({QStringLiteral("--scenario"), QStringLiteral("producer-consumer"),
                      QStringLiteral("--steps"), QStringLiteral("4"), QStringLiteral("--lang"),
                      lang, QStringLiteral("--screenshot"), png},
                     &errors),
              0)
        << errors.toStdString();
    ASSERT_GT(QFileInfo(png).size(), 0);
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1400, 900));
  }
}

TEST_F(ScreenshotTest, AnUnknownLessonFailsWithAMessage) {
  ASSERT_TRUE(dir_.isValid());
  const QString png = dir_.filePath(QStringLiteral("none.png"));
  QString errors;
  EXPECT_NE(runGui({QStringLiteral("--scenario"), QStringLiteral("no-such-lesson"),
                    QStringLiteral("--screenshot"), png},
                   &errors),
            0);
  EXPECT_TRUE(errors.contains(QLatin1String("no-such-lesson"))) << errors.toStdString();
  EXPECT_FALSE(QFileInfo::exists(png));
  // The same in Chinese: the translation is compiled into the program.
  EXPECT_NE(runGui({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--scenario"),
                    QStringLiteral("no-such-lesson"), QStringLiteral("--screenshot"), png},
                   &errors),
            0);
  EXPECT_TRUE(errors.contains(QStringLiteral("无法打开"))) << errors.toStdString();
}

TEST_F(ScreenshotTest, AScriptedRunLeavesTheSavedLessonProgressAsItWas) {
  ASSERT_TRUE(dir_.isValid());
  const QString config = dir_.filePath(QStringLiteral("config"));
  // The student got to step 1 of pipe-basics before.
  const QString file = config + QStringLiteral("/IPC Lab/ipclab.conf");
  {
    QSettings saved(file, QSettings::IniFormat);
    saved.setValue(QStringLiteral("progress/pipe-basics/reached"), 1);
    saved.setValue(QStringLiteral("progress/pipe-basics/steps"), 5);
  }
  auto progress = [&file] {
    QSettings saved(file, QSettings::IniFormat);
    saved.beginGroup(QStringLiteral("progress"));
    QStringList out;
    for (const QString& k : saved.allKeys())
      out << QStringLiteral("%1=%2").arg(k, saved.value(k).toString());
    return out.join(QLatin1Char(' ')).toStdString();
  };
  const std::string before = progress();
  ASSERT_EQ(before, "pipe-basics/reached=1 pipe-basics/steps=5");
  // A screenshot run walks two lessons further than that, one with its challenge.
  const QString png = dir_.filePath(QStringLiteral("walk.png"));
  QString errors;
  ASSERT_EQ(runGui({QStringLiteral("--scenario"), QStringLiteral("pipe-basics"),
                    QStringLiteral("--lesson-step"), QStringLiteral("4"), QStringLiteral("--panel"),
                    QStringLiteral("lessons"), QStringLiteral("--screenshot"), png},
                   &errors, config),
            0)
      << errors.toStdString();
  ASSERT_EQ(runGui({QStringLiteral("--scenario"), QStringLiteral("shared-counter"),
                    QStringLiteral("--challenge"), QStringLiteral("solution"),
                    QStringLiteral("--screenshot"), png},
                   &errors, config),
            0)
      << errors.toStdString();
  EXPECT_EQ(progress(), before);
}

}  // namespace
