#include "widgets/LossPlot.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QVBoxLayout>

#include <cmath>

namespace muze {
namespace {

const QColor kPalette[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44), QColor(214, 39, 40),
                           QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(23, 190, 207)};

QColor faint(QColor colour)
{
    colour.setAlpha(60);
    return colour;
}

}  // namespace

LossPlot::LossPlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    m_plot->setObjectName(QStringLiteral("lossPlot"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setPlottingHint(QCP::phFastPolylines, true);
    m_plot->legend->setVisible(false);  // until a curve is drawn
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->xAxis->setLabel(tr("step"));
    m_plot->installEventFilter(this);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { followWholeRun(); });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

bool LossPlot::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot && (event->type() == QEvent::Wheel || event->type() == QEvent::MouseMove))
        if (event->type() == QEvent::Wheel || static_cast<QMouseEvent*>(event)->buttons() != Qt::NoButton)
            m_following = false;
    return QWidget::eventFilter(watched, event);
}

LossPlot::Curve& LossPlot::curveNamed(const QString& name)
{
    const auto found = m_curves.find(name);
    if (found != m_curves.end())
        return found->second;
    Curve& curve = m_curves[name];
    const QColor colour = kPalette[(m_curves.size() - 1) % std::size(kPalette)];
    curve.raw = m_plot->addGraph();
    curve.raw->setPen(QPen(faint(colour), 1));
    curve.raw->setAntialiased(false);
    curve.raw->removeFromLegend();
    curve.smooth = m_plot->addGraph();
    curve.smooth->setPen(QPen(colour, 2));
    curve.smooth->setName(name);
    showOrHide(curve, m_shown.contains(name));
    return curve;
}

void LossPlot::showOrHide(Curve& curve, bool shown)
{
    curve.shown = shown;
    curve.smooth->setVisible(shown);
    curve.raw->setVisible(shown && m_smoothing > 0 && curve.smoothed);
    if (shown)
        curve.smooth->addToLegend();
    else
        curve.smooth->removeFromLegend();
}

void LossPlot::appendPoints(const QString& name, const QVector<double>& steps, const QVector<double>& times, const QVector<double>& values)
{
    Curve& curve = curveNamed(name);
    const int from = static_cast<int>(curve.values.size());
    curve.steps += steps;
    curve.times += times;
    curve.values += values;
    bool earlierStart = false;  // than the points drawn against time so far
    for (double time : times) {
        if (std::isfinite(time) && (m_firstTime < 0 || time < m_firstTime)) {
            earlierStart = m_firstTime >= 0;
            m_firstTime = time;
        }
    }
    if (earlierStart && m_axis == Axis::Time)
        redrawAll();
    else
        draw(curve, from);
    replotSoon();
}

// Points [from, end) of a curve, added to its graphs in the current axis, scale and smoothing.
void LossPlot::draw(Curve& curve, int from)
{
    QVector<double> x;
    QVector<double> raw;
    QVector<double> smooth;
    const double weight = curve.smoothed ? m_smoothing : 0.0;
    for (int i = from; i < curve.values.size(); ++i) {
        const double value = curve.values[i];
        const double at = m_axis == Axis::Step ? curve.steps[i] : curve.times[i] - m_firstTime;
        if (!std::isfinite(value) || !std::isfinite(at) || (m_logarithmic && value <= 0))
            continue;
        curve.average = curve.average * weight + (1.0 - weight) * value;
        ++curve.averaged;
        x.append(at);
        raw.append(value);
        smooth.append(weight > 0 ? curve.average / (1.0 - std::pow(weight, curve.averaged)) : value);
    }
    curve.raw->addData(x, raw, true);
    curve.smooth->addData(x, smooth, true);
    if (m_following)
        followWholeRun();
}

void LossPlot::describeCurve(const QString& name, const QString& label, bool smoothed)
{
    Curve& curve = curveNamed(name);
    curve.smooth->setName(label);
    if (curve.smoothed != smoothed) {
        curve.smoothed = smoothed;
        redrawAll();
    }
    replotSoon();
}

void LossPlot::redrawAll()
{
    for (auto& [name, curve] : m_curves) {
        curve.raw->data()->clear();
        curve.smooth->data()->clear();
        curve.average = 0.0;
        curve.averaged = 0;
        showOrHide(curve, curve.shown);
        draw(curve, 0);
    }
    replotSoon();
}

void LossPlot::followWholeRun()
{
    m_following = true;
    bool any = false;
    QCPRange x;
    QCPRange y;
    for (const auto& [name, curve] : m_curves) {
        if (!curve.shown || curve.smooth->data()->isEmpty())
            continue;
        bool found = false;
        const QCPRange keys = curve.raw->getKeyRange(found);
        const QCPRange values = curve.raw->getValueRange(found, QCP::sdBoth);
        x = any ? QCPRange(std::min(x.lower, keys.lower), std::max(x.upper, keys.upper)) : keys;
        y = any ? QCPRange(std::min(y.lower, values.lower), std::max(y.upper, values.upper)) : values;
        any = true;
    }
    m_plot->legend->setVisible(any);
    if (!any) {
        replotSoon();
        return;
    }
    m_plot->xAxis->setRange(x.lower, std::max(x.upper, x.lower + 1.0));
    if (m_logarithmic)
        m_plot->yAxis->setRange(y.lower / 1.2, y.upper * 1.2);
    else
        m_plot->yAxis->setRange(y.lower - 0.05 * y.size() - 1e-12, y.upper + 0.05 * y.size() + 1e-12);
    replotSoon();
}

void LossPlot::replotSoon()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::clear()
{
    m_plot->clearGraphs();
    m_curves.clear();
    m_firstTime = -1.0;
    m_following = true;
    replotSoon();
}

QStringList LossPlot::curves() const
{
    QStringList names;
    for (const auto& [name, curve] : m_curves)
        names << name;
    return names;
}

void LossPlot::setShownCurves(const QStringList& names)
{
    m_shown = names;
    for (auto& [name, curve] : m_curves)
        showOrHide(curve, names.contains(name));
    followWholeRun();
}

void LossPlot::setAxis(Axis axis)
{
    if (axis == m_axis)
        return;
    m_axis = axis;
    if (axis == Axis::Time) {
        auto ticker = QSharedPointer<QCPAxisTickerTime>::create();
        ticker->setTimeFormat(QStringLiteral("%h:%m:%s"));
        m_plot->xAxis->setTicker(ticker);
        m_plot->xAxis->setLabel(tr("time (h:mm:ss)"));
    } else {
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        m_plot->xAxis->setLabel(tr("step"));
    }
    redrawAll();
    followWholeRun();
}

void LossPlot::setLogScale(bool logarithmic)
{
    if (logarithmic == m_logarithmic)
        return;
    m_logarithmic = logarithmic;
    m_plot->yAxis->setScaleType(logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    m_plot->yAxis->setTicker(logarithmic ? QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog) : QSharedPointer<QCPAxisTicker>::create());
    redrawAll();
    followWholeRun();
}

void LossPlot::setSmoothing(double weight)
{
    m_smoothing = std::clamp(weight, 0.0, 0.999);
    redrawAll();
}

int LossPlot::pointCount(const QString& curve) const
{
    const auto found = m_curves.find(curve);
    return found == m_curves.end() ? 0 : static_cast<int>(found->second.values.size());
}

QVector<double> LossPlot::drawnValues(const QString& curve) const
{
    QVector<double> values;
    const auto found = m_curves.find(curve);
    if (found != m_curves.end())
        for (auto point = found->second.smooth->data()->constBegin(); point != found->second.smooth->data()->constEnd(); ++point)
            values.append(point->value);
    return values;
}

}  // namespace muze
