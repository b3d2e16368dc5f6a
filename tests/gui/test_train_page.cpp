// The Train page drives a real tiny run: it checks what the phase needs, starts, pauses (holding at a
// step and using no CPU), stops with a checkpoint, resumes from the runs list to the end, and shows
// the run's curves, previews and statistics as its log grows.

#include "core/common/ProcessUsage.h"
#include "tests/support/TestSupport.h"
#include "core/training/RunLog.h"
#include "ui/AppSettings.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/TrainPage.h"
#include "ui/TrainSetup.h"
#include "widgets/LossPlot.h"
#include "workers/PlaybackController.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QtTest>

#include <filesystem>

using namespace muze;
namespace fs = std::filesystem;

namespace {

std::uintmax_t fileSize(const fs::path& path)
{
    std::error_code error;
    const std::uintmax_t size = fs::file_size(path, error);
    return error ? 0 : size;
}

}  // namespace

class TrainPageTest : public QObject {
    Q_OBJECT

private:
    fs::path m_dataset;

    static void choosePhase(TrainPage& page, const QString& text)
    {
        auto* phase = page.findChild<QComboBox*>("phase");
        phase->setCurrentIndex(phase->findText(text));
        QVERIFY(phase->currentText() == text);
    }

private slots:
    void initTestCase()
    {
        installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
        m_dataset = test::buildLibraryDataset("train_page_dataset");
    }

    void itSaysWhatAPhaseNeedsAndHowToGetIt()
    {
        PlaybackController playback;
        TrainPage page(playback);
        page.setModelFolder(QString::fromStdString(test::scratchFolder("train_page_needs").string()));
        page.setDataset(QString::fromStdString(m_dataset.string()));
        auto* needs = page.findChild<QLabel*>("phaseNeeds");
        QTRY_VERIFY(needs->text().startsWith("Ready: 3 songs"));
        QVERIFY(page.startAction()->isEnabled());

        choosePhase(page, "3 · Latent diffusion");
        QTRY_VERIFY(needs->text().contains("no VAE") || needs->text().contains("none at"));
        QVERIFY(!page.startAction()->isEnabled());
        auto* fix = page.findChild<QPushButton*>("fixNeeds");
        QVERIFY(fix->isVisibleTo(&page));
        fix->click();
        QCOMPARE(page.findChild<QComboBox*>("phase")->currentText(), QString("1 · VAE"));
        QTRY_VERIFY(needs->text().startsWith("Ready"));
    }

    void theKeysPhaseThreeHearsAreChosenAndShownAgain()
    {
        TrainSetup setup;
        auto* keys = setup.findChild<QComboBox*>("keys");
        auto* transpose = setup.findChild<QSpinBox*>("transpose");
        QVERIFY(!setup.options().oneKey && setup.options().transposeRange == 0);
        QVERIFY(!transpose->isEnabled());

        keys->setCurrentIndex(keys->findText("Every song moved to C"));
        QVERIFY(setup.options().oneKey && setup.options().transposeRange == 0);
        keys->setCurrentIndex(keys->findText("Each song moved around its key"));
        QVERIFY(transpose->isEnabled());
        transpose->setValue(5);
        QVERIFY(!setup.options().oneKey && setup.options().transposeRange == 5);

        // A run's options shown again, as when it is resumed.
        TrainOptions run;
        run.oneKey = true;
        setup.showOptions(run);
        QCOMPARE(keys->currentText(), QString("Every song moved to C"));
        QVERIFY(!transpose->isEnabled());
        run.oneKey = false;
        run.transposeRange = 2;
        setup.showOptions(run);
        QVERIFY(setup.options().transposeRange == 2 && transpose->isEnabled());
    }

    void aRunStartsPausesStopsAndResumesToItsEnd()
    {
        PlaybackController playback;
        TrainPage page(playback);
        page.show();  // its messages are shown, and read, only on a visible page
        const fs::path models = test::scratchFolder("train_page_run");
        page.setModelFolder(QString::fromStdString(models.string()));
        page.setDataset(QString::fromStdString(m_dataset.string()));
        choosePhase(page, "1 · VAE");
        page.findChild<QSpinBox*>("epochs")->setValue(12);
        QTRY_VERIFY(page.startAction()->isEnabled());

        page.startAction()->trigger();
        QVERIFY(page.isTraining());
        const fs::path log = models / "vae/metrics.jsonl";
        QTRY_VERIFY_WITH_TIMEOUT(fileSize(log) > 0 && page.followedRun().endsWith("vae"), 60000);

        // Pause: the run holds at a step boundary and its thread sleeps.
        page.pauseAction()->trigger();
        QVERIFY(page.isPaused());
        auto* state = page.findChild<QLabel*>("trainingState");
        QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith("Paused at step"), 60000);
        const std::uintmax_t pausedSize = fileSize(log);
        const ProcessUsage before = processUsage();
        QTest::qWait(1500);
        const double cpu = processUsage().cpuSeconds - before.cpuSeconds;
        QCOMPARE(fileSize(log), pausedSize);
        QVERIFY2(cpu < 0.5, qPrintable(QString("%1 s of CPU in 1.5 s while paused").arg(cpu)));
        QCOMPARE(page.pauseAction()->iconText(), QString("Resume"));

        // Stop while paused: a checkpoint is written and the run ends.
        page.stopAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isTraining(), 60000);
        QVERIFY2(page.errorText().isEmpty(), qPrintable(page.errorText()));
        auto* runs = page.findChild<QTreeWidget*>("runs");
        QTRY_COMPARE(runs->topLevelItemCount(), 1);
        QCOMPARE(runs->topLevelItem(0)->text(0), QString("vae"));
        QVERIFY(runs->topLevelItem(0)->text(5).toInt() >= 1);
        const int stoppedAt = runs->topLevelItem(0)->text(3).toInt();

        // Resumed from the list, it trains to the end of its 12 epochs.
        runs->setCurrentItem(runs->topLevelItem(0));
        auto* resume = page.findChild<QPushButton*>("resumeRun");
        QVERIFY(resume->isEnabled());
        resume->click();
        QVERIFY(page.isTraining());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isTraining(), 300000);
        QVERIFY2(page.errorText().isEmpty(), qPrintable(page.errorText()));
        QTRY_VERIFY(runs->topLevelItemCount() == 1 && runs->topLevelItem(0)->text(3).toInt() > stoppedAt);

        // The curves, previews and statistics of the run.
        QTRY_VERIFY(page.plot()->pointCount("loss") > 0 && page.plot()->pointCount("validation_loss") >= 3);
        QCOMPARE(page.plot()->shownCurves(), QStringList({"loss", "validation_loss"}));
        QVERIFY(page.plot()->drawnValues("validation_loss").size() == page.plot()->pointCount("validation_loss"));
        auto* previews = page.findChild<QListWidget*>("previews");
        QTRY_VERIFY(previews->count() >= 3);  // the original and one a validation
        QVERIFY(page.findChild<QLabel*>("lastCheckpoint")->text().startsWith("step-"));
        QVERIFY(page.findChild<QLabel*>("trainingSpeed")->text().contains("steps/s"));
        previews->setCurrentRow(previews->count() - 1);
        QTRY_VERIFY_WITH_TIMEOUT(page.findChild<QPushButton*>("playPreview")->isEnabled(), 20000);

        // A damaged checkpoint: the engine's error is shown on the page, which goes on working.
        const fs::path checkpoint = findRuns(models).front().checkpoints.front();
        fs::resize_file(checkpoint, fs::file_size(checkpoint) - 100);
        resume->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isTraining(), 60000);
        QVERIFY2(page.errorText().startsWith("Training stopped: ") && page.errorText().contains(QString::fromStdString(checkpoint.filename().string())),
                 qPrintable(page.errorText()));
        QVERIFY(page.startAction()->isEnabled());
    }

    void closingTheStudioDuringARunAsksAndStopsItCleanly()
    {
        AppSettings settings;
        MainWindow window(settings);
        window.show();
        TrainPage& page = *window.trainPage();
        const fs::path models = test::scratchFolder("train_page_close");
        page.setModelFolder(QString::fromStdString(models.string()));
        page.setDataset(QString::fromStdString(m_dataset.string()));
        choosePhase(page, "1 · VAE");
        page.findChild<QSpinBox*>("epochs")->setValue(1000);
        QTRY_VERIFY(page.startAction()->isEnabled());
        page.startAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(fileSize(models / "vae/metrics.jsonl") > 0, 60000);

        const auto answer = [](QMessageBox::StandardButton button) {
            QTimer::singleShot(200, [button] {
                auto* question = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                QVERIFY(question != nullptr);
                question->button(button)->click();
            });
        };
        answer(QMessageBox::Cancel);
        QVERIFY(!window.close());
        QVERIFY(page.isTraining());

        answer(QMessageBox::Yes);
        window.close();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isTraining(), 60000);
        QTRY_VERIFY(!window.isVisible());
        QVERIFY(page.errorText().isEmpty());
        QVERIFY(!findRuns(models).front().checkpoints.empty());
    }
};

QTEST_MAIN(TrainPageTest)
#include "test_train_page.moc"
