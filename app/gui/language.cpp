#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QStringList>

QString Language::normalize(const QString& code) {
  const QString c = code.trimmed().toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
  if (c.startsWith(QLatin1String("zh"))) return QStringLiteral("zh_CN");
  if (c.isEmpty() || c.startsWith(QLatin1String("en")) || c == QLatin1String("c"))
    return QStringLiteral("en");
  return QString();  // not a language we ship
}

QString Language::initial(const QString& saved) {
  const QString fromSettings = normalize(saved);
  if (!saved.isEmpty() && !fromSettings.isEmpty()) return fromSettings;
  const QString system = normalize(QLocale::system().name());
  return system.isEmpty() ? QStringLiteral("en") : system;
}

namespace {

QStringList& searchPaths() {
  static QStringList paths{QStringLiteral(":/i18n")};
  return paths;
}

}  // namespace

void Language::addSearchPath(const QString& folder) {
  searchPaths().prepend(folder);
}

bool Language::apply(const QString& code) {
  const QString wanted = normalize(code);
  if (wanted.isEmpty()) return false;
  if (installed_) {
    QCoreApplication::removeTranslator(&app_);
    QCoreApplication::removeTranslator(&qt_);
    installed_ = false;
  }
  code_ = QStringLiteral("en");
  if (wanted == QLatin1String("en")) return true;
  bool loaded = false;
  for (const QString& folder : searchPaths()) {
    loaded = app_.load(QStringLiteral("ipclab_%1").arg(wanted), folder);
    if (loaded) break;
  }
  if (!loaded) return false;
  // Qt's own strings (file dialog, context menus) from the system catalogue,
  // when it is installed.
  const bool haveQt = qt_.load(QStringLiteral("qtbase_%1").arg(wanted),
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath));
  if (haveQt) QCoreApplication::installTranslator(&qt_);
  QCoreApplication::installTranslator(&app_);
  installed_ = true;
  code_ = wanted;
  return true;
}
