#pragma once

#include "widgets/TimelineWidget.h"

#include <QImage>
#include <QString>
#include <QVector>

namespace muze {

// A spectrogram along time, in step with the waveform above it.
class SpectrogramView : public TimelineWidget {
    Q_OBJECT

public:
    struct FrequencyTick {
        double height = 0.0;  // 0 at the bottom row, 1 at the top
        QString label;        // "1 kHz"
    };

    explicit SpectrogramView(QWidget* parent = nullptr);

    // `levels`: one column per frame, the top row the highest band; 0 is quietest, 255 loudest.
    void setSpectrogram(const QImage& levels, double framesPerSecond, double durationSeconds);
    void setFrequencyTicks(const QVector<FrequencyTick>& ticks);
    void clear();
    QSize sizeHint() const override { return {800, 200}; }

protected:
    void renderContent(QPainter& painter) override;

private:
    QImage visibleColumns(int width) const;

    QImage m_levels;
    double m_framesPerSecond = 0.0;
    QVector<FrequencyTick> m_ticks;
    QVector<QRgb> m_colours;
};

}  // namespace muze
