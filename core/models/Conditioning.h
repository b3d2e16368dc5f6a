#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/rnn.h>
#include <torch/nn/modules/conv.h>

#include <cstdint>
#include <map>
#include <string>

// The reference's SectionConditioningModule and VoiceEmbeddingFusion: every row of its conditioning
// table encoded at its dimension and fused into one vector per section.

namespace muze {

// A value for each batch item, and whether the record had it. Where `present` is false the value
// is ignored and the field enters as its learned "missing" embedding.
struct ConditionField {
    torch::Tensor value;    // [B, ...]
    torch::Tensor present;  // [B] bool
};

// The section types the models know, by index; a segment of another name is "other".
inline constexpr const char* kSectionTypes[] = {"intro", "verse", "pre_chorus", "chorus", "bridge", "outro", "instrumental", "other"};
int sectionTypeIndex(const std::string& name);

// Vocabulary sizes of the categorical fields (index 0..size-1; unknown values are not present).
inline constexpr int kSectionTypeCount = 8;
inline constexpr int kKeyCount = 24;           // C..B major, then C..B minor
inline constexpr int kSentimentCount = 3;      // negative neutral positive
inline constexpr int kGenreBuckets = 256;      // open vocabularies are hashed into buckets
inline constexpr int kArtistBuckets = 1024;
inline constexpr int kTimeSignatureCount = 8;  // 2/4 3/4 4/4 5/4 6/8 7/8 9/8 12/8
inline constexpr int kChordCount = 25;         // 12 major, 12 minor, no chord
inline constexpr int kPhonemeBuckets = 128;    // IPA code points, hashed
inline constexpr int kPitchPoints = 64;        // the F0 contour resampled to this many points

struct SectionInputs {
    torch::Tensor text;               // [B, textDim]: the prompt's pooled embedding (always present)
    torch::Tensor position;           // [B] 0..1: where the section starts in the song (always present)
    ConditionField sectionType;       // int64 [B]
    ConditionField energy;            // [B] 0..1
    ConditionField tempo;             // [B] BPM
    ConditionField key;               // int64 [B]
    ConditionField loudness;          // [B] LUFS
    ConditionField hasVocals;         // [B] 0 or 1
    ConditionField sentiment;         // int64 [B]
    ConditionField genre;             // int64 [B] bucket
    ConditionField artist;            // int64 [B] bucket
    ConditionField clapAudio;         // [B, 512]
    ConditionField clapText;          // [B, 512]
    ConditionField beats;             // [B, 3]: beats per second / 4, beat-interval spread, downbeats per beat
    ConditionField timeSignature;     // int64 [B]
    ConditionField chord;             // int64 [B]: the section's most common chord
    ConditionField phonemes;          // int64 [B, L] buckets, 0 padding (bucket + 1 otherwise)
    ConditionField pitch;             // [B, 2, kPitchPoints]: log2(F0 / 220 Hz) and the voiced mask
    ConditionField vibrato;           // [B, 3]: rate / 8 Hz, depth / 100 cents, extent
    ConditionField breaths;           // [B, 2]: breaths per 10 s, mean length in s
    ConditionField phonemeTimes;      // [B, 3]: phonemes per second / 10, mean and spread of their lengths in s
};

class SectionConditioningImpl : public torch::nn::Module {
public:
    // `textDim`: the pooled text embedding's size (768 for T5 or the built-in encoder).
    SectionConditioningImpl(int textDim, int outputDim, int clapDim = 512);
    torch::Tensor forward(const SectionInputs& inputs);  // [B, outputDim]
    static constexpr int kFusedDim = 1856;  // the reference's "Fusion Dimensions" total

private:
    torch::Tensor field(const std::string& name, const ConditionField& field, const torch::Tensor& encoded);

    torch::nn::Linear m_text{nullptr};
    torch::nn::Embedding m_sectionType{nullptr};
    torch::nn::Linear m_energy{nullptr};
    torch::nn::Linear m_tempo{nullptr};
    torch::nn::Embedding m_key{nullptr};
    torch::nn::Linear m_loudness{nullptr};
    torch::nn::Linear m_hasVocals{nullptr};
    torch::nn::Embedding m_sentiment{nullptr};
    torch::nn::Embedding m_genre{nullptr};
    torch::nn::Embedding m_artist{nullptr};
    torch::nn::Linear m_clapAudio{nullptr};
    torch::nn::Linear m_clapText{nullptr};
    torch::nn::Linear m_beats{nullptr};
    torch::nn::Embedding m_timeSignature{nullptr};
    torch::nn::Embedding m_chord{nullptr};
    torch::nn::Embedding m_phonemeEmbedding{nullptr};
    torch::nn::GRU m_phonemeGru{nullptr};
    torch::nn::Conv1d m_pitchIn{nullptr};
    torch::nn::Conv1d m_pitchOut{nullptr};
    torch::nn::Linear m_vibrato{nullptr};
    torch::nn::Linear m_breaths{nullptr};
    torch::nn::Linear m_phonemeTimes{nullptr};
    torch::nn::Linear m_fuseIn{nullptr};
    torch::nn::Linear m_fuseOut{nullptr};
    std::map<std::string, torch::Tensor> m_missing;  // each optional field's learned "missing" embedding
};
TORCH_MODULE(SectionConditioning);

// The reference's VoiceEmbeddingFusion: the 256-dim speaker embedding and the 192-dim ECAPA one,
// each projected to 256 and mixed by a learned weight; where one is missing the other is used alone.
// Returns [B, 256] and whether any voice was present [B].
class VoiceFusionImpl : public torch::nn::Module {
public:
    VoiceFusionImpl(int voiceDim = 256, int ecapaDim = 192, int outputDim = 256);
    std::pair<torch::Tensor, torch::Tensor> forward(const ConditionField& voice, const ConditionField& ecapa);

private:
    torch::nn::Linear m_voice{nullptr};
    torch::nn::Linear m_ecapa{nullptr};
    torch::Tensor m_mix;
};
TORCH_MODULE(VoiceFusion);

}  // namespace muze
