// What muze-studio's command line asks for is what the window opens.

#include "core/generation/DemoModel.h"
#include "tests/support/TestSupport.h"
#include "ui/AppSettings.h"
#include "ui/ComposePage.h"
#include "ui/FirstRunGuide.h"
#include "ui/Language.h"
#include "ui/LibraryPage.h"
#include "ui/ListenPage.h"
#include "ui/MainWindow.h"
#include "ui/StudioCommandLine.h"
#include "ui/TrackDetailPanel.h"
#include "ui/TrainPage.h"
#include "ui/TrainSetup.h"
#include "widgets/PathField.h"
#include "widgets/WaveformView.h"

#include <QtTest>

using namespace muze;
namespace fs = std::filesystem;

namespace {

QString pathText(const fs::path& path)
{
    return QString::fromStdString(path.string());
}

bool parse(StudioCommandLine& commandLine, QStringList arguments)
{
    arguments.prepend(QStringLiteral("muze-studio"));
    return commandLine.parser().parse(arguments);
}

}  // namespace

class StudioCommandLineTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QSettings().clear(); }

    void theWindowOpensWhatItIsAsked()
    {
        const QString dataset = pathText(test::buildLibraryDataset("studio_command_line"));
        const fs::path models = test::scratchFolder("studio_command_line_models") / "mine";
        QVERIFY2(!demoModelFolder().empty(), "a model folder the Compose page takes is copied from the demo model");
        fs::copy(demoModelFolder(), models, fs::copy_options::recursive);
        const QString songs = pathText(test::scratchFolder("studio_command_line_songs"));
        const QString song = pathText(test::fixture("tone_440_660_44100_2ch.flac"));
        StudioCommandLine commandLine;
        QVERIFY(parse(commandLine, {"--dataset", dataset, "--model-folder", pathText(models), "--first-model", songs, "--page", "train", song}));
        QCOMPARE(commandLine.problem(), QString());

        AppSettings settings;
        MainWindow window(settings);
        window.show();
        commandLine.applyTo(window);
        QCOMPARE(window.currentPage(), static_cast<QWidget*>(window.trainPage()));  // the file opened, and the page asked for stays
        QCOMPARE(window.trainPage()->setup()->modelFolder(), pathText(models));
        QCOMPARE(window.composePage()->findChild<PathField*>(QStringLiteral("composeModels"))->path(), pathText(models));
        QVERIFY(!window.composePage()->usesDemoModel());
        QCOMPARE(window.firstRunGuide()->songsFolder(), songs);
        QVERIFY(window.firstRunGuide()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(window.libraryPage()->datasetPath(), dataset, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(window.listenPage()->currentFile(), song, 20000);
    }

    void playStartsTheFileAndTheLibraryDoesNotStopIt()
    {
        const QString dataset = pathText(test::buildLibraryDataset("studio_command_line_play"));
        const QString song = pathText(test::fixture("long_500.mp3"));
        StudioCommandLine commandLine;
        QVERIFY(parse(commandLine, {"--dataset", dataset, "--play", song}));
        AppSettings settings;
        MainWindow window(settings);
        window.show();
        commandLine.applyTo(window);
        auto* waveform = window.listenPage()->findChild<WaveformView*>();
        QTRY_VERIFY_WITH_TIMEOUT(waveform->playhead() > 0.2, 20000);
        // The dataset opens meanwhile and the Library shows its first song.
        QTRY_VERIFY_WITH_TIMEOUT(window.libraryPage()->detail()->findChild<WaveformView*>()->duration() > 0, 30000);
        const double before = waveform->playhead();
        QTest::qWait(1000);
        QVERIFY2(waveform->playhead() > before + 0.5, qPrintable(QString("%1 then %2").arg(before).arg(waveform->playhead())));
    }

    void refusesWhatItCannotOpen()
    {
        StudioCommandLine page;
        QVERIFY(parse(page, {"--page", "mixer"}));
        QCOMPARE(page.problem(), QStringLiteral("--page is one of library, listen, train, compose; mixer is none of them."));
        StudioCommandLine firstModel;
        QVERIFY(parse(firstModel, {"--first-model", "/no/such/folder"}));
        QCOMPARE(firstModel.problem(), QStringLiteral("--first-model needs a folder of songs; /no/such/folder is not one."));
    }

    void aLanguageAskedForOverridesTheSavedOne()
    {
        const QStringList asked = {"muze-studio", "--language", "pl", "--no-such-option"};
        QCOMPARE(StudioCommandLine::languageIn(asked, QStringLiteral("en")), QStringLiteral("pl"));
        QCOMPARE(StudioCommandLine::languageIn({"muze-studio"}, QStringLiteral("en")), QStringLiteral("en"));
    }

    // Last: it installs the Polish translation for the rest of the process.
    void itsHelpAndRefusalsSpeakTheLanguageInstalled()
    {
        QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("pl")), QStringLiteral("pl"));
        StudioCommandLine commandLine;
        QVERIFY2(commandLine.parser().helpText().contains(QStringLiteral("Zacznij odtwarzać plik")), qPrintable(commandLine.parser().helpText()));
        QVERIFY(parse(commandLine, {"--page", "mixer"}));
        QVERIFY2(commandLine.problem().startsWith(QStringLiteral("--page to jedna z: library, listen, train, compose")), qPrintable(commandLine.problem()));
    }
};

QTEST_MAIN(StudioCommandLineTest)
#include "test_studio_command_line.moc"
