#include "widgets/BarChart.h"

#include <qcustomplot.h>

#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace muze {

BarChart::BarChart(const QString& title, QWidget* parent) : QWidget(parent), m_title(title), m_plot(new QCustomPlot(this))
{
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, new QCPTextElement(m_plot, title, QFont(font().family(), font().pointSize(), QFont::Bold)));
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(palette().color(QPalette::Highlight));
    m_plot->yAxis->setLabel(tr("tracks"));
    QSharedPointer<QCPAxisTickerFixed> whole(new QCPAxisTickerFixed);  // counts: no ticks between whole numbers
    whole->setTickStep(1.0);
    whole->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->yAxis->setTicker(whole);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->setMouseTracking(true);
    m_plot->setMinimumHeight(190);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (const int bar = barAt(event->position()); bar >= 0)
            emit barClicked(bar);
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        const int bar = barAt(event->position());
        m_plot->setCursor(bar >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        if (bar >= 0)
            QToolTip::showText(event->globalPosition().toPoint(), tr("%1: %n track(s)", nullptr, static_cast<int>(m_counts[bar])).arg(m_names[bar]), m_plot);
        else
            QToolTip::hideText();
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

void BarChart::setCategories(const QStringList& names, const QVector<double>& counts)
{
    QVector<double> keys(counts.size());
    std::iota(keys.begin(), keys.end(), 1.0);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->addTicks(keys, names);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setTickLabelRotation(names.size() > 6 ? 60 : 0);
    m_plot->xAxis->setLabel(QString());
    m_names = names;
    showBars(keys, counts, 0.7);
    m_plot->xAxis->setRange(0.4, std::max<double>(1.0, counts.size()) + 0.6);
}

void BarChart::setHistogram(double start, double width, const QVector<double>& counts, const QString& unit)
{
    QVector<double> keys(counts.size());
    m_names.clear();
    for (int bin = 0; bin < counts.size(); ++bin) {
        keys[bin] = start + (bin + 0.5) * width;
        m_names << QStringLiteral("%1–%2 %3").arg(start + bin * width).arg(start + (bin + 1) * width).arg(unit).trimmed();
    }
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    m_plot->xAxis->setTickLabelRotation(0);
    m_plot->xAxis->setLabel(unit);
    showBars(keys, counts, width * 0.9);
    m_plot->xAxis->setRange(start, start + std::max<double>(1, counts.size()) * width);
}

void BarChart::showBars(const QVector<double>& keys, const QVector<double>& counts, double width)
{
    m_counts = counts;
    m_bars->setWidth(width);
    m_bars->setData(keys, counts, true);
    const double highest = counts.isEmpty() ? 0.0 : *std::max_element(counts.begin(), counts.end());
    m_plot->yAxis->setRange(0, std::max(1.0, highest * 1.1));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int BarChart::barAt(const QPointF& position) const
{
    const double key = m_plot->xAxis->pixelToCoord(position.x());
    const double value = m_plot->yAxis->pixelToCoord(position.y());
    for (int bar = 0; bar < m_counts.size(); ++bar) {
        const double centre = m_bars->data()->at(bar)->key;
        if (std::abs(key - centre) <= m_bars->width() / 2 && value >= 0 && m_counts[bar] > 0)
            return bar;
    }
    return -1;
}

QWidget* BarChart::canvas() const
{
    return m_plot;
}

QPoint BarChart::barCentre(int bar) const
{
    const double x = m_plot->xAxis->coordToPixel(m_bars->data()->at(bar)->key);
    const double y = m_plot->yAxis->coordToPixel(m_counts.value(bar) / 2);
    return {static_cast<int>(x), static_cast<int>(y)};
}

}  // namespace muze
