// English and Polish are compiled in and complete; the language follows the setting.

#include "tests/support/TestSupport.h"
#include "ui/AppSettings.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QMenuBar>
#include <QtTest>

#include <filesystem>

using namespace muze;

class TranslationsTest : public QObject {
    Q_OBJECT

private slots:
    void bothLanguagesAreCompiledIn()
    {
        QVERIFY(QFile::exists(":/i18n/muze_en.qm"));
        QVERIFY(QFile::exists(":/i18n/muze_pl.qm"));
    }

    void everyPolishStringIsTranslated()
    {
        // lupdate reads today's sources into a copy of the Polish file: a tr() string added since the
        // file was last updated comes in unfinished, as does one left untranslated.
        const std::filesystem::path copy = test::scratchFolder("translations_lupdate") / "muze_pl.ts";
        std::filesystem::copy_file(test::testSource("../translations/muze_pl.ts"), copy);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(MUZE_SOURCE_ROOT));
        lupdate.start(QStringLiteral(MUZE_LUPDATE), {"-I", ".", "ui", "widgets", "workers", "-no-obsolete", "-locations", "none", "-ts",
                                                     QString::fromStdString(copy.string())});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        QFile ts(QString::fromStdString(copy.string()));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(ts.readAll());
        QVERIFY(text.contains("<message"));
        QStringList missing;
        static const QRegularExpression unfinished(QStringLiteral("<source>([^<]*)</source>\\s*<translation type=\"unfinished\""));
        for (auto match = unfinished.globalMatch(text); match.hasNext();)
            missing << match.next().captured(1);
        QVERIFY2(missing.isEmpty(), qPrintable("strings without a Polish translation (run the update_translations target and translate "
                                               "them in translations/muze_pl.ts): " + missing.join(" | ")));
    }

    void anUntranslatedLanguageGetsEnglishPlurals()
    {
        QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("sw")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("muze::LibraryPage", "%n track(s)", nullptr, 5), QStringLiteral("5 tracks"));
        QCOMPARE(QCoreApplication::translate("muze::LibraryPage", "%n track(s)", nullptr, 1), QStringLiteral("1 track"));
    }

    void polishSettingTranslatesTheWindow()
    {
        QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("pl")), QStringLiteral("pl"));
        AppSettings settings;
        MainWindow window(settings);
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QVERIFY2(menus.contains(QStringLiteral("&Plik")) && menus.contains(QStringLiteral("&Odtwarzanie")), qPrintable(menus.join(", ")));
    }
};

QTEST_MAIN(TranslationsTest)
#include "test_translations.moc"
