#pragma once

#include "widgets/TimelineWidget.h"
#include "widgets/WaveformSource.h"

#include <QVector>

#include <memory>

namespace muze {

struct TimelineSpan {
    double start = 0.0;  // seconds
    double end = 0.0;
    QString label;
};

// What can be drawn over a waveform: sections as tinted bands, beats and downbeats as ticks, and
// under the waveform, where a voice was found and the chords, each in a lane of its own.
struct TimelineAnnotations {
    QVector<TimelineSpan> sections;
    QVector<double> beats;
    QVector<double> downbeats;
    QVector<TimelineSpan> voice;
    QVector<TimelineSpan> chords;
};

// A zoomable waveform, one lane per channel, with a time ruler underneath. Far out it draws each
// pixel column's minimum-to-maximum extent; close in, the samples themselves.
class WaveformView : public TimelineWidget {
    Q_OBJECT

public:
    explicit WaveformView(QWidget* parent = nullptr);

    void setSource(std::shared_ptr<const WaveformSource> source);
    void setAnnotations(const TimelineAnnotations& annotations);
    const TimelineAnnotations& annotations() const { return m_annotations; }
    QSize sizeHint() const override { return {800, 220}; }

protected:
    QRect timeArea() const override;
    void renderContent(QPainter& painter) override;

private:
    void drawLane(QPainter& painter, int channel, const QRect& lane) const;
    void drawRuler(QPainter& painter) const;
    void drawSections(QPainter& painter, const QRect& area) const;
    void drawBeats(QPainter& painter, const QRect& area) const;
    void drawLaneTitle(QPainter& painter, const QRect& lane, const QString& title) const;
    void drawVoice(QPainter& painter, const QRect& lane) const;
    void drawChords(QPainter& painter, const QRect& lane) const;
    void drawSpanLabel(QPainter& painter, const TimelineSpan& span, const QRect& row) const;

    std::shared_ptr<const WaveformSource> m_source;
    TimelineAnnotations m_annotations;
};

}  // namespace muze
