#pragma once

#include <QColor>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <map>

class QCPGraph;
class QCustomPlot;

namespace muze {

// Training curves against step or time: each named curve drawn smoothed over its raw values (drawn
// faint), on a linear or logarithmic scale. Scroll to zoom, drag to pan, double-click to follow the
// whole run again. Points are appended as a run writes them; a curve of 100,000 points appends and
// redraws in a few milliseconds.
class LossPlot : public QWidget {
    Q_OBJECT

public:
    enum class Axis { Step, Time };

    explicit LossPlot(QWidget* parent = nullptr);

    // Adds points to a curve, made on first use, in step order. `times` are seconds since 1970 (NaN
    // where a point has none: it is left out against time).
    void appendPoints(const QString& curve, const QVector<double>& steps, const QVector<double>& times, const QVector<double>& values);
    void clear();
    // The name the legend shows for a curve (by default the curve's own), and whether the smoothing
    // applies to it (not to a sparse curve, such as one measured at each validation). Makes the curve
    // when new: curves take the palette's colours in the order they are made.
    void describeCurve(const QString& curve, const QString& label, bool smoothed = true);

    QStringList curves() const;
    // Only these curves are drawn (and in the legend); a curve made later is hidden unless named.
    void setShownCurves(const QStringList& names);
    QStringList shownCurves() const { return m_shown; }
    void setAxis(Axis axis);
    void setLogScale(bool logarithmic);
    // 0 draws the raw values; up to 0.999 an exponential moving average with that weight, debiased
    // at the start (as TensorBoard's smoothing).
    void setSmoothing(double weight);

    int pointCount(const QString& curve) const;
    QVector<double> drawnValues(const QString& curve) const;  // as smoothed, in the current axis
    QCustomPlot* plot() const { return m_plot; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Curve {
        QVector<double> steps;
        QVector<double> times;
        QVector<double> values;
        QCPGraph* raw = nullptr;
        QCPGraph* smooth = nullptr;
        double average = 0.0;  // the moving average's state after the last point drawn
        int averaged = 0;
        bool shown = false;
        bool smoothed = true;
    };

    Curve& curveNamed(const QString& name);
    void showOrHide(Curve& curve, bool shown);
    void draw(Curve& curve, int from);
    void redrawAll();
    void followWholeRun();
    void replotSoon();

    QCustomPlot* m_plot;
    std::map<QString, Curve> m_curves;
    QStringList m_shown;
    Axis m_axis = Axis::Step;
    bool m_logarithmic = false;
    double m_smoothing = 0.6;
    bool m_following = true;  // the axes fit the whole run until the user zooms or pans
    double m_firstTime = -1.0;  // seconds since 1970 of the earliest point: time 0 on the axis
};

}  // namespace muze
