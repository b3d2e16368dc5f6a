// The Listen page in the real main window (offscreen), with playback into the test's PulseAudio
// null sink: opening by every route, drawing, playing, seeking, zooming and failing politely.

#include "tests/support/TestSupport.h"
#include "ui/AppSettings.h"
#include "ui/LibraryPage.h"
#include "ui/ListenPage.h"
#include "ui/MainWindow.h"
#include "ui/TrackDetailPanel.h"
#include "widgets/SpectrogramView.h"
#include "widgets/TransportBar.h"
#include "widgets/WaveformView.h"

#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QToolButton>
#include <QtTest>

using namespace muze;

namespace {

QString fixturePath(const char* name)
{
    return QString::fromStdString(test::fixture(name).string());
}

// Counts paint events a widget receives.
class PaintCounter : public QObject {
public:
    int count = 0;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return false;
    }
};

}  // namespace

class ListenPageTest : public QObject {
    Q_OBJECT

private:
    AppSettings m_settings;
    std::unique_ptr<MainWindow> m_window;

    ListenPage* page() const { return m_window->listenPage(); }
    WaveformView* waveform() const { return page()->findChild<WaveformView*>(); }
    QString title() const { return page()->findChild<QLabel*>("title")->text(); }
    QString details() const { return page()->findChild<QLabel*>("details")->text(); }

    bool openAndWait(const QString& path)
    {
        m_window->openFile(path);
        QElapsedTimer waited;
        waited.start();
        while (page()->isLoading() && waited.elapsed() < 30000)
            QTest::qWait(10);
        QCoreApplication::processEvents();  // the job's last queued signals
        return !page()->isLoading();
    }

private slots:
    void initTestCase() { QSettings().clear(); }

    void init()
    {
        m_window = std::make_unique<MainWindow>(m_settings);
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void opensAndDescribesASong()
    {
        QVERIFY(openAndWait(fixturePath("tone_440_660_44100_2ch.mp3")));
        QCOMPARE(title(), QStringLiteral("Test Tone"));
        QVERIFY2(details().contains("Muze Tests") && details().contains("MP3") && details().contains("44.1 kHz") && details().contains("stereo"),
                 qPrintable(details()));
        QVERIFY(std::abs(waveform()->duration() - 2.0) < 0.1);
        QCOMPARE(page()->findChild<SpectrogramView*>()->duration(), waveform()->duration());
        QVERIFY(m_window->windowTitle().startsWith("Test Tone"));
        QCOMPARE(m_settings.recentFiles().front(), fixturePath("tone_440_660_44100_2ch.mp3"));
        QVERIFY(page()->errorText().isEmpty());
    }

    void spacePlaysAndPausesWithALivePlayhead()
    {
        QVERIFY(openAndWait(fixturePath("long_500.mp3")));
        PaintCounter paints;
        waveform()->installEventFilter(&paints);
        QTest::keyClick(m_window.get(), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(waveform()->playhead() > 0.2, 5000);
        QVERIFY2(page()->errorText().isEmpty(), qPrintable(page()->errorText()));
        // The playhead moves at 30 frames a second or more: count the repaints over one second.
        paints.count = 0;
        const double before = waveform()->playhead();
        QTest::qWait(1000);
        const double after = waveform()->playhead();
        qInfo("playhead repainted %d times in one second; moved %.2f s", paints.count, after - before);
        QVERIFY2(paints.count >= 30, qPrintable(QString::number(paints.count)));
        QVERIFY(std::abs((after - before) - 1.0) < 0.25);

        QTest::keyClick(m_window.get(), Qt::Key_Space);
        QTest::qWait(300);
        const double paused = waveform()->playhead();
        QTest::qWait(300);
        QCOMPARE(waveform()->playhead(), paused);
    }

    void aSongShownElsewhereDoesNotStopWhatPlays()
    {
        QVERIFY(openAndWait(fixturePath("long_500.mp3")));
        page()->togglePlayPause();
        QTRY_VERIFY_WITH_TIMEOUT(waveform()->playhead() > 0.2, 5000);
        // Opening a dataset shows its first song in the Library's detail panel, with a transport of its own.
        m_window->libraryPage()->openDataset(QString::fromStdString(test::buildLibraryDataset("listen_page_library").string()));
        TrackDetailPanel* detail = m_window->libraryPage()->detail();
        WaveformView* detailWaveform = detail->findChild<WaveformView*>();
        QTRY_VERIFY_WITH_TIMEOUT(detailWaveform->duration() > 0, 30000);
        const double before = waveform()->playhead();
        QTest::qWait(1000);
        QVERIFY2(waveform()->playhead() > before + 0.5, qPrintable(QString("%1 then %2").arg(before).arg(waveform()->playhead())));

        // Asked to play, the detail panel takes the player from where its own playhead stands.
        QTest::mouseClick(detailWaveform, Qt::LeftButton, {},
                          QPoint(WaveformView::kLabelMargin + (detailWaveform->width() - WaveformView::kLabelMargin) / 2, detailWaveform->height() / 2));
        const double placed = detailWaveform->playhead();
        QVERIFY(placed > 1.0);
        detail->findChild<TransportBar*>()->findChild<QToolButton*>("playPause")->click();
        QTRY_VERIFY_WITH_TIMEOUT(detailWaveform->playhead() > placed + 0.2, 5000);
        const double listenStopped = waveform()->playhead();
        QTest::qWait(300);
        QCOMPARE(waveform()->playhead(), listenStopped);
    }

    void clickSeeksAndStopReturnsToTheStart()
    {
        QVERIFY(openAndWait(fixturePath("long_500.mp3")));
        WaveformView* view = waveform();
        const QPoint middle(WaveformView::kLabelMargin + (view->width() - WaveformView::kLabelMargin) / 2, view->height() / 2);
        QTest::mouseClick(view, Qt::LeftButton, {}, middle);
        QVERIFY2(std::abs(view->playhead() - 10.0) < 0.2, qPrintable(QString::number(view->playhead())));
        page()->findChild<TransportBar*>()->findChild<QToolButton*>("stop")->click();
        QTRY_COMPARE(view->playhead(), 0.0);
    }

    void wheelZoomsAndFitRestores()
    {
        QVERIFY(openAndWait(fixturePath("long_500.mp3")));
        WaveformView* view = waveform();
        QWheelEvent wheel(QPointF(view->width() / 2, view->height() / 2), view->mapToGlobal(QPointF(view->width() / 2, 50)), QPoint(),
                          QPoint(0, 120 * 4), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view, &wheel);
        const double zoomed = view->viewEnd() - view->viewStart();
        QVERIFY(zoomed < 10.0);
        QCOMPARE(page()->findChild<SpectrogramView*>()->viewStart(), view->viewStart());
        page()->zoomToFit();
        QCOMPARE(view->viewEnd() - view->viewStart(), view->duration());
    }

    void drawsSamplesWhenZoomedIn()
    {
        QVERIFY(openAndWait(fixturePath("tone_1000_48000_1ch.wav")));
        WaveformView* view = waveform();
        view->setView(0.5, 0.503);  // closer than one sample per pixel: a line through the samples
        QVERIFY(view->viewEnd() - view->viewStart() < 0.01);
        const QImage picture = view->grab().toImage();
        // The sine is one unbroken line: every column of the time area holds some of its blue,
        // and the label margin holds none.
        auto bluish = [](QRgb pixel) { return qBlue(pixel) > 90 && qBlue(pixel) > qRed(pixel) + 40; };
        auto columnHasWave = [&](int x) {
            for (int y = 0; y < picture.height(); ++y)
                if (bluish(picture.pixel(x, y)))
                    return true;
            return false;
        };
        int covered = 0;
        for (int x = WaveformView::kLabelMargin; x < picture.width(); ++x)
            covered += columnHasWave(x) ? 1 : 0;
        QCOMPARE(covered, picture.width() - WaveformView::kLabelMargin);
        for (int x = 0; x < WaveformView::kLabelMargin - 1; ++x)
            QVERIFY(!columnHasWave(x));
    }

    void dropOpensAFile()
    {
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(fixturePath("tone_440_660_44100_2ch.flac"))});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &drop);
        QTRY_COMPARE_WITH_TIMEOUT(title(), QStringLiteral("Test Tone"), 10000);
        QVERIFY(details().contains("FLAC"));
    }

    void recentFilesReopen()
    {
        QVERIFY(openAndWait(fixturePath("tone_1000_48000_1ch.wav")));
        QMenu* recent = nullptr;
        for (QMenu* menu : m_window->menuBar()->findChildren<QMenu*>())
            if (menu->title() == tr("Open &Recent") || menu->title().contains("Recent"))
                recent = menu;
        QVERIFY(recent != nullptr);
        QCOMPARE(recent->actions().front()->text(), QStringLiteral("tone_1000_48000_1ch.wav"));
        QVERIFY(openAndWait(fixturePath("tone_440_660_44100_2ch.wav")));
        recent->actions().at(1)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(page()->currentFile().endsWith("tone_1000_48000_1ch.wav"), 10000);
    }

    void badFilesShowAReasonAndKeepTheSong()
    {
        QVERIFY(openAndWait(fixturePath("tone_440_660_44100_2ch.ogg")));
        QVERIFY(openAndWait(fixturePath("text_renamed.mp3")));
        QVERIFY2(page()->errorText().contains("text_renamed.mp3") && page()->errorText().contains("not an audio file"),
                 qPrintable(page()->errorText()));
        QCOMPARE(title(), QStringLiteral("Test Tone"));  // the song that was open stays
        QVERIFY(openAndWait(fixturePath("empty.wav")));
        QVERIFY(page()->errorText().contains("empty"));
        QVERIFY(openAndWait(fixturePath("damaged_middle.mp3")));
        QVERIFY2(page()->errorText().contains("damaged"), qPrintable(page()->errorText()));
    }
};

QTEST_MAIN(ListenPageTest)
#include "test_listen_page.moc"
