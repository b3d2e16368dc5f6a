// The section timeline on its own: selecting, resizing by whole bars and moving blocks by dragging,
// each told to its owner as a request; the blocks stay as given until the owner gives new ones.

#include "widgets/SectionTimeline.h"

#include <QSignalSpy>
#include <QtTest>

using namespace muze;

namespace {

// 40 s of sections at 2 s a bar on 400 pixels: 10 pixels a second, the first block from x = 8.
constexpr int kLeft = 8;
constexpr int kPixelsPerSecond = 10;

int xAt(double seconds)
{
    return kLeft + static_cast<int>(seconds * kPixelsPerSecond);
}

}  // namespace

class SectionTimelineTest : public QObject {
    Q_OBJECT

private:
    static void layOut(SectionTimeline& timeline)
    {
        timeline.setBlocks({{"intro", "120 BPM", 4, 2.0, Qt::darkBlue}, {"verse", "120 BPM", 8, 2.0, Qt::darkGreen}, {"chorus", "120 BPM", 8, 2.0, {}}});
        timeline.resize(400 + 2 * kLeft, 110);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    }

    static void drag(SectionTimeline& timeline, int fromX, int toX)
    {
        const int y = 70;
        QTest::mousePress(&timeline, Qt::LeftButton, Qt::NoModifier, QPoint(fromX, y));
        for (int step = 1; step <= 4; ++step)
            QTest::mouseMove(&timeline, QPoint(fromX + (toX - fromX) * step / 4, y));
        QTest::mouseRelease(&timeline, Qt::LeftButton, Qt::NoModifier, QPoint(toX, y));
    }

private slots:
    void blocksAreLaidOutBackToBack()
    {
        SectionTimeline timeline;
        layOut(timeline);
        QCOMPARE(timeline.blockRect(0).left(), xAt(0));
        QCOMPARE(timeline.blockRect(1).left(), xAt(8));
        QCOMPARE(timeline.blockRect(2).right() + 1, xAt(40));
    }

    void aClickSelectsAndTheArrowsMove()
    {
        SectionTimeline timeline;
        layOut(timeline);
        QSignalSpy selected(&timeline, &SectionTimeline::selectionChanged);
        QTest::mouseClick(&timeline, Qt::LeftButton, Qt::NoModifier, QPoint(xAt(15), 70));
        QCOMPARE(timeline.selected(), 1);
        QCOMPARE(selected.takeLast().at(0).toInt(), 1);
        QTest::keyClick(&timeline, Qt::Key_Right);
        QCOMPARE(timeline.selected(), 2);
        QTest::keyClick(&timeline, Qt::Key_Right);
        QCOMPARE(timeline.selected(), 2);
    }

    void draggingAnEdgeAsksForWholeBars()
    {
        SectionTimeline timeline;
        layOut(timeline);
        QSignalSpy resized(&timeline, &SectionTimeline::resizeRequested);
        drag(timeline, xAt(24), xAt(24 + 7.2));  // 3.6 bars more: 4
        QCOMPARE(resized.size(), 1);
        QCOMPARE(resized[0].at(0).toInt(), 1);
        QCOMPARE(resized[0].at(1).toInt(), 12);
        QCOMPARE(timeline.blocks()[1].bars, 8);  // the owner decides

        drag(timeline, xAt(24), xAt(24) + 4);  // less than half a bar: no change, no request
        QCOMPARE(resized.size(), 1);
        drag(timeline, xAt(24), 0);  // never shorter than a bar
        QCOMPARE(resized[1].at(1).toInt(), 1);
    }

    void draggingABlockAsksToMoveIt()
    {
        SectionTimeline timeline;
        layOut(timeline);
        QSignalSpy moved(&timeline, &SectionTimeline::moveRequested);
        drag(timeline, xAt(4), xAt(35));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved[0].at(0).toInt(), 0);
        QCOMPARE(moved[0].at(1).toInt(), 2);
        drag(timeline, xAt(12), xAt(13));  // within the drag threshold: a click
        QCOMPARE(moved.size(), 1);
        QCOMPARE(timeline.selected(), 1);
    }
};

QTEST_MAIN(SectionTimelineTest)
#include "test_section_timeline.moc"
