// The loss plot on its own: smoothing as TensorBoard's (debiased), curves shown and hidden, the log
// scale leaving out values it cannot draw, and time against the first point.

#include "widgets/LossPlot.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>
#include <limits>

using namespace muze;

class LossPlotTest : public QObject {
    Q_OBJECT

private slots:
    void smoothingIsADebiasedMovingAverage()
    {
        LossPlot plot;
        plot.setShownCurves({"loss"});
        plot.setSmoothing(0.5);
        plot.appendPoints("loss", {10, 20}, {1.0, 2.0}, {4.0, 2.0});
        plot.appendPoints("loss", {30}, {3.0}, {1.0});  // appended later, the average carries on
        // 0.5·0 + 0.5·4 = 2, debiased by 1 - 0.5 → 4; then 0.5·2 + 0.5·2 = 2 → 2 / 0.75; then 1.5 → 1.5 / 0.875.
        const QVector<double> drawn = plot.drawnValues("loss");
        QCOMPARE(drawn.size(), 3);
        QCOMPARE(drawn[0], 4.0);
        QVERIFY(std::abs(drawn[1] - 2.0 / 0.75) < 1e-12);
        QVERIFY(std::abs(drawn[2] - 1.5 / 0.875) < 1e-12);
        plot.setSmoothing(0.0);
        QCOMPARE(plot.drawnValues("loss"), (QVector<double>{4.0, 2.0, 1.0}));

        plot.setSmoothing(0.5);
        plot.describeCurve("loss", "training loss", false);  // a sparse curve is drawn as measured
        QCOMPARE(plot.drawnValues("loss"), (QVector<double>{4.0, 2.0, 1.0}));
    }

    void onlyTheChosenCurvesAreDrawn()
    {
        LossPlot plot;
        plot.setShownCurves({"loss"});
        plot.appendPoints("loss", {1}, {0.0}, {1.0});
        plot.appendPoints("lr", {1}, {0.0}, {0.001});
        QCOMPARE(plot.curves(), QStringList({"loss", "lr"}));
        const auto legendNames = [&plot] {
            QStringList names;
            for (int i = 0; i < plot.plot()->legend->itemCount(); ++i)
                names << static_cast<QCPPlottableLegendItem*>(plot.plot()->legend->item(i))->plottable()->name();
            return names;
        };
        QCOMPARE(legendNames(), QStringList({"loss"}));
        plot.describeCurve("lr", "learning rate");
        plot.setShownCurves({"lr"});
        QCOMPARE(legendNames(), QStringList({"learning rate"}));
        plot.setShownCurves({});
        QVERIFY(!plot.plot()->legend->visible());
    }

    void theLogScaleLeavesOutWhatItCannotDraw()
    {
        LossPlot plot;
        plot.setShownCurves({"lr"});
        plot.setSmoothing(0.0);
        plot.appendPoints("lr", {0, 1, 2}, {0, 0, 0}, {0.0, 1e-4, 1e-3});
        plot.setLogScale(true);
        QCOMPARE(plot.drawnValues("lr"), (QVector<double>{1e-4, 1e-3}));
        plot.setLogScale(false);
        QCOMPARE(plot.drawnValues("lr").size(), 3);
    }

    void timeCountsFromTheFirstPoint()
    {
        LossPlot plot;
        plot.setShownCurves({"loss"});
        plot.setSmoothing(0.0);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        plot.appendPoints("loss", {10, 20, 30}, {nan, 1000.0, 1060.0}, {3.0, 2.0, 1.0});
        plot.setAxis(LossPlot::Axis::Time);
        QCOMPARE(plot.drawnValues("loss"), (QVector<double>{2.0, 1.0}));  // a line without a time is left out
        QCPGraph* graph = plot.plot()->graph(1);
        QCOMPARE(graph->data()->at(0)->key, 0.0);
        QCOMPARE(graph->data()->at(1)->key, 60.0);
        plot.setAxis(LossPlot::Axis::Step);
        QCOMPARE(graph->data()->size(), 3);
        QCOMPARE(graph->data()->at(0)->key, 10.0);
    }
};

QTEST_MAIN(LossPlotTest)
#include "test_loss_plot.moc"
