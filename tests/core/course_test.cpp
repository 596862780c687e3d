// The bundled course: every lesson in exactly one chapter, in order, and a
// broken course file reported at its line and column.
#include "scenario/course.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "scenario/catalog.hpp"

namespace ipclab {
namespace {

TEST(Course, BundledCourseLoadsAndHoldsEveryLessonOnce) {
  for (const Diagnostic& d : bundled_course_errors()) ADD_FAILURE() << d.to_string();
  const Course& c = bundled_course();
  ASSERT_GE(c.chapters.size(), 19u);
  const std::vector<std::string> ids = c.lesson_ids();
  for (const BundledScenario& b : bundled_scenarios()) {
    EXPECT_EQ(std::count(ids.begin(), ids.end(), std::string(b.id)), 1)
        << b.id << " must be in exactly one chapter of scenarios/course/path.yaml";
  }
  EXPECT_EQ(c.chapter_of("shell-pipe"), 2);
  EXPECT_EQ(c.chapter_of("channel-switch"), static_cast<int>(c.chapters.size()));
  EXPECT_EQ(c.chapter_of("no-such-lesson"), 0);
  for (const CourseChapter& ch : c.chapters) {
    EXPECT_FALSE(ch.title.en.empty()) << "chapter " << ch.number;
    EXPECT_FALSE(ch.title.zh.empty()) << "chapter " << ch.number;
  }
}

TEST(Course, BrokenCourseSaysWhereAndWhy) {
  const CourseLoad l = load_course_text(
      "ipclab-course: 1\n"
      "chapters:\n"
      "  - title: {en: Pipes, zh: 管道}\n"
      "    lessons: [pipe-basics, pipe-bascis]\n"
      "  - title: {en: Again, zh: 再来}\n"
      "    lessons: [pipe-basics]\n"
      "    extra: 1\n",
      "c.yaml");
  ASSERT_EQ(l.errors.size(), 3u);
  EXPECT_EQ(l.errors[0].to_string(),
            "c.yaml:4:28: error: no bundled lesson 'pipe-bascis' (did you mean 'pipe-basics'?)");
  EXPECT_NE(l.errors[1].to_string().find("c.yaml:6:15: error: 'pipe-basics' is already in an "
                                         "earlier chapter"),
            std::string::npos)
      << l.errors[1].to_string();
  EXPECT_NE(l.errors[2].to_string().find("c.yaml:7:5"), std::string::npos)
      << l.errors[2].to_string();
}

}  // namespace
}  // namespace ipclab
