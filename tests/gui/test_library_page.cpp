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
#include "ui/LibraryQuestions.h"
#include "ui/MainWindow.h"
#include "ui/TrackDetailPanel.h"
#include "widgets/MessageBar.h"
#include "widgets/WaveformView.h"
#include "workers/PlaybackController.h"

#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QUndoStack>
#include <QtTest>

#include <fstream>

using namespace muze;
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

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

    // A copy of the test dataset, with its settings unless `withSettings` is false, opened in the page.
    fs::path openCopy(const std::string& name, bool withSettings = true)
    {
        const fs::path copy = test::scratchFolder(name) / "data.json";
        fs::copy_file(m_dataset, copy);
        if (withSettings)
            fs::copy_file(DatasetPaths::forDataset(m_dataset).settings, DatasetPaths::forDataset(copy).settings);
        page()->openDataset(QString::fromStdString(copy.string()));
        [&] { QTRY_VERIFY_WITH_TIMEOUT(!page()->isLoading() && page()->datasetPath() == QString::fromStdString(copy.string()), 10000); }();
        return copy;
    }

    void editPrompt(const QString& path, const QString& text)
    {
        select(path);
        page()->detail()->findChild<QPlainTextEdit*>("prompt")->setPlainText(text);
        const auto prompt = [&] {
            const int row = page()->filter()->mapToSource(table()->currentIndex()).row();
            return valueOr(page()->model()->dataset()->record(static_cast<std::size_t>(row)), "prompt", std::string());
        };
        QTRY_COMPARE_WITH_TIMEOUT(prompt(), text.toStdString(), 3000);  // once typing pauses
    }

    std::string promptIn(const fs::path& dataset, const std::string& audioPath)
    {
        for (const Record& record : readDataset(dataset))
            if (record["audio_path"] == audioPath)
                return valueOr(record, "prompt", std::string());
        return {};
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

    void sectionsShowTheirConfidenceUntilRenamedByHand()
    {
        openCopy("section_confidence");
        std::optional<Record> record;
        const auto sectionsOf = [](const Record& r) { return r.contains("segments") ? r["segments"].size() : 0; };
        for (std::size_t i = 0; i < page()->model()->dataset()->size(); ++i) {
            Record candidate = page()->model()->dataset()->record(i);
            if (sectionsOf(candidate) >= 2 && (!record || sectionsOf(candidate) > sectionsOf(*record)))
                record = std::move(candidate);
        }
        QVERIFY2(record, "a song of the test library with two sections or more");
        const QString path = QString::fromStdString((*record)["audio_path"].get<std::string>());
        const Json analysed = (*record)["segments"];
        select(path);
        auto* sections = page()->detail()->findChild<QTableWidget*>("sections");
        QCOMPARE(sections->rowCount(), static_cast<int>(analysed.size()));
        for (int row = 0; row < sections->rowCount(); ++row) {
            const double confidence = analysed[static_cast<std::size_t>(row)]["confidence"].get<double>();
            QVERIFY(confidence >= 0.0 && confidence <= 1.0);
            QCOMPARE(sections->item(row, 3)->text(), QStringLiteral("%1%").arg(qRound(confidence * 100)));
            QVERIFY(!(sections->item(row, 3)->flags() & Qt::ItemIsEditable));
        }

        auto* type = qobject_cast<QComboBox*>(sections->cellWidget(0, 0));
        type->setCurrentText(type->currentText() == "bridge" ? "verse" : "bridge");
        const Json renamed = page()->model()->dataset()->record(static_cast<std::size_t>(page()->filter()->mapToSource(table()->currentIndex()).row()))["segments"];
        QVERIFY(!renamed[0].contains("confidence"));
        QVERIFY(renamed[1].contains("confidence"));
        QCOMPARE(renamed[1]["confidence"], analysed[1]["confidence"]);
        QCOMPARE(sections->item(0, 3)->text(), QStringLiteral("–"));

        page()->undoStack()->undo();
        QCOMPARE(sections->item(0, 3)->text(), QStringLiteral("%1%").arg(qRound(analysed[0]["confidence"].get<double>() * 100)));
    }

    void aLanguageModelRewritesThePromptsOfSelectedTracks()
    {
        openCopy("rewrite_prompts");
        const std::filesystem::path log = test::scratchFolder("rewrite_prompts_server") / "requests.jsonl";
        test::LocalServer server("llm_server.py", log);
        QVERIFY(server.running());
        std::string url = server.url();
        LibraryQuestions questions = LibraryQuestions::dialogs();
        questions.promptLlm = [&url](QWidget*, int tracks) -> std::optional<PromptLlm> {
            if (tracks != 2)
                return std::nullopt;
            PromptLlm llm;
            llm.url = url;
            llm.model = "tiny";
            return llm;
        };
        page()->setQuestions(questions);
        const int first = rowOf("song_c.ogg");
        const int second = first == 0 ? 1 : 0;
        table()->selectionModel()->select(page()->filter()->index(first, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        table()->selectionModel()->select(page()->filter()->index(second, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const auto recordAt = [&](int row) { return page()->model()->dataset()->record(static_cast<std::size_t>(page()->filter()->mapToSource(page()->filter()->index(row, 0)).row())); };
        const Record before = recordAt(first);

        page()->rewritePrompts();
        QTRY_COMPARE_WITH_TIMEOUT(page()->undoStack()->count(), 1, 10000);  // both tracks, one edit
        for (int row : {first, second}) {
            const Record record = recordAt(row);
            QVERIFY2(record["prompt"].get<std::string>().rfind("A test-model song at ", 0) == 0, record["prompt"].dump().c_str());
            QCOMPARE(record["prompt_source"].get<std::string>(), std::string("ollama:tiny"));
            QVERIFY(isUserEdited(record, "prompt"));
        }
        QCOMPARE(test::requestsIn(log).size(), std::size_t(2));
        QVERIFY(page()->findChild<MessageBar*>()->text().contains("ollama:tiny wrote 2 prompt"));
        page()->undoStack()->undo();
        QCOMPARE(recordAt(first)["prompt"], before["prompt"]);
        QCOMPARE(recordAt(first)["prompt_source"], before["prompt_source"]);

        // A server that refuses: named, and every prompt stays.
        url = server.url("refuse");
        page()->rewritePrompts();
        QTRY_VERIFY_WITH_TIMEOUT(page()->findChild<MessageBar*>()->text().contains("ran out of memory"), 10000);
        QCOMPARE(recordAt(first)["prompt"], before["prompt"]);
        QCOMPARE(page()->undoStack()->index(), 0);
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

    void recordsWithWrongTypesOpenAndEdit()
    {
        const fs::path folder = test::scratchFolder("library_wrong_types");
        writeDataset(folder / "odd.json",
                     {Record{{"audio_path", "a.mp3"}, {"include_in_training", 1}, {"duration", nullptr}, {"tempo", "120"},
                             {"segments", {"verse", 3, {{"start", "0"}, {"end", nullptr}}}}, {"has_vocals", "yes"}, {"title", 5}},
                      Record{{"audio_path", "b.mp3"}, {"segments", 7}, {"key", 12}, {"user_edited", "prompt"}}});
        page()->openDataset(QString::fromStdString((folder / "odd.json").string()));
        QTRY_VERIFY_WITH_TIMEOUT(!page()->isLoading() && page()->model()->rowCount() == 2, 10000);
        QCOMPARE(page()->filter()->index(rowOf("a.mp3"), LibraryModel::Tempo).data().toString(), QString());  // unknown, not 0
        select("a.mp3");
        TrackDetailPanel* detail = page()->detail();
        auto* include = detail->findChild<QCheckBox*>("include");
        QCOMPARE(include->checkState(), Qt::PartiallyChecked);  // 1 is not true or false: unknown
        include->click();
        QCOMPARE(include->checkState(), Qt::Checked);
        auto* add = detail->findChildren<QPushButton*>().at(0);
        QVERIFY(add->text().contains("Add"));
        add->click();  // sections that are not objects, and a null duration
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {},
                          table()->visualRect(page()->filter()->index(rowOf("b.mp3"), LibraryModel::Included)).center());
        select("b.mp3");
        editPrompt("b.mp3", "words of mine");
        QTRY_VERIFY_WITH_TIMEOUT(!page()->hasUnsavedChanges() && !page()->isSaving(), 8000);
        const auto saved = readDataset(folder / "odd.json");
        QCOMPARE(saved[0]["include_in_training"].get<bool>(), true);
        QCOMPARE(saved[1]["include_in_training"].get<bool>(), false);
        QCOMPARE(saved[1]["prompt"].get<std::string>(), std::string("words of mine"));
    }

    void anUpdateWithoutSettingsAsksForTheFolder()
    {
        const fs::path copy = openCopy("library_no_settings", false);
        QStringList asked;
        LibraryQuestions questions = LibraryQuestions::dialogs();
        questions.folder = [&](QWidget*, const QString& title, const QString&) {
            asked << title;
            return QString();  // the user declines: nothing is built
        };
        page()->setQuestions(questions);
        page()->updateDataset();
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked[0].contains("data.json"), qPrintable(asked[0]));

        std::ofstream(DatasetPaths::forDataset(copy).settings) << "{\"audio_dir\": 3";  // damaged
        page()->openDataset(QString::fromStdString(copy.string()));
        QTRY_VERIFY_WITH_TIMEOUT(!page()->isLoading(), 10000);
        QCoreApplication::processEvents();
        QVERIFY2(page()->findChild<MessageBar*>()->text().contains("damaged"), qPrintable(page()->findChild<MessageBar*>()->text()));
        page()->updateDataset();
        QCOMPARE(asked.size(), 2);
    }

    void aFailedSaveAsksBeforeAnotherDatasetOpens()
    {
        const fs::path copy = openCopy("library_failed_save");
        LibraryQuestions questions = LibraryQuestions::dialogs();
        QStringList reasons;
        auto answer = LibraryQuestions::AfterFailedSave::Retry;
        const fs::path folder = copy.parent_path();
        const fs::path away = test::scratchFolder("library_failed_save_away") / "unplugged";
        questions.afterFailedSave = [&](QWidget*, const QString& reason) {
            reasons << reason;
            if (answer == LibraryQuestions::AfterFailedSave::Retry)
                fs::rename(away, folder);  // the folder is back: the retry succeeds
            return answer;
        };
        page()->setQuestions(questions);
        editPrompt("song_c.ogg", "kept through a failed save");
        QTRY_VERIFY_WITH_TIMEOUT(!page()->hasUnsavedChanges() && !page()->isSaving(), 8000);

        // The folder goes away (an unplugged drive): saving fails, and opening another dataset asks.
        editPrompt("song_c.ogg", "edited while the drive was away");
        fs::rename(folder, away);
        page()->openDataset(QString::fromStdString(m_dataset.string()));
        QTRY_COMPARE_WITH_TIMEOUT(reasons.size(), 1, 8000);
        QTRY_VERIFY_WITH_TIMEOUT(page()->datasetPath() == QString::fromStdString(m_dataset.string()) && !page()->isLoading(), 10000);
        QCOMPARE(promptIn(copy, "song_c.ogg"), std::string("edited while the drive was away"));

        // Cancel keeps the edits and the dataset open; Discard lets the next one open.
        page()->openDataset(QString::fromStdString(copy.string()));
        QTRY_VERIFY_WITH_TIMEOUT(page()->datasetPath() == QString::fromStdString(copy.string()) && !page()->isLoading(), 10000);
        editPrompt("song_c.ogg", "never saved");
        fs::rename(folder, away);
        answer = LibraryQuestions::AfterFailedSave::Cancel;
        page()->openDataset(QString::fromStdString(m_dataset.string()));
        QTRY_COMPARE_WITH_TIMEOUT(reasons.size(), 2, 8000);
        QVERIFY(page()->hasUnsavedChanges());
        QCOMPARE(page()->datasetPath(), QString::fromStdString(copy.string()));
        answer = LibraryQuestions::AfterFailedSave::Discard;
        page()->openDataset(QString::fromStdString(m_dataset.string()));
        QTRY_VERIFY_WITH_TIMEOUT(page()->datasetPath() == QString::fromStdString(m_dataset.string()) && !page()->isLoading(), 10000);
        QCOMPARE(reasons.size(), 3);
        fs::rename(away, folder);
        QCOMPARE(promptIn(copy, "song_c.ogg"), std::string("edited while the drive was away"));
    }

    void closingWaitsForTheSave()
    {
        const fs::path copy = openCopy("library_close");
        editPrompt("song_c.ogg", "saved on the way out");
        m_window->close();
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 8000);
        QCOMPARE(promptIn(copy, "song_c.ogg"), std::string("saved on the way out"));
    }

    void aDeviceErrorIsShown()
    {
        auto* playback = m_window->findChild<PlaybackController*>();
        playback->setOptions({"PulseAudio:no such output", 512});
        select("song_c.ogg");
        QTRY_VERIFY_WITH_TIMEOUT(page()->detail()->findChild<WaveformView*>()->duration() > 19.0, 10000);
        QTest::keyClick(m_window.get(), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(page()->findChild<MessageBar*>()->text().contains("no such output"), 5000);
    }

    void theDetailPanelObeysTheDurationLimit()
    {
        const fs::path folder = test::scratchFolder("library_long");
        fs::create_directories(folder / "songs");
        fs::copy_file(test::fixture("library/bad/two_hours.flac"), folder / "songs/long.flac");
        writeDataset(folder / "long.json", {Record{{"audio_path", "long.flac"}}});
        std::ofstream(DatasetPaths::forDataset(folder / "long.json").settings) << "{\"audio_dir\": \"" << (folder / "songs").string() << "\"}";
        page()->openDataset(QString::fromStdString((folder / "long.json").string()));
        QTRY_VERIFY_WITH_TIMEOUT(!page()->isLoading() && page()->model()->rowCount() == 1, 10000);
        select("long.flac");
        auto* details = page()->detail()->findChildren<QLabel*>().at(1);
        QTRY_VERIFY_WITH_TIMEOUT(details->text().contains("limit"), 10000);  // Preferences: 30 minutes
    }

    void theBuildAsksBeforeDroppingManyRecords()
    {
        const fs::path folder = test::scratchFolder("library_drop");
        fs::create_directories(folder / "songs");
        for (int i = 0; i < 5; ++i)
            fs::copy_file(test::fixture("library/song_c.ogg"), folder / "songs" / ("song" + std::to_string(i) + ".ogg"));
        BuildOptions options;
        options.audioDir = folder / "songs";
        options.output = folder / "out.json";
        options.analysis.recognizeSpeech = false;
        buildDataset(options);
        for (int i = 0; i < 4; ++i)
            fs::remove(folder / "songs" / ("song" + std::to_string(i) + ".ogg"));

        BuildDatasetDialog dialog(QString::fromStdString((folder / "songs").string()), QString::fromStdString((folder / "out.json").string()));
        QStringList asked;
        dialog.setDropQuestion([&](const QStringList& gone) {
            asked = gone;
            return false;
        });
        dialog.show();
        QVERIFY(!dialog.findChild<QCheckBox*>("speech")->isChecked());  // as the dataset was built
        QSignalSpy built(&dialog, &BuildDatasetDialog::datasetBuilt);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(built.count(), 1, 60000);
        QCOMPARE(asked.size(), 4);
        QCOMPARE(readDataset(folder / "out.json").size(), std::size_t(5));
        QVERIFY(dialog.findChild<QLabel*>("status")->text().contains("4 record(s) of songs no longer in the folder kept"));
    }

    void buildDialogShowsProgressAndErrors()
    {
        const fs::path folder = test::scratchFolder("library_dialog");
        fs::create_directories(folder / "songs");
        fs::copy_file(test::fixture("library/song_c.ogg"), folder / "songs/good.ogg");
        fs::copy_file(test::fixture("library/bad/text_renamed.mp3"), folder / "songs/text.mp3");
        BuildDatasetDialog dialog(QString::fromStdString((folder / "songs").string()), QString::fromStdString((folder / "out.json").string()));
        dialog.show();
        // The builder chooses how many songs at once, from the cores and the free memory.
        QCOMPARE(dialog.findChild<QSpinBox*>("jobs")->value(), 0);
        QCOMPARE(dialog.findChild<QSpinBox*>("jobs")->text(), QString("Automatic"));
        QSignalSpy built(&dialog, &BuildDatasetDialog::datasetBuilt);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(built.count(), 1, 60000);
        QVERIFY(dialog.succeeded());
        QCOMPARE(dialog.findChild<QListWidget*>("errors")->count(), 1);
        QVERIFY(dialog.findChild<QListWidget*>("errors")->item(0)->text().contains("not an audio file"));
        QVERIFY(dialog.findChild<QLabel*>("status")->text().contains("1 analysed"));
        QCOMPARE(readDataset(folder / "out.json").size(), std::size_t(1));
    }

    void theProgressLineSaysWhenMemoryCutTheSongsAtOnce()
    {
        AnalysisJobs cut;
        cut.jobs = 1;
        cut.cores = 4;
        cut.memoryFits = 1;
        QCOMPARE(describeSongsAtOnce(cut), QString("1 at once: free memory would not hold more analyses of the longest song"));
        AnalysisJobs ample = cut;
        ample.jobs = 4;
        ample.memoryFits = 9;
        QCOMPARE(describeSongsAtOnce(ample), QString("4 at once"));
        AnalysisJobs asked = cut;
        asked.requested = true;
        QCOMPARE(describeSongsAtOnce(asked), QString("1 at once"));
    }
};

QTEST_MAIN(LibraryPageTest)
#include "test_library_page.moc"
