#pragma once

#include <QPixmap>
#include <QPoint>
#include <QWidget>

namespace muze {

// The shared behaviour of views that draw something along time: a visible range that the wheel
// zooms (around the pointer) and scrolls (with Shift, or a horizontal wheel), dragging to pan, a
// click to seek, and a playhead drawn over a cached picture of the content, so that moving the
// playhead costs a small repaint and no redraw of the content.
class TimelineWidget : public QWidget {
    Q_OBJECT

public:
    // Width kept at the left for labels (channel names, frequencies), the same in every timeline
    // view so that their times line up when stacked.
    static constexpr int kLabelMargin = 48;

    explicit TimelineWidget(QWidget* parent = nullptr);

    // Shows the whole of `seconds` and moves the playhead to 0.
    void setDuration(double seconds);
    double duration() const { return m_duration; }
    double viewStart() const { return m_viewStart; }
    double viewEnd() const { return m_viewEnd; }
    double playhead() const { return m_playhead; }

public slots:
    void setView(double start, double end);
    void setPlayhead(double seconds);
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    // While playing: turns the page when the playhead leaves the view.
    void followPlayhead();

signals:
    void viewChanged(double start, double end);
    void seekRequested(double seconds);

protected:
    // The area where time maps to x; subclasses may keep margins around it for labels.
    virtual QRect timeArea() const { return rect().adjusted(kLabelMargin, 0, 0, 0); }
    // Draws the content for the current view into `painter`, sized as the widget.
    virtual void renderContent(QPainter& painter) = 0;
    // Call when what renderContent draws has changed.
    void invalidateContent();

    double secondsAt(double x) const;
    double xAt(double seconds) const;

    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void zoomAround(double seconds, double factor);
    QRect playheadRect(double seconds) const;

    double m_duration = 0.0;
    double m_viewStart = 0.0;
    double m_viewEnd = 0.0;
    double m_playhead = 0.0;
    QPixmap m_content;
    bool m_contentValid = false;
    QPoint m_pressPosition;
    double m_pressViewStart = 0.0;
    bool m_pressed = false;
    bool m_dragging = false;
};

}  // namespace muze
