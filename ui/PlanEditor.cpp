#include "ui/PlanEditor.h"

#include "core/common/Error.h"

#include <QFileInfo>
#include <QUndoStack>

#include <cmath>

namespace muze {

// One edit: the plan before and after it (plans are small).
class PlanChange : public QUndoCommand {
public:
    PlanChange(PlanEditor& editor, SongPlan before, SongPlan after, const QString& text)
        : QUndoCommand(text), m_editor(editor), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    void undo() override { m_editor.apply(m_before); }
    void redo() override { m_editor.apply(m_after); }

private:
    PlanEditor& m_editor;
    SongPlan m_before;
    SongPlan m_after;
};

namespace {

constexpr int kNewSectionBars = 8;

int barsIn(const PlanSection& section)
{
    return std::max(1, static_cast<int>(std::lround(section.duration / section.barSeconds())));
}

// Starts back to back from 0, each section `bars[i]` bars long.
void layOut(SongPlan& plan, const std::vector<int>& bars)
{
    double start = 0.0;
    for (std::size_t i = 0; i < plan.sections.size(); ++i) {
        plan.sections[i].start = start;
        plan.sections[i].duration = bars[i] * plan.sections[i].barSeconds();
        start += plan.sections[i].duration;
    }
}

std::vector<int> barsOfAll(const SongPlan& plan)
{
    std::vector<int> bars;
    for (const PlanSection& section : plan.sections)
        bars.push_back(barsIn(section));
    return bars;
}

bool validIndex(const SongPlan& plan, int index)
{
    return index >= 0 && static_cast<std::size_t>(index) < plan.sections.size();
}

}  // namespace

PlanEditor::PlanEditor(QObject* parent) : QObject(parent), m_undo(new QUndoStack(this)) {}

int PlanEditor::barsOf(int index) const
{
    return validIndex(m_plan, index) ? barsIn(m_plan.sections[static_cast<std::size_t>(index)]) : 0;
}

void PlanEditor::setPlan(SongPlan plan)
{
    m_undo->clear();
    apply(plan);
}

std::optional<QString> PlanEditor::load(const QString& path)
{
    SongPlan plan = loadPlan(path.toStdString());
    if (m_plan.sections.empty()) {
        setPlan(std::move(plan));
        return std::nullopt;
    }
    return replacePlan(std::move(plan), tr("Open %1").arg(QFileInfo(path).fileName()));
}

void PlanEditor::save(const QString& path) const
{
    savePlan(path.toStdString(), m_plan);
}

void PlanEditor::apply(const SongPlan& plan)
{
    m_plan = plan;
    emit changed();
}

std::optional<QString> PlanEditor::change(SongPlan after, const QString& what)
{
    try {
        after = planFromJson(toJson(after));  // the checks a generator relies on
    } catch (const Error& error) {
        return QString::fromStdString(error.what());
    }
    if (toJson(after) == toJson(m_plan))
        return std::nullopt;  // nothing to undo
    m_undo->push(new PlanChange(*this, m_plan, std::move(after), what));
    return std::nullopt;
}

std::optional<QString> PlanEditor::addSection(int after)
{
    SongPlan plan = m_plan;
    std::vector<int> bars = barsOfAll(plan);
    const auto at = static_cast<std::size_t>(std::clamp(after + 1, 0, static_cast<int>(plan.sections.size())));
    PlanSection section = plan.sections.empty() ? PlanSection{} : plan.sections[at == 0 ? 0 : at - 1];
    section.type = "verse";
    section.chords = section.chords.empty() ? std::vector<std::string>{} : std::vector<std::string>{section.chords.front()};
    section.lyrics.clear();
    plan.sections.insert(plan.sections.begin() + static_cast<std::ptrdiff_t>(at), section);
    bars.insert(bars.begin() + static_cast<std::ptrdiff_t>(at), kNewSectionBars);
    layOut(plan, bars);
    return change(std::move(plan), tr("Add a section"));
}

std::optional<QString> PlanEditor::removeSection(int index)
{
    if (!validIndex(m_plan, index) || m_plan.sections.size() == 1)
        return tr("A song keeps at least one section.");
    SongPlan plan = m_plan;
    std::vector<int> bars = barsOfAll(plan);
    plan.sections.erase(plan.sections.begin() + index);
    bars.erase(bars.begin() + index);
    layOut(plan, bars);
    return change(std::move(plan), tr("Remove the %1").arg(QString::fromStdString(m_plan.sections[static_cast<std::size_t>(index)].type)));
}

std::optional<QString> PlanEditor::duplicateSection(int index)
{
    if (!validIndex(m_plan, index))
        return tr("Choose a section first.");
    SongPlan plan = m_plan;
    std::vector<int> bars = barsOfAll(plan);
    plan.sections.insert(plan.sections.begin() + index + 1, plan.sections[static_cast<std::size_t>(index)]);
    bars.insert(bars.begin() + index + 1, bars[static_cast<std::size_t>(index)]);
    layOut(plan, bars);
    return change(std::move(plan), tr("Duplicate the %1").arg(QString::fromStdString(m_plan.sections[static_cast<std::size_t>(index)].type)));
}

std::optional<QString> PlanEditor::moveSection(int from, int to)
{
    if (!validIndex(m_plan, from) || !validIndex(m_plan, to) || from == to)
        return tr("There is no such place to move the section to.");
    SongPlan plan = m_plan;
    std::vector<int> bars = barsOfAll(plan);
    const PlanSection moved = plan.sections[static_cast<std::size_t>(from)];
    const int movedBars = bars[static_cast<std::size_t>(from)];
    plan.sections.erase(plan.sections.begin() + from);
    bars.erase(bars.begin() + from);
    plan.sections.insert(plan.sections.begin() + to, moved);
    bars.insert(bars.begin() + to, movedBars);
    layOut(plan, bars);
    return change(std::move(plan), tr("Move the %1").arg(QString::fromStdString(moved.type)));
}

std::optional<QString> PlanEditor::resizeSection(int index, int bars)
{
    if (!validIndex(m_plan, index) || bars < 1)
        return tr("A section lasts one bar or more.");
    SongPlan plan = m_plan;
    std::vector<int> allBars = barsOfAll(plan);
    allBars[static_cast<std::size_t>(index)] = bars;
    layOut(plan, allBars);
    return change(std::move(plan), tr("Make the %1 %n bar(s) long", nullptr, bars).arg(QString::fromStdString(plan.sections[static_cast<std::size_t>(index)].type)));
}

std::optional<QString> PlanEditor::editSection(int index, const PlanSection& section)
{
    if (!validIndex(m_plan, index))
        return tr("Choose a section first.");
    if (section.tempo < kMinPlanTempo || section.tempo > kMaxPlanTempo)
        return tr("A tempo between %1 and %2 BPM, please.").arg(kMinPlanTempo).arg(kMaxPlanTempo);
    if (section.beatsPerBar() == 0)
        return tr("The time signature \"%1\" is not one the models know.").arg(QString::fromStdString(section.timeSignature));
    SongPlan plan = m_plan;
    std::vector<int> bars = barsOfAll(plan);
    plan.sections[static_cast<std::size_t>(index)] = section;
    layOut(plan, bars);
    return change(std::move(plan), tr("Edit the %1").arg(QString::fromStdString(section.type)));
}

void PlanEditor::setPrompt(const QString& prompt)
{
    if (prompt.toStdString() == m_plan.prompt)
        return;
    SongPlan plan = m_plan;
    plan.prompt = prompt.toStdString();
    change(std::move(plan), tr("Edit the prompt"));
}

std::optional<QString> PlanEditor::replacePlan(SongPlan plan, const QString& what)
{
    return change(std::move(plan), what);
}

}  // namespace muze
