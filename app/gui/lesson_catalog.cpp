#include "lesson_catalog.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "scenario/catalog.hpp"

namespace {

// The order a course walks through them; lessons not listed follow in file
// order. A hint only: any bundled lesson shows up.
constexpr std::array<std::string_view, 6> kTeachingOrder = {
    "pipe-basics",    "fifo-unrelated",    "posix-mq-priorities",
    "signals-basics", "producer-consumer", "shared-counter"};

int teachingRank(std::string_view id) {
  const auto it = std::find(kTeachingOrder.begin(), kTeachingOrder.end(), id);
  return static_cast<int>(it - kTeachingOrder.begin());
}

std::vector<LessonInfo> loadAll() {
  struct Entry {
    LessonInfo info;
    int rank;
    size_t position;
  };
  std::vector<Entry> entries;
  const auto& bundled = ipclab::bundled_scenarios();
  for (size_t i = 0; i < bundled.size(); ++i) {
    const ipclab::LoadResult r =
        ipclab::load_scenario_text(bundled[i].text, std::string(bundled[i].file_name));
    if (!r.ok()) continue;  // core's own tests keep bundled lessons valid
    LessonInfo info;
    info.id = QString::fromStdString(r.scenario->id);
    info.category = r.scenario->category;
    info.title = r.scenario->title;
    info.summary = r.scenario->summary;
    info.lessonSteps = static_cast<int>(r.scenario->lesson.size());
    info.hasChallenge = r.scenario->challenge.has_value();
    entries.push_back({info, teachingRank(bundled[i].id), i});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.info.category != b.info.category) return a.info.category < b.info.category;
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.position < b.position;
  });
  std::vector<LessonInfo> out;
  for (Entry& e : entries) out.push_back(std::move(e.info));
  return out;
}

}  // namespace

const std::vector<LessonInfo>& LessonCatalog::lessons() {
  static const std::vector<LessonInfo> all = loadAll();
  return all;
}

QString LessonCatalog::defaultLessonId() {
  if (find(QStringLiteral("pipe-basics"))) return QStringLiteral("pipe-basics");
  return lessons().empty() ? QString() : lessons().front().id;
}

const LessonInfo* LessonCatalog::find(const QString& id) {
  for (const LessonInfo& l : lessons())
    if (l.id == id) return &l;
  return nullptr;
}

QString LessonCatalog::categoryName(ipclab::Category category) {
  switch (category) {
    case ipclab::Category::message_passing:
      return tr("Message passing");
    case ipclab::Category::synchronization:
      return tr("Synchronization");
    case ipclab::Category::shared_memory:
      return tr("Shared memory");
    case ipclab::Category::rpc:
      return tr("Remote procedure call");
  }
  return QString();
}
