#include "scenario/course.hpp"

#include <algorithm>

#include "scenario/catalog.hpp"
#include "scenario/yaml_reader.hpp"

namespace ipclab {

using namespace scenario_detail;

int Course::chapter_of(std::string_view id) const {
  for (const CourseChapter& c : chapters)
    if (std::find(c.lessons.begin(), c.lessons.end(), id) != c.lessons.end()) return c.number;
  return 0;
}

std::vector<std::string> Course::lesson_ids() const {
  std::vector<std::string> out;
  for (const CourseChapter& c : chapters) out.insert(out.end(), c.lessons.begin(), c.lessons.end());
  return out;
}

namespace {

void read_course(Reader& r, const YAML::Node& root, Course& course) {
  Fields top(r, root, {1, 1}, say(QT_TRANSLATE_NOOP("Diagnostics", "the course")));
  if (!top.is_map()) return;
  top.allow({"ipclab-course", "chapters"});
  if (const Entry* v = top.need("ipclab-course"))
    if (auto n = r.integer(v->value, v->pos, "'ipclab-course'", 1, 1); !n) return;
  std::vector<std::string_view> ids;
  for (const BundledScenario& b : bundled_scenarios()) ids.push_back(b.id);
  std::vector<std::string> seen;
  const Entry* chapters = top.need("chapters");
  if (!chapters) return;
  for (const Item& item :
       r.list(chapters->value, chapters->pos, "'chapters'").value_or(std::vector<Item>{})) {
    Fields f(r, item.node, item.pos, say(QT_TRANSLATE_NOOP("Diagnostics", "a chapter")));
    if (!f.is_map()) continue;
    f.allow({"title", "lessons"});
    CourseChapter c;
    c.number = static_cast<int>(course.chapters.size()) + 1;
    c.pos = f.pos();
    c.title = f.local_text("title", true).value_or(LocalText{});
    if (const Entry* lessons = f.need("lessons")) {
      for (auto& [id, pos] : r.texts(lessons->value, lessons->pos, "'lessons'")
                                 .value_or(std::vector<std::pair<std::string, SourcePos>>{})) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
          r.error(pos, say(QT_TRANSLATE_NOOP("Diagnostics", "no bundled lesson %1%2"),
                           {quoted(id), suggest(id, ids)}));
          continue;
        }
        if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
          r.error(pos, say(QT_TRANSLATE_NOOP("Diagnostics", "%1 is already in an earlier chapter"),
                           {quoted(id)}));
          continue;
        }
        seen.push_back(id);
        c.lessons.push_back(id);
      }
    }
    course.chapters.push_back(std::move(c));
  }
}

}  // namespace

CourseLoad load_course_text(std::string_view yaml_text, const std::string& file_name) {
  Reader r(file_name);
  CourseLoad out;
  try {
    YAML::Node root = YAML::Load(std::string(yaml_text));
    if (!root || root.IsNull())
      r.error({1, 1}, say(QT_TRANSLATE_NOOP("Diagnostics",
                                            "the course is empty: it starts with "
                                            "'ipclab-course: 1'")));
    else
      read_course(r, root, out.course);
  } catch (const YAML::Exception& e) {
    const SourcePos at =
        e.mark.is_null() ? SourcePos{} : SourcePos{e.mark.line + 1, e.mark.column + 1};
    r.error(at, e.msg);
  }
  out.errors = r.take_errors();
  return out;
}

namespace {
const CourseLoad& loaded() {
  static const CourseLoad c = load_course_text(bundled_course_text(), "scenarios/course/path.yaml");
  return c;
}
}  // namespace

const Course& bundled_course() {
  return loaded().course;
}

const std::vector<Diagnostic>& bundled_course_errors() {
  return loaded().errors;
}

}  // namespace ipclab
