#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace muze {

// A voice for the song to sound like (the reference's --style_of): the embeddings the diffusion
// model is conditioned on, in place of each section's own.
struct VoiceStyle {
    std::string source;                       // "artist NAME", or the recording's path
    std::vector<float> voice;                 // voice_embedding: kVoiceEmbeddingSize numbers
    std::optional<std::vector<float>> ecapa;  // ecapa_embedding: a recording has one, an artist's mean does not
};

inline constexpr std::size_t kVoiceEmbeddingSize = 256;
inline constexpr std::size_t kEcapaEmbeddingSize = 192;

// The artist's mean voice_embedding from a dataset's artist_embeddings.json (as `muze build-dataset`
// writes it beside data.json). Throws Error(NotFound) listing the artists it knows when `artist` is
// not one of them, Error(Corrupt) naming the file when it cannot be read as one.
VoiceStyle artistStyle(const std::filesystem::path& artistEmbeddings, const std::string& artist);

// The artist embeddings file of a dataset: data.json → data.json.artist_embeddings.json.
std::filesystem::path artistEmbeddingsOf(const std::filesystem::path& dataset);

// The voice of a recording, embedded as the dataset builder embeds a song's (its singing where it
// finds any, otherwise the whole recording). Throws Error for a file it cannot decode.
struct RecordingStyle {
    VoiceStyle style;
    bool singingFound = false;
};
RecordingStyle recordingStyle(const std::filesystem::path& recording);

// As OUTPUT.json keeps it, with the numbers, so that a section made again sounds like the rest.
nlohmann::ordered_json toJson(const VoiceStyle& style);
VoiceStyle voiceStyleFromJson(const nlohmann::ordered_json& json);  // throws Error(Corrupt)

}  // namespace muze
