#include "ui/SectionForm.h"

#include "core/common/Error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

#include <sstream>

namespace muze {
namespace {

constexpr int kLyricsSettleMs = 700;

std::vector<std::string> wordsOf(const QString& text)
{
    std::vector<std::string> words;
    std::istringstream in(text.toStdString());
    for (std::string word; in >> word;)
        words.push_back(word);
    return words;
}

QString joined(const std::vector<std::string>& words)
{
    QStringList list;
    for (const std::string& word : words)
        list << QString::fromStdString(word);
    return list.join(' ');
}

}  // namespace

SectionForm::SectionForm(QWidget* parent)
    : QWidget(parent),
      m_type(new QComboBox(this)),
      m_energy(new QDoubleSpinBox(this)),
      m_tempo(new QDoubleSpinBox(this)),
      m_key(new QLineEdit(this)),
      m_timeSignature(new QComboBox(this)),
      m_chords(new QLineEdit(this)),
      m_chordProblem(new QLabel(this)),
      m_vocals(new QCheckBox(tr("Sung"), this)),
      m_lyrics(new QPlainTextEdit(this))
{
    m_type->setObjectName(QStringLiteral("sectionType"));
    m_tempo->setObjectName(QStringLiteral("sectionTempo"));
    m_key->setObjectName(QStringLiteral("sectionKey"));
    m_chords->setObjectName(QStringLiteral("sectionChords"));
    m_lyrics->setObjectName(QStringLiteral("sectionLyrics"));
    for (const std::string& type : planSectionTypes())
        m_type->addItem(QString::fromStdString(type));
    for (const std::string& meter : planTimeSignatures())
        m_timeSignature->addItem(QString::fromStdString(meter));
    m_energy->setRange(0.0, 1.0);
    m_energy->setSingleStep(0.05);
    m_tempo->setRange(kMinPlanTempo, kMaxPlanTempo);
    m_tempo->setSuffix(tr(" BPM"));
    m_tempo->setDecimals(1);
    m_key->setPlaceholderText(tr("A minor, Eb major"));
    m_chords->setPlaceholderText(tr("one a bar: C G Am F"));
    m_chordProblem->setWordWrap(true);
    m_chordProblem->hide();
    m_lyrics->setPlaceholderText(tr("The words sung in this section, a line a line (the song's lyrics are shared out otherwise)"));
    m_lyrics->setMaximumHeight(90);
    m_lyricsSettle.setSingleShot(true);
    m_lyricsSettle.setInterval(kLyricsSettleMs);

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Type:"), m_type);
    form->addRow(tr("Energy:"), m_energy);
    form->addRow(tr("Tempo:"), m_tempo);
    form->addRow(tr("Key:"), m_key);
    form->addRow(tr("Time signature:"), m_timeSignature);
    form->addRow(tr("Chords:"), m_chords);
    form->addRow(QString(), m_chordProblem);
    form->addRow(tr("Vocals:"), m_vocals);
    form->addRow(tr("Lyrics:"), m_lyrics);

    connect(m_type, &QComboBox::currentIndexChanged, this, &SectionForm::offer);
    connect(m_timeSignature, &QComboBox::currentIndexChanged, this, &SectionForm::offer);
    connect(m_energy, &QDoubleSpinBox::editingFinished, this, &SectionForm::offer);
    connect(m_tempo, &QDoubleSpinBox::editingFinished, this, &SectionForm::offer);
    connect(m_key, &QLineEdit::editingFinished, this, &SectionForm::offer);
    connect(m_chords, &QLineEdit::textEdited, this, &SectionForm::chordsAreValid);
    connect(m_chords, &QLineEdit::editingFinished, this, &SectionForm::offer);
    connect(m_vocals, &QCheckBox::toggled, this, &SectionForm::offer);
    connect(m_lyrics, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_showing)
            m_lyricsSettle.start();
    });
    connect(&m_lyricsSettle, &QTimer::timeout, this, &SectionForm::offer);
    showSection(nullptr);
}

void SectionForm::showSection(const PlanSection* section)
{
    m_showing = true;
    setEnabled(section != nullptr);
    m_section = section ? *section : PlanSection{};
    m_type->setCurrentText(QString::fromStdString(m_section.type));
    m_energy->setValue(m_section.energy);
    m_tempo->setValue(m_section.tempo);
    m_key->setText(QString::fromStdString(m_section.key));
    m_timeSignature->setCurrentText(QString::fromStdString(m_section.timeSignature));
    m_chords->setText(joined(m_section.chords));
    m_chordProblem->hide();
    m_vocals->setChecked(m_section.hasVocals);
    if (m_lyrics->toPlainText() != QString::fromStdString(m_section.lyrics))
        m_lyrics->setPlainText(QString::fromStdString(m_section.lyrics));
    m_lyricsSettle.stop();
    m_showing = false;
}

bool SectionForm::chordsAreValid()
{
    for (const std::string& chord : wordsOf(m_chords->text())) {
        try {
            chordLabel(chord);
        } catch (const Error&) {
            m_chordProblem->setText(tr("\"%1\" is not a chord the studio reads: a root (C, F#, Bb) with m, 7, maj7, sus4, dim or aug.")
                                        .arg(QString::fromStdString(chord)));
            m_chordProblem->show();
            return false;
        }
    }
    m_chordProblem->hide();
    return true;
}

void SectionForm::offer()
{
    if (m_showing || !isEnabled() || !chordsAreValid())
        return;
    PlanSection section = m_section;
    section.type = m_type->currentText().toStdString();
    section.energy = m_energy->value();
    section.tempo = m_tempo->value();
    section.key = m_key->text().trimmed().toStdString();
    section.timeSignature = m_timeSignature->currentText().toStdString();
    section.chords = wordsOf(m_chords->text());
    section.hasVocals = m_vocals->isChecked();
    section.lyrics = m_lyrics->toPlainText().toStdString();
    emit edited(section);  // the editor lets an edit that changes nothing pass without a trace
}

}  // namespace muze
