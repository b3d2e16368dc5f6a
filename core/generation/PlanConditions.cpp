#include "core/generation/PlanConditions.h"

#include "core/training/Transposition.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

void addBeats(const PlanSection& s, Json& beats, Json& downbeats)
{
    const double beat = 60.0 / s.tempo;
    const auto count = static_cast<int>(std::ceil(s.duration / beat - 1e-6));
    for (int k = 0; k < count; ++k) {
        const double at = s.start + k * beat;
        beats.push_back(at);
        if (k % s.beatsPerBar() == 0)
            downbeats.push_back(at);
    }
}

void addChords(const PlanSection& s, Json& chords)
{
    if (s.chords.empty())
        return;
    const auto bars = static_cast<int>(std::ceil(s.duration / s.barSeconds() - 1e-6));
    for (int bar = 0; bar < bars; ++bar) {
        const double start = s.start + bar * s.barSeconds();
        chords.push_back({{"start", start},
                          {"end", std::min(s.end(), start + s.barSeconds())},
                          {"label", chordLabel(s.chords[static_cast<std::size_t>(bar) % s.chords.size()])}});
    }
}

}  // namespace

Record planRecord(const SongPlan& plan, std::size_t section)
{
    Json segments = Json::array();
    Json beats = Json::array();
    Json downbeats = Json::array();
    Json chords = Json::array();
    for (const PlanSection& s : plan.sections) {
        segments.push_back({{"type", s.type}, {"start", s.start}, {"end", s.end()}, {"energy", s.energy}, {"has_vocals", s.hasVocals}});
        addBeats(s, beats, downbeats);
        addChords(s, chords);
    }
    const PlanSection& own = plan.sections.at(section);
    Record record;
    record[field::kPrompt] = plan.prompt;
    record["duration"] = plan.duration();
    record["tempo"] = own.tempo;
    record["key"] = own.key;
    record["time_signature"] = own.timeSignature;
    record["energy"] = own.energy;
    record["has_vocals"] = own.hasVocals;
    record[field::kSegments] = segments;
    record["beat_positions"] = beats;
    record["downbeat_positions"] = downbeats;
    record["chords"] = chords;
    return record;
}

ExampleConditions sectionConditions(const SongPlan& plan, std::size_t section, int frames, double frameSeconds, const EnergyCurveLine& energyCurve,
                                    const std::optional<VoiceStyle>& style, int semitones)
{
    const PlanSection& s = plan.sections.at(section);
    ExampleConditions conditions = conditionsAt(transposedRecord(planRecord(plan, section), semitones), {s.start, frames, frameSeconds},
                                                torch::full({frames}, energyCurve.levelAt(s.energy)));
    if (style) {
        conditions.voice = style->voice;
        conditions.ecapa = style->ecapa;
    }
    return conditions;
}

}  // namespace muze
