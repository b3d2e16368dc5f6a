#include "widgets/SpectrogramView.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace muze {
namespace {

// A dark-to-bright perceptual ramp (after matplotlib's "magma"), so loudness reads as brightness.
QVector<QRgb> levelColours()
{
    static const QColor stops[] = {{0, 0, 4}, {40, 11, 84}, {101, 21, 110}, {159, 42, 99},
                                   {212, 72, 66}, {245, 125, 21}, {250, 193, 39}, {252, 255, 164}};
    constexpr int kStops = static_cast<int>(std::size(stops));
    QVector<QRgb> colours(256);
    for (int level = 0; level < 256; ++level) {
        const double position = level / 255.0 * (kStops - 1);
        const int low = std::min(static_cast<int>(position), kStops - 2);
        const double t = position - low;
        const QColor& a = stops[low];
        const QColor& b = stops[low + 1];
        colours[level] = qRgb(static_cast<int>(a.red() + t * (b.red() - a.red())), static_cast<int>(a.green() + t * (b.green() - a.green())),
                              static_cast<int>(a.blue() + t * (b.blue() - a.blue())));
    }
    return colours;
}

}  // namespace

SpectrogramView::SpectrogramView(QWidget* parent) : TimelineWidget(parent), m_colours(levelColours())
{
    setMinimumHeight(100);
    setToolTip(tr("Log-mel spectrogram, as the model hears the song. Click to play from here."));
}

void SpectrogramView::setSpectrogram(const QImage& levels, double framesPerSecond, double durationSeconds)
{
    m_levels = levels.convertToFormat(QImage::Format_Grayscale8);
    m_framesPerSecond = framesPerSecond;
    setDuration(durationSeconds);
}

void SpectrogramView::setFrequencyTicks(const QVector<FrequencyTick>& ticks)
{
    m_ticks = ticks;
    invalidateContent();
}

void SpectrogramView::clear()
{
    m_levels = QImage();
    setDuration(0.0);
}

// One output column per pixel: the loudest level over the frames that pixel covers, so short
// loud events stay visible when zoomed out.
QImage SpectrogramView::visibleColumns(int width) const
{
    const int bands = m_levels.height();
    const int frames = m_levels.width();
    QImage out(width, bands, QImage::Format_RGB32);
    for (int x = 0; x < width; ++x) {
        const double start = secondsAt(timeArea().left() + x) * m_framesPerSecond;
        const double end = secondsAt(timeArea().left() + x + 1) * m_framesPerSecond;
        const int first = std::clamp(static_cast<int>(std::floor(start)), 0, frames - 1);
        const int last = std::clamp(static_cast<int>(std::ceil(end)), first + 1, frames);
        for (int band = 0; band < bands; ++band) {
            const uchar* line = m_levels.constScanLine(band);
            const uchar loudest = *std::max_element(line + first, line + last);
            reinterpret_cast<QRgb*>(out.scanLine(band))[x] = m_colours[loudest];
        }
    }
    return out;
}

void SpectrogramView::renderContent(QPainter& painter)
{
    painter.fillRect(rect(), QColor(28, 30, 34));
    const QRect area = timeArea();
    if (m_levels.isNull() || area.width() <= 0) {
        painter.setPen(QColor(160, 165, 175));
        painter.drawText(area, Qt::AlignCenter, tr("The spectrogram appears here"));
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(area, visibleColumns(area.width()));
    painter.setPen(QColor(160, 165, 175));
    for (const FrequencyTick& tick : m_ticks) {
        const int y = area.bottom() - static_cast<int>(std::round(tick.height * area.height()));
        painter.drawLine(area.left() - 4, y, area.left() - 1, y);
        painter.drawText(QRect(0, y - 8, kLabelMargin - 6, 16), Qt::AlignRight | Qt::AlignVCenter, tick.label);
    }
}

}  // namespace muze
