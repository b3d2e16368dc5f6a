#include "widgets/WaveformOverview.h"

#include "widgets/TimelineWidget.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace muze {

WaveformOverview::WaveformOverview(QWidget* parent) : QWidget(parent)
{
    setFixedHeight(40);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("The whole song. Click or drag to move the view."));
}

void WaveformOverview::setSource(std::shared_ptr<const WaveformSource> source)
{
    m_source = std::move(source);
    m_viewStart = 0.0;
    m_viewEnd = duration();
    m_playhead = 0.0;
    renderWaveform();
    update();
}

double WaveformOverview::duration() const
{
    return m_source && m_source->sampleRate() > 0 ? static_cast<double>(m_source->frames()) / m_source->sampleRate() : 0.0;
}

QRect WaveformOverview::area() const
{
    return rect().adjusted(TimelineWidget::kLabelMargin, 0, 0, 0);
}

double WaveformOverview::xAt(double seconds) const
{
    const double total = duration();
    return area().left() + (total > 0.0 ? seconds / total * area().width() : 0.0);
}

double WaveformOverview::secondsAt(double x) const
{
    return std::clamp((x - area().left()) / std::max(1, area().width()), 0.0, 1.0) * duration();
}

void WaveformOverview::setView(double start, double end)
{
    m_viewStart = start;
    m_viewEnd = end;
    update();
}

void WaveformOverview::setPlayhead(double seconds)
{
    const int before = static_cast<int>(xAt(m_playhead));
    m_playhead = seconds;
    const int after = static_cast<int>(xAt(m_playhead));
    if (before != after) {
        update(before - 2, 0, 5, height());
        update(after - 2, 0, 5, height());
    }
}

void WaveformOverview::renderWaveform()
{
    const qreal ratio = devicePixelRatioF();
    m_waveform = QPixmap(size() * ratio);
    m_waveform.setDevicePixelRatio(ratio);
    m_waveform.fill(palette().color(QPalette::Window));
    QPainter painter(&m_waveform);
    painter.fillRect(area(), QColor(22, 24, 27));
    if (!m_source || m_source->frames() == 0 || area().width() <= 0)
        return;
    painter.setPen(QColor(90, 130, 170));
    const double framesPerPixel = static_cast<double>(m_source->frames()) / area().width();
    const double centre = height() / 2.0;
    for (int x = 0; x < area().width(); ++x) {
        const auto begin = static_cast<std::int64_t>(x * framesPerPixel);
        const auto end = std::max(begin + 1, static_cast<std::int64_t>((x + 1) * framesPerPixel));
        float low = 0.0f;
        float high = 0.0f;
        for (int c = 0; c < m_source->channels(); ++c) {
            const auto range = m_source->range(c, begin, end);
            low = std::min(low, range.min);
            high = std::max(high, range.max);
        }
        const double column = area().left() + x + 0.5;
        painter.drawLine(QPointF(column, centre - high * (centre - 2)), QPointF(column, centre - low * (centre - 2)));
    }
}

void WaveformOverview::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_waveform);
    if (duration() <= 0.0)
        return;
    const QRectF view(QPointF(xAt(m_viewStart), 0.5), QPointF(std::max(xAt(m_viewEnd), xAt(m_viewStart) + 2.0), height() - 0.5));
    painter.setPen(QColor(200, 210, 225, 200));
    painter.setBrush(QColor(200, 210, 225, 40));
    painter.drawRect(view);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    const double x = std::floor(xAt(m_playhead)) + 0.5;
    painter.drawLine(QPointF(x, 0), QPointF(x, height()));
}

void WaveformOverview::resizeEvent(QResizeEvent*)
{
    renderWaveform();
}

void WaveformOverview::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        emit centreRequested(secondsAt(event->position().x()));
}

void WaveformOverview::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton)
        emit centreRequested(secondsAt(event->position().x()));
}

}  // namespace muze
