#pragma once

#include "widgets/WaveformSource.h"

#include <QPixmap>
#include <QWidget>

#include <memory>

namespace muze {

// The whole file at a glance above the zoomed views: the waveform, the part the views show, and
// the playhead. Clicking or dragging moves the views there.
class WaveformOverview : public QWidget {
    Q_OBJECT

public:
    explicit WaveformOverview(QWidget* parent = nullptr);

    void setSource(std::shared_ptr<const WaveformSource> source);
    QSize sizeHint() const override { return {800, 40}; }

public slots:
    void setView(double start, double end);
    void setPlayhead(double seconds);

signals:
    // Asks for the visible range to be centred on `seconds`.
    void centreRequested(double seconds);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    double duration() const;
    QRect area() const;  // where the song is drawn, right of the label margin
    double xAt(double seconds) const;
    double secondsAt(double x) const;
    void renderWaveform();

    std::shared_ptr<const WaveformSource> m_source;
    QPixmap m_waveform;
    double m_viewStart = 0.0;
    double m_viewEnd = 0.0;
    double m_playhead = 0.0;
};

}  // namespace muze
