#include "widgets/SectionTimeline.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace muze {
namespace {

constexpr int kMargin = 8;
constexpr int kRulerHeight = 30;
constexpr int kEdgeGrip = 5;     // pixels either side of a block's right edge that resize it
constexpr int kDragStart = 6;    // pixels a press must move before it drags
const QColor kUnsetColour(110, 110, 110);

// A step between ruler labels that leaves room for them: 1, 2, 5, 10, 15, 30 or 60 s.
double labelStep(double pixelsPerSecond)
{
    for (double step : {1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0})
        if (step * pixelsPerSecond >= 48)
            return step;
    return 120.0;
}

}  // namespace

SectionTimeline::SectionTimeline(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
}

void SectionTimeline::setBlocks(const QVector<Block>& blocks)
{
    m_blocks = blocks;
    if (m_selected >= m_blocks.size())
        m_selected = m_blocks.isEmpty() ? -1 : static_cast<int>(m_blocks.size()) - 1;
    update();
}

void SectionTimeline::setSelected(int index)
{
    const int valid = index >= 0 && index < m_blocks.size() ? index : -1;
    if (valid == m_selected)
        return;
    m_selected = valid;
    update();
    emit selectionChanged(m_selected);
}

double SectionTimeline::totalSeconds() const
{
    double total = 0.0;
    for (const Block& block : m_blocks)
        total += block.seconds();
    return std::max(total, 1.0);
}

double SectionTimeline::pixelsPerSecond() const
{
    return m_drag == Drag::Resize || m_drag == Drag::Move ? m_dragScale : (width() - 2 * kMargin) / totalSeconds();
}

double SectionTimeline::startOf(int index) const
{
    double start = 0.0;
    for (int i = 0; i < index; ++i)
        start += m_blocks[i].seconds();
    return start;
}

QRect SectionTimeline::blockRect(int index) const
{
    const double scale = pixelsPerSecond();
    const double seconds = index == m_dragIndex && m_drag == Drag::Resize ? m_previewBars * m_blocks[index].barSeconds : m_blocks[index].seconds();
    const int left = kMargin + static_cast<int>(std::lround(startOf(index) * scale));
    const int right = kMargin + static_cast<int>(std::lround((startOf(index) + seconds) * scale));
    return QRect(QPoint(left, kRulerHeight + 2), QPoint(right - 1, height() - 3));
}

int SectionTimeline::blockAt(double x) const
{
    for (int i = 0; i < m_blocks.size(); ++i) {
        const QRect r = blockRect(i);
        if (x >= r.left() && x <= r.right() + 1)
            return i;
    }
    return -1;
}

int SectionTimeline::edgeAt(double x) const
{
    for (int i = 0; i < m_blocks.size(); ++i)
        if (std::abs(x - (blockRect(i).right() + 1)) <= kEdgeGrip)
            return i;
    return -1;
}

int SectionTimeline::barsAt(double x) const
{
    const Block& block = m_blocks[m_dragIndex];
    const double seconds = (x - kMargin) / m_dragScale - startOf(m_dragIndex);
    return std::max(1, static_cast<int>(std::lround(seconds / block.barSeconds)));
}

void SectionTimeline::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const double x = event->position().x();
    m_pressX = x;
    m_dragScale = pixelsPerSecond();
    const int edge = edgeAt(x);
    if (edge >= 0) {
        m_drag = Drag::Resize;
        m_dragIndex = edge;
        m_previewBars = m_blocks[edge].bars;
        setSelected(edge);
        return;
    }
    m_dragIndex = blockAt(x);
    m_drag = m_dragIndex >= 0 ? Drag::Pending : Drag::None;
    setSelected(m_dragIndex);
}

void SectionTimeline::mouseMoveEvent(QMouseEvent* event)
{
    const double x = event->position().x();
    switch (m_drag) {
    case Drag::None:
        setCursor(edgeAt(x) >= 0 ? Qt::SizeHorCursor : Qt::ArrowCursor);
        return;
    case Drag::Pending:
        if (std::abs(x - m_pressX) < kDragStart)
            return;
        m_drag = Drag::Move;
        setCursor(Qt::ClosedHandCursor);
        [[fallthrough]];
    case Drag::Move:
        m_dropIndex = std::max(0, blockAt(x) >= 0 ? blockAt(x) : (x < kMargin ? 0 : static_cast<int>(m_blocks.size()) - 1));
        break;
    case Drag::Resize:
        m_previewBars = barsAt(x);
        break;
    }
    update();
}

void SectionTimeline::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const Drag drag = m_drag;
    const int index = m_dragIndex;
    m_drag = Drag::None;
    m_dragIndex = -1;
    setCursor(Qt::ArrowCursor);
    update();
    if (drag == Drag::Resize && m_previewBars != m_blocks[index].bars)
        emit resizeRequested(index, m_previewBars);
    else if (drag == Drag::Move && m_dropIndex >= 0 && m_dropIndex != index)
        emit moveRequested(index, m_dropIndex);
}

void SectionTimeline::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Left && m_selected > 0)
        setSelected(m_selected - 1);
    else if (event->key() == Qt::Key_Right && m_selected + 1 < m_blocks.size())
        setSelected(m_selected + 1);
    else
        QWidget::keyPressEvent(event);
}

// With the focus here, the arrows choose sections rather than doing what the window's shortcuts for
// them would (seeking the playback).
bool SectionTimeline::event(QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Left || key == Qt::Key_Right) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

void SectionTimeline::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    paintRuler(painter);
    for (int i = 0; i < m_blocks.size(); ++i)
        paintBlock(painter, i);
    if (m_drag == Drag::Move && m_dropIndex >= 0) {
        const QRect target = blockRect(m_dropIndex);
        const int x = m_dropIndex > m_dragIndex ? target.right() + 1 : target.left();
        painter.setPen(QPen(palette().highlight(), 3));
        painter.drawLine(x, kRulerHeight, x, height());
    }
}

// Seconds along the top; below them a tick at every bar line and the bar's number where it fits.
void SectionTimeline::paintRuler(QPainter& painter) const
{
    const double scale = pixelsPerSecond();
    painter.setPen(palette().text().color());
    const QFontMetrics metrics(font());
    const double step = labelStep(scale);
    for (double t = 0.0; t <= totalSeconds() + 1e-9; t += step) {
        const int x = kMargin + static_cast<int>(std::lround(t * scale));
        painter.drawLine(x, 0, x, 4);
        painter.drawText(x + 2, metrics.ascent(), QStringLiteral("%1:%2").arg(static_cast<int>(t) / 60).arg(static_cast<int>(t) % 60, 2, 10, QLatin1Char('0')));
    }
    int bar = 1;
    int lastLabelRight = -1;
    for (int i = 0; i < m_blocks.size(); ++i) {
        for (int b = 0; b < m_blocks[i].bars; ++b, ++bar) {
            const int x = kMargin + static_cast<int>(std::lround((startOf(i) + b * m_blocks[i].barSeconds) * scale));
            painter.drawLine(x, kRulerHeight - 6, x, kRulerHeight);
            const QString number = QString::number(bar);
            if (x > lastLabelRight + 4) {
                painter.drawText(x + 2, kRulerHeight - 3, number);
                lastLabelRight = x + 2 + metrics.horizontalAdvance(number);
            }
        }
    }
}

void SectionTimeline::paintBlock(QPainter& painter, int index) const
{
    const QRect r = blockRect(index);
    const Block& block = m_blocks[index];
    QColor fill = block.colour.isValid() ? block.colour : kUnsetColour;
    if (m_drag == Drag::Move && index == m_dragIndex)
        fill.setAlpha(110);
    painter.fillRect(r, fill);
    painter.setPen(QPen(index == m_selected ? palette().highlight().color() : fill.darker(150), index == m_selected ? 3 : 1));
    painter.drawRect(r.adjusted(0, 0, -1, -1));
    painter.setPen(QColor(255, 255, 255, 70));
    const int bars = index == m_dragIndex && m_drag == Drag::Resize ? m_previewBars : block.bars;
    for (int b = 1; b < bars; ++b) {
        const int x = r.left() + static_cast<int>(std::lround(b * block.barSeconds * pixelsPerSecond()));
        painter.drawLine(x, r.top() + 2, x, r.bottom() - 2);
    }
    painter.setPen(Qt::white);
    const QRect text = r.adjusted(6, 4, -4, -4);
    const QFontMetrics metrics(font());
    painter.drawText(text, Qt::AlignLeft | Qt::AlignTop, metrics.elidedText(tr("%1 · %n bar(s)", nullptr, bars).arg(block.type), Qt::ElideRight, text.width()));
    painter.drawText(text.adjusted(0, metrics.height() + 2, 0, 0), Qt::AlignLeft | Qt::AlignTop, metrics.elidedText(block.details, Qt::ElideRight, text.width()));
}

}  // namespace muze
