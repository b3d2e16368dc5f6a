#include "core/dataset/TrackAnalyzer.h"

#include "core/analysis/Loudness.h"
#include "core/analysis/MusicAnalysis.h"
#include "core/analysis/Pyin.h"
#include "core/analysis/VocalSeparation.h"
#include "core/analysis/VoiceAnalysis.h"
#include "core/analysis/VoiceEmbedding.h"
#include "core/audio/AudioDecoder.h"
#include "core/audio/AudioWriter.h"
#include "core/audio/Resampler.h"
#include "core/dataset/FeatureCache.h"
#include "core/dataset/LlmPrompts.h"
#include "core/dataset/RecordNumbers.h"
#include "core/dataset/TextFields.h"
#include "core/dsp/LogMel.h"
#include "core/models/TorchScriptEncoder.h"
#include "core/text/Lyrics.h"
#include "core/text/PhonemeTiming.h"
#include "core/text/Phonemes.h"
#include "core/text/PromptBuilder.h"
#include "core/text/Sentiment.h"
#include "core/text/SpeechRecognizer.h"

#include <algorithm>
#include <cmath>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

constexpr double kMelHopSeconds = 320.0 / kModelSampleRate;
constexpr int kF0Coarsening = 5;           // the record's f0 is at 50 ms; the cache keeps 10 ms
constexpr double kSegmentVocalShare = 0.3;  // a segment "has vocals" when a voice covers this much of it
constexpr double kEncoderSeconds = 60.0;    // the most audio a user's encoder is given, to bound its memory

Json textOrNull(const std::string& text)
{
    return text.empty() ? Json(nullptr) : Json(text);
}

Json spans(const std::vector<TimeSpan>& list)
{
    Json out = Json::array();
    for (const TimeSpan& span : list)
        out.push_back({rounded(span.first), rounded(span.second)});
    return out;
}

// Up to kEncoderSeconds of `audio` from inside `regions` (from the whole of it when there are none).
AudioBuffer excerpt(const AudioBuffer& audio, const std::vector<TimeSpan>& regions)
{
    const std::vector<TimeSpan> whole{{0.0, audio.durationSeconds()}};
    AudioBuffer out{audio.sampleRate, audio.channels, {}};
    const auto limit = static_cast<std::size_t>(kEncoderSeconds * audio.sampleRate) * audio.channels;
    for (const TimeSpan& span : regions.empty() ? whole : regions) {
        const auto begin = std::min(audio.samples.size(), static_cast<std::size_t>(span.first * audio.sampleRate) * audio.channels);
        const auto end = std::min({audio.samples.size(), static_cast<std::size_t>(span.second * audio.sampleRate) * audio.channels,
                                   begin + limit - out.samples.size()});
        out.samples.insert(out.samples.end(), audio.samples.begin() + static_cast<std::ptrdiff_t>(begin),
                           audio.samples.begin() + static_cast<std::ptrdiff_t>(std::max(begin, end)));
        if (out.samples.size() >= limit)
            break;
    }
    return out;
}

// Lyrics in order of preference: the file's own tag, a sidecar .lrc or .txt, then speech
// recognition on the voice when there is one and the recogniser is confident enough.
Lyrics findLyrics(const AudioFileInfo& info, const std::filesystem::path& file, const VocalActivity& activity, const AudioBuffer& voice,
                  const AnalysisOptions& options, std::vector<RecognizedWord>& words, const JobControl& control)
{
    if (!info.tags.lyrics.empty()) {
        Lyrics lyrics;
        lyrics.source = "tag";
        lyrics.lines = parseLrc(info.tags.lyrics);
        if (!lyrics.timed())
            lyrics.lines = parsePlainLyrics(info.tags.lyrics);
        return lyrics;
    }
    if (auto sidecar = sidecarLyrics(file))
        return *sidecar;
    Lyrics none;
    if (!options.recognizeSpeech || !activity.hasVocals)
        return none;
    const Transcript transcript = recognizeSpeech(voice, activity.regions, control);
    none.confidence = transcript.confidence;
    if (transcript.words.empty() || transcript.confidence < options.minimumAsrConfidence)
        return none;  // too unsure to write down: left empty rather than invented
    Lyrics lyrics;
    lyrics.source = "asr";
    lyrics.confidence = transcript.confidence;
    lyrics.lines.push_back({transcript.words.front().start, transcript.text()});
    words = transcript.words;
    return lyrics;
}

std::string lyricsWithin(const Lyrics& lyrics, const std::vector<RecognizedWord>& words, double start, double end)
{
    std::string text;
    auto add = [&](const std::string& piece) { text += (text.empty() ? "" : (lyrics.source == "asr" ? " " : "\n")) + piece; };
    if (lyrics.source == "asr") {
        for (const RecognizedWord& word : words)
            if (word.start >= start && word.start < end)
                add(word.word);
    } else {
        for (const LyricLine& line : lyrics.lines)
            if (line.start && *line.start >= start && *line.start < end)
                add(line.text);
    }
    return text;
}

std::string structureOf(const std::vector<Section>& sections)
{
    const auto has = [&](const char* type) {
        return std::any_of(sections.begin(), sections.end(), [&](const Section& s) { return s.type == type; });
    };
    if (has("verse") && has("chorus"))
        return "verse-chorus";
    return sections.size() > 1 ? "sectional" : "";
}

std::optional<double> medianVoicedHz(const PitchTrack& pitch, const std::vector<TimeSpan>& regions)
{
    std::vector<float> voiced;
    for (std::size_t t = 0; t < pitch.hz.size(); ++t)
        if (pitch.voiced[t] && vocalShare(regions, static_cast<double>(t) * pitch.hopSeconds, (static_cast<double>(t) + 1) * pitch.hopSeconds) > 0.5)
            voiced.push_back(pitch.hz[t]);
    if (voiced.empty())
        return std::nullopt;
    std::nth_element(voiced.begin(), voiced.begin() + static_cast<long>(voiced.size() / 2), voiced.end());
    return voiced[voiced.size() / 2];
}

Json segmentsJson(const MusicAnalysis& music, const AudioBuffer& audio, const VocalActivity& activity, const Lyrics& lyrics,
                  const std::vector<RecognizedWord>& words)
{
    Json out = Json::array();
    for (const Section& section : music.sections) {
        const auto first = static_cast<std::int64_t>(section.start * audio.sampleRate);
        const auto end = static_cast<std::int64_t>(section.end * audio.sampleRate);
        Json segment = {{"type", section.type}, {"start", rounded(section.start)}, {"end", rounded(section.end)},
                        {"energy", rounded(energyFromLoudness(integratedLoudness(audio, first, end)), 100.0)},
                        {"has_vocals", vocalShare(activity.regions, section.start, section.end) >= kSegmentVocalShare},
                        {"confidence", rounded(section.confidence, 100.0)}};
        const std::string text = lyricsWithin(lyrics, words, section.start, section.end);
        if (!text.empty())
            segment["lyrics"] = text;
        out.push_back(segment);
    }
    return out;
}

Json beatPositions(const std::vector<double>& beats, double duration)
{
    Json out = Json::array();
    for (std::size_t i = 0; i < beats.size(); ++i)
        out.push_back({rounded(beats[i]), rounded(i + 1 < beats.size() ? beats[i + 1] : duration)});
    return out;
}

void writeSeparatedVocals(const AudioBuffer& vocals, const std::filesystem::path& folder, const std::string& relativePath, std::int64_t id)
{
    std::filesystem::create_directories(folder);
    writeAudioFile(separatedVocalsPath(folder, relativePath, id), vocals, {AudioFileType::Wav, SampleFormat::Pcm16});
}

// Everything measured from one decode of a track, before it is written down as a record.
struct Measurements {
    DecodedAudio decoded;
    AudioBuffer mono;
    FloatMatrix logMel;
    MusicAnalysis music;
    std::optional<double> loudness;
    VocalEstimate voice;
    FloatMatrix centreLogMel;
    PitchTrack pitch;  // on the centre, at pYIN's hop
    VocalActivity activity;
    Lyrics lyrics;
    std::vector<RecognizedWord> words;  // when the lyrics were recognised
};

Measurements measure(const std::filesystem::path& file, const AnalysisOptions& options, const JobControl& control)
{
    Measurements m;
    DecodeOptions decodeOptions;
    decodeOptions.sampleRate = kModelSampleRate;
    decodeOptions.channels = ChannelMode::UpToStereo;
    decodeOptions.limits.maxDurationSeconds = options.maxDurationSeconds;
    m.decoded = decodeAudioFile(file, decodeOptions, control.slice(0.0, 0.1));
    const AudioBuffer& audio = m.decoded.audio;
    m.mono = mixToMono(audio);

    const LogMelParams melParams;
    m.logMel = logMelSpectrogram(m.mono.samples.data(), m.mono.frames(), melParams, control.slice(0.1, 0.15));
    m.music = analyzeMusic(m.mono.samples.data(), m.mono.frames(), audio.sampleRate, m.logMel, kMelHopSeconds, control.slice(0.15, 0.45));
    m.loudness = integratedLoudness(audio);

    m.voice = separateVocals(audio, control.slice(0.45, 0.55));
    m.centreLogMel = logMelSpectrogram(m.voice.centre.samples.data(), m.voice.centre.frames(), melParams);
    m.pitch = trackPitch(m.voice.centre.samples.data(), m.voice.centre.frames(), audio.sampleRate, PyinParams{}, control.slice(0.55, 0.7));
    m.activity = detectVocals(m.logMel, m.centreLogMel, kMelHopSeconds, m.pitch);
    m.lyrics = findLyrics(m.decoded.info, file, m.activity, m.voice.centre, options, m.words, control.slice(0.7, 1.0));
    return m;
}

std::string timeSignatureOf(const MusicAnalysis& music)
{
    return std::to_string(music.beatsPerBar) + "/4";
}

void addTagFields(Record& record, const AudioTags& tags)
{
    record["artist"] = textOrNull(tags.artist);
    record["title"] = textOrNull(tags.title);
    record["album"] = textOrNull(tags.album);
    record["genre"] = textOrNull(tags.genre);
    record["year"] = tags.year ? Json(*tags.year) : Json(nullptr);
}

// prompt, prompt_source and text_sentiment.
void addDescriptionFields(Record& record, const Measurements& m)
{
    const std::optional<std::string> sentiment = lyricSentiment(m.lyrics.text());
    PromptFacts facts;
    facts.genre = m.decoded.info.tags.genre;
    facts.tempo = m.music.tempo > 0 ? std::optional<double>(m.music.tempo) : std::nullopt;
    facts.key = m.music.key ? m.music.key->name() : "";
    facts.timeSignature = timeSignatureOf(m.music);
    facts.energy = energyFromLoudness(m.loudness);
    facts.hasVocals = m.activity.hasVocals;
    facts.voiceHz = medianVoicedHz(m.pitch, m.activity.regions);
    facts.sentiment = sentiment.value_or("");
    facts.structure = structureOf(m.music.sections);
    record["prompt"] = buildPrompt(facts);
    record[kPromptSource] = kBuiltinPromptSource;
    record["text_sentiment"] = sentiment ? Json(*sentiment) : Json(nullptr);
}

// duration, sample_rate, tempo, key, time_signature, loudness_db, energy.
void addMusicFields(Record& record, const Measurements& m)
{
    record["duration"] = rounded(m.decoded.audio.durationSeconds());
    record["sample_rate"] = m.decoded.audio.sampleRate;
    record["tempo"] = m.music.tempo > 0 ? Json(rounded(m.music.tempo, 100.0)) : Json(nullptr);
    record["key"] = m.music.key ? Json(m.music.key->name()) : Json(nullptr);
    record["time_signature"] = m.music.beats.empty() ? Json(nullptr) : Json(timeSignatureOf(m.music));
    record["loudness_db"] = m.loudness ? Json(rounded(*m.loudness, 100.0)) : Json(nullptr);
    record["energy"] = rounded(energyFromLoudness(m.loudness), 100.0);
}

// has_vocals, lyrics, lyrics_source, lyrics_confidence, phonemes_ipa.
void addLyricFields(Record& record, const Measurements& m, const std::string& language)
{
    const std::string text = m.lyrics.text();
    record["has_vocals"] = m.activity.hasVocals;
    record["lyrics"] = text;
    record["lyrics_source"] = m.lyrics.lines.empty() ? Json(nullptr) : Json(m.lyrics.source);
    record["lyrics_confidence"] = m.lyrics.confidence ? Json(rounded(*m.lyrics.confidence)) : Json(nullptr);
    record["phonemes_ipa"] = text.empty() ? Json(nullptr) : Json(toPhonemes(text, language).ipa);
}

// The voice and CLAP embeddings, from the user's encoders where named, and which made them.
void addEmbeddingFields(Record& record, const Measurements& m, const Encoders& encoders)
{
    const std::vector<TimeSpan>& regions = m.activity.regions;
    const VoiceEmbeddings builtIn = embedVoice(m.logMel, kMelHopSeconds, m.pitch, regions);
    const AudioBuffer singing = encoders.voice || encoders.ecapa ? excerpt(m.mono, regions) : AudioBuffer{};
    record["voice_embedding"] = embeddingJson(encoders.voice ? encoders.voice->encodeAudio(singing) : builtIn.voice);
    record["ecapa_embedding"] = embeddingJson(encoders.ecapa ? encoders.ecapa->encodeAudio(singing) : builtIn.ecapa);
    if (!m.activity.hasVocals) {
        record["voice_embedding_separated"] = nullptr;
    } else if (encoders.voice) {
        record["voice_embedding_separated"] = embeddingJson(encoders.voice->encodeAudio(excerpt(m.voice.vocals, regions)));
    } else {
        const AudioBuffer& vocals = m.voice.vocals;
        const FloatMatrix vocalsLogMel = logMelSpectrogram(vocals.samples.data(), vocals.frames(), LogMelParams{});
        record["voice_embedding_separated"] = embeddingJson(embedVoice(vocalsLogMel, kMelHopSeconds, m.pitch, regions).voice);
    }
    record["clap_audio_embedding"] = encoders.clap ? embeddingJson(encoders.clap->encodeAudio(excerpt(m.decoded.audio, {}))) : Json(nullptr);
    refreshPromptFields(record, encoders.clap.get());
    record[field::kEncoders] = encoderIdentities(encoders);
}

// segments, beat_positions, downbeat_positions, num_beats, chord_progression, chords.
void addTimelineFields(Record& record, const Measurements& m)
{
    const MusicAnalysis& music = m.music;
    record["segments"] = segmentsJson(music, m.decoded.audio, m.activity, m.lyrics, m.words);
    record["beat_positions"] = beatPositions(music.beats, m.decoded.audio.durationSeconds());
    Json downbeats = Json::array();
    for (double beat : music.downbeats)
        downbeats.push_back(rounded(beat));
    record["downbeat_positions"] = downbeats;
    record["num_beats"] = music.beats.size();
    Json progression = Json::array();
    for (const std::string& label : chordProgression(music.chords))
        progression.push_back(label);
    record["chord_progression"] = progression;
    Json chords = Json::array();
    for (const TimedChord& chord : music.chords)
        chords.push_back({{"start", rounded(chord.start)}, {"end", rounded(chord.end)}, {"label", chord.label}});
    record["chords"] = chords;
}

// The voice over time: f0, vibrato, breaths, phoneme timings and the vocal regions.
void addVoiceFields(Record& record, const Measurements& m, const std::string& language)
{
    const std::vector<TimeSpan>& regions = m.activity.regions;
    const PitchTrack coarsePitch = coarsen(m.pitch, kF0Coarsening);
    const std::optional<Vibrato> vibrato = m.activity.hasVocals ? measureVibrato(m.pitch, regions) : std::nullopt;
    record["f0_contour"] = roundedFloats(coarsePitch.hz, 10.0);
    record["f0_voiced_mask"] = coarsePitch.voiced;
    record["f0_hop_seconds"] = coarsePitch.hopSeconds;
    record["vibrato_rate"] = vibrato ? Json(rounded(vibrato->rate, 100.0)) : Json(nullptr);
    record["vibrato_depth"] = vibrato ? Json(rounded(vibrato->depth, 1000.0)) : Json(nullptr);
    record["vibrato_extent"] = vibrato ? Json(rounded(vibrato->extent, 100.0)) : Json(nullptr);
    record["breath_positions"] = m.activity.hasVocals ? spans(findBreaths(m.centreLogMel, kMelHopSeconds, m.pitch, regions)) : Json::array();
    std::vector<TimedPhoneme> phonemes;
    if (!m.lyrics.text().empty())
        phonemes = timePhonemes(m.lyrics, m.words, regions, language);
    record["phoneme_timestamps"] = phonemeTimestampsJson(phonemes);
    record["vocal_regions"] = spans(regions);
}

}  // namespace

Encoders loadEncoders(const EncoderFiles& files)
{
    constexpr int kVoiceRate = 16000;
    constexpr int kClapRate = 48000;
    Encoders encoders;
    if (!files.voice.empty())
        encoders.voice = std::make_shared<TorchScriptEncoder>(files.voice, 256, kVoiceRate);
    if (!files.ecapa.empty())
        encoders.ecapa = std::make_shared<TorchScriptEncoder>(files.ecapa, 192, kVoiceRate);
    if (!files.clap.empty())
        encoders.clap = std::make_shared<TorchScriptEncoder>(files.clap, 512, kClapRate, "encode_audio", true);
    return encoders;
}

Json encoderIdentities(const Encoders& encoders)
{
    const auto identity = [](const auto& encoder, Json otherwise) { return encoder ? Json(encoder->identity()) : otherwise; };
    return {{"voice", identity(encoders.voice, "built-in")}, {"ecapa", identity(encoders.ecapa, "built-in")}, {"clap", identity(encoders.clap, nullptr)}};
}

std::filesystem::path separatedVocalsPath(const std::filesystem::path& folder, const std::string& relativePath, std::int64_t id)
{
    return folder / (std::filesystem::path(relativePath).stem().string() + "-" + std::to_string(id) + ".wav");
}

Json analysisOptionsJson(const AnalysisOptions& options)
{
    return {{"language", options.language}, {"recognize_speech", options.recognizeSpeech}};
}

std::int64_t trackIdFor(const std::string& relativePath)
{
    return static_cast<std::int64_t>(stableHash(relativePath) & ((1ULL << 53) - 1));
}

Record analyzeTrack(const std::filesystem::path& file, const std::string& relativePath, const SourceFingerprint& source,
                    const AnalysisOptions& options, const JobControl& control)
{
    const Measurements m = measure(file, options, control.slice(0.0, 0.95));
    Record record;
    record["audio_path"] = relativePath;
    record["track_id"] = trackIdFor(relativePath);
    addTagFields(record, m.decoded.info.tags);
    addDescriptionFields(record, m);
    addMusicFields(record, m);
    addLyricFields(record, m, options.language);
    addEmbeddingFields(record, m, options.encoders);
    addTimelineFields(record, m);
    addVoiceFields(record, m, options.language);
    record["analysis_version"] = kAnalysisVersion;
    record[field::kAnalysisOptions] = analysisOptionsJson(options);
    record["source_file"] = source.toJson();
    record["include_in_training"] = true;

    const std::int64_t id = record["track_id"].get<std::int64_t>();
    if (!options.vocalsFolder.empty())
        writeSeparatedVocals(m.voice.vocals, options.vocalsFolder, relativePath, id);
    if (!options.cacheFolder.empty())
        FeatureCache(options.cacheFolder).store(std::to_string(id), source.contentKey(), {m.logMel, m.pitch.hz, m.pitch.voiced, m.pitch.hopSeconds});
    control.report("done", 1.0);
    return record;
}

}  // namespace muze
