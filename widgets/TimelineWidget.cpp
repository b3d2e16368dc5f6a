#include "widgets/TimelineWidget.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace muze {
namespace {

constexpr double kShortestViewSeconds = 0.005;  // a couple of hundred samples across the widget
constexpr double kZoomStep = 1.25;               // per wheel notch or key press
constexpr double kScrollShare = 0.1;             // of the view, per wheel notch
constexpr int kDragThreshold = 4;                // pixels a press may move and still be a click
constexpr double kPageLead = 0.1;                // the playhead sits this share into a new page

}  // namespace

TimelineWidget::TimelineWidget(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::ClickFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::IBeamCursor);
}

void TimelineWidget::setDuration(double seconds)
{
    m_duration = std::max(0.0, seconds);
    m_playhead = 0.0;
    m_viewStart = 0.0;
    m_viewEnd = m_duration;
    invalidateContent();
    emit viewChanged(m_viewStart, m_viewEnd);
}

void TimelineWidget::setView(double start, double end)
{
    if (m_duration <= 0.0)
        return;
    double length = std::clamp(end - start, std::min(kShortestViewSeconds, m_duration), m_duration);
    start = std::clamp(start, 0.0, m_duration - length);
    if (start == m_viewStart && start + length == m_viewEnd)
        return;
    m_viewStart = start;
    m_viewEnd = start + length;
    invalidateContent();
    emit viewChanged(m_viewStart, m_viewEnd);
}

void TimelineWidget::setPlayhead(double seconds)
{
    seconds = std::clamp(seconds, 0.0, m_duration);
    if (seconds == m_playhead)
        return;
    const QRect before = playheadRect(m_playhead);
    m_playhead = seconds;
    update(before);
    update(playheadRect(m_playhead));
}

void TimelineWidget::zoomIn() { zoomAround(m_playhead >= m_viewStart && m_playhead <= m_viewEnd ? m_playhead : (m_viewStart + m_viewEnd) / 2, 1.0 / kZoomStep); }
void TimelineWidget::zoomOut() { zoomAround((m_viewStart + m_viewEnd) / 2, kZoomStep); }
void TimelineWidget::zoomToFit() { setView(0.0, m_duration); }

void TimelineWidget::followPlayhead()
{
    const double length = m_viewEnd - m_viewStart;
    if (length >= m_duration || (m_playhead >= m_viewStart && m_playhead < m_viewEnd))
        return;
    const double start = m_playhead - kPageLead * length;
    setView(start, start + length);
}

void TimelineWidget::zoomAround(double seconds, double factor)
{
    const double length = (m_viewEnd - m_viewStart) * factor;
    const double share = m_viewEnd > m_viewStart ? (seconds - m_viewStart) / (m_viewEnd - m_viewStart) : 0.5;
    const double start = seconds - share * length;
    setView(start, start + length);
}

void TimelineWidget::invalidateContent()
{
    m_contentValid = false;
    update();
}

double TimelineWidget::secondsAt(double x) const
{
    const QRect area = timeArea();
    if (area.width() <= 0)
        return m_viewStart;
    return m_viewStart + (x - area.left()) / area.width() * (m_viewEnd - m_viewStart);
}

double TimelineWidget::xAt(double seconds) const
{
    const QRect area = timeArea();
    const double length = m_viewEnd - m_viewStart;
    if (length <= 0.0)
        return area.left();
    return area.left() + (seconds - m_viewStart) / length * area.width();
}

QRect TimelineWidget::playheadRect(double seconds) const
{
    const int x = static_cast<int>(std::floor(xAt(seconds)));
    return QRect(x - 2, 0, 5, height());
}

void TimelineWidget::paintEvent(QPaintEvent* event)
{
    const qreal ratio = devicePixelRatioF();
    if (!m_contentValid || m_content.size() != size() * ratio) {
        m_content = QPixmap(size() * ratio);
        m_content.setDevicePixelRatio(ratio);
        QPainter contentPainter(&m_content);
        renderContent(contentPainter);
        m_contentValid = true;
    }
    QPainter painter(this);
    painter.drawPixmap(event->rect(), m_content, QRectF(QPointF(event->rect().topLeft()) * ratio, QSizeF(event->rect().size()) * ratio));
    if (m_duration > 0.0 && m_playhead >= m_viewStart && m_playhead <= m_viewEnd) {
        const qreal x = std::floor(xAt(m_playhead)) + 0.5;
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.drawLine(QPointF(x, timeArea().top()), QPointF(x, timeArea().bottom()));
    }
}

void TimelineWidget::resizeEvent(QResizeEvent*)
{
    invalidateContent();
}

void TimelineWidget::wheelEvent(QWheelEvent* event)
{
    if (m_duration <= 0.0)
        return;
    const QPoint delta = event->angleDelta();
    const bool scroll = (event->modifiers() & Qt::ShiftModifier) || std::abs(delta.x()) > std::abs(delta.y());
    const double notches = (scroll && delta.x() != 0 ? delta.x() : delta.y()) / 120.0;
    if (scroll) {
        const double shift = -notches * kScrollShare * (m_viewEnd - m_viewStart);
        setView(m_viewStart + shift, m_viewEnd + shift);
    } else {
        zoomAround(secondsAt(event->position().x()), std::pow(kZoomStep, -notches));
    }
    event->accept();
}

void TimelineWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_pressed = true;
    m_dragging = false;
    m_pressPosition = event->pos();
    m_pressViewStart = m_viewStart;
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_pressed)
        return;
    const int dx = event->pos().x() - m_pressPosition.x();
    if (!m_dragging && std::abs(dx) < kDragThreshold)
        return;
    m_dragging = true;
    setCursor(Qt::ClosedHandCursor);
    const double length = m_viewEnd - m_viewStart;
    const double start = m_pressViewStart - dx * length / std::max(1, timeArea().width());
    setView(start, start + length);
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_pressed || event->button() != Qt::LeftButton)
        return;
    m_pressed = false;
    setCursor(Qt::IBeamCursor);
    if (!m_dragging && m_duration > 0.0)
        emit seekRequested(std::clamp(secondsAt(event->position().x()), 0.0, m_duration));
    m_dragging = false;
}

}  // namespace muze
