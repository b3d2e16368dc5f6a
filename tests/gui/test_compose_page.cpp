// The Compose page with untrained tiny models: a plan edited on the timeline and in the section's
// form (and undone), a take generated into the model folder with the files `muze generate` writes,
// one of its sections made anew into a second take that keeps the rest, and the take's plan loaded
// back into the editor. A take made audible by Griffin-Lim over a trained vocoder, and remade as it was
// made. Then a take with sung lyrics: its files, its lyrics shown in time, one of
// its sections made anew as edited since, two takes heard A/B in step, and an export with stems.

#include "tests/support/RandomModels.h"

#include "core/audio/AudioDecoder.h"
#include "core/generation/SongPlan.h"
#include "tests/support/TestSupport.h"
#include "core/generation/SongVocals.h"
#include "core/generation/VoiceStyle.h"
#include "ui/AppSettings.h"
#include "ui/ComposePage.h"
#include "ui/Language.h"
#include "ui/PlanEditor.h"
#include "ui/PlaybackBinder.h"
#include "ui/TakesPanel.h"
#include "ui/VocalSettings.h"
#include "widgets/PathField.h"
#include "widgets/SectionTimeline.h"
#include "workers/PlaybackController.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QUndoStack>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace muze;

namespace {

nlohmann::ordered_json descriptionOf(const QString& take)
{
    return nlohmann::ordered_json::parse(std::ifstream(take.toStdString() + "/take.json"));
}

AudioBuffer audioOf(const QString& file)
{
    return decodeAudioFile(file.toStdString(), {0, ChannelMode::UpToStereo, {}}).audio;
}

std::string readText(const std::string& file)
{
    std::ostringstream text;
    text << std::ifstream(file).rdbuf();
    return text.str();
}

bool exists(const QString& file)
{
    return std::filesystem::exists(file.toStdString());
}

// A Compose page shown on a fresh model folder of untrained tiny models.
struct ComposeOnModels {
    explicit ComposeOnModels(const std::string& name) : models(test::saveRandomModels(name)), page(playback)
    {
        page.resize(1400, 1000);
        page.show();
        page.setModelFolder(QString::fromStdString(models.folder.string()));
    }

    test::RandomModels models;
    PlaybackController playback;
    ComposePage page;
};

void generateAndWait(ComposePage& page, QAction* action)
{
    action->trigger();
    QVERIFY(page.isGenerating());
    QTRY_VERIFY_WITH_TIMEOUT(!page.isGenerating(), 240000);
    QVERIFY2(page.errorText().isEmpty(), qPrintable(page.errorText()));
}

}  // namespace

class ComposePageTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { installTranslations(*QCoreApplication::instance(), QStringLiteral("en")); }

    void aPlanIsEditedGeneratedAndASectionMadeAnew()
    {
        ComposeOnModels shown("compose_page_models");
        ComposePage& page = shown.page;
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        PlanEditor& editor = *page.editor();
        QVERIFY(editor.plan().sections.size() >= 3);  // the default template, laid out
        page.findChild<QSpinBox*>("seed")->setValue(11);
        page.findChild<QCheckBox*>("lockSeed")->setChecked(true);

        // Edits: the first section two bars longer by its edge on the timeline, its chords typed.
        auto* timeline = page.findChild<SectionTimeline*>("sectionTimeline");
        const int bars = editor.barsOf(0);
        const QRect first = timeline->blockRect(0);
        const int barPixels = static_cast<int>(first.width() / static_cast<double>(bars));
        QTest::mousePress(timeline, Qt::LeftButton, Qt::NoModifier, QPoint(first.right() + 1, first.center().y()));
        QTest::mouseMove(timeline, QPoint(first.right() + 1 + barPixels, first.center().y()));
        QTest::mouseMove(timeline, QPoint(first.right() + 1 + 2 * barPixels, first.center().y()));
        QTest::mouseRelease(timeline, Qt::LeftButton, Qt::NoModifier, QPoint(first.right() + 1 + 2 * barPixels, first.center().y()));
        QCOMPARE(editor.barsOf(0), bars + 2);
        auto* chords = page.findChild<QLineEdit*>("sectionChords");
        chords->setText("Am F");
        QMetaObject::invokeMethod(chords, "editingFinished");
        QCOMPARE(editor.plan().sections[0].chords, (std::vector<std::string>{"Am", "F"}));
        chords->setText("Am Q7");
        QMetaObject::invokeMethod(chords, "editingFinished");
        QCOMPARE(editor.plan().sections[0].chords, (std::vector<std::string>{"Am", "F"}));  // refused, said beside the field
        QCOMPARE(page.undoStack()->count(), 2);
        page.undoStack()->undo();
        QVERIFY(editor.plan().sections[0].chords != (std::vector<std::string>{"Am", "F"}));
        page.undoStack()->redo();
        const std::string planned = toJson(editor.plan()).dump();

        // The plan saved as JSON and opened again (an edit that undoes); a file that is not a plan
        // is refused and the plan being edited stays.
        const QString planFile = QString::fromStdString((shown.models.folder / "plan.json").string());
        page.savePlanAs(planFile);
        QCOMPARE(toJson(loadPlan(planFile.toStdString())).dump(), planned);
        editor.resizeSection(1, 2);
        page.openPlan(planFile);
        QCOMPARE(toJson(editor.plan()).dump(), planned);
        std::ofstream(shown.models.folder / "broken.json") << R"({"sections": [{"type": "verse", "start": 0, "duration": -3}]})";
        page.openPlan(QString::fromStdString((shown.models.folder / "broken.json").string()));
        QVERIFY2(page.errorText().contains("cannot be opened"), qPrintable(page.errorText()));
        QCOMPARE(toJson(editor.plan()).dump(), planned);
        page.undoStack()->undo();
        QCOMPARE(editor.barsOf(1), 2);
        page.undoStack()->redo();

        // A voice to sound like by an artist's name: refused until the Library has a dataset that
        // knows the artist.
        page.findChild<PathField*>("styleOf")->setPath("Ana");
        page.generateAction()->trigger();
        QVERIFY(!page.isGenerating());
        QVERIFY2(page.errorText().contains("open it in the Library"), qPrintable(page.errorText()));
        const std::filesystem::path dataset = shown.models.folder / "data.json";
        std::ofstream(artistEmbeddingsOf(dataset)) << nlohmann::json{{"Ana", std::vector<float>(kVoiceEmbeddingSize, 0.05f)}}.dump();
        page.setDataset(QString::fromStdString(dataset.string()));

        // A take.
        page.findChild<QSpinBox*>("steps")->setValue(2);  // untrained models: two steps show the same as fifty
        page.findChild<QDoubleSpinBox*>("beatGuidance")->setValue(9);
        page.generateAction()->trigger();
        QVERIFY(page.isGenerating());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isGenerating(), 240000);
        QVERIFY2(page.errorText().isEmpty(), qPrintable(page.errorText()));
        QCOMPARE(page.takes().size(), 1);
        const QString take = page.takes().front();
        QVERIFY(take.endsWith("takes/take-001"));
        QCOMPARE(descriptionOf(take)["plan"].dump(), planned);
        QCOMPARE(descriptionOf(take)["parameters"]["seed"].get<int>(), 11);
        QCOMPARE(descriptionOf(take)["parameters"]["beat_guidance"].get<double>(), 9.0);
        QCOMPARE(descriptionOf(take)["parameters"]["style_of"]["source"].get<std::string>(), std::string("artist Ana"));
        QCOMPARE(page.selectedTake(), take);

        // Its second section made anew: a second take, the first section's samples kept.
        timeline->setSelected(1);
        page.findChild<QCheckBox*>("lockSeed")->setChecked(false);
        page.findChild<QAction*>("regenerateSection")->trigger();
        QVERIFY(page.isGenerating());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isGenerating(), 240000);
        QVERIFY2(page.errorText().isEmpty(), qPrintable(page.errorText()));
        QCOMPARE(page.takes().size(), 2);
        const QString remade = page.takes().back();
        QCOMPARE(descriptionOf(remade)["parameters"]["section_seeds"].size(), std::size_t(1));
        const AudioBuffer before = decodeAudioFile((take + "/take.wav").toStdString(), {}).audio;
        const AudioBuffer after = decodeAudioFile((remade + "/take.wav").toStdString(), {}).audio;
        const auto kept = static_cast<std::ptrdiff_t>((editor.plan().sections[1].start - 0.05) * 32000);
        QVERIFY(std::equal(before.samples.begin(), before.samples.begin() + kept, after.samples.begin()));
        QVERIFY(before.samples != after.samples);

        // The first take's plan back in the editor, as an edit that undoes.
        editor.resizeSection(2, 1);
        page.takesPanel()->selectTake(take);
        page.findChild<QAction*>("editTakePlan")->trigger();
        QCOMPARE(toJson(editor.plan()).dump(), planned);
        page.undoStack()->undo();
        QCOMPARE(editor.barsOf(2), 1);
    }

    // Griffin-Lim chosen over a trained vocoder: the take says so, and one of its sections made anew
    // is made as the take was, whatever is chosen now; the vocoder chosen again makes the next take.
    void griffinLimCanBeChosenAndATakeIsRemadeAsItWasMade()
    {
        ComposeOnModels shown("compose_page_decoder");
        ComposePage& page = shown.page;
        test::saveRandomVocoder(shown.models.folder / "vocoder/checkpoints/best.safetensors");
        page.setModelFolder(QString::fromStdString(shown.models.folder.string()));
        page.findChild<QSpinBox*>("steps")->setValue(2);
        auto* decoder = page.findChild<QComboBox*>("decoder");
        QCOMPARE(decoder->currentData().toString(), QStringLiteral("vocoder"));
        decoder->setCurrentIndex(decoder->findData(QStringLiteral("griffin-lim")));
        generateAndWait(page, page.generateAction());
        const QString take = page.takes().front();
        QCOMPARE(descriptionOf(take)["decoder"].get<std::string>(), std::string("griffin-lim"));
        QCOMPARE(descriptionOf(take)["models"]["vocoder"].get<std::string>(), std::string("griffin-lim"));

        decoder->setCurrentIndex(decoder->findData(QStringLiteral("vocoder")));
        page.findChild<SectionTimeline*>("sectionTimeline")->setSelected(1);
        generateAndWait(page, page.findChild<QAction*>("regenerateSection"));
        const QString remade = page.takes().back();
        QCOMPARE(descriptionOf(remade)["decoder"].get<std::string>(), std::string("griffin-lim"));
        const AudioBuffer before = audioOf(take + "/take.wav");
        const AudioBuffer after = audioOf(remade + "/take.wav");
        const auto kept = static_cast<std::ptrdiff_t>((page.editor()->plan().sections[1].start - 0.05) * 32000);
        QVERIFY(std::equal(before.samples.begin(), before.samples.begin() + kept, after.samples.begin()));

        generateAndWait(page, page.generateAction());
        QCOMPARE(page.takes().size(), 3);
        QCOMPARE(descriptionOf(page.takes().back())["decoder"].get<std::string>(), std::string("vocoder"));
        QVERIFY(descriptionOf(page.takes().back())["models"]["vocoder"].is_object());

        // The vocoder trained again: a section of the vocoded take cannot be made anew, as its
        // neighbours, rendered again for the joins, would change.
        test::saveRandomVocoder(shown.models.folder / "vocoder/checkpoints/best.safetensors", 6);
        page.findChild<QAction*>("regenerateSection")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isGenerating(), 240000);
        QVERIFY2(page.errorText().contains("other models"), qPrintable(page.errorText()));
        QCOMPARE(page.takes().size(), 3);
    }

    // A model folder with nothing trained in it yet: the demo model is chosen, said to be one, and
    // its takes are kept with the user's data (the demo model's folder is read-only once installed).
    void theDemoModelComposesUntilOneIsTrained()
    {
        QStandardPaths::setTestModeEnabled(true);
        const test::RandomModels demo = test::saveRandomModels("compose_page_demo");
        std::ofstream(demo.folder / "manifest.json") << R"({"songs": 7, "parts": {"vae": {"training_seconds": 1500}, "ldm": {"training_seconds": 1210}}})";
        qputenv("MUZE_DEMO_MODEL", demo.folder.string().c_str());
        PlaybackController playback;
        ComposePage page(playback);
        page.show();
        page.setModelFolder(QString::fromStdString(test::scratchFolder("compose_page_untrained").string()));
        QCOMPARE(page.findChild<PathField*>("composeModels")->path(), QString::fromStdString(demo.folder.string()));
        QVERIFY(page.findChild<QLabel*>("demoModelNote")->isVisible());
        QVERIFY2(page.errorText().contains("This is the demo model") && page.errorText().contains("train on it in Train"), qPrintable(page.errorText()));
        QVERIFY2(page.errorText().contains("about 45 minutes on 7 General MIDI songs"), qPrintable(page.errorText()));  // its manifest's

        const QString takes = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/demo-model-takes";
        QDir(takes).removeRecursively();
        page.findChild<QSpinBox*>("steps")->setValue(2);
        generateAndWait(page, page.generateAction());
        QCOMPARE(page.takes().size(), 1);
        QCOMPARE(page.takes().front(), takes + "/take-001");
        QVERIFY(!std::filesystem::exists(demo.folder / "takes"));

        // A folder with a trained model is taken as it is.
        const test::RandomModels trained = test::saveRandomModels("compose_page_trained");
        page.setModelFolder(QString::fromStdString(trained.folder.string()));
        QCOMPARE(page.findChild<PathField*>("composeModels")->path(), QString::fromStdString(trained.folder.string()));
        QVERIFY(!page.findChild<QLabel*>("demoModelNote")->isVisible());
        QVERIFY(page.takes().isEmpty());
        qunsetenv("MUZE_DEMO_MODEL");
    }

    // In a window 1440 px wide (90% of a 1600 px screen), beside the navigation and the first-run
    // guide, the page is about 880 px wide: the plan's side fits it without scrolling sideways.
    void thePlanFitsBesideTheGuideWithoutScrollingSideways()
    {
        PlaybackController playback;
        ComposePage page(playback);
        page.resize(880, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* planSide = page.findChild<QScrollArea*>("planSide");
        QVERIFY2(!planSide->horizontalScrollBar()->isVisible(), qPrintable(QStringLiteral("the plan's side needs %1 px and has %2")
                                                                          .arg(planSide->widget()->minimumSizeHint().width())
                                                                          .arg(planSide->viewport()->width())));
    }

    // With a planner in the model folder, its proposal is the first choice of form, and Lay Out asks
    // it on a worker: an untrained planner proposes a plan of the asked length, or says it has none.
    void aTrainedPlannerProposesTheSections()
    {
        ComposeOnModels shown("compose_page_planner");
        ComposePage& page = shown.page;
        auto* form = page.findChild<QComboBox*>("template");
        QVERIFY(form->findData("planner") < 0);
        test::saveRandomPlanner(shown.models.folder / "planner/checkpoints/best.safetensors");
        page.setModelFolder(QString::fromStdString(shown.models.folder.string()));
        QCOMPARE(form->currentData().toString(), QStringLiteral("planner"));
        const int edits = page.undoStack()->count();
        page.findChild<QPushButton*>("layOut")->click();
        QTRY_VERIFY_WITH_TIMEOUT(page.undoStack()->count() > edits || !page.errorText().isEmpty(), 60000);
        if (page.undoStack()->count() > edits)
            QCOMPARE(page.editor()->plan().duration(), 30.0);
        else
            QVERIFY2(page.errorText().contains("proposed no sections"), qPrintable(page.errorText()));
    }

    void aTakeIsSungComparedAndExported()
    {
        ComposeOnModels shown("compose_page_sung_models");
        ComposePage& page = shown.page;
        const std::filesystem::path& folder = shown.models.folder;
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        PlanEditor& editor = *page.editor();
        page.findChild<QSpinBox*>("steps")->setValue(2);
        auto* vocals = page.findChild<VocalSettings*>("vocals");
        vocals->setChecked(true);

        // Nothing to sing yet: refused before any work.
        for (std::size_t i = 0; i < editor.plan().sections.size(); ++i) {
            PlanSection silent = editor.plan().sections[i];
            silent.lyrics.clear();
            QVERIFY(!editor.editSection(static_cast<int>(i), silent));
        }
        page.generateAction()->trigger();
        QVERIFY(!page.isGenerating());
        QVERIFY2(page.errorText().contains("no words to sing"), qPrintable(page.errorText()));

        // A voice to clone needs the consent, which is remembered.
        auto* backend = page.findChild<QComboBox*>("singingBackend");
        backend->setCurrentIndex(1);
        page.findChild<PathField*>("voiceReference")->setPath(QString::fromStdString(test::fixture("tone_1000_48000_1ch.wav").string()));
        PlanSection sung = editor.plan().sections[1];
        sung.hasVocals = true;
        sung.lyrics = "we walk along the river\nthe lights come on";
        QVERIFY(!editor.editSection(1, sung));
        page.generateAction()->trigger();
        QVERIFY(!page.isGenerating());
        QVERIFY2(page.errorText().contains("your own voice"), qPrintable(page.errorText()));
        auto* consent = page.findChild<QCheckBox*>("voiceConsent");
        consent->setChecked(true);
        QVERIFY(AppSettings().voiceCloningConsent());
        consent->setChecked(false);
        QVERIFY(!AppSettings().voiceCloningConsent());

        // ElevenLabs sings in its own voices, named by ID, with a key from Preferences or the environment.
        qunsetenv("ELEVENLABS_API_KEY");
        backend->setCurrentIndex(backend->findText(QStringLiteral("ElevenLabs")));
        auto* voiceId = page.findChild<QLineEdit*>("elevenLabsVoice");
        QVERIFY(voiceId->isVisible() && !page.findChild<PathField*>("voiceReference")->isEnabled());
        page.generateAction()->trigger();
        QVERIFY(!page.isGenerating());
        QVERIFY2(page.errorText().contains("ELEVENLABS_API_KEY"), qPrintable(page.errorText()));
        QCOMPARE(AppSettings().singingBackend(), QStringLiteral("elevenlabs"));
        backend->setCurrentIndex(0);  // the built-in singer takes no recording
        QVERIFY(!voiceId->isVisible());
        QCOMPARE(AppSettings().singingBackend(), QStringLiteral("builtin"));

        // A sung take that sounds like a recording's voice: the mix, and beside it the vocals, the
        // instrumental, the models' own instrumental and the lyrics' times.
        const std::string voice = test::fixture("tone_1000_48000_1ch_3s.wav").string();
        page.findChild<PathField*>("styleOf")->setPath(QString::fromStdString(voice));
        generateAndWait(page, page.generateAction());
        const QString take = page.takes().front();
        for (const char* file : {"/take.wav", "/take_vocals.wav", "/take_instrumental.wav", "/take_models.wav", "/take.lrc"})
            QVERIFY2(exists(take + file), file);
        QCOMPARE(descriptionOf(take)["vocals"]["backend"].get<std::string>(), std::string("builtin"));
        QCOMPARE(descriptionOf(take)["parameters"]["style_of"]["source"].get<std::string>(), voice);
        const std::vector<TimedLine> lyrics = linesOfLrc(readText((take + "/take.lrc").toStdString()));
        QCOMPARE(lyrics.size(), std::size_t(2));
        QVERIFY(lyrics[0].start >= editor.plan().sections[1].start);

        // The lyrics in time: the line sung at the playhead.
        TakesPanel& takes = *page.takesPanel();
        QTRY_COMPARE(takes.heardTake(), take);
        page.player()->seekTo(lyrics[0].start + 0.05);
        QCOMPARE(takes.lyricLine(), QStringLiteral("we walk along the river"));
        page.player()->seekTo(lyrics[1].start + 0.05);
        QCOMPARE(takes.lyricLine(), QStringLiteral("the lights come on"));
        page.player()->seekTo(0.0);
        QCOMPARE(takes.lyricLine(), QString());

        // Its last section made anew as the editor has it now (quieter); the models' instrumental
        // keeps every sample before it.
        const int last = static_cast<int>(editor.plan().sections.size()) - 1;
        PlanSection quieter = editor.plan().sections[static_cast<std::size_t>(last)];
        quieter.energy = 0.15;
        QVERIFY(!editor.editSection(last, quieter));
        page.findChild<SectionTimeline*>("sectionTimeline")->setSelected(last);
        generateAndWait(page, page.findChild<QAction*>("regenerateSection"));
        const QString remade = page.takes().back();
        QCOMPARE(descriptionOf(remade)["plan"]["sections"][static_cast<std::size_t>(last)]["energy"].get<double>(), 0.15);
        QCOMPARE(descriptionOf(remade)["plan"]["sections"][0].dump(), descriptionOf(take)["plan"]["sections"][0].dump());
        QVERIFY(exists(remade + "/take.lrc"));
        const AudioBuffer before = audioOf(take + "/take_models.wav");
        const AudioBuffer after = audioOf(remade + "/take_models.wav");
        const auto kept = static_cast<std::ptrdiff_t>(std::lround(quieter.start * 32000));
        QVERIFY(std::equal(before.samples.begin(), before.samples.begin() + kept, after.samples.begin()));
        QVERIFY(before.samples != after.samples);

        // A/B: the first take marked, the second selected; B switches at the same moment.
        takes.selectTake(take);
        QTRY_COMPARE(takes.heardTake(), take);
        takes.markForComparison();
        QCOMPARE(takes.comparedTake(), take);
        takes.selectTake(remade);
        QTRY_COMPARE(takes.heardTake(), remade);
        page.player()->seekTo(3.0);
        QTest::keyClick(&page, Qt::Key_B);
        QCOMPARE(takes.heardTake(), take);
        QTRY_VERIFY(!shown.playback.hasPendingCommands());
        QVERIFY2(std::abs(shown.playback.positionSeconds() - 3.0) < 0.01, qPrintable(QString::number(shown.playback.positionSeconds())));
        QTest::keyClick(&page, Qt::Key_B);
        QCOMPARE(takes.heardTake(), remade);

        // Export: FLAC at 44.1 kHz stereo, with the stems, the lyrics and the description.
        const QString target = QString::fromStdString((folder / "export" / "song.flac").string());
        std::filesystem::create_directories(folder / "export");
        QSignalSpy exported(&takes, &TakesPanel::statusMessage);
        takes.exportTake(target);
        QVERIFY(exported.wait(60000));
        const QString stem = QString::fromStdString((folder / "export" / "song").string());
        for (const QString& file : {stem + ".flac", stem + "_vocals.flac", stem + "_instrumental.flac", stem + ".lrc", stem + ".json"})
            QVERIFY2(exists(file), qPrintable(file));
        const AudioBuffer flac = audioOf(stem + ".flac");
        QCOMPARE(flac.sampleRate, 44100);
        QCOMPARE(flac.channels, 2);
        QVERIFY(std::abs(flac.durationSeconds() - audioOf(remade + "/take.wav").durationSeconds()) < 0.01);
        QCOMPARE(readText((stem + ".lrc").toStdString()), readText((remade + "/take.lrc").toStdString()));
        QCOMPARE(nlohmann::json::parse(readText((stem + ".json").toStdString()))["audio"].get<std::string>(), std::string("song.flac"));
    }
};

QTEST_MAIN(ComposePageTest)
#include "test_compose_page.moc"
