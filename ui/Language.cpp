#include "ui/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace muze {

QString installTranslations(QCoreApplication& application, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto* studio = new QTranslator(&application);
    // Resources compiled in by qt_add_translations: ":/i18n/muze_pl.qm" and so on.
    // A language without a translation (or the C locale) gets English, whose file holds the plural forms.
    if (!studio->load(locale, QStringLiteral("muze"), QStringLiteral("_"), QStringLiteral(":/i18n")) &&
        !studio->load(QStringLiteral(":/i18n/muze_en.qm"))) {
        delete studio;
        return QStringLiteral("en");
    }
    application.installTranslator(studio);
    auto* qt = new QTranslator(&application);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        application.installTranslator(qt);
    else
        delete qt;
    return studio->language().section(QLatin1Char('_'), 0, 0);
}

}  // namespace muze
