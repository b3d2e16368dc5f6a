#pragma once

// What a generated song is written as, by `muze generate` and by the Compose page for each take:
// the audio, and beside it OUTPUT.json with the plan, every parameter, the models' identities and
// the decoder, from which the song can be made again or a section of it regenerated.

#include "core/audio/AudioBuffer.h"
#include "core/generation/SongGenerator.h"
#include "core/generation/SongPlan.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace muze {

// A model folder's best checkpoints (`muze train --out_dir`): vae/, ldm/, and vocoder/ when it has one.
ModelFiles modelFilesIn(const std::filesystem::path& folder);
// Whether the folder holds what generation needs: a trained VAE and latent diffusion model.
bool holdsTrainedModel(const std::filesystem::path& folder);

// The samplers by the names the CLI and OUTPUT.json give them: ddpm, ddim, dpmpp.
std::optional<SamplerKind> samplerNamed(const std::string& name);
std::string samplerName(SamplerKind sampler);

nlohmann::ordered_json parametersJson(const GenerateOptions& options);
// The options an earlier song was made with, from its OUTPUT.json's "parameters". Throws
// Error(Corrupt) when they are not a song's.
GenerateOptions optionsFromParameters(const nlohmann::ordered_json& parameters);

// Whether two descriptions of the models (SongGenerator::describe) name the same files by content,
// wherever the files are now.
bool sameModels(const nlohmann::ordered_json& earlier, const nlohmann::ordered_json& now);

// Whether the song an OUTPUT.json describes was made audible by Griffin-Lim rather than a vocoder.
bool decodedByGriffinLim(const nlohmann::ordered_json& description);

struct SongOutput {
    std::filesystem::path path;  // OUTPUT.wav or OUTPUT.flac: 16-bit, as the extension says
    int sampleRate = 32000;      // 32000 (the models') or 44100
    int channels = 1;            // 1, or 2 with the mono signal in both
};

// `song` (mono, at the models' rate) delivered as `output` asks, and OUTPUT.json beside it, both
// written atomically. `extra` (an object, such as {"vocals": ...}) is merged into the JSON. Returns
// the JSON as written.
nlohmann::ordered_json writeSong(const SongOutput& output, const AudioBuffer& song, const SongPlan& plan, const GenerateOptions& options,
                                 const nlohmann::ordered_json& models, bool griffinLim,
                                 const nlohmann::ordered_json& extra = nlohmann::ordered_json::object());

// OUTPUT.json beside OUTPUT.
std::filesystem::path descriptionPath(const std::filesystem::path& output);

// A file beside OUTPUT named after it: besideSong("a/song.wav", "_vocals", ".wav") is a/song_vocals.wav.
std::filesystem::path besideSong(const std::filesystem::path& output, const std::string& suffix, const std::string& extension);

// A song as writeSong wrote it (with its vocals, instrumental and LRC when it was sung) delivered
// again as `target` asks: TARGET, TARGET_vocals and TARGET_instrumental in TARGET's format, rate and
// channels, TARGET.lrc, and TARGET.json naming the new audio; each file written atomically. Returns
// the files written.
std::vector<std::filesystem::path> exportSong(const std::filesystem::path& song, const SongOutput& target);

}  // namespace muze
