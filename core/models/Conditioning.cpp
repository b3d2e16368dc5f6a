#include "core/models/Conditioning.h"

#include <torch/torch.h>

#include <cmath>

namespace muze {
namespace {

torch::Tensor sinusoids(const torch::Tensor& position, int dim)
{
    const int half = dim / 2;
    const torch::Tensor frequencies = torch::exp(-std::log(10000.0) * torch::arange(half, position.options()) / static_cast<double>(half));
    const torch::Tensor angles = (position * 1000.0).unsqueeze(1) * frequencies.unsqueeze(0);
    return torch::cat({torch::sin(angles), torch::cos(angles)}, 1);
}

// A field's values with absent items zeroed: what they hold (NaN, say) must not reach a layer,
// whose gradients would carry it even where the output is replaced.
torch::Tensor values(const ConditionField& field)
{
    std::vector<std::int64_t> shape(static_cast<std::size_t>(field.value.dim()), 1);
    shape[0] = -1;
    const torch::Tensor present = field.present.view(shape);
    const torch::Tensor value = torch::nan_to_num(field.value.to(torch::kFloat32), 0.0, 0.0, 0.0);
    return torch::where(present, value, torch::zeros_like(value));
}

torch::Tensor column(const ConditionField& field)
{
    return values(field).view({-1, 1});
}

// Index tensors of absent items may hold anything; they are read as index 0 and then replaced.
torch::Tensor safeIndex(const ConditionField& field)
{
    std::vector<std::int64_t> shape(static_cast<std::size_t>(field.value.dim()), 1);
    shape[0] = -1;
    return torch::where(field.present.view(shape), field.value, torch::zeros_like(field.value)).clamp_min(0);
}

}  // namespace

int sectionTypeIndex(const std::string& name)
{
    for (int i = 0; i < kSectionTypeCount; ++i)
        if (name == kSectionTypes[i])
            return i;
    return kSectionTypeCount - 1;
}

SectionConditioningImpl::SectionConditioningImpl(int textDim, int outputDim, int clapDim)
{
    const auto linear = [&](const char* name, int in, int out) { return register_module(name, torch::nn::Linear(in, out)); };
    const auto embedding = [&](const char* name, int count, int dim) { return register_module(name, torch::nn::Embedding(count, dim)); };
    m_text = linear("text", textDim, 512);
    m_sectionType = embedding("section_type", kSectionTypeCount, 128);
    m_energy = linear("energy", 1, 64);
    m_tempo = linear("tempo", 1, 64);
    m_key = embedding("key", kKeyCount, 64);
    m_loudness = linear("loudness", 1, 64);
    m_hasVocals = linear("has_vocals", 1, 32);
    m_sentiment = embedding("sentiment", kSentimentCount, 64);
    m_genre = embedding("genre", kGenreBuckets, 64);
    m_artist = embedding("artist", kArtistBuckets, 64);
    m_clapAudio = linear("clap_audio", clapDim, 128);
    m_clapText = linear("clap_text", clapDim, 128);
    m_beats = linear("beats", 3, 32);
    m_timeSignature = embedding("time_signature", kTimeSignatureCount, 32);
    m_chord = embedding("chord", kChordCount, 64);
    m_phonemeEmbedding = register_module("phoneme_embedding", torch::nn::Embedding(torch::nn::EmbeddingOptions(kPhonemeBuckets + 1, 64).padding_idx(0)));
    m_phonemeGru = register_module("phoneme_gru", torch::nn::GRU(torch::nn::GRUOptions(64, 128).batch_first(true)));
    m_pitchIn = register_module("pitch_in", torch::nn::Conv1d(torch::nn::Conv1dOptions(2, 32, 5).padding(2)));
    m_pitchOut = register_module("pitch_out", torch::nn::Conv1d(torch::nn::Conv1dOptions(32, 64, 5).padding(2)));
    m_vibrato = linear("vibrato", 3, 64);
    m_breaths = linear("breaths", 2, 32);
    m_phonemeTimes = linear("phoneme_times", 3, 64);
    m_fuseIn = linear("fuse_in", kFusedDim, outputDim);
    m_fuseOut = linear("fuse_out", outputDim, outputDim);
    const std::pair<const char*, int> optional[] = {{"section_type", 128}, {"energy", 64},  {"tempo", 64},    {"key", 64},
                                                    {"loudness", 64},      {"has_vocals", 32}, {"sentiment", 64}, {"genre", 64},
                                                    {"artist", 64},        {"clap_audio", 128}, {"clap_text", 128}, {"beats", 64},
                                                    {"chord", 64},         {"phonemes", 128}, {"pitch", 64},     {"vibrato", 64},
                                                    {"breaths", 32},       {"phoneme_times", 64}};
    for (const auto& [name, dim] : optional)
        m_missing[name] = register_parameter(std::string("missing_") + name, torch::randn({dim}) * 0.02);
}

torch::Tensor SectionConditioningImpl::field(const std::string& name, const ConditionField& field, const torch::Tensor& encoded)
{
    const torch::Tensor missing = m_missing.at(name).unsqueeze(0).expand_as(encoded);
    return torch::where(field.present.view({-1, 1}), encoded, missing);
}

torch::Tensor SectionConditioningImpl::forward(const SectionInputs& in)
{
    std::vector<torch::Tensor> parts;
    parts.push_back(field("section_type", in.sectionType, m_sectionType(safeIndex(in.sectionType))));
    parts.push_back(sinusoids(in.position.to(torch::kFloat32), 128));
    parts.push_back(field("energy", in.energy, m_energy(column(in.energy))));
    parts.push_back(field("tempo", in.tempo, m_tempo(column(in.tempo) / 120.0)));
    parts.push_back(field("key", in.key, m_key(safeIndex(in.key))));
    parts.push_back(m_text(in.text));
    parts.push_back(field("loudness", in.loudness, m_loudness(column(in.loudness) / 20.0)));
    parts.push_back(field("has_vocals", in.hasVocals, m_hasVocals(column(in.hasVocals))));
    parts.push_back(field("sentiment", in.sentiment, m_sentiment(safeIndex(in.sentiment))));
    parts.push_back(field("genre", in.genre, m_genre(safeIndex(in.genre))));
    parts.push_back(field("artist", in.artist, m_artist(safeIndex(in.artist))));
    parts.push_back(field("clap_audio", in.clapAudio, m_clapAudio(values(in.clapAudio))) +
                    field("clap_text", in.clapText, m_clapText(values(in.clapText))));
    const torch::Tensor beats = torch::cat({m_beats(values(in.beats)), m_timeSignature(safeIndex(in.timeSignature))}, 1);
    parts.push_back(field("beats", in.beats, beats));
    parts.push_back(field("chord", in.chord, m_chord(safeIndex(in.chord))));
    const torch::Tensor phonemes = safeIndex(in.phonemes);
    const torch::Tensor phonemeStates = std::get<0>(m_phonemeGru(m_phonemeEmbedding(phonemes)));  // [B, L, 128]
    const torch::Tensor lastPhoneme = (phonemes > 0).sum(1).clamp_min(1) - 1;
    parts.push_back(field("phonemes", in.phonemes,
                          phonemeStates.gather(1, lastPhoneme.view({-1, 1, 1}).expand({-1, 1, phonemeStates.size(2)})).squeeze(1)));
    parts.push_back(field("pitch", in.pitch, m_pitchOut(torch::silu(m_pitchIn(values(in.pitch)))).mean(2)));
    parts.push_back(field("vibrato", in.vibrato, m_vibrato(values(in.vibrato))));
    parts.push_back(field("breaths", in.breaths, m_breaths(values(in.breaths))));
    parts.push_back(field("phoneme_times", in.phonemeTimes, m_phonemeTimes(values(in.phonemeTimes))));
    return m_fuseOut(torch::silu(m_fuseIn(torch::cat(parts, 1))));
}

VoiceFusionImpl::VoiceFusionImpl(int voiceDim, int ecapaDim, int outputDim)
    : m_voice(register_module("voice", torch::nn::Linear(voiceDim, outputDim))),
      m_ecapa(register_module("ecapa", torch::nn::Linear(ecapaDim, outputDim))),
      m_mix(register_parameter("mix", torch::zeros({1})))
{
}

std::pair<torch::Tensor, torch::Tensor> VoiceFusionImpl::forward(const ConditionField& voice, const ConditionField& ecapa)
{
    const torch::Tensor hasVoice = voice.present.view({-1, 1}).to(torch::kFloat32);
    const torch::Tensor hasEcapa = ecapa.present.view({-1, 1}).to(torch::kFloat32);
    const torch::Tensor weight = torch::sigmoid(m_mix);
    // Each side's share: the learned weight when both are there, all of it when it is alone.
    const torch::Tensor voiceShare = hasVoice * (hasEcapa * weight + (1 - hasEcapa));
    const torch::Tensor ecapaShare = hasEcapa * (hasVoice * (1 - weight) + (1 - hasVoice));
    const torch::Tensor fused = voiceShare * m_voice(values(voice)) + ecapaShare * m_ecapa(values(ecapa));
    return {fused, (voice.present.view({-1}) | ecapa.present.view({-1}))};
}

}  // namespace muze
