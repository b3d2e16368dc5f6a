#include "ui/LibraryModel.h"

#include "widgets/TimeText.h"

namespace muze {

LibraryModel::LibraryModel(QObject* parent) : QAbstractTableModel(parent) {}

LibraryModel::Row LibraryModel::rowFor(const TrackSummary& summary)
{
    Row row;
    row.title = QString::fromStdString(summary.title);
    row.artist = QString::fromStdString(summary.artist);
    row.genre = QString::fromStdString(summary.genre);
    row.key = QString::fromStdString(summary.key);
    row.meter = QString::fromStdString(summary.timeSignature);
    row.path = QString::fromStdString(summary.audioPath);
    row.searchText = (row.title + QLatin1Char(' ') + row.artist + QLatin1Char(' ') + row.genre + QLatin1Char(' ') + row.path).toLower();
    row.tempo = summary.tempo;
    row.duration = summary.duration;
    row.energy = summary.energy;
    row.vocals = summary.hasVocals;
    row.included = summary.included;
    return row;
}

void LibraryModel::setDataset(std::shared_ptr<LibraryDataset> dataset)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_rows.clear();
    if (m_dataset) {
        m_rows.reserve(m_dataset->size());
        for (std::size_t i = 0; i < m_dataset->size(); ++i)
            m_rows.push_back(rowFor(m_dataset->summary(i)));
    }
    endResetModel();
}

void LibraryModel::refreshRow(int index)
{
    m_rows[static_cast<std::size_t>(index)] = rowFor(m_dataset->summary(static_cast<std::size_t>(index)));
    emit dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
}

int LibraryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LibraryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LibraryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Row& r = row(index.row());
    const auto column = static_cast<Column>(index.column());
    if (role == SortRole) {
        switch (column) {
        case Tempo: return r.tempo;
        case Duration: return r.duration;
        case Energy: return r.energy;
        case Vocals: return r.vocals;
        case Included: return r.included;
        default: break;
        }
        role = Qt::DisplayRole;
    }
    if (role == Qt::CheckStateRole && column == Included)
        return r.included ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::TextAlignmentRole && (column == Tempo || column == Duration || column == Energy))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Title: return r.title;
    case Artist: return r.artist;
    case Genre: return r.genre;
    case Tempo: return r.tempo > 0 ? QString::number(r.tempo, 'f', 1) : QString();
    case Key: return r.key;
    case Meter: return r.meter;
    case Duration: return positionText(r.duration).section(QLatin1Char('.'), 0, 0);
    case Vocals: return r.vocals ? tr("yes") : tr("no");
    case Energy: return QString::number(r.energy, 'f', 2);
    case Included: return QVariant();
    case Path: return r.path;
    case ColumnCount: break;
    }
    return {};
}

QVariant LibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case Title: return tr("Title");
    case Artist: return tr("Artist");
    case Genre: return tr("Genre");
    case Tempo: return tr("BPM");
    case Key: return tr("Key");
    case Meter: return tr("Meter");
    case Duration: return tr("Length");
    case Vocals: return tr("Vocals");
    case Energy: return tr("Energy");
    case Included: return tr("Train");
    case Path: return tr("File");
    case ColumnCount: break;
    }
    return {};
}

TrackFilterModel::TrackFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(LibraryModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void TrackFilterModel::setText(const QString& text)
{
    m_text = text.trimmed().toLower();
    invalidateRowsFilter();
}

void TrackFilterModel::setGenre(const QString& genre)
{
    m_genre = genre;
    invalidateRowsFilter();
}

void TrackFilterModel::setArtist(const QString& artist)
{
    m_artist = artist;
    invalidateRowsFilter();
}

void TrackFilterModel::setTempoRange(double minimum, double maximum)
{
    m_tempoMin = minimum;
    m_tempoMax = maximum;
    invalidateRowsFilter();
}

void TrackFilterModel::setKey(const QString& key)
{
    m_key = key;
    invalidateRowsFilter();
}

void TrackFilterModel::setVocals(Vocals vocals)
{
    m_vocals = vocals;
    invalidateRowsFilter();
}

void TrackFilterModel::setChosenRows(std::vector<bool> rows)
{
    m_chosen = std::move(rows);
    invalidate();
}

bool TrackFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    if (!m_chosen.empty() && (static_cast<std::size_t>(sourceRow) >= m_chosen.size() || !m_chosen[static_cast<std::size_t>(sourceRow)]))
        return false;
    const auto* library = static_cast<const LibraryModel*>(sourceModel());
    const LibraryModel::Row& row = library->row(sourceRow);
    if (!m_text.isEmpty() && !row.searchText.contains(m_text))
        return false;
    if (!m_genre.isEmpty() && row.genre.compare(m_genre, Qt::CaseInsensitive) != 0)
        return false;
    if (!m_artist.isEmpty() && row.artist != m_artist)
        return false;
    if (!m_key.isEmpty() && row.key != m_key)
        return false;
    if (m_tempoMin > 0 && row.tempo < m_tempoMin)
        return false;
    if (m_tempoMax > 0 && (row.tempo <= 0 || row.tempo > m_tempoMax))
        return false;
    if (m_vocals != Vocals::Any && row.vocals != (m_vocals == Vocals::With))
        return false;
    return true;
}

}  // namespace muze
