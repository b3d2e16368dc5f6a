#pragma once

#include "core/common/JobControl.h"
#include "core/dataset/SourceFingerprint.h"
#include "core/dataset/TrackRecord.h"

#include <filesystem>
#include <optional>
#include <string>

namespace muze {

struct AnalysisOptions {
    bool recognizeSpeech = true;          // pocketsphinx for songs without lyrics tags or sidecars (--no_asr turns it off)
    double minimumAsrConfidence = 0.7;    // mean word posterior below which recognised lyrics are dropped
    std::string language = "en";          // espeak-ng voice for phonemes_ipa
    double maxDurationSeconds = 30 * 60;  // longer files are refused
    std::filesystem::path vocalsFolder;   // where --separate_vocals writes vocals; empty: not written
    std::filesystem::path cacheFolder;    // the feature cache; empty: none
};

// Everything the dataset record says about one audio file (see README's field table), computed
// from one decode: tags, rhythm, harmony, form, loudness, the voice (activity, pitch, vibrato,
// breaths, embeddings), lyrics with phonemes, sentiment and a prompt. A field that cannot be
// computed is null. `relativePath` becomes audio_path. Thread-safe; throws Error for a file that
// cannot be used (corrupt, too long, unreadable), naming it.
Record analyzeTrack(const std::filesystem::path& file, const std::string& relativePath, const SourceFingerprint& source,
                    const AnalysisOptions& options, const JobControl& control = {});

// The record's track_id for a relative path: stable across runs and machines (53 bits, safe in JSON).
std::int64_t trackIdFor(const std::string& relativePath);

}  // namespace muze
