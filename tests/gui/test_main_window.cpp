// The window's pages go by the names the command line gives them (muze-studio --page NAME).

#include "ui/AppSettings.h"
#include "ui/ComposePage.h"
#include "ui/LibraryPage.h"
#include "ui/ListenPage.h"
#include "ui/MainWindow.h"
#include "ui/TrainPage.h"

#include <QtTest>

using namespace muze;

class MainWindowTest : public QObject {
    Q_OBJECT

private slots:
    void eachPageIsFoundByItsName()
    {
        AppSettings settings;
        MainWindow window(settings);
        QCOMPARE(MainWindow::pageNames(), QStringList({"library", "listen", "train", "compose"}));
        QCOMPARE(window.pageNamed(QStringLiteral("library")), static_cast<QWidget*>(window.libraryPage()));
        QCOMPARE(window.pageNamed(QStringLiteral("listen")), static_cast<QWidget*>(window.listenPage()));
        QCOMPARE(window.pageNamed(QStringLiteral("train")), static_cast<QWidget*>(window.trainPage()));
        QCOMPARE(window.pageNamed(QStringLiteral("compose")), static_cast<QWidget*>(window.composePage()));
        QCOMPARE(window.pageNamed(QStringLiteral("mixer")), nullptr);
    }
};

QTEST_MAIN(MainWindowTest)
#include "test_main_window.moc"
