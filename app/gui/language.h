// Language: which translation the application shows, switchable at run time.
// Installing or removing a translator makes Qt send LanguageChange to every
// widget, which then retranslates itself.
#pragma once

#include <QString>
#include <QTranslator>

class Language {
 public:
  Language() = default;
  Language(const Language&) = delete;
  Language& operator=(const Language&) = delete;

  // "en" or "zh_CN" (also accepts "zh", "zh-CN"). False, and English stays,
  // when the translation is missing.
  bool apply(const QString& code);
  // "en" or "zh_CN"; also what LocalText::in understands.
  QString code() const { return code_; }

  // The language to start in when none was asked for: the saved one, or
  // else the system's.
  static QString initial(const QString& saved);
  static QString normalize(const QString& code);
  // Another folder to look for ipclab_LANG.qm in, before the embedded
  // copies under :/i18n (tests use the build folder's).
  static void addSearchPath(const QString& folder);

 private:
  QTranslator app_;
  QTranslator qt_;
  bool installed_ = false;
  QString code_ = QStringLiteral("en");
};
