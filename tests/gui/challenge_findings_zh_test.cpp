// What a won challenge says about its finding, in Chinese, for every bundled
// challenge: its solution is played on real processes and the finding's own
// sentence (the simulator's, in English) must come out reworded, not as it is.
#include <QRegularExpression>

#include "challenge_text.h"
#include "gui_fixture.h"
#include "runtime/challenge.hpp"
#include "scenario/catalog.hpp"
#include "scenario/loader.hpp"

namespace guitest {
namespace {

class ChallengeFindingsZhTest : public GuiTest {};

TEST_F(ChallengeFindingsZhTest, EveryBundledChallengesFindingIsSaidInChinese) {
  ipclab::SessionOptions opts;
  opts.worker_path = IPCLAB_WORKER_BUILD_PATH;
  int played = 0;
  for (const ipclab::BundledScenario& b : ipclab::bundled_scenarios()) {
    const ipclab::LoadResult l = ipclab::load_scenario_text(b.text, std::string(b.file_name));
    ASSERT_TRUE(l.ok()) << b.id;
    if (!l.scenario->challenge) continue;
    std::string error;
    auto session = ipclab::Session::start(*l.scenario, opts, &error);
    ASSERT_TRUE(session) << b.id << ": " << error;
    const ipclab::Challenge& c = *l.scenario->challenge;
    const ipclab::ChallengePlay play = ipclab::play_challenge(*session, c, c.solution);
    session->stop();
    ASSERT_EQ(play.verdict.status, ipclab::ChallengeStatus::won) << b.id;
    ASSERT_TRUE(play.verdict.finding) << b.id;
    const QString english = QString::fromStdString(play.verdict.finding->text);
    window_->setLanguage(QStringLiteral("zh_CN"));
    const QString zh = ChallengeText::finding(play.verdict);
    window_->setLanguage(QStringLiteral("en"));
    EXPECT_EQ(ChallengeText::finding(play.verdict).toStdString(), english.toStdString()) << b.id;
    EXPECT_NE(zh.toStdString(), english.toStdString()) << b.id << ": left in English";
    EXPECT_TRUE(zh.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))))
        << b.id << ": " << zh.toStdString();
    ++played;
  }
  EXPECT_GE(played, 8) << "the course has at least eight challenges";
}

}  // namespace
}  // namespace guitest
