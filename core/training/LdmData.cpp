#include "core/training/LdmData.h"

#include "core/analysis/KeyDetection.h"
#include "core/dataset/SourceFingerprint.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

std::optional<double> number(const Record& record, const char* name)
{
    const auto found = record.find(name);
    if (found == record.end() || !found->is_number())
        return std::nullopt;
    const double value = found->get<double>();
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

std::optional<std::string> text(const Record& record, const char* name)
{
    const auto found = record.find(name);
    return found != record.end() && found->is_string() && !found->get<std::string>().empty() ? std::optional<std::string>(found->get<std::string>())
                                                                                              : std::nullopt;
}

std::optional<std::vector<float>> vectorOf(const Record& record, const char* name, std::size_t size)
{
    const auto found = record.find(name);
    if (found == record.end() || !found->is_array() || found->size() != size)
        return std::nullopt;
    std::vector<float> values;
    for (const Json& value : *found) {
        if (!value.is_number())
            return std::nullopt;
        values.push_back(value.get<float>());
    }
    return values;
}

std::int64_t bucket(const std::string& value, int buckets)
{
    return static_cast<std::int64_t>(stableHash(value) % static_cast<std::uint64_t>(buckets));
}

// "C:maj", "A:min", "Bb:7" → 0..23 (12 + root for minor qualities), "N" → 24; nothing when unreadable.
std::optional<std::int64_t> chordIndex(const std::string& label)
{
    if (label == "N")
        return kChordCount - 1;
    const std::size_t colon = label.find(':');
    const std::optional<MusicalKey> root = parseKey(label.substr(0, colon) + " major");
    if (!root)
        return std::nullopt;
    const bool minor = colon != std::string::npos && label.compare(colon + 1, 3, "min") == 0;
    return root->tonic + (minor ? 12 : 0);
}

// Beats (starts of beat_positions) and downbeats, in seconds.
std::vector<double> times(const Record& record, const char* name)
{
    std::vector<double> out;
    const auto found = record.find(name);
    if (found == record.end() || !found->is_array())
        return out;
    for (const Json& item : *found) {
        if (item.is_number())
            out.push_back(item.get<double>());
        else if (item.is_array() && !item.empty() && item[0].is_number())
            out.push_back(item[0].get<double>());
    }
    return out;
}

std::vector<double> within(const std::vector<double>& all, double start, double end)
{
    std::vector<double> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](double t) { return t >= start && t < end; });
    return out;
}

// Beats per second / 4, the spread of beat intervals relative to their mean, and downbeats per beat.
std::optional<std::vector<float>> beatFeatures(const Record& record, double start, double seconds)
{
    const std::vector<double> beats = within(times(record, "beat_positions"), start, start + seconds);
    if (beats.size() < 2)
        return std::nullopt;
    std::vector<double> intervals;
    for (std::size_t i = 1; i < beats.size(); ++i)
        intervals.push_back(beats[i] - beats[i - 1]);
    double mean = 0.0;
    for (double d : intervals)
        mean += d / static_cast<double>(intervals.size());
    double variance = 0.0;
    for (double d : intervals)
        variance += (d - mean) * (d - mean) / static_cast<double>(intervals.size());
    const double downbeats = static_cast<double>(within(times(record, "downbeat_positions"), start, start + seconds).size());
    return std::vector<float>{static_cast<float>(1.0 / std::max(mean, 1e-3) / 4.0), static_cast<float>(std::sqrt(variance) / std::max(mean, 1e-3)),
                              static_cast<float>(downbeats / static_cast<double>(beats.size()))};
}

// The chord sounding longest in the stretch.
std::optional<std::int64_t> mainChord(const Record& record, double start, double end)
{
    const auto chords = record.find("chords");
    if (chords == record.end() || !chords->is_array())
        return std::nullopt;
    std::vector<double> share(kChordCount, 0.0);
    for (const Json& chord : *chords) {
        const auto index = chordIndex(valueOr(chord, "label", std::string()));
        const double overlap = std::min(end, valueOr(chord, "end", 0.0)) - std::max(start, valueOr(chord, "start", 0.0));
        if (index && overlap > 0)
            share[static_cast<std::size_t>(*index)] += overlap;
    }
    const auto best = std::max_element(share.begin(), share.end());
    return *best > 0 ? std::optional<std::int64_t>(best - share.begin()) : std::nullopt;
}

// log2(F0 / 220 Hz) where voiced, and the voiced mask, at kPitchPoints points over the stretch.
std::optional<std::vector<float>> pitchFeatures(const Record& record, double start, double seconds)
{
    const auto f0 = record.find("f0_contour");
    const auto voiced = record.find("f0_voiced_mask");
    const auto hop = number(record, "f0_hop_seconds");
    if (f0 == record.end() || !f0->is_array() || voiced == record.end() || !voiced->is_array() || !hop || *hop <= 0 || f0->size() != voiced->size())
        return std::nullopt;
    std::vector<float> values(2 * kPitchPoints, 0.0f);
    bool anyVoiced = false;
    for (int k = 0; k < kPitchPoints; ++k) {
        const auto index = static_cast<std::size_t>((start + seconds * (k + 0.5) / kPitchPoints) / *hop);
        if (index >= f0->size() || !(*voiced)[index].is_boolean() || !(*voiced)[index].get<bool>() || !(*f0)[index].is_number())
            continue;
        const double hz = (*f0)[index].get<double>();
        if (!(hz > 0))
            continue;
        values[static_cast<std::size_t>(k)] = static_cast<float>(std::log2(hz / 220.0));
        values[static_cast<std::size_t>(kPitchPoints + k)] = 1.0f;
        anyVoiced = true;
    }
    return anyVoiced ? std::optional<std::vector<float>>(values) : std::nullopt;
}

std::optional<std::vector<float>> breathFeatures(const Record& record, double start, double seconds)
{
    const auto breaths = record.find("breath_positions");
    if (breaths == record.end() || !breaths->is_array())
        return std::nullopt;
    double count = 0.0;
    double length = 0.0;
    for (const Json& breath : *breaths) {
        if (!breath.is_array() || breath.size() != 2 || !breath[0].is_number() || !breath[1].is_number())
            continue;
        const double at = breath[0].get<double>();
        if (at >= start && at < start + seconds) {
            count += 1.0;
            length += breath[1].get<double>() - at;
        }
    }
    return std::vector<float>{static_cast<float>(count * 10.0 / seconds), static_cast<float>(count > 0 ? length / count : 0.0)};
}

std::optional<std::vector<float>> phonemeTimeFeatures(const Record& record)
{
    const auto phonemes = record.find("phoneme_timestamps");
    if (phonemes == record.end() || !phonemes->is_array() || phonemes->empty())
        return std::nullopt;
    std::vector<double> lengths;
    double first = 1e9;
    double last = 0.0;
    for (const Json& p : *phonemes) {
        const double begin = valueOr(p, "start", 0.0);
        const double end = valueOr(p, "end", 0.0);
        lengths.push_back(std::max(0.0, end - begin));
        first = std::min(first, begin);
        last = std::max(last, end);
    }
    double mean = 0.0;
    for (double d : lengths)
        mean += d / static_cast<double>(lengths.size());
    double variance = 0.0;
    for (double d : lengths)
        variance += (d - mean) * (d - mean) / static_cast<double>(lengths.size());
    return std::vector<float>{static_cast<float>(static_cast<double>(lengths.size()) / std::max(1.0, last - first) / 10.0), static_cast<float>(mean),
                              static_cast<float>(std::sqrt(variance))};
}

// The IPA string's code points (UTF-8 decoded loosely), hashed into buckets 1..kPhonemeBuckets.
std::optional<std::vector<std::int64_t>> phonemeIds(const Record& record)
{
    const auto ipa = text(record, "phonemes_ipa");
    if (!ipa)
        return std::nullopt;
    std::vector<std::int64_t> ids;
    std::uint32_t point = 0;
    for (std::size_t i = 0; i < ipa->size() && ids.size() < 128; ++i) {
        const auto byte = static_cast<unsigned char>((*ipa)[i]);
        point = (byte & 0xC0) == 0x80 ? (point << 6) | (byte & 0x3F) : byte;
        const bool complete = i + 1 == ipa->size() || (static_cast<unsigned char>((*ipa)[i + 1]) & 0xC0) != 0x80;
        if (complete && point != ' ')
            ids.push_back(1 + static_cast<std::int64_t>(point % kPhonemeBuckets));
    }
    return ids.empty() ? std::nullopt : std::optional<std::vector<std::int64_t>>(ids);
}

std::optional<std::int64_t> sentimentIndex(const Record& record)
{
    const auto sentiment = text(record, "text_sentiment");
    if (!sentiment)
        return std::nullopt;
    if (*sentiment == "negative")
        return 0;
    if (*sentiment == "neutral")
        return 1;
    if (*sentiment == "positive")
        return 2;
    return std::nullopt;
}

std::optional<std::int64_t> timeSignatureIndex(const Record& record)
{
    static const char* const names[] = {"2/4", "3/4", "4/4", "5/4", "6/8", "7/8", "9/8", "12/8"};
    const auto signature = text(record, "time_signature");
    for (int i = 0; signature && i < kTimeSignatureCount; ++i)
        if (*signature == names[i])
            return i;
    return std::nullopt;
}

// A pulse at each time: 1 at its frame, ½ at the frames either side.
void addPulses(torch::Tensor channel, const std::vector<double>& at, const CropPlace& place)
{
    const std::int64_t frames = channel.size(0);
    for (double t : at) {
        const auto centre = static_cast<std::int64_t>(std::lround((t - place.startSeconds) / place.frameSeconds));
        for (std::int64_t k = centre - 1; k <= centre + 1; ++k)
            if (k >= 0 && k < frames)
                channel[k] = std::max(channel[k].item<float>(), k == centre ? 1.0f : 0.5f);
    }
}

}  // namespace

std::optional<std::size_t> sectionAt(const Record& record, double seconds)
{
    const auto segments = record.find(field::kSegments);
    if (segments == record.end() || !segments->is_array())
        return std::nullopt;
    for (std::size_t i = 0; i < segments->size(); ++i)
        if (seconds >= valueOr((*segments)[i], "start", 0.0) && seconds < valueOr((*segments)[i], "end", 0.0))
            return i;
    return std::nullopt;
}

EnergyCurveLine fitEnergyCurveLine(const std::vector<double>& energies, const std::vector<double>& levels, double usualLevel)
{
    const auto n = static_cast<double>(energies.size());
    const double meanEnergy = std::accumulate(energies.begin(), energies.end(), 0.0) / std::max(1.0, n);
    const double meanLevel = std::accumulate(levels.begin(), levels.end(), 0.0) / std::max(1.0, n);
    double covariance = 0.0;
    double variance = 0.0;
    for (std::size_t i = 0; i < energies.size(); ++i) {
        covariance += (energies[i] - meanEnergy) * (levels[i] - meanLevel);
        variance += (energies[i] - meanEnergy) * (energies[i] - meanEnergy);
    }
    if (energies.size() < 8 || variance < 1e-6 * n)
        return {usualLevel, 0.0};
    const double slope = covariance / variance;
    return {meanLevel - slope * meanEnergy, slope};
}

torch::Tensor energyCurveOf(const torch::Tensor& melCrop, int frames)
{
    const torch::Tensor level = melCrop.mean(0).view({frames, -1}).mean(1);
    const double frameSeconds = static_cast<double>(melCrop.size(1)) / frames / 100.0;
    const auto reach = static_cast<std::int64_t>(std::lround(kEnergyCurveWindowSeconds / 2.0 / frameSeconds));
    const torch::Tensor smoothed = torch::avg_pool1d(level.view({1, 1, frames}), {2 * reach + 1}, {1}, {reach}, false, false).view({frames});
    return (smoothed - kEnergyCurveFloorDb) / kEnergyCurveSpanDb;
}

torch::Tensor controlsAt(const Record& record, const CropPlace& place, const torch::Tensor& energy)
{
    const int frames = place.frames;
    const double start = place.startSeconds;
    torch::Tensor controls = torch::zeros({kControlChannels, frames});
    const double end = start + frames * place.frameSeconds;
    addPulses(controls[kBeatChannel], within(times(record, "beat_positions"), start - 0.1, end + 0.1), place);
    addPulses(controls[kDownbeatChannel], within(times(record, "downbeat_positions"), start - 0.1, end + 0.1), place);
    const auto chords = record.find("chords");
    if (chords != record.end() && chords->is_array()) {
        for (const Json& chord : *chords) {
            const auto index = chordIndex(valueOr(chord, "label", std::string()));
            if (!index || *index == kChordCount - 1)
                continue;
            const int root = static_cast<int>(*index % 12);
            const int third = *index >= 12 ? 3 : 4;
            const auto first = std::max<std::int64_t>(0, std::llround((valueOr(chord, "start", 0.0) - start) / place.frameSeconds));
            const auto last = std::min<std::int64_t>(frames, std::llround((valueOr(chord, "end", 0.0) - start) / place.frameSeconds));
            for (int interval : {0, third, 7})
                if (first < last)
                    controls[kChordChannel + (root + interval) % 12].narrow(0, first, last - first).fill_(1.0);
        }
    }
    controls[kEnergyChannel].copy_(energy);
    return controls;
}

ExampleConditions conditionsAt(const Record& record, const CropPlace& place, const torch::Tensor& energyCurve)
{
    ExampleConditions c;
    const double start = place.startSeconds;
    const double seconds = place.frames * place.frameSeconds;
    c.prompt = text(record, field::kPrompt).value_or("");
    const double duration = number(record, "duration").value_or(0.0);
    c.position = duration > 0 ? static_cast<float>(std::clamp(start / duration, 0.0, 1.0)) : 0.0f;
    const std::optional<std::size_t> section = sectionAt(record, start);
    if (section) {
        const Json& segment = record[field::kSegments][*section];
        c.sectionType = sectionTypeIndex(valueOr(segment, "type", std::string("other")));
        if (segment.contains("energy") && segment["energy"].is_number())
            c.energy = segment["energy"].get<float>();
        if (segment.contains("has_vocals") && segment["has_vocals"].is_boolean())
            c.hasVocals = segment["has_vocals"].get<bool>() ? 1.0f : 0.0f;
    }
    if (!c.energy)
        if (const auto energy = number(record, "energy"))
            c.energy = static_cast<float>(*energy);
    if (!c.hasVocals)
        if (const auto vocals = record.find("has_vocals"); vocals != record.end() && vocals->is_boolean())
            c.hasVocals = vocals->get<bool>() ? 1.0f : 0.0f;
    if (const auto tempo = number(record, "tempo"))
        c.tempo = static_cast<float>(*tempo);
    if (const auto key = text(record, "key"))
        if (const auto parsed = parseKey(*key))
            c.key = parsed->tonic + (parsed->minor ? 12 : 0);
    if (const auto loudness = number(record, "loudness_db"))
        c.loudness = static_cast<float>(*loudness);
    c.sentiment = sentimentIndex(record);
    if (const auto genre = text(record, field::kGenre))
        c.genre = bucket(*genre, kGenreBuckets);
    if (const auto artist = text(record, field::kArtist))
        c.artist = bucket(*artist, kArtistBuckets);
    c.clapAudio = vectorOf(record, "clap_audio_embedding", 512);
    c.clapText = vectorOf(record, "clap_text_embedding", 512);
    c.beats = beatFeatures(record, start, seconds);
    c.timeSignature = timeSignatureIndex(record);
    c.chord = mainChord(record, start, start + seconds);
    c.phonemes = phonemeIds(record);
    c.pitch = pitchFeatures(record, start, seconds);
    if (const auto rate = number(record, "vibrato_rate"))
        c.vibrato = std::vector<float>{static_cast<float>(*rate / 8.0), static_cast<float>(number(record, "vibrato_depth").value_or(0.0) / 100.0),
                                       static_cast<float>(number(record, "vibrato_extent").value_or(0.0))};
    c.breaths = breathFeatures(record, start, seconds);
    c.phonemeTimes = phonemeTimeFeatures(record);
    c.voice = vectorOf(record, field::kVoiceEmbedding, 256);
    c.ecapa = vectorOf(record, "ecapa_embedding", 192);
    c.controls = controlsAt(record, place, energyCurve);
    return c;
}

ExampleConditions unconditional(int frames)
{
    ExampleConditions c;
    c.controls = torch::zeros({kControlChannels, frames});
    return c;
}

namespace {

template <typename T>
ConditionField scalarField(const std::vector<ExampleConditions>& examples, std::optional<T> ExampleConditions::*member, torch::Dtype dtype,
                           const torch::Device& device)
{
    torch::Tensor values = torch::zeros({static_cast<std::int64_t>(examples.size())}, dtype);
    torch::Tensor present = torch::zeros({static_cast<std::int64_t>(examples.size())}, torch::kBool);
    for (std::size_t i = 0; i < examples.size(); ++i) {
        if (const auto& value = examples[i].*member) {
            values[static_cast<std::int64_t>(i)] = *value;
            present[static_cast<std::int64_t>(i)] = true;
        }
    }
    return {values.to(device), present.to(device)};
}

// Vectors of `size` values ([B, size], or [B, 2, size / 2] for the pitch), or id lists padded with 0.
template <typename T>
ConditionField vectorField(const std::vector<ExampleConditions>& examples, std::optional<std::vector<T>> ExampleConditions::*member,
                           std::int64_t size, torch::Dtype dtype, const torch::Device& device)
{
    std::int64_t width = size;
    if (width == 0)
        for (const ExampleConditions& e : examples)
            width = std::max<std::int64_t>(width, (e.*member) ? static_cast<std::int64_t>((e.*member)->size()) : 0);
    width = std::max<std::int64_t>(width, 1);
    torch::Tensor values = torch::zeros({static_cast<std::int64_t>(examples.size()), width}, dtype);
    torch::Tensor present = torch::zeros({static_cast<std::int64_t>(examples.size())}, torch::kBool);
    for (std::size_t i = 0; i < examples.size(); ++i) {
        if (const auto& value = examples[i].*member) {
            const auto n = static_cast<std::int64_t>(std::min<std::size_t>(value->size(), static_cast<std::size_t>(width)));
            values[static_cast<std::int64_t>(i)].narrow(0, 0, n).copy_(torch::tensor(std::vector<T>(value->begin(), value->begin() + n), dtype));
            present[static_cast<std::int64_t>(i)] = true;
        }
    }
    return {values.to(device), present.to(device)};
}

}  // namespace

LdmConditions batchConditions(const std::vector<ExampleConditions>& examples, const torch::Device& device)
{
    LdmConditions batch;
    std::vector<torch::Tensor> controls;
    std::vector<float> positions;
    for (const ExampleConditions& e : examples) {
        batch.prompts.push_back(e.prompt);
        controls.push_back(e.controls);
        positions.push_back(e.position);
    }
    SectionInputs& s = batch.section;
    s.position = torch::tensor(positions).to(device);
    using E = ExampleConditions;
    s.sectionType = scalarField(examples, &E::sectionType, torch::kInt64, device);
    s.energy = scalarField(examples, &E::energy, torch::kFloat32, device);
    s.tempo = scalarField(examples, &E::tempo, torch::kFloat32, device);
    s.key = scalarField(examples, &E::key, torch::kInt64, device);
    s.loudness = scalarField(examples, &E::loudness, torch::kFloat32, device);
    s.hasVocals = scalarField(examples, &E::hasVocals, torch::kFloat32, device);
    s.sentiment = scalarField(examples, &E::sentiment, torch::kInt64, device);
    s.genre = scalarField(examples, &E::genre, torch::kInt64, device);
    s.artist = scalarField(examples, &E::artist, torch::kInt64, device);
    s.clapAudio = vectorField(examples, &E::clapAudio, 512, torch::kFloat32, device);
    s.clapText = vectorField(examples, &E::clapText, 512, torch::kFloat32, device);
    s.beats = vectorField(examples, &E::beats, 3, torch::kFloat32, device);
    s.timeSignature = scalarField(examples, &E::timeSignature, torch::kInt64, device);
    s.chord = scalarField(examples, &E::chord, torch::kInt64, device);
    s.phonemes = vectorField(examples, &E::phonemes, 0, torch::kInt64, device);
    s.pitch = vectorField(examples, &E::pitch, 2 * kPitchPoints, torch::kFloat32, device);
    s.pitch.value = s.pitch.value.view({-1, 2, kPitchPoints});
    s.vibrato = vectorField(examples, &E::vibrato, 3, torch::kFloat32, device);
    s.breaths = vectorField(examples, &E::breaths, 2, torch::kFloat32, device);
    s.phonemeTimes = vectorField(examples, &E::phonemeTimes, 3, torch::kFloat32, device);
    batch.voice = vectorField(examples, &E::voice, 256, torch::kFloat32, device);
    batch.ecapa = vectorField(examples, &E::ecapa, 192, torch::kFloat32, device);
    batch.controls = torch::stack(controls).to(device);
    return batch;
}

}  // namespace muze
