// The GUI thread keeps answering while a ten-minute song loads: a 5 ms heartbeat timer on the GUI
// thread measures the longest wait between beats. The goal, under 50 ms, is a benchmark
// (bench/run-benchmarks.sh gui prints the figure), since a shared machine can delay any thread;
// the test fails only on a stall that means work on the GUI thread: decoding the song alone takes
// about a second here.

#include "tests/support/TestSupport.h"
#include "ui/AppSettings.h"
#include "ui/ListenPage.h"
#include "ui/MainWindow.h"
#include "widgets/WaveformView.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QtTest>

using namespace muze;

constexpr qint64 kWorkOnTheGuiThreadMs = 250;

class GuiResponsivenessTest : public QObject {
    Q_OBJECT

private slots:
    void loadingTenMinutesNeverStallsTheGui()
    {
        AppSettings settings;
        MainWindow window(settings);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QElapsedTimer clock;
        qint64 lastBeat = 0;
        qint64 longestGap = 0;
        QTimer heartbeat;
        heartbeat.setTimerType(Qt::PreciseTimer);
        heartbeat.setInterval(5);
        connect(&heartbeat, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            longestGap = std::max(longestGap, now - lastBeat);
            lastBeat = now;
        });
        clock.start();
        heartbeat.start();

        window.openFile(QString::fromStdString(test::fixture("song_10min.mp3").string()));
        QTRY_VERIFY_WITH_TIMEOUT(!window.listenPage()->isLoading(), 180000);
        QTest::qWait(500);  // the first paints of the loaded song count too
        heartbeat.stop();

        const double duration = window.listenPage()->findChild<WaveformView*>()->duration();
        qInfo("loaded %.0f s of audio in %.1f s; longest GUI-thread gap %lld ms", duration, clock.elapsed() / 1000.0, longestGap);
        QVERIFY2(window.listenPage()->errorText().isEmpty(), qPrintable(window.listenPage()->errorText()));
        QVERIFY(duration > 590.0);
#ifdef MUZE_SANITIZED
        QSKIP("the load ran cleanly; its timing means nothing in a sanitizer build, which is several times slower");
#endif
        QVERIFY2(longestGap <= kWorkOnTheGuiThreadMs, qPrintable(QString("%1 ms").arg(longestGap)));
    }
};

QTEST_MAIN(GuiResponsivenessTest)
#include "test_gui_responsiveness.moc"
