#pragma once

// What a dataset holds, for a trainer to look at before training (`muze dataset-stats`): how the
// tracks spread over tempo, key, genre, duration, vocals and sections, which fields are missing,
// and what is thin, doubtful or doubled.

#include "core/dataset/TrackRecord.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace muze {

struct Count {
    std::string name;
    int tracks = 0;
};

// Bins of equal width from `start`; a value below the first or past the last falls in it.
struct Histogram {
    double start = 0.0;
    double width = 1.0;
    std::vector<int> counts;
};

struct StatsWarning {
    std::string kind;                 // thin_key, thin_tempo, no_beats, no_sections, duplicate
    std::string message;              // a sentence for the trainer
    std::vector<std::string> tracks;  // the audio_paths it is about, when it is about tracks
};

// Hours of audio each training phase would see: the included tracks, and for the planner only those
// with sections.
struct PhaseHours {
    double vaeAndVocoder = 0.0;
    double planner = 0.0;
    double diffusion = 0.0;
};

struct DatasetStats {
    int tracks = 0;
    int included = 0;
    double hours = 0.0;
    int withVocals = 0;  // has_vocals true
    // Most tracks first; a track without the field is not counted.
    std::vector<Count> keys, modes, timeSignatures, genres, artists, years, sectionTypes;
    Histogram tempo, duration, loudness, energy, sectionSeconds;
    std::vector<Count> nullFields;      // fields null or absent in some records, and in how many
    std::vector<std::string> leftOut;   // include_in_training false
    PhaseHours phaseHours;
    std::vector<StatsWarning> warnings;
};

inline constexpr int kThinCount = 5;  // fewer tracks than this in a key or tempo band is thin

DatasetStats datasetStats(const std::vector<Record>& records);
nlohmann::ordered_json toJson(const DatasetStats& stats);

}  // namespace muze
