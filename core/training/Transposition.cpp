#include "core/training/Transposition.h"

#include "core/analysis/Chords.h"
#include "core/analysis/KeyDetection.h"
#include "core/dsp/MelFilterbank.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

int pitchClass(int value)
{
    return ((value % 12) + 12) % 12;
}

// The interpolation [mels, mels] that moves a log-mel by `semitones`.
torch::Tensor transpositionMatrix(int semitones, const LogMelParams& params)
{
    const int bands = params.nMels;
    const double low = hzToMel(params.fMin);
    const double step = (hzToMel(params.effectiveFMax()) - low) / (bands + 1);
    const double ratio = std::pow(2.0, -semitones / 12.0);
    torch::Tensor matrix = torch::zeros({bands, bands});
    auto weights = matrix.accessor<float, 2>();
    for (int band = 0; band < bands; ++band) {
        const double centre = melToHz(low + (band + 1) * step);
        const double source = std::clamp((hzToMel(centre * ratio) - low) / step - 1.0, 0.0, bands - 1.0);
        const auto below = static_cast<int>(std::floor(source));
        const int above = std::min(below + 1, bands - 1);
        const double share = source - below;
        weights[band][below] += static_cast<float>(1.0 - share);
        weights[band][above] += static_cast<float>(share);
    }
    return matrix;
}

std::string transposedKey(const std::string& text, int semitones)
{
    const std::optional<MusicalKey> key = parseKey(text);
    if (!key)
        return text;
    return MusicalKey{pitchClass(key->tonic + semitones), key->minor}.name();
}

void transposeLabels(Json& labels, int semitones)
{
    for (Json& label : labels)
        if (label.is_string())
            label = transposedChord(label.get<std::string>(), semitones);
}

}  // namespace

torch::Tensor transposeMel(const torch::Tensor& melDb, int semitones, const LogMelParams& params)
{
    if (semitones == 0)
        return melDb;
    return torch::matmul(transpositionMatrix(semitones, params).to(melDb.device()), melDb);
}

int semitonesToC(const std::string& key)
{
    const std::optional<MusicalKey> parsed = parseKey(key);
    if (!parsed)
        return 0;
    const int up = pitchClass(-parsed->tonic);
    return up > 5 ? up - 12 : up;
}

std::string transposedChord(const std::string& label, int semitones)
{
    const std::size_t colon = label.find(':');
    const std::optional<MusicalKey> root = parseKey(label.substr(0, colon) + " major");  // the root as chordIndex reads it
    if (!root)
        return label;
    return kPitchClassNames[pitchClass(root->tonic + semitones)] + (colon == std::string::npos ? std::string() : label.substr(colon));
}

Record transposedRecord(const Record& record, int semitones)
{
    Record moved = record;
    if (semitones == 0)
        return moved;
    const std::string key = valueOr<std::string>(record, "key", "");
    if (parseKey(key)) {
        const std::string movedKey = transposedKey(key, semitones);
        moved["key"] = movedKey;
        std::string prompt = valueOr<std::string>(record, field::kPrompt, "");
        if (const std::size_t at = prompt.find(key); at != std::string::npos) {
            prompt.replace(at, key.size(), movedKey);
            moved[field::kPrompt] = prompt;
        }
    }
    if (moved.contains("chords") && moved["chords"].is_array())
        for (Json& chord : moved["chords"])
            if (chord.is_object() && chord.value("label", Json()).is_string())
                chord["label"] = transposedChord(chord["label"].get<std::string>(), semitones);
    if (moved.contains("chord_progression") && moved["chord_progression"].is_array())
        transposeLabels(moved["chord_progression"], semitones);
    if (moved.contains("f0_contour") && moved["f0_contour"].is_array()) {
        const double ratio = std::pow(2.0, semitones / 12.0);
        for (Json& hz : moved["f0_contour"])
            if (hz.is_number())
                hz = hz.get<double>() * ratio;
    }
    return moved;
}

}  // namespace muze
