#pragma once

#include "core/dataset/LibraryDataset.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

namespace muze {

// The Library's tracks as a table. Each row's display values are prepared once (and again when
// its record changes), so that sorting and filtering tens of thousands of rows touch no JSON.
class LibraryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Title, Artist, Genre, Tempo, Key, Meter, Duration, Vocals, Energy, Included, Path, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    // What filters and sorting read.
    struct Row {
        QString title;
        QString artist;
        QString genre;
        QString key;
        QString meter;
        QString path;
        QString searchText;  // lower-case title, artist, genre and path
        double tempo = 0.0;
        double duration = 0.0;
        double energy = 0.0;
        bool vocals = false;
        bool included = true;
    };

    explicit LibraryModel(QObject* parent = nullptr);

    void setDataset(std::shared_ptr<LibraryDataset> dataset);
    const std::shared_ptr<LibraryDataset>& dataset() const { return m_dataset; }
    const Row& row(int index) const { return m_rows[static_cast<std::size_t>(index)]; }
    // After the dataset's record `index` changed.
    void refreshRow(int index);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    static Row rowFor(const TrackSummary& summary);

    std::shared_ptr<LibraryDataset> m_dataset;
    std::vector<Row> m_rows;
};

// The Library's filters: free text (title, artist, genre, path), genre, artist, a tempo range, key,
// whether the track has vocals, and a set of chosen rows (a bar of the statistics, a warning's
// tracks). Empty or zero settings do not filter.
class TrackFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    enum class Vocals { Any, With, Without };

    explicit TrackFilterModel(QObject* parent = nullptr);

    void setText(const QString& text);
    void setGenre(const QString& genre);
    void setArtist(const QString& artist);
    void setTempoRange(double minimum, double maximum);  // BPM; 0 leaves that end open
    void setKey(const QString& key);
    void setVocals(Vocals vocals);
    // Only the source rows marked true; an empty set lifts this filter.
    void setChosenRows(std::vector<bool> rows);
    bool hasChosenRows() const { return !m_chosen.empty(); }
    // Whether the filters let a source row through.
    bool accepts(int sourceRow) const { return filterAcceptsRow(sourceRow, {}); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
    QString m_genre;
    QString m_artist;
    QString m_key;
    double m_tempoMin = 0.0;
    double m_tempoMax = 0.0;
    Vocals m_vocals = Vocals::Any;
    std::vector<bool> m_chosen;
};

}  // namespace muze
