#pragma once

#include "core/generation/SongPlan.h"

#include <QObject>
#include <QString>

#include <optional>

class QUndoStack;

namespace muze {

// A song plan being edited. Every edit is a command on the undo stack; sections stay back to back
// from 0, each a whole number of bars of its own tempo and time signature, and an edit that would
// make the plan invalid (an unknown chord, a tempo out of range) is refused with the reason; one
// that changes nothing leaves no step to undo.
class PlanEditor : public QObject {
    Q_OBJECT

public:
    explicit PlanEditor(QObject* parent = nullptr);

    const SongPlan& plan() const { return m_plan; }
    QUndoStack* undoStack() const { return m_undo; }
    int barsOf(int index) const;

    // A new plan to edit: the undo history starts again.
    void setPlan(SongPlan plan);
    // The plan in a file (a plan JSON or a song's OUTPUT.json) in place of the one being edited, as
    // an edit that undoes; the refusal when it is no change. Both throw Error naming the file and
    // what is wrong with it, and then the plan being edited stays.
    std::optional<QString> load(const QString& path);
    void save(const QString& path) const;

    // Each returns the reason when the edit is refused (and nothing changes).
    std::optional<QString> addSection(int after);  // a verse of 8 bars in the tempo and key of the one before; -1 adds at the start
    std::optional<QString> removeSection(int index);
    std::optional<QString> duplicateSection(int index);
    std::optional<QString> moveSection(int from, int to);
    std::optional<QString> resizeSection(int index, int bars);
    // Any of a section's fields; a new tempo or time signature keeps its number of bars.
    std::optional<QString> editSection(int index, const PlanSection& section);
    void setPrompt(const QString& prompt);
    // Another plan altogether (a template's, a take's), as one edit that can be undone.
    std::optional<QString> replacePlan(SongPlan plan, const QString& what);

signals:
    void changed();

private:
    friend class PlanChange;
    std::optional<QString> change(SongPlan after, const QString& what);
    void apply(const SongPlan& plan);

    SongPlan m_plan;
    QUndoStack* m_undo;
};

}  // namespace muze
