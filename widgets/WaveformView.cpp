#include "widgets/WaveformView.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace muze {
namespace {

constexpr int kRulerHeight = 18;
constexpr int kChordLaneHeight = 22;
constexpr int kVoiceLaneHeight = 14;
constexpr int kMinimumTickSpacing = 90;  // pixels between labelled ticks
const QColor kWaveColour(70, 160, 240);
const QColor kBackground(28, 30, 34);
const QColor kCentreLine(70, 74, 82);
const QColor kLabelColour(160, 165, 175);
const QColor kVoiceColour(110, 200, 140);

QColor sectionColour(const QString& type)
{
    if (type == QLatin1String("chorus"))
        return QColor(245, 125, 21, 46);
    if (type == QLatin1String("verse"))
        return QColor(70, 160, 240, 40);
    if (type == QLatin1String("bridge"))
        return QColor(170, 90, 230, 46);
    return QColor(160, 165, 175, 28);  // intro, outro, anything else
}

QString tickText(double seconds, double spacing)
{
    const int minutes = static_cast<int>(seconds / 60.0);
    const double rest = seconds - minutes * 60.0;
    if (spacing >= 1.0)
        return QStringLiteral("%1:%2").arg(minutes).arg(static_cast<int>(std::round(rest)), 2, 10, QLatin1Char('0'));
    const int decimals = spacing >= 0.1 ? 1 : (spacing >= 0.01 ? 2 : 3);
    return QStringLiteral("%1:%2").arg(minutes).arg(rest, 3 + decimals, 'f', decimals, QLatin1Char('0'));
}

}  // namespace

WaveformView::WaveformView(QWidget* parent) : TimelineWidget(parent)
{
    setMinimumHeight(120);
    setToolTip(tr("Click to play from here. Wheel to zoom, Shift+wheel or drag to scroll."));
}

void WaveformView::setSource(std::shared_ptr<const WaveformSource> source)
{
    m_source = std::move(source);
    m_annotations = {};
    setDuration(m_source ? static_cast<double>(m_source->frames()) / m_source->sampleRate() : 0.0);
}

void WaveformView::setAnnotations(const TimelineAnnotations& annotations)
{
    m_annotations = annotations;
    invalidateContent();
}

QRect WaveformView::timeArea() const
{
    return TimelineWidget::timeArea().adjusted(0, 0, 0, -kRulerHeight);
}

void WaveformView::renderContent(QPainter& painter)
{
    painter.fillRect(rect(), kBackground);
    if (!m_source || m_source->frames() == 0) {
        painter.setPen(kLabelColour);
        painter.drawText(timeArea(), Qt::AlignCenter, tr("Open a song to see its waveform"));
        return;
    }
    QRect area = timeArea();
    if (!m_annotations.chords.isEmpty()) {
        drawChords(painter, QRect(area.left(), area.bottom() - kChordLaneHeight + 1, area.width(), kChordLaneHeight));
        area.setBottom(area.bottom() - kChordLaneHeight);
    }
    if (!m_annotations.voice.isEmpty()) {
        drawVoice(painter, QRect(area.left(), area.bottom() - kVoiceLaneHeight + 1, area.width(), kVoiceLaneHeight));
        area.setBottom(area.bottom() - kVoiceLaneHeight);
    }
    drawSections(painter, area);
    const int channels = m_source->channels();
    for (int c = 0; c < channels; ++c) {
        const int top = area.top() + area.height() * c / channels;
        const int bottom = area.top() + area.height() * (c + 1) / channels;
        drawLane(painter, c, QRect(area.left(), top, area.width(), bottom - top));
        painter.setPen(kLabelColour);
        const QString name = channels == 1 ? tr("Mono") : channels == 2 ? (c == 0 ? tr("L") : tr("R")) : QString::number(c + 1);
        painter.drawText(QRect(0, top, kLabelMargin - 6, bottom - top), Qt::AlignRight | Qt::AlignVCenter, name);
    }
    drawBeats(painter, area);
    drawRuler(painter);
}

void WaveformView::drawSpanLabel(QPainter& painter, const TimelineSpan& span, const QRect& row) const
{
    const double left = std::max<double>(xAt(span.start), row.left());
    const double right = std::min<double>(xAt(span.end), row.right());
    if (right - left < 12)
        return;
    const QRect box(static_cast<int>(left) + 3, row.top(), static_cast<int>(right - left) - 5, row.height());
    painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, painter.fontMetrics().elidedText(span.label, Qt::ElideRight, box.width()));
}

void WaveformView::drawSections(QPainter& painter, const QRect& area) const
{
    for (const TimelineSpan& section : m_annotations.sections) {
        if (section.end < viewStart() || section.start > viewEnd())
            continue;
        const double left = std::max<double>(xAt(section.start), area.left());
        const double right = std::min<double>(xAt(section.end), area.right() + 1);
        painter.fillRect(QRectF(left, area.top(), right - left, area.height()), sectionColour(section.label));
        painter.setPen(kLabelColour);
        painter.drawLine(QPointF(left + 0.5, area.top()), QPointF(left + 0.5, area.bottom()));
        drawSpanLabel(painter, section, QRect(area.left(), area.top() + 12, area.width(), 16));
    }
}

void WaveformView::drawBeats(QPainter& painter, const QRect& area) const
{
    const double pixelsPerBeat = m_annotations.beats.size() > 1
                                     ? (xAt(m_annotations.beats[1]) - xAt(m_annotations.beats[0]))
                                     : 0.0;
    if (pixelsPerBeat >= 4.0) {  // closer than that, ticks only blur into a grey bar
        painter.setPen(QColor(200, 205, 215, 110));
        for (double beat : m_annotations.beats)
            if (beat >= viewStart() && beat <= viewEnd())
                painter.drawLine(QPointF(std::floor(xAt(beat)) + 0.5, area.top()), QPointF(std::floor(xAt(beat)) + 0.5, area.top() + 5));
    }
    painter.setPen(QColor(235, 238, 245, 220));
    for (double downbeat : m_annotations.downbeats)
        if (downbeat >= viewStart() && downbeat <= viewEnd())
            painter.drawLine(QPointF(std::floor(xAt(downbeat)) + 0.5, area.top()), QPointF(std::floor(xAt(downbeat)) + 0.5, area.top() + 10));
}

void WaveformView::drawLaneTitle(QPainter& painter, const QRect& lane, const QString& title) const
{
    painter.fillRect(lane, kBackground.darker(115));
    painter.setPen(kLabelColour);
    painter.drawText(QRect(0, lane.top(), kLabelMargin - 6, lane.height()), Qt::AlignRight | Qt::AlignVCenter, title);
}

void WaveformView::drawVoice(QPainter& painter, const QRect& lane) const
{
    drawLaneTitle(painter, lane, tr("Voice"));
    for (const TimelineSpan& region : m_annotations.voice) {
        if (region.end < viewStart() || region.start > viewEnd())
            continue;
        const double left = std::max<double>(xAt(region.start), lane.left());
        const double right = std::min<double>(xAt(region.end), lane.right() + 1);
        painter.fillRect(QRectF(left, lane.top() + 3.0, std::max(1.0, right - left), lane.height() - 6.0), kVoiceColour);
    }
}

void WaveformView::drawChords(QPainter& painter, const QRect& lane) const
{
    drawLaneTitle(painter, lane, tr("Chords"));
    for (const TimelineSpan& chord : m_annotations.chords) {
        if (chord.label == QLatin1String("N") || chord.end < viewStart() || chord.start > viewEnd())
            continue;
        const double left = std::max<double>(xAt(chord.start), lane.left());
        const double right = std::min<double>(xAt(chord.end), lane.right());
        painter.setPen(QColor(90, 95, 105));
        painter.drawRect(QRectF(left + 0.5, lane.top() + 2.5, std::max(1.0, right - left - 1.0), lane.height() - 5.0));
        painter.setPen(QColor(220, 224, 232));
        drawSpanLabel(painter, chord, lane);
    }
}

void WaveformView::drawLane(QPainter& painter, int channel, const QRect& lane) const
{
    const double centre = lane.center().y() + 0.5;
    const double halfHeight = lane.height() / 2.0 - 2.0;
    painter.setPen(kCentreLine);
    painter.drawLine(QPointF(lane.left(), centre), QPointF(lane.right(), centre));
    const double rate = m_source->sampleRate();
    const double framesPerPixel = (viewEnd() - viewStart()) * rate / std::max(1, lane.width());
    painter.setPen(kWaveColour);
    if (framesPerPixel >= 1.0) {
        for (int x = lane.left(); x <= lane.right(); ++x) {
            const auto begin = static_cast<std::int64_t>(std::floor(secondsAt(x) * rate));
            const auto end = static_cast<std::int64_t>(std::floor(secondsAt(x + 1) * rate));
            const WaveformSource::Range range = m_source->range(channel, begin, std::max(end, begin + 1));
            painter.drawLine(QPointF(x + 0.5, centre - range.max * halfHeight), QPointF(x + 0.5, centre - range.min * halfHeight));
        }
        return;
    }
    // Close in: a line through the samples, with a dot on each once they are far enough apart.
    // It starts and ends a sample outside the view, so it is clipped to the lane.
    painter.save();
    painter.setClipRect(lane);
    const auto first = std::max<std::int64_t>(0, static_cast<std::int64_t>(std::floor(viewStart() * rate)) - 1);
    const auto last = std::min<std::int64_t>(m_source->frames() - 1, static_cast<std::int64_t>(std::ceil(viewEnd() * rate)) + 1);
    QPainterPath path;
    for (std::int64_t frame = first; frame <= last; ++frame) {
        const QPointF point(xAt(frame / rate), centre - m_source->sample(channel, frame) * halfHeight);
        frame == first ? path.moveTo(point) : path.lineTo(point);
        if (framesPerPixel < 0.2)
            painter.drawEllipse(point, 1.5, 1.5);
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.drawPath(path);
    painter.restore();
}

void WaveformView::drawRuler(QPainter& painter) const
{
    static const double kSpacings[] = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600};
    const double secondsPerPixel = (viewEnd() - viewStart()) / std::max(1, timeArea().width());
    double spacing = kSpacings[std::size(kSpacings) - 1];
    for (double candidate : kSpacings) {
        if (candidate / secondsPerPixel >= kMinimumTickSpacing) {
            spacing = candidate;
            break;
        }
    }
    const QRect ruler(0, height() - kRulerHeight, width(), kRulerHeight);
    painter.fillRect(ruler, kBackground.darker(130));
    painter.setPen(kLabelColour);
    for (double t = std::ceil(viewStart() / spacing) * spacing; t <= viewEnd(); t += spacing) {
        const double x = std::floor(xAt(t)) + 0.5;
        painter.drawLine(QPointF(x, ruler.top()), QPointF(x, ruler.top() + 4));
        painter.drawText(QRectF(x + 3, ruler.top(), kMinimumTickSpacing, ruler.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         tickText(t, spacing));
    }
}

}  // namespace muze
