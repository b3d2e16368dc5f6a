#pragma once

#include "core/common/JobControl.h"
#include "core/dataset/TrackAnalyzer.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace muze {

struct BuildOptions {
    std::filesystem::path audioDir;
    std::filesystem::path output;     // the dataset JSON
    int jobs = 0;                     // tracks analysed at once; 0: one per core
    std::optional<int> maxTracks;     // the first N files (in path order) only
    bool separateVocals = false;      // write vocal estimates to OUTPUT's .vocals folder
    EncoderFiles encoders;            // the user's TorchScript encoders, loaded by the builder
    AnalysisOptions analysis;         // vocals and cache folders and encoders are filled in by the builder
};

// Files beside the dataset, named after it: data.json gives data.json.errors.json and so on.
struct DatasetPaths {
    std::filesystem::path dataset;
    std::filesystem::path journal;           // progress of an unfinished build, one JSON line per track
    std::filesystem::path errors;            // files that failed, with their reasons
    std::filesystem::path artistEmbeddings;  // mean voice_embedding per artist
    std::filesystem::path cache;             // the feature cache folder (data.cache)
    std::filesystem::path vocals;            // separated vocals (data.vocals)
    std::filesystem::path settings;          // how it was built: the audio folder and the options

    static DatasetPaths forDataset(const std::filesystem::path& dataset);
};

// What a dataset's settings file remembers, so that the Library can find the songs and update the
// dataset the same way.
struct BuildSettings {
    std::filesystem::path audioDir;  // absolute
    bool separateVocals = false;
    bool recognizeSpeech = true;
    std::string language = "en";
};
std::optional<BuildSettings> readBuildSettings(const std::filesystem::path& dataset);

enum class TrackOutcome { Analyzed, Reused, Failed };

// One event per track as the build goes, from the worker threads (serialised by the builder).
struct TrackEvent {
    std::string audioPath;
    bool started = false;        // true: analysis begins; false: it ended with `outcome`
    TrackOutcome outcome = TrackOutcome::Analyzed;
    std::string reason;          // for Failed
    int finished = 0;            // tracks done so far, reused ones included
    int total = 0;
};

struct BuildSummary {
    int total = 0;
    int analyzed = 0;
    int reused = 0;
    int failed = 0;
    int dropped = 0;             // records of files no longer in the folder
    double audioSeconds = 0.0;   // of the tracks analysed this time
};

// Audio files under `folder` (recursively, symbolic links to folders not followed, `skip` folders
// left out), sorted by path. Entries that cannot be examined (a link loop, a folder without
// permission) go to `unreadable` with their reason.
std::vector<std::filesystem::path> findAudioFiles(const std::filesystem::path& folder,
                                                  std::vector<std::pair<std::filesystem::path, std::string>>* unreadable = nullptr,
                                                  const std::vector<std::filesystem::path>& skip = {});

// Builds or updates the dataset for a folder of songs (see README, "Building a dataset"):
// - a file whose size and modification time (or, failing that, content hash) and analysis version
//   match its record is reused; others are analysed, keeping the fields the user edited;
// - every finished track is appended to the journal at once, so a killed build loses at most the
//   tracks in flight, and the next build resumes from the journal;
// - files that fail go to the errors file with their reason, and the build goes on;
// - at the end the dataset, errors and artist embeddings are written atomically and the journal
//   is removed. Cancelling stops after the tracks in flight and keeps the journal.
// Tracks are analysed `jobs` at a time. Throws Error for the folder, the output or an encoder, not
// for a track.
BuildSummary buildDataset(const BuildOptions& options, const JobControl& control = {},
                          const std::function<void(const TrackEvent&)>& onTrack = {});

}  // namespace muze
