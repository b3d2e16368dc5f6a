// The Library page on a dataset built from the test library: filtering, sorting, the detail panel,
// undoable edits saved back to the file, and the build dialog.

#include "core/dataset/DatasetBuilder.h"
#include "core/dataset/DatasetFile.h"
#include "core/text/Phonemes.h"
#include "tests/support/TestSupport.h"
#include "ui/AppSettings.h"
#include "ui/BuildDatasetDialog.h"
#include "ui/LibraryModel.h"
#include "ui/LibraryPage.h"
#include "ui/MainWindow.h"
#include "ui/TrackDetailPanel.h"
#include "widgets/MessageBar.h"
#include "widgets/WaveformView.h"
#include "workers/PlaybackController.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

#include <fstream>

using namespace muze;
namespace fs = std::filesystem;

class LibraryPageTest : public QObject {
    Q_OBJECT

private:
    AppSettings m_settings;
    std::unique_ptr<MainWindow> m_window;
    fs::path m_dataset;

    LibraryPage* page() const { return m_window->libraryPage(); }
    QTableView* table() const { return page()->findChild<QTableView*>("tracks"); }

    int rowOf(const QString& path) const
    {
        for (int row = 0; row < page()->filter()->rowCount(); ++row)
            if (page()->filter()->index(row, LibraryModel::Path).data().toString() == path)
                return row;
        return -1;
    }

    void select(const QString& path)
    {
        const int row = rowOf(path);
        QVERIFY(row >= 0);
        table()->setCurrentIndex(page()->filter()->index(row, 0));
    }

private slots:
    void initTestCase()
    {
        QSettings().clear();
        const fs::path folder = test::scratchFolder("library_page");
        fs::copy(test::fixture("library"), folder / "library", fs::copy_options::recursive | fs::copy_options::copy_symlinks);
        BuildOptions options;
        options.audioDir = folder / "library";
        options.output = folder / "data.json";
        options.analysis.recognizeSpeech = false;
        buildDataset(options);
        m_dataset = options.output;
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>(m_settings);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        page()->openDataset(QString::fromStdString(m_dataset.string()));
        QTRY_VERIFY_WITH_TIMEOUT(!page()->isLoading() && page()->model()->rowCount() == 6, 10000);
        QCoreApplication::processEvents();  // the load's last queued signals
    }

    void cleanup() { m_window.reset(); }

    void filtersAndSorts()
    {
        TrackFilterModel* filter = page()->filter();
        QCOMPARE(filter->rowCount(), 6);
        page()->findChild<QLineEdit*>("search")->setText("artist a");  // matches the artist, case aside
        QCOMPARE(filter->rowCount(), 2);
        page()->findChild<QLineEdit*>("search")->clear();
        filter->setGenre("rock");
        QCOMPARE(filter->rowCount(), 1);
        filter->setGenre({});
        filter->setTempoRange(90, 110);
        QCOMPARE(filter->rowCount(), 1);
        QCOMPARE(filter->index(0, LibraryModel::Path).data().toString(), QStringLiteral("Artist A/song_a.mp3"));
        filter->setTempoRange(0, 0);
        filter->setKey("A minor");
        QCOMPARE(filter->rowCount(), 1);
        filter->setKey({});
        table()->sortByColumn(LibraryModel::Tempo, Qt::DescendingOrder);
        QCOMPARE(filter->index(0, LibraryModel::Path).data().toString(), QStringLiteral("song_c.ogg"));  // 128 BPM
    }

    void showsATrackAndPlaysIt()
    {
        select("Artist A/song_b.flac");
        TrackDetailPanel* detail = page()->detail();
        QCOMPARE(detail->findChild<QLabel*>("trackTitle")->text(), QStringLiteral("Evening"));
        auto* waveform = detail->findChild<WaveformView*>();
        QTRY_VERIFY_WITH_TIMEOUT(waveform->duration() > 19.0, 10000);
        QCOMPARE(detail->findChild<QPlainTextEdit*>("lyrics")->toPlainText(),
                 QStringLiteral("first line of the song\nwe love the sunshine\nand dance all night"));
        QTest::keyClick(m_window.get(), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(waveform->playhead() > 0.2, 5000);
        QTest::keyClick(m_window.get(), Qt::Key_Space);

        // The voice lane shows the record's vocal_regions ([start, end] pairs).
        Record record = page()->model()->dataset()->record(static_cast<std::size_t>(page()->filter()->mapToSource(table()->currentIndex()).row()));
        record["vocal_regions"] = {{1.0, 3.5}, {6.25, 9.0}};
        detail->refresh(record);
        const QVector<TimelineSpan>& voice = waveform->annotations().voice;
        QCOMPARE(voice.size(), 2);
        QCOMPARE(voice[1].start, 6.25);
        QCOMPARE(voice[1].end, 9.0);
    }

    void editsUndoAndSaveBack()
    {
        select("song_c.ogg");
        TrackDetailPanel* detail = page()->detail();
        auto* prompt = detail->findChild<QPlainTextEdit*>("prompt");
        prompt->setPlainText("Rainy night piano ballad");
        QTRY_COMPARE_WITH_TIMEOUT(page()->undoStack()->count(), 1, 3000);  // one edit once typing pauses
        const int row = page()->filter()->mapToSource(table()->currentIndex()).row();
        Record record = page()->model()->dataset()->record(static_cast<std::size_t>(row));
        QCOMPARE(record["prompt"].get<std::string>(), std::string("Rainy night piano ballad"));
        QVERIFY(std::find(record["user_edited"].begin(), record["user_edited"].end(), "prompt") != record["user_edited"].end());

        page()->undoStack()->undo();
        QVERIFY(prompt->toPlainText() != QStringLiteral("Rainy night piano ballad"));
        page()->undoStack()->redo();
        QCOMPARE(prompt->toPlainText(), QStringLiteral("Rainy night piano ballad"));

        detail->findChild<QCheckBox*>("include")->setChecked(false);
        QCOMPARE(page()->model()->row(row).included, false);
        QCOMPARE(page()->undoStack()->count(), 2);

        // Saved back a moment later, atomically, with the edits and without losing other records.
        QTRY_VERIFY_WITH_TIMEOUT(!page()->hasUnsavedChanges(), 8000);
        const auto saved = readDataset(m_dataset);
        QCOMPARE(saved.size(), std::size_t(6));
        for (const Record& r : saved) {
            if (r["audio_path"] == "song_c.ogg") {
                QCOMPARE(r["prompt"].get<std::string>(), std::string("Rainy night piano ballad"));
                QCOMPARE(r["include_in_training"].get<bool>(), false);
            }
        }
    }

    void editedLyricsBringTheirPhonemesAndUndoTogether()
    {
        select("Artist A/song_b.flac");
        const int row = page()->filter()->mapToSource(table()->currentIndex()).row();
        const auto record = [&] { return page()->model()->dataset()->record(static_cast<std::size_t>(row)); };
        const Record before = record();
        const auto slicedSegments = [](const Record& r) {
            return std::count_if(r["segments"].begin(), r["segments"].end(), [](const Record& s) { return s.contains("lyrics"); });
        };
        QVERIFY(slicedSegments(before) > 0);  // its .lrc is timed
        // Typed: Space and the arrows are playback shortcuts elsewhere, but here they edit the text.
        auto* lyrics = page()->detail()->findChild<QPlainTextEdit*>("lyrics");
        lyrics->setFocus();
        QTest::keyClick(lyrics, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(lyrics, "cold dark rain");
        QTest::keyClick(lyrics, Qt::Key_Return);
        QTest::keyClicks(lyrics, "all alne");
        QTest::keyClick(lyrics, Qt::Key_Left);
        QTest::keyClick(lyrics, Qt::Key_Left);
        QTest::keyClicks(lyrics, "o");
        QCOMPARE(lyrics->toPlainText(), QStringLiteral("cold dark rain\nall alone"));
        QTRY_COMPARE_WITH_TIMEOUT(page()->undoStack()->count(), 1, 3000);
        const auto* playback = m_window->findChild<PlaybackController*>();
        QVERIFY(playback && !playback->isActive());
        QCOMPARE(record()["phonemes_ipa"].get<std::string>(), toPhonemes("cold dark rain\nall alone").ipa);
        QCOMPARE(record()["text_sentiment"].get<std::string>(), std::string("negative"));
        QVERIFY(record()["phoneme_timestamps"] != before["phoneme_timestamps"] || before["phoneme_timestamps"].empty());
        QCOMPARE(slicedSegments(record()), 0);  // typed lyrics carry no timing

        page()->undoStack()->undo();
        QCOMPARE(record()["phonemes_ipa"], before["phonemes_ipa"]);
        QCOMPARE(record()["text_sentiment"], before["text_sentiment"]);
        QCOMPARE(slicedSegments(record()), slicedSegments(before));
    }

    void aDamagedDatasetIsRefusedAndTheOpenOneStays()
    {
        const fs::path damaged = test::scratchFolder("library_damaged") / "cut.json";
        std::ofstream(damaged) << R"([{"audio_path": "a.mp3", "tempo": 12)";  // cut off mid-write
        page()->openDataset(QString::fromStdString(damaged.string()));
        const auto* messages = page()->findChild<MessageBar*>();
        QTRY_VERIFY_WITH_TIMEOUT(!page()->isLoading() && !messages->text().isEmpty(), 10000);
        QVERIFY2(messages->text().contains("cut.json"), qPrintable(messages->text()));
        QCOMPARE(page()->model()->rowCount(), 6);
        QCOMPARE(page()->datasetPath(), QString::fromStdString(m_dataset.string()));
    }

    void buildDialogShowsProgressAndErrors()
    {
        const fs::path folder = test::scratchFolder("library_dialog");
        fs::create_directories(folder / "songs");
        fs::copy_file(test::fixture("library/song_c.ogg"), folder / "songs/good.ogg");
        fs::copy_file(test::fixture("library/bad/text_renamed.mp3"), folder / "songs/text.mp3");
        BuildDatasetDialog dialog(QString::fromStdString((folder / "songs").string()), QString::fromStdString((folder / "out.json").string()));
        dialog.show();
        QSignalSpy built(&dialog, &BuildDatasetDialog::datasetBuilt);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(built.count(), 1, 60000);
        QVERIFY(dialog.succeeded());
        QCOMPARE(dialog.findChild<QListWidget*>("errors")->count(), 1);
        QVERIFY(dialog.findChild<QListWidget*>("errors")->item(0)->text().contains("not an audio file"));
        QVERIFY(dialog.findChild<QLabel*>("status")->text().contains("1 analysed"));
        QCOMPARE(readDataset(folder / "out.json").size(), std::size_t(1));
    }
};

QTEST_MAIN(LibraryPageTest)
#include "test_library_page.moc"
