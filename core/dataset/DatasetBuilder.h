#pragma once

#include "core/common/JobControl.h"
#include "core/dataset/AnalysisJobs.h"
#include "core/dataset/BuildPlan.h"
#include "core/dataset/LlmPrompts.h"
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
    int jobs = 0;                     // tracks analysed at once; 0: one per core, fewer when free memory is short
    std::optional<int> maxTracks;     // the first N files (in path order) only
    Shard shard;                      // only the files of this part of the folder
    bool separateVocals = false;      // write vocal estimates to OUTPUT's .vocals folder
    EncoderFiles encoders;            // the user's TorchScript encoders, loaded by the builder
    AnalysisOptions analysis;         // vocals and cache folders and encoders are filled in by the builder
    std::optional<PromptLlm> promptLlm;  // writes each record's prompt; not asked again once it cannot be reached
    // Asked (from the build's thread, before anything is analysed) whether to drop the records of
    // these files, which were looked for and are gone; false keeps them. Unset: they are dropped.
    std::function<bool(const std::vector<std::string>& gone)> confirmDrop;
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

// What a dataset's settings file remembers, so that the Library can find the songs and an update
// analyses the same way.
struct BuildSettings {
    std::filesystem::path audioDir;  // absolute
    bool separateVocals = false;
    bool recognizeSpeech = true;
    std::string language = "en";
};
// Nothing when the dataset has no settings file; throws Error(Corrupt) naming it when it is damaged.
std::optional<BuildSettings> readBuildSettings(const std::filesystem::path& dataset);
// The saved options applied to `options` (the audio folder is not changed).
void applyBuildSettings(const BuildSettings& settings, BuildOptions& options);

enum class TrackOutcome { Analyzed, Reused, Failed };

// One event per track as the build goes, from the worker threads (serialised by the builder).
struct TrackEvent {
    std::string audioPath;
    bool started = false;        // true: analysis begins; false: it ended with `outcome`
    TrackOutcome outcome = TrackOutcome::Analyzed;
    std::string reason;          // for Failed
    int finished = 0;            // tracks done so far, reused ones included
    int total = 0;
    AnalysisJobs jobs;           // how many songs are analysed at once, and what chose it
};

struct BuildSummary {
    int total = 0;
    int analyzed = 0;
    int reused = 0;
    int failed = 0;
    int dropped = 0;                        // records of files looked for and gone
    std::vector<std::string> droppedPaths;  // their audio_path
    int kept = 0;                           // records kept without a look at their files (see planBuild)
    int keptGone = 0;                       // records of gone files kept because confirmDrop said so
    int unreadable = 0;                     // folders and files the scan could not examine
    bool folderEmpty = false;               // the folder holds no audio: every record was kept
    double audioSeconds = 0.0;              // of the tracks analysed this time
    int llmPrompts = 0;                     // prompts the language model wrote in this build
    int llmMissed = 0;                      // prompts it was asked for and that kept the built-in sentence
    std::string llmProblem;                 // why, the first time
};

// Builds or updates the dataset for a folder of songs (see README, "Building a dataset"), in four
// steps: scan the folder; plan what to analyse, keep and drop (planBuild); analyse; write.
// - a file whose size and modification time (or, failing that, content hash), analysis version,
//   encoders and options match its record is reused; others are analysed, keeping the fields the
//   user edited;
// - a record is dropped only when its file was looked for and is gone (see planBuild);
// - every finished track is appended to the journal at once, so a killed build loses at most the
//   tracks in flight, and the next build resumes from the journal; edits saved to the dataset
//   after a journal entry was written win over it;
// - a file that fails, for whatever reason, goes to the errors file with its reason, and the build
//   goes on; a full disk stops the build (Error DiskFull) with the journal kept;
// - at the end the dataset, errors, artist embeddings and settings are written atomically and the
//   journal is removed. Cancelling stops after the tracks in flight and keeps the journal.
// Tracks are analysed `jobs` at a time. Throws Error for the folder, the output, an encoder or a
// full disk, not for a track.
BuildSummary buildDataset(const BuildOptions& options, const JobControl& control = {},
                          const std::function<void(const TrackEvent&)>& onTrack = {});

// Joins datasets into `output`, one record per audio_path (a later input's wins), in audio_path
// order as a build writes them; with each record come its cached features and separated vocals from
// its own dataset's folders. The errors of files that have no record are joined too, the artist
// embeddings are counted again, and the first input's settings are kept. The parts of a sharded
// build merge into the dataset one machine would have built. Throws Error for an input that cannot
// be read, before anything is written.
std::size_t mergeDatasetFiles(const std::vector<std::filesystem::path>& inputs, const std::filesystem::path& output);

}  // namespace muze
