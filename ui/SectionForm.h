#pragma once

#include "core/generation/SongPlan.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace muze {

// One section's fields: type, energy, tempo, key, time signature, chords ("C G Am F", checked as
// typed), whether it has vocals, and its lyrics. Each finished edit is offered as the whole section,
// for the plan editor to make (and undo); text is checked before it is offered.
class SectionForm : public QWidget {
    Q_OBJECT

public:
    explicit SectionForm(QWidget* parent = nullptr);

    // Shows a section without offering it back; nullptr empties and disables the form.
    void showSection(const PlanSection* section);

signals:
    void edited(const muze::PlanSection& section);

private:
    void offer();
    bool chordsAreValid();

    PlanSection m_section;
    QComboBox* m_type;
    QDoubleSpinBox* m_energy;
    QDoubleSpinBox* m_tempo;
    QLineEdit* m_key;
    QComboBox* m_timeSignature;
    QLineEdit* m_chords;
    QLabel* m_chordProblem;
    QCheckBox* m_vocals;
    QPlainTextEdit* m_lyrics;
    QTimer m_lyricsSettle;  // lyrics are offered once typing pauses
    bool m_showing = false;
};

}  // namespace muze
