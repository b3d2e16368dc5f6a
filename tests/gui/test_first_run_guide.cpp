// The guided first run: shown at the first start and again from Help; once a folder of songs is
// chosen it measures what each step takes here, and each step is one click that does it: the
// dataset is built, the recipe's training starts (and is stopped here, being 90 minutes long), and
// a song is composed with the model folder the guide trained into.

#include "core/generation/DemoModel.h"
#include "core/training/Recipe.h"
#include "tests/support/TestSupport.h"
#include "ui/AppSettings.h"
#include "ui/BuildDatasetDialog.h"
#include "ui/ComposePage.h"
#include "ui/FirstRunGuide.h"
#include "ui/Language.h"
#include "ui/LibraryPage.h"
#include "ui/MainWindow.h"
#include "ui/TrainPage.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

using namespace muze;
namespace fs = std::filesystem;

namespace {

fs::path folderOfSongs(const std::string& name)
{
    const fs::path folder = test::scratchFolder(name);
    for (const char* song : {"Artist A/song_a.mp3", "Artist A/song_b.flac", "song_c.ogg"})
        fs::copy_file(test::fixture(std::string("library/") + song), folder / fs::path(song).filename());
    return folder;
}

QAction* helpAction(MainWindow& window, const QString& text)
{
    for (QAction* menu : window.menuBar()->actions())
        if (menu->menu() != nullptr)
            for (QAction* action : menu->menu()->actions())
                if (action->text() == text)
                    return action;
    return nullptr;
}

std::vector<nlohmann::json> lines(const fs::path& metrics)
{
    std::vector<nlohmann::json> parsed;
    std::ifstream in(metrics);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            parsed.push_back(nlohmann::json::parse(line));
    return parsed;
}

std::int64_t lastStep(const fs::path& metrics)
{
    const std::vector<nlohmann::json> all = lines(metrics);
    return all.empty() ? 0 : all.back().value("step", std::int64_t(0));
}

// Closes the build dialog the Build step opens once its build has succeeded.
void closeBuildDialogWhenDone()
{
    auto* poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, poll, [poll] {
        auto* dialog = qobject_cast<BuildDatasetDialog*>(QApplication::activeModalWidget());
        if (dialog != nullptr && dialog->succeeded()) {
            dialog->accept();
            poll->deleteLater();
        }
    });
    poll->start(200);
}

}  // namespace

class FirstRunGuideTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { installTranslations(*QCoreApplication::instance(), QStringLiteral("en")); }

    void itOpensAtTheFirstStartAndAgainFromHelp()
    {
        AppSettings settings;
        settings.setFirstRunGuideSeen(false);
        {
            MainWindow first(settings);
            first.show();
            QVERIFY(first.firstRunGuide()->isVisible());
        }
        MainWindow again(settings);
        again.show();
        QVERIFY(!again.firstRunGuide()->isVisible());
        QAction* help = helpAction(again, QStringLiteral("Your &First Model…"));
        QVERIFY(help != nullptr);
        help->trigger();
        QVERIFY(again.firstRunGuide()->isVisible());
    }

    void eachStepIsOneClickWithWhatItTakesHereMeasured()
    {
        QVERIFY2(!demoModelFolder().empty(), "the guide times a song with the demo model");
        AppSettings settings;
        settings.setLastDataset(QString());  // a first run: nothing of the last one's
        MainWindow window(settings);
        window.show();
        window.showFirstRunGuide();
        FirstRunGuide& guide = *window.firstRunGuide();
        using Step = FirstRunGuide::Step;
        QVERIFY(guide.button(Step::Songs)->isEnabled());
        QVERIFY(!guide.button(Step::Dataset)->isEnabled());

        const fs::path songs = folderOfSongs("first_run_songs");
        guide.setSongsFolder(QString::fromStdString(songs.string()));
        QVERIFY(guide.isMeasuring());
        QVERIFY(!guide.button(Step::Dataset)->isEnabled());  // the cores are measuring
        QTRY_VERIFY_WITH_TIMEOUT(!guide.isMeasuring(), 300000);
        QVERIFY(guide.estimate().has_value());
        const FirstModelEstimate& estimate = *guide.estimate();
        QCOMPARE(estimate.dataset.songs, 3);
        QVERIFY(estimate.dataset.audioSeconds > 10.0);
        QVERIFY(estimate.dataset.measuredSeconds > 0.0 && estimate.dataset.seconds > 0.0);
        QCOMPARE(estimate.trainingRunSeconds.size(), std::size_t(4));
        for (double seconds : estimate.trainingRunSeconds)
            QVERIFY(seconds > 0.0);
        QVERIFY(estimate.trainingStep.ldm > estimate.trainingStep.planner);  // the UNet against an MLP
        QVERIFY(estimate.song.has_value() && estimate.song->seconds > estimate.song->loadSeconds);
        QVERIFY2(guide.detailText(Step::Dataset).contains(QStringLiteral("About")), qPrintable(guide.detailText(Step::Dataset)));
        QVERIFY(guide.detailText(Step::Train).contains(QStringLiteral("About")));
        QVERIFY(guide.detailText(Step::Compose).contains(QStringLiteral("30 s song in about")));
        window.grab().save(QString::fromStdString((test::scratchFolder("first_run_guide_look") / "measured.png").string()));  // to look at
        QVERIFY(guide.button(Step::Dataset)->isEnabled());
        QVERIFY(!guide.button(Step::Train)->isEnabled());
        QVERIFY(!guide.button(Step::Compose)->isEnabled());

        closeBuildDialogWhenDone();
        guide.button(Step::Dataset)->click();  // returns when the dialog is closed
        QVERIFY(fs::exists(songs / "muze-dataset.json"));
        // The Library reads the new dataset on a worker, which may finish after the dialog closes.
        QTRY_COMPARE(window.libraryPage()->datasetPath(), QString::fromStdString((songs / "muze-dataset.json").string()));
        QTRY_VERIFY(guide.button(Step::Train)->isEnabled());

        TrainPage& train = *window.trainPage();
        guide.button(Step::Train)->click();
        QVERIFY(train.isTraining());
        QCOMPARE(window.findChild<QStackedWidget*>()->currentWidget(), static_cast<QWidget*>(&train));
        const fs::path model = songs / "muze-model";
        QTRY_VERIFY_WITH_TIMEOUT(lastStep(model / "vocoder" / "metrics.jsonl") > 0, 120000);  // the recipe's first part
        train.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!train.isTraining(), 120000);
        QVERIFY(!fs::exists(model / "vae"));  // stopping the recipe stops all of it
        QVERIFY(!guide.button(Step::Compose)->isEnabled());
        const std::vector<TrainOptions> recipe = recipeRuns(songs / "muze-dataset.json", model);
        QVERIFY(runProgress(recipe[0]) == RunProgress::Started);
        QVERIFY(runProgress(recipe[1]) == RunProgress::NotStarted);

        // Train again: the vocoder carries on from where it stopped.
        const std::int64_t stoppedAt = lastStep(model / "vocoder" / "metrics.jsonl");
        const std::size_t linesBefore = lines(model / "vocoder" / "metrics.jsonl").size();
        guide.button(Step::Train)->click();
        QVERIFY(train.isTraining());
        QTRY_VERIFY_WITH_TIMEOUT(lastStep(model / "vocoder" / "metrics.jsonl") > stoppedAt, 120000);
        train.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!train.isTraining(), 120000);
        const std::vector<nlohmann::json> after = lines(model / "vocoder" / "metrics.jsonl");
        for (std::size_t i = linesBefore; i < after.size(); ++i)
            QVERIFY2(after[i].value("step", std::int64_t(0)) >= stoppedAt, after[i].dump().c_str());  // not from 0 again

        // A trained model where the guide trains one: the demo model's parts stand in for the
        // 90 minutes of the recipe.
        fs::remove_all(model);
        fs::copy(demoModelFolder(), model, fs::copy_options::recursive);
        guide.updateSteps();
        QVERIFY(guide.button(Step::Compose)->isEnabled());
        ComposePage& compose = *window.composePage();
        guide.button(Step::Compose)->click();
        QVERIFY(!compose.usesDemoModel());
        QTRY_VERIFY_WITH_TIMEOUT(!compose.isGenerating(), 180000);
        QVERIFY2(compose.errorText().isEmpty(), qPrintable(compose.errorText()));
        QCOMPARE(compose.takes().size(), 1);
        QVERIFY(compose.takes().front().startsWith(QString::fromStdString((model / "takes").string())));
    }
};

QTEST_MAIN(FirstRunGuideTest)
#include "test_first_run_guide.moc"
