// English and Polish are compiled in and complete; the language follows the setting.

#include "tests/support/TestSupport.h"
#include "ui/AppSettings.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"

#include <QFile>
#include <QMenuBar>
#include <QtTest>

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
        QFile ts(QString::fromStdString(test::testSource("../translations/muze_pl.ts").string()));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QByteArray text = ts.readAll();
        QVERIFY(text.contains("<message"));
        QVERIFY2(!text.contains("type=\"unfinished\""), "translations/muze_pl.ts has unfinished strings; run the update_translations target and translate them");
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
