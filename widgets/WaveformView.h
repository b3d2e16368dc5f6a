#pragma once

#include "widgets/TimelineWidget.h"
#include "widgets/WaveformSource.h"

#include <memory>

namespace muze {

// A zoomable waveform, one lane per channel, with a time ruler underneath. Far out it draws each
// pixel column's minimum-to-maximum extent; close in, the samples themselves.
class WaveformView : public TimelineWidget {
    Q_OBJECT

public:
    explicit WaveformView(QWidget* parent = nullptr);

    void setSource(std::shared_ptr<const WaveformSource> source);
    QSize sizeHint() const override { return {800, 220}; }

protected:
    QRect timeArea() const override;
    void renderContent(QPainter& painter) override;

private:
    void drawLane(QPainter& painter, int channel, const QRect& lane) const;
    void drawRuler(QPainter& painter) const;

    std::shared_ptr<const WaveformSource> m_source;
};

}  // namespace muze
