#pragma once

// What a dataset holds, for a trainer to look at before training (`muze dataset-stats`): how the
// tracks spread over tempo, key, genre, duration, vocals and sections, which fields are missing,
// and what is thin, doubtful or doubled.

#include "core/dataset/TrackRecord.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
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
    std::string kind;                 // thin_key, thin_tempo, no_beats, no_sections, doubtful_sections, duplicate
    std::string subject;              // the key ("C major"), the tempo band ("60-80"); empty for the others
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
inline constexpr double kTempoBand = 20.0;  // BPM: the width of a band the thin-tempo warning counts
// Sections whose confidence, averaged over their time, is below this are doubtful.
inline constexpr double kDoubtfulSections = 0.5;

// What the statistics read of one record, taken once so that the statistics of any set of tracks
// (the Library's filter) need no JSON.
struct TrackFacts {
    std::string path;
    double seconds = 0.0;
    bool included = true;
    bool vocals = false;  // has_vocals true
    std::optional<std::string> key, timeSignature, genre, artist, year;
    std::optional<double> tempo, loudness, energy;
    int sectionCount = 0;
    std::vector<std::pair<std::string, double>> sections;  // type and seconds, where the record says both
    std::optional<double> sectionConfidence;               // by time, when the analysis rated the sections
    bool noBeats = false;
    std::optional<std::string> content;                    // size and hash of the source file
    std::vector<std::pair<std::string, bool>> fields;      // every field, in order, and whether it is null
};

TrackFacts trackFacts(const Record& record);
// The mode of a key ("minor" of "A minor").
std::string modeOf(const std::string& key);

DatasetStats datasetStats(const std::vector<const TrackFacts*>& tracks);
DatasetStats datasetStats(const std::vector<Record>& records);
nlohmann::ordered_json toJson(const DatasetStats& stats);

}  // namespace muze
