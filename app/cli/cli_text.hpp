// The CLI's own words in the user's language. Each text is written in
// English as translate("cli", "...") so that lupdate collects it into
// resources/translations/ipclab_zh_CN.ts with the GUI's texts; the build
// embeds that catalogue's "cli" context (cmake/embed_cli_catalog.cmake).
// The language: `--lang en|zh_CN` before the command, else LANGUAGE,
// LC_ALL, LC_MESSAGES, LANG (zh... = Chinese), else English.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "scenario/loader.hpp"
#include "scenario/scenario.hpp"

// Marks a text for lupdate where it is not translated yet (a constant).
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace ipclab::cli {

// "en" or "zh_CN".
const std::string& language();
void set_language(std::string_view code);  // "zh", "zh_CN", "zh-CN" = Chinese; else English
void language_from_environment();

// The text in the current language (itself when untranslated). `context`
// is "cli", or "Diagnostics" for the scenario loader's patterns; printf
// placeholders keep their order in the translation.
const char* translate(const char* context, const char* english);
// Replaces %1, %2... in `pattern` with `args` (Qt's convention, which
// translators know), e.g. fill(translate("cli", "cannot step %1: %2"), {name, why}).
std::string fill(const char* pattern, std::initializer_list<std::string_view> args);
// A lesson text in the current language.
const std::string& local(const LocalText& text);
// "FILE:LINE:COL: error: TEXT" in the current language: exactly
// Diagnostic::to_string() in English.
std::string diagnostic_line(const Diagnostic& d);

// The Chinese catalogue, resources/translations/ipclab_zh_CN.ts (generated).
extern const std::string_view kCatalogueTs;

}  // namespace ipclab::cli
