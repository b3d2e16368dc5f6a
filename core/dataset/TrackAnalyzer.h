#pragma once

#include "core/common/JobControl.h"
#include "core/dataset/SourceFingerprint.h"
#include "core/dataset/TrackRecord.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace muze {

class TorchScriptEncoder;

// TorchScript encoders the user named in the settings (README, "Your own encoders"); an empty
// path keeps the built-in DSP embedding, or CLAP's fields null.
struct EncoderFiles {
    std::filesystem::path voice;  // voice_embedding, voice_embedding_separated: 256 numbers from 16 kHz audio
    std::filesystem::path ecapa;  // ecapa_embedding: 192 numbers from 16 kHz audio
    std::filesystem::path clap;   // clap_audio_embedding from 48 kHz audio (encode_audio), clap_text_embedding
                                  // from the prompt (encode_text): 512 numbers each
};

// The encoders, loaded and checked once; null where the file is not named.
struct Encoders {
    std::shared_ptr<const TorchScriptEncoder> voice;
    std::shared_ptr<const TorchScriptEncoder> ecapa;
    std::shared_ptr<const TorchScriptEncoder> clap;
};

// Throws Error naming the file that cannot be used, and why.
Encoders loadEncoders(const EncoderFiles& files);

// What the record's embedding_encoders field says for these encoders: which file made each
// embedding ("built-in" or null for CLAP otherwise). A record made with other encoders is stale.
nlohmann::ordered_json encoderIdentities(const Encoders& encoders);

struct AnalysisOptions {
    bool recognizeSpeech = true;          // pocketsphinx for songs without lyrics tags or sidecars (--no_asr turns it off)
    double minimumAsrConfidence = 0.7;    // mean word posterior below which recognised lyrics are dropped
    std::string language = "en";          // espeak-ng voice for phonemes_ipa
    double maxDurationSeconds = 30 * 60;  // longer files are refused
    std::filesystem::path vocalsFolder;   // where --separate_vocals writes vocals; empty: not written
    std::filesystem::path cacheFolder;    // the feature cache; empty: none
    Encoders encoders;
};

// Everything the dataset record says about one audio file (see README's field table): tags, rhythm,
// harmony, form, loudness, the voice (activity, pitch, vibrato, breaths, embeddings), lyrics with
// phonemes, sentiment and a prompt. The decoded audio is read a block at a time, so that no song is
// held whole in stereo. A field that cannot be computed is null. `relativePath` becomes audio_path. Thread-safe; throws Error for a file that
// cannot be used (corrupt, too long, unreadable), naming it.
Record analyzeTrack(const std::filesystem::path& file, const std::string& relativePath, const SourceFingerprint& source,
                    const AnalysisOptions& options, const JobControl& control = {});

// Where a track's vocal estimate is written under the vocals folder.
std::filesystem::path separatedVocalsPath(const std::filesystem::path& folder, const std::string& relativePath, std::int64_t id);

// The record's analysis_options: the options that change what the analysis writes.
nlohmann::ordered_json analysisOptionsJson(const AnalysisOptions& options);

// The record's track_id for a relative path: stable across runs and machines (53 bits, safe in JSON).
std::int64_t trackIdFor(const std::string& relativePath);

}  // namespace muze
