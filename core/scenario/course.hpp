// The course: the bundled lessons in the order a student takes them,
// grouped in chapters (scenarios/course/path.yaml, embedded at build time).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenario/loader.hpp"

namespace ipclab {

struct CourseChapter {
  int number = 0;  // from 1
  LocalText title;
  std::vector<std::string> lessons;  // bundled scenario ids, in order
  SourcePos pos;
};

struct Course {
  std::vector<CourseChapter> chapters;
  // The chapter of a lesson (1-based), 0 if it is in none.
  int chapter_of(std::string_view id) const;
  // Every lesson id in course order.
  std::vector<std::string> lesson_ids() const;
};

struct CourseLoad {
  Course course;
  std::vector<Diagnostic> errors;  // FILE:LINE:COL, like a scenario's
  bool ok() const { return errors.empty(); }
};

// Checks the format and that each lesson is a bundled scenario, listed once.
CourseLoad load_course_text(std::string_view yaml_text, const std::string& file_name);
// The bundled course (loaded once; a broken one is a build mistake the
// tests catch: its errors are in bundled_course_errors()).
const Course& bundled_course();
const std::vector<Diagnostic>& bundled_course_errors();
// The YAML text of scenarios/course/path.yaml (generated).
std::string_view bundled_course_text();

}  // namespace ipclab
