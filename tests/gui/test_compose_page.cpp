// The Compose page with untrained tiny models: a plan edited on the timeline and in the section's
// form (and undone), a take generated into the model folder with the files `muze generate` writes,
// one of its sections made anew into a second take that keeps the rest, and the take's plan loaded
// back into the editor.

#include "tests/support/RandomModels.h"

#include "core/audio/AudioDecoder.h"
#include "core/generation/SongPlan.h"
#include "tests/support/TestSupport.h"
#include "ui/ComposePage.h"
#include "ui/Language.h"
#include "ui/PlanEditor.h"
#include "widgets/SectionTimeline.h"
#include "workers/PlaybackController.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUndoStack>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

using namespace muze;

namespace {

nlohmann::ordered_json descriptionOf(const QString& take)
{
    return nlohmann::ordered_json::parse(std::ifstream(take.toStdString() + "/take.json"));
}

}  // namespace

class ComposePageTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { installTranslations(*QCoreApplication::instance(), QStringLiteral("en")); }

    void aPlanIsEditedGeneratedAndASectionMadeAnew()
    {
        const test::RandomModels models = test::saveRandomModels("compose_page_models");
        PlaybackController playback;
        ComposePage page(playback);
        page.resize(1400, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setModelFolder(QString::fromStdString(models.folder.string()));
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

        // A take.
        page.findChild<QSpinBox*>("steps")->setValue(2);  // untrained models: two steps show the same as fifty
        page.generateAction()->trigger();
        QVERIFY(page.isGenerating());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isGenerating(), 240000);
        QVERIFY2(page.errorText().isEmpty(), qPrintable(page.errorText()));
        QCOMPARE(page.takes().size(), 1);
        const QString take = page.takes().front();
        QVERIFY(take.endsWith("takes/take-001"));
        QCOMPARE(descriptionOf(take)["plan"].dump(), planned);
        QCOMPARE(descriptionOf(take)["parameters"]["seed"].get<int>(), 11);
        QCOMPARE(page.selectedTake(), take);

        // Its second section made anew: a second take, the first section's samples kept.
        timeline->setSelected(1);
        page.findChild<QCheckBox*>("lockSeed")->setChecked(false);
        page.findChild<QPushButton*>("regenerateSection")->click();
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
        page.selectTake(take);
        page.findChild<QPushButton*>("editTakePlan")->click();
        QCOMPARE(toJson(editor.plan()).dump(), planned);
        page.undoStack()->undo();
        QCOMPARE(editor.barsOf(2), 1);
    }
};

QTEST_MAIN(ComposePageTest)
#include "test_compose_page.moc"
