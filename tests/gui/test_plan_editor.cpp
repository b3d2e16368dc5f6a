// Editing a plan: every edit undoes and redoes exactly, sections stay back to back on bar lines,
// an edit that would make the plan invalid is refused with its reason, and plans save and load.

#include "core/common/Error.h"
#include "core/generation/StructureTemplates.h"
#include "tests/support/TestSupport.h"
#include "ui/PlanEditor.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <cmath>
#include <fstream>

using namespace muze;

namespace {

SongPlan verseChorus()
{
    TemplateRequest request;
    request.prompt = "bright pop";
    request.duration = 32.0;  // 16 bars of 4/4 at 120 BPM
    return planFromTemplate("verse_chorus", request);
}

std::string jsonOf(const SongPlan& plan)
{
    return toJson(plan).dump();
}

void checkBackToBackOnBars(const SongPlan& plan)
{
    double start = 0.0;
    for (const PlanSection& section : plan.sections) {
        QCOMPARE(section.start, start);
        const double bars = section.duration / section.barSeconds();
        QVERIFY2(std::abs(bars - std::round(bars)) < 1e-9, "a section lasts whole bars");
        start = section.end();
    }
}

}  // namespace

class PlanEditorTest : public QObject {
    Q_OBJECT

private slots:
    void everyEditUndoesAndRedoesExactly()
    {
        PlanEditor editor;
        editor.setPlan(verseChorus());
        const std::string original = jsonOf(editor.plan());
        const std::size_t sections = editor.plan().sections.size();
        QSignalSpy changed(&editor, &PlanEditor::changed);

        QVERIFY(!editor.resizeSection(1, editor.barsOf(1) + 4));
        QVERIFY(!editor.addSection(0));
        QVERIFY(!editor.duplicateSection(2));
        QVERIFY(!editor.moveSection(0, 3));
        QVERIFY(!editor.removeSection(1));
        editor.setPrompt("dark pop");
        QCOMPARE(editor.undoStack()->count(), 6);
        QCOMPARE(editor.plan().sections.size(), sections + 1);
        QCOMPARE(editor.plan().prompt, std::string("dark pop"));
        checkBackToBackOnBars(editor.plan());
        const std::string edited = jsonOf(editor.plan());

        while (editor.undoStack()->canUndo())
            editor.undoStack()->undo();
        QCOMPARE(jsonOf(editor.plan()), original);
        while (editor.undoStack()->canRedo())
            editor.undoStack()->redo();
        QCOMPARE(jsonOf(editor.plan()), edited);
        QCOMPARE(changed.size(), 18);  // each edit, undo and redo
    }

    void resizingAndRetimingKeepWholeBars()
    {
        PlanEditor editor;
        editor.setPlan(verseChorus());
        const double before = editor.plan().sections[0].duration;
        const int bars = editor.barsOf(0);
        QVERIFY(!editor.resizeSection(0, bars + 2));
        QCOMPARE(editor.plan().sections[0].duration, before + 2 * 2.0);
        QCOMPARE(editor.plan().sections[1].start, editor.plan().sections[0].end());

        PlanSection faster = editor.plan().sections[0];
        faster.tempo = 150.0;
        faster.timeSignature = "3/4";
        QVERIFY(!editor.editSection(0, faster));
        QCOMPARE(editor.barsOf(0), bars + 2);
        QCOMPARE(editor.plan().sections[0].duration, (bars + 2) * 3 * 60.0 / 150.0);
        checkBackToBackOnBars(editor.plan());
    }

    void invalidEditsAreRefusedWithTheirReason()
    {
        PlanEditor editor;
        editor.setPlan(verseChorus());
        const std::string original = jsonOf(editor.plan());
        PlanSection section = editor.plan().sections[1];
        section.chords = {"C", "H7"};
        const std::optional<QString> chord = editor.editSection(1, section);
        QVERIFY(chord && chord->contains("H7"));
        section = editor.plan().sections[1];
        section.tempo = 500;
        QVERIFY(editor.editSection(1, section).has_value());
        section.tempo = 120;
        section.timeSignature = "7/9";
        QVERIFY(editor.editSection(1, section).has_value());
        QVERIFY(editor.resizeSection(1, 0).has_value());
        while (editor.plan().sections.size() > 1)
            QVERIFY(!editor.removeSection(0));
        QVERIFY(editor.removeSection(0).has_value());  // a song keeps a section
        while (editor.undoStack()->canUndo())
            editor.undoStack()->undo();
        QCOMPARE(jsonOf(editor.plan()), original);
    }

    void plansSaveAndLoad()
    {
        const std::filesystem::path folder = test::scratchFolder("plan_editor");
        PlanEditor editor;
        editor.setPlan(verseChorus());
        QVERIFY(!editor.duplicateSection(0));
        const QString path = QString::fromStdString((folder / "plan.json").string());
        editor.save(path);
        PlanEditor other;
        other.load(path);
        QCOMPARE(jsonOf(other.plan()), jsonOf(editor.plan()));
        QCOMPARE(other.undoStack()->count(), 0);

        std::ofstream(folder / "broken.json") << R"({"sections": [{"type": "verse", "start": 0, "duration": -3}]})";
        QVERIFY_THROWS_EXCEPTION(Error, other.load(QString::fromStdString((folder / "broken.json").string())));
        QCOMPARE(jsonOf(other.plan()), jsonOf(editor.plan()));  // the plan being edited stays
    }
};

QTEST_MAIN(PlanEditorTest)
#include "test_plan_editor.moc"
