#pragma once

// Phase 3's examples: what a record says about a stretch of its song, as the conditioning of the
// latent diffusion model (the reference's "Conditioning System" table) and the time-aligned controls.

#include "core/dataset/TrackRecord.h"
#include "core/models/LatentDiffusion.h"

#include <optional>
#include <string>
#include <vector>

namespace muze {

// One example's conditions, each field absent when the record does not have it.
struct ExampleConditions {
    std::string prompt;
    float position = 0.0f;
    std::optional<std::int64_t> sectionType, key, sentiment, genre, artist, timeSignature, chord;
    std::optional<float> energy, tempo, loudness, hasVocals;
    std::optional<std::vector<float>> clapAudio, clapText, beats, pitch, vibrato, breaths, phonemeTimes, voice, ecapa;
    std::optional<std::vector<std::int64_t>> phonemes;
    torch::Tensor controls;  // [kControlChannels, frames]
};

// Where the conditions are taken: `frames` latent frames of `frameSeconds` each from `startSeconds`
// of the record's song.
struct CropPlace {
    double startSeconds = 0.0;
    int frames = 0;
    double frameSeconds = 0.04;
};
// `energyCurve` [frames]: energyCurveOf() the log-mel under the crop when training, the plan's wish
// when generating.
ExampleConditions conditionsAt(const Record& record, const CropPlace& place, const torch::Tensor& energyCurve);

// The loudness of a log-mel crop ([128, frames · reduction], dB, 100 frames a second) per latent
// frame: its mean level, about 0 for quiet and 1 for loud, averaged over kEnergyCurveWindowSeconds
// around the frame. A plan asks one level per section, so the curve a model learns from must not
// carry the beat: given every drum hit in the curve, a model learns its rhythm from the curve and
// not from the beat grid, and then keeps none when generation asks for a flat one.
torch::Tensor energyCurveOf(const torch::Tensor& melCrop, int frames);
inline constexpr double kEnergyCurveWindowSeconds = 4.0;  // a bar at 60 BPM
// The least-squares line through (section energy, energy-curve level) pairs. Where they say too
// little (fewer than eight, or all of one energy) the line is flat at `usualLevel`: every section
// then asks for the usual.
EnergyCurveLine fitEnergyCurveLine(const std::vector<double>& energies, const std::vector<double>& levels, double usualLevel);
inline constexpr double kEnergyCurveFloorDb = -60.0;  // the level that reads 0
inline constexpr double kEnergyCurveSpanDb = 40.0;    // and the span to 1

// The same example with nothing known: what classifier-free guidance contrasts with.
ExampleConditions unconditional(int frames);

// The controls alone: beat and downbeat pulses, the chord's chroma, the energy curve.
torch::Tensor controlsAt(const Record& record, const CropPlace& place, const torch::Tensor& energy);

LdmConditions batchConditions(const std::vector<ExampleConditions>& examples, const torch::Device& device);

// The section a time falls in: its index in the record's segments, or nothing.
std::optional<std::size_t> sectionAt(const Record& record, double seconds);

}  // namespace muze
