#pragma once

#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCPBars;
class QCustomPlot;

namespace muze {

// One distribution as bars: named categories (keys, genres) or a histogram's bins. Hovering a bar
// tells its count; clicking it emits its index, for the page to filter by it. Setting new bars only
// queues a redraw, so that many charts updated at once share the GUI thread's time.
class BarChart : public QWidget {
    Q_OBJECT

public:
    explicit BarChart(const QString& title, QWidget* parent = nullptr);

    void setCategories(const QStringList& names, const QVector<double>& counts);
    // Bins of equal `width` from `start`; `unit` follows the numbers in the axis label.
    void setHistogram(double start, double width, const QVector<double>& counts, const QString& unit);

    QString title() const { return m_title; }
    int barCount() const { return static_cast<int>(m_counts.size()); }
    double count(int bar) const { return m_counts.value(bar); }
    QString barName(int bar) const { return m_names.value(bar); }
    // The widget that draws the bars and takes the clicks, and where on it bar `bar` is drawn.
    QWidget* canvas() const;
    QPoint barCentre(int bar) const;

signals:
    void barClicked(int bar);

private:
    void showBars(const QVector<double>& keys, const QVector<double>& counts, double width);
    int barAt(const QPointF& position) const;

    QString m_title;
    QCustomPlot* m_plot;
    QCPBars* m_bars;
    QStringList m_names;
    QVector<double> m_counts;
};

}  // namespace muze
