#pragma once

#include <QColor>
#include <QString>
#include <QVector>
#include <QWidget>

namespace muze {

// A song's sections as blocks, back to back, on a ruler of seconds and bars. Click a block to select
// it, drag it sideways to move it before or after another, drag its right edge to make it longer or
// shorter by whole bars. The widget shows the blocks it is given and says what the user asked for;
// its owner makes the edit (and its undo) and gives the blocks back.
class SectionTimeline : public QWidget {
    Q_OBJECT

public:
    struct Block {
        QString type;        // "verse", "chorus", ...
        QString details;     // a second line: tempo, key, chords
        int bars = 1;
        double barSeconds = 2.0;
        QColor colour;       // the block's fill; a grey when not set
        double seconds() const { return bars * barSeconds; }
    };

    explicit SectionTimeline(QWidget* parent = nullptr);

    void setBlocks(const QVector<Block>& blocks);
    const QVector<Block>& blocks() const { return m_blocks; }
    int selected() const { return m_selected; }
    void setSelected(int index);

    // Where a block starts and ends on screen, for tests and tooltips.
    QRect blockRect(int index) const;

    QSize sizeHint() const override { return {900, 110}; }
    QSize minimumSizeHint() const override { return {300, 90}; }

signals:
    void selectionChanged(int index);
    void resizeRequested(int index, int bars);
    void moveRequested(int from, int to);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;

private:
    enum class Drag { None, Pending, Move, Resize };

    double totalSeconds() const;
    double pixelsPerSecond() const;
    double startOf(int index) const;
    int blockAt(double x) const;
    int edgeAt(double x) const;  // the block whose right edge is under x, or -1
    int barsAt(double x) const;  // of the block being resized, with its edge at x
    void paintRuler(QPainter& painter) const;
    void paintBlock(QPainter& painter, int index) const;

    QVector<Block> m_blocks;
    int m_selected = -1;
    Drag m_drag = Drag::None;
    int m_dragIndex = -1;
    double m_pressX = 0.0;
    double m_dragScale = 0.0;  // pixels per second when the drag began, kept while it lasts
    int m_previewBars = 0;
    int m_dropIndex = -1;
};

}  // namespace muze
