#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace muze {

// One section of a song to generate, as the user lays it out (and the plan JSON stores it).
struct PlanSection {
    std::string type = "verse";          // one of kSectionTypes ("intro", "verse", "chorus", ...)
    double start = 0.0;                   // seconds from the song's start
    double duration = 0.0;                // seconds
    double energy = 0.5;                  // 0 quiet .. 1 loud, as the dataset's section energy
    double tempo = 120.0;                 // BPM
    std::string key = "C major";          // as parseKey reads it: "F# minor", "Bb major"
    std::string timeSignature = "4/4";    // beats per bar / beat unit
    std::vector<std::string> chords;      // one per bar, as musicians write them ("C", "Am", "F#m7"), repeated over the section
    bool hasVocals = false;
    std::string lyrics;

    int beatsPerBar() const;
    double barSeconds() const { return beatsPerBar() * 60.0 / tempo; }
    double end() const { return start + duration; }
};

// A song to generate: what it should sound like, and its sections in order, back to back.
struct SongPlan {
    std::string prompt;
    std::vector<PlanSection> sections;

    double duration() const { return sections.empty() ? 0.0 : sections.back().end(); }
};

// Reads a plan from its JSON form, checking everything a generator relies on: known section types,
// keys, time signatures and chords; tempos and energies in range; sections back to back from 0;
// each boundary on a bar line of the section before it. Throws Error(InvalidArgument) with a
// sentence that names the section and the field.
SongPlan planFromJson(const nlohmann::ordered_json& json);
nlohmann::ordered_json toJson(const SongPlan& plan);

// Throws Error(NotFound / Corrupt / InvalidArgument) naming the file.
SongPlan loadPlan(const std::filesystem::path& path);
void savePlan(const std::filesystem::path& path, const SongPlan& plan);  // atomically

// A chord as musicians write it ("C", "Am", "F#m7", "Bbmaj7", "Dsus4") in the dataset's label
// syntax ("C:maj", "A:min"): its triad, major or minor. Throws Error(InvalidArgument) for other text.
std::string chordLabel(const std::string& written);

// The section types and time signatures a plan may name: those the models are conditioned on.
std::vector<std::string> planSectionTypes();
std::vector<std::string> planTimeSignatures();

// Bounds a plan must keep.
inline constexpr double kMinPlanTempo = 30.0;
inline constexpr double kMaxPlanTempo = 300.0;

}  // namespace muze
