#include "ui/TrackDetailPanel.h"

#include "core/common/Error.h"
#include "core/dataset/DatasetStats.h"
#include "core/dataset/LlmPrompts.h"
#include "core/dataset/TextFields.h"
#include "ui/AppSettings.h"
#include "ui/PlaybackBinder.h"
#include "ui/SummaryWaveformSource.h"
#include "widgets/TimeText.h"
#include "widgets/TransportBar.h"
#include "widgets/WaveformView.h"
#include "workers/AudioLoadJob.h"

#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kTypingPauseMs = 600;
const char* const kSectionTypes[] = {"intro", "verse", "chorus", "bridge", "outro"};

QString textField(const Record& record, const char* name)
{
    const auto found = record.find(name);
    return found != record.end() && found->is_string() ? QString::fromStdString(found->get<std::string>()) : QString();
}

bool isTimedObject(const Json& item)
{
    return item.is_object() && item.contains("start") && item.contains("end") && item["start"].is_number() && item["end"].is_number();
}

QVector<TimelineSpan> spansOf(const Record& record, const char* name, const char* labelField)
{
    QVector<TimelineSpan> spans;
    const auto found = record.find(name);
    if (found == record.end() || !found->is_array())
        return spans;
    for (const auto& item : *found) {
        if (isTimedObject(item))
            spans.push_back({item["start"].get<double>(), item["end"].get<double>(),
                             item.contains(labelField) && item[labelField].is_string() ? QString::fromStdString(item[labelField].get<std::string>()) : QString()});
        else if (item.is_array() && item.size() == 2 && item[0].is_number() && item[1].is_number())  // vocal_regions: [start, end]
            spans.push_back({item[0].get<double>(), item[1].get<double>(), QString()});
    }
    return spans;
}

// The analysis's confidence in each section spansOf lists; none for a section named by hand.
QVector<std::optional<double>> sectionConfidences(const Record& record)
{
    QVector<std::optional<double>> confidences;
    const auto found = record.find(field::kSegments);
    if (found == record.end() || !found->is_array())
        return confidences;
    for (const auto& item : *found)
        if (isTimedObject(item))
            confidences.push_back(item.contains("confidence") && item["confidence"].is_number() ? std::optional(item["confidence"].get<double>())
                                                                                                : std::nullopt);
    return confidences;
}

bool sameSeconds(const Json& a, const Json& b)
{
    return a.is_number() && b.is_number() && std::abs(a.get<double>() - b.get<double>()) < 0.005;  // the table shows hundredths
}

QVector<double> timesOf(const Record& record, const char* name)
{
    QVector<double> times;
    const auto found = record.find(name);
    if (found == record.end() || !found->is_array())
        return times;
    for (const auto& item : *found) {
        if (item.is_number())
            times.push_back(item.get<double>());
        else if (item.is_array() && !item.empty() && item[0].is_number())  // beat_positions: [start, end] pairs
            times.push_back(item[0].get<double>());
    }
    return times;
}

}  // namespace

TrackDetailPanel::TrackDetailPanel(PlaybackController& playback, QWidget* parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_details(new QLabel(this)),
      m_waveform(new WaveformView(this)),
      m_transport(new TransportBar(this)),
      m_binder(new PlaybackBinder(playback, m_transport, this)),
      m_prompt(new QPlainTextEdit(this)),
      m_lyrics(new QPlainTextEdit(this)),
      m_genre(new QLineEdit(this)),
      m_include(new QCheckBox(tr("Train on this song"), this)),
      m_sections(new QTableWidget(0, 4, this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("trackTitle"));
    m_details->setWordWrap(true);
    m_waveform->setMinimumHeight(150);
    m_binder->addTimeline(m_waveform);
    m_prompt->setObjectName(QStringLiteral("prompt"));
    m_prompt->setMaximumHeight(70);
    m_prompt->setToolTip(tr("The description the model learns this song by."));
    m_lyrics->setObjectName(QStringLiteral("lyrics"));
    m_genre->setObjectName(QStringLiteral("genre"));
    m_include->setObjectName(QStringLiteral("include"));
    m_sections->setObjectName(QStringLiteral("sections"));
    m_sections->setHorizontalHeaderLabels({tr("Section"), tr("Start (s)"), tr("End (s)"), tr("Confidence")});
    m_sections->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_sections->verticalHeader()->hide();

    auto* addSection = new QPushButton(tr("Add Section"), this);
    auto* removeSection = new QPushButton(tr("Remove Section"), this);
    auto* sectionButtons = new QHBoxLayout;
    sectionButtons->addWidget(addSection);
    sectionButtons->addWidget(removeSection);
    sectionButtons->addStretch(1);

    auto* form = new QFormLayout;
    form->addRow(tr("Prompt:"), m_prompt);
    form->addRow(tr("Lyrics:"), m_lyrics);
    form->addRow(tr("Genre:"), m_genre);
    form->addRow(QString(), m_include);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_waveform, 2);
    layout->addWidget(m_transport);
    layout->addLayout(form, 2);
    layout->addWidget(m_sections, 1);
    layout->addLayout(sectionButtons);

    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(kTypingPauseMs);
    connect(&m_typingPause, &QTimer::timeout, this, &TrackDetailPanel::commitPending);
    for (QPlainTextEdit* editor : {m_prompt, m_lyrics})
        connect(editor, &QPlainTextEdit::textChanged, this, [this] {
            if (!m_updating)
                m_typingPause.start();
        });
    connect(m_genre, &QLineEdit::textEdited, this, [this] { m_typingPause.start(); });
    connect(m_include, &QCheckBox::stateChanged, this, [this](int state) {
        if (m_updating || state == Qt::PartiallyChecked)
            return;
        m_include->setTristate(false);  // set now: no longer unknown
        const bool on = state == Qt::Checked;
        commit(IncludeEdit, field::kIncluded, on, on ? tr("Include in training") : tr("Leave out of training"));
    });
    connect(m_sections, &QTableWidget::itemChanged, this, [this] {
        if (!m_updating)
            commit(SectionsEdit, field::kSegments, sectionsFromTable(), tr("Edit sections"));
    });
    connect(addSection, &QPushButton::clicked, this, &TrackDetailPanel::addSection);
    connect(removeSection, &QPushButton::clicked, this, &TrackDetailPanel::removeSection);
    clear();
}

TrackDetailPanel::~TrackDetailPanel() = default;

void TrackDetailPanel::clear()
{
    commitPending();
    m_index = -1;
    m_record = Record::object();
    m_title->setText(tr("No song selected"));
    m_details->clear();
    m_waveform->setSource(nullptr);
    m_binder->setSource(nullptr);
    setEnabled(false);
}

void TrackDetailPanel::showTrack(int index, const Record& record, const QString& audioFile)
{
    commitPending();
    setEnabled(true);
    m_index = index;
    m_record = record;
    showFields();
    m_waveform->setSource(nullptr);
    m_binder->setSource(nullptr);
    if (audioFile.isEmpty()) {
        m_details->setText(tr("The song's file cannot be found; its record can still be edited."));
        return;
    }
    m_details->setText(audioFile);
    loadAudio(audioFile);
}

void TrackDetailPanel::refresh(const Record& record)
{
    m_record = record;
    showFields();
    showAnnotations();
}

void TrackDetailPanel::showFields()
{
    m_updating = true;
    m_title->setText(textField(m_record, field::kTitle).isEmpty() ? QFileInfo(textField(m_record, field::kAudioPath)).completeBaseName()
                                                                  : textField(m_record, field::kTitle));
    // Only changed text is replaced, so a refresh after the user's own edit keeps their cursor.
    if (m_prompt->toPlainText() != textField(m_record, field::kPrompt))
        m_prompt->setPlainText(textField(m_record, field::kPrompt));
    if (m_lyrics->toPlainText() != textField(m_record, field::kLyrics))
        m_lyrics->setPlainText(textField(m_record, field::kLyrics));
    if (m_genre->text() != textField(m_record, field::kGenre))
        m_genre->setText(textField(m_record, field::kGenre));
    // A value of another type (1, "yes") shows as unknown until the user sets it.
    const auto included = m_record.find(field::kIncluded);
    const bool known = included == m_record.end() || included->is_boolean();
    m_include->setTristate(!known);
    m_include->setCheckState(!known ? Qt::PartiallyChecked : valueOr(m_record, field::kIncluded, true) ? Qt::Checked : Qt::Unchecked);

    const QVector<TimelineSpan> sections = spansOf(m_record, field::kSegments, "type");
    const QVector<std::optional<double>> confidences = sectionConfidences(m_record);
    m_sections->setRowCount(static_cast<int>(sections.size()));
    for (int row = 0; row < sections.size(); ++row) {
        auto* type = new QComboBox(m_sections);
        for (const char* name : kSectionTypes)
            type->addItem(QString::fromLatin1(name));
        type->setCurrentText(sections[row].label);
        connect(type, &QComboBox::currentTextChanged, this, [this] {
            if (!m_updating)
                commit(SectionsEdit, field::kSegments, sectionsFromTable(), tr("Edit sections"));
        });
        m_sections->setCellWidget(row, 0, type);
        m_sections->setItem(row, 1, new QTableWidgetItem(QString::number(sections[row].start, 'f', 2)));
        m_sections->setItem(row, 2, new QTableWidgetItem(QString::number(sections[row].end, 'f', 2)));
        m_sections->setItem(row, 3, confidenceItem(confidences.value(row)));
    }
    m_updating = false;
}

void TrackDetailPanel::showAnnotations()
{
    TimelineAnnotations annotations;
    annotations.sections = spansOf(m_record, field::kSegments, "type");
    annotations.beats = timesOf(m_record, "beat_positions");
    annotations.downbeats = timesOf(m_record, "downbeat_positions");
    annotations.voice = spansOf(m_record, "vocal_regions", "");
    annotations.chords = spansOf(m_record, "chords", "label");
    m_waveform->setAnnotations(annotations);
}

void TrackDetailPanel::togglePlayPause() { m_binder->togglePlayPause(); }
void TrackDetailPanel::stop() { m_binder->stop(); }
void TrackDetailPanel::seekBy(double seconds) { m_binder->seekBy(seconds); }

void TrackDetailPanel::loadAudio(const QString& file)
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
        connect(m_job, &Job::finished, m_job, &QObject::deleteLater);
    }
    m_job = new AudioLoadJob(file, AppSettings().maxDurationMinutes() * 60.0, this);
    const int index = m_index;
    connect(m_job, &AudioLoadJob::loaded, this, [this, index](const std::shared_ptr<const LoadedAudio>& audio) {
        if (index != m_index)
            return;
        m_waveform->setSource(std::make_shared<SummaryWaveformSource>(audio->waveform));
        showAnnotations();
        m_binder->setSource(audio->playback);
    });
    connect(m_job, &Job::failed, this, [this](const QString& message) { m_details->setText(message); });
    connect(m_job, &Job::finished, m_job, &QObject::deleteLater);
    m_job->start();
}

void TrackDetailPanel::commitPending()
{
    m_typingPause.stop();
    if (m_index < 0)
        return;
    if (m_prompt->toPlainText() != textField(m_record, field::kPrompt))
        commit(PromptEdit, field::kPrompt, m_prompt->toPlainText().toStdString(), tr("Edit prompt"));
    if (m_lyrics->toPlainText() != textField(m_record, field::kLyrics))
        commit(LyricsEdit, field::kLyrics, m_lyrics->toPlainText().toStdString(), tr("Edit lyrics"));
    if (m_genre->text() != textField(m_record, field::kGenre))
        commit(GenreEdit, field::kGenre, m_genre->text().toStdString(), tr("Edit genre"));
}

void TrackDetailPanel::commit(EditKind kind, const char* name, const Json& value, const QString& description)
{
    if (m_index < 0)
        return;
    Record after = m_record;
    after[name] = value;
    updateDerivedFields(kind, after);
    markUserEdited(after, name);
    const Record before = m_record;
    m_record = after;
    emit this->edited(m_index, before, after, description, kind);
}

// What follows from the words keeps following them, and undoes with the edit.
void TrackDetailPanel::updateDerivedFields(EditKind kind, Record& record) const
{
    if (kind == PromptEdit) {
        record[kPromptSource] = kUserPromptSource;
        refreshPromptFields(record, nullptr);  // the next build with a CLAP encoder embeds the new prompt
    } else if (kind == LyricsEdit) {
        try {
            refreshLyricFields(record, m_lyricsLanguage);
        } catch (const Error&) {  // espeak-ng lost the voice it built with: no phonemes rather than stale ones
            record["phonemes_ipa"] = nullptr;
            record["phoneme_timestamps"] = Json::array();
        }
    }
}

Json TrackDetailPanel::sectionsFromTable() const
{
    // Each section keeps the analysed fields it had (energy, has_vocals, lyrics) by position.
    const auto old = m_record.find(field::kSegments);
    Json sections = Json::array();
    for (int row = 0; row < m_sections->rowCount(); ++row) {
        Json section = old != m_record.end() && old->is_array() && static_cast<std::size_t>(row) < old->size() ? (*old)[static_cast<std::size_t>(row)] : Json::object();
        if (!section.is_object())
            section = Json::object();
        const Json analysed = section;
        const auto* type = qobject_cast<QComboBox*>(m_sections->cellWidget(row, 0));
        section["type"] = type ? type->currentText().toStdString() : "verse";
        bool startOk = false;
        bool endOk = false;
        const double start = m_sections->item(row, 1) ? m_sections->item(row, 1)->text().toDouble(&startOk) : 0.0;
        const double end = m_sections->item(row, 2) ? m_sections->item(row, 2)->text().toDouble(&endOk) : 0.0;
        section["start"] = startOk ? start : valueOr(section, "start", 0.0);
        section["end"] = endOk && end > start ? end : valueOr(section, "end", start);
        const bool changed = section["type"] != analysed.value("type", Json()) || !sameSeconds(section["start"], analysed.value("start", Json())) ||
                             !sameSeconds(section["end"], analysed.value("end", Json()));
        if (changed)
            section.erase("confidence");  // the analysis no longer vouches for it
        sections.push_back(section);
    }
    return sections;
}

QTableWidgetItem* TrackDetailPanel::confidenceItem(std::optional<double> confidence)
{
    auto* item = new QTableWidgetItem(confidence ? QStringLiteral("%1%").arg(qRound(*confidence * 100)) : QStringLiteral("–"));
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    if (!confidence) {
        item->setToolTip(tr("Named by hand or by another tool: the analysis did not rate it."));
    } else if (*confidence < kDoubtfulSections) {
        item->setBackground(QColor(255, 180, 0, 90));
        item->setToolTip(tr("Doubtful: the analysis is unsure of this section's name or boundaries. Listen and correct it."));
    } else {
        item->setToolTip(tr("How likely the analysis named this section and placed its boundaries right."));
    }
    return item;
}

void TrackDetailPanel::addSection()
{
    Json sections = sectionsFromTable();
    const double start = sections.empty() ? 0.0 : valueOr(sections.back(), "end", 0.0);
    const double duration = valueOr(m_record, "duration", start + 10.0);
    sections.push_back({{"type", "verse"}, {"start", start}, {"end", std::max(start, duration)}});
    commit(SectionsEdit, field::kSegments, sections, tr("Add section"));
    showFields();
    showAnnotations();
}

void TrackDetailPanel::removeSection()
{
    const int row = m_sections->currentRow();
    if (row < 0)
        return;
    Json sections = sectionsFromTable();
    sections.erase(sections.begin() + row);
    commit(SectionsEdit, field::kSegments, sections, tr("Remove section"));
    showFields();
    showAnnotations();
}

}  // namespace muze
