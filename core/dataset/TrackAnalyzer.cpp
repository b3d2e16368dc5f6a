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
#include <memory>
#include <optional>

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

Json segmentsJson(const MusicAnalysis& music, const std::vector<std::optional<double>>& sectionLoudness, const VocalActivity& activity,
                  const Lyrics& lyrics, const std::vector<RecognizedWord>& words)
{
    Json out = Json::array();
    for (std::size_t i = 0; i < music.sections.size(); ++i) {
        const Section& section = music.sections[i];
        Json segment = {{"type", section.type}, {"start", rounded(section.start)}, {"end", rounded(section.end)},
                        {"energy", rounded(energyFromLoudness(sectionLoudness[i]), 100.0)},
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

// Everything measured from a track, before it is written down as a record. The song is never held
// whole in stereo: the decoded blocks go straight to the mono mixdown, the loudness meter and the
// vocal separator, and the separated vocals to their log-mel (and their file when asked for), so
// that memory grows only with two mono signals and the features.
struct Measurements {
    AudioFileInfo info;
    int sampleRate = 0;
    double durationSeconds = 0.0;
    std::optional<double> loudness;
    AudioBuffer mono;          // released once no later step reads it
    AudioBuffer head;          // the first kEncoderSeconds as decoded, for a CLAP encoder
    AudioBuffer centre;        // released once the lyrics are found
    AudioBuffer vocals;        // kept only for a voice encoder of the user's
    FloatMatrix vocalsLogMel;  // otherwise the vocals' log-mel is what is kept of them
    std::unique_ptr<AudioFileWriter> vocalsFile;  // --separate_vocals, committed with the record
    FloatMatrix logMel;
    MusicAnalysis music;
    std::vector<std::optional<double>> sectionLoudness;  // per music.sections
    FloatMatrix centreLogMel;
    PitchTrack pitch;  // on the centre, at pYIN's hop
    VocalActivity activity;
    Lyrics lyrics;
    std::vector<RecognizedWord> words;  // when the lyrics were recognised
};

DecodeOptions decodeOptionsFor(const AnalysisOptions& options)
{
    DecodeOptions decodeOptions;
    decodeOptions.sampleRate = kModelSampleRate;
    decodeOptions.channels = ChannelMode::UpToStereo;
    decodeOptions.limits.maxDurationSeconds = options.maxDurationSeconds;
    return decodeOptions;
}

void append(AudioBuffer& buffer, const float* samples, std::int64_t count)
{
    buffer.samples.insert(buffer.samples.end(), samples, samples + count);
}

void release(AudioBuffer& buffer)
{
    std::vector<float>().swap(buffer.samples);
}

// The one pass over the decoded audio: block by block, the mono mixdown, the loudness, the vocal
// estimate, and the head a CLAP encoder hears.
class StereoPass {
public:
    StereoPass(Measurements& m, const AnalysisOptions& options, std::filesystem::path vocalsPath)
        : m_m(m), m_options(options), m_vocalsPath(std::move(vocalsPath))
    {
    }

    void add(const AudioBuffer& block, const DecodeSummary& before)
    {
        if (before.frames == 0)
            start(block, before.info);
        const AudioBuffer mono = mixToMono(block);
        append(m_m.mono, mono.samples.data(), mono.frames());
        m_meter->add(block.samples.data(), block.frames());
        if (m_options.encoders.clap) {
            const auto room = static_cast<std::int64_t>(kEncoderSeconds * block.sampleRate) * block.channels -
                              static_cast<std::int64_t>(m_m.head.samples.size());
            append(m_m.head, block.samples.data(), std::clamp<std::int64_t>(room, 0, static_cast<std::int64_t>(block.samples.size())));
        }
        m_separator->push(block.samples.data(), block.frames());
    }

    void finish(const DecodeSummary& summary)
    {
        m_separator->finish();
        m_m.info = summary.info;
        m_m.sampleRate = summary.sampleRate;
        m_m.durationSeconds = summary.durationSeconds();
        m_m.loudness = m_meter->integrated();
        if (m_vocalsMel) {
            m_m.vocalsLogMel = m_vocalsMel->finish();
            powerToDb(m_m.vocalsLogMel, LogMelParams{});
        }
    }

private:
    void start(const AudioBuffer& block, const AudioFileInfo& info)
    {
        // Room for the whole song at once, so that growing never holds two copies.
        const auto expected = static_cast<std::size_t>(std::clamp(info.durationSeconds, 0.0, m_options.maxDurationSeconds + 1.0) * block.sampleRate * 1.01) + 4096;
        for (AudioBuffer* buffer : {&m_m.mono, &m_m.centre, &m_m.head, &m_m.vocals}) {
            buffer->sampleRate = block.sampleRate;
            buffer->channels = buffer == &m_m.head ? block.channels : 1;
        }
        m_m.mono.samples.reserve(expected);
        m_m.centre.samples.reserve(expected);
        const bool keepVocals = m_options.encoders.voice != nullptr;
        if (keepVocals)
            m_m.vocals.samples.reserve(expected);
        else
            m_vocalsMel = std::make_unique<MelStream>(LogMelParams{}, static_cast<std::int64_t>(expected));
        if (!m_vocalsPath.empty()) {
            std::filesystem::create_directories(m_vocalsPath.parent_path());
            m_m.vocalsFile = std::make_unique<AudioFileWriter>(m_vocalsPath, block.sampleRate, 1, AudioWriteOptions{AudioFileType::Wav, SampleFormat::Pcm16});
        }
        m_meter = std::make_unique<LoudnessMeter>(block.channels, block.sampleRate);
        m_separator = std::make_unique<VocalSeparator>(block.sampleRate, block.channels, [this](const float* centre, const float* vocals, std::int64_t count) {
            append(m_m.centre, centre, count);
            if (m_vocalsMel)
                m_vocalsMel->push(vocals, count);
            else
                append(m_m.vocals, vocals, count);
            if (m_m.vocalsFile)
                m_m.vocalsFile->write(vocals, count);
        });
    }

    Measurements& m_m;
    const AnalysisOptions& m_options;
    std::filesystem::path m_vocalsPath;
    std::unique_ptr<LoudnessMeter> m_meter;
    std::unique_ptr<VocalSeparator> m_separator;
    std::unique_ptr<MelStream> m_vocalsMel;
};

// Each section's loudness, from a second decode of the track: the first pass keeps no stereo, and
// decoding again costs far less than holding a song's stereo would.
std::vector<std::optional<double>> sectionLoudness(const std::filesystem::path& file, const AnalysisOptions& options,
                                                   const std::vector<Section>& sections, const JobControl& control)
{
    if (sections.empty())
        return {};
    std::vector<std::unique_ptr<LoudnessMeter>> meters;
    decodeAudioFileInBlocks(file, decodeOptionsFor(options), [&](const AudioBuffer& block, const DecodeSummary& before) {
        if (meters.empty())
            for (std::size_t i = 0; i < sections.size(); ++i)
                meters.push_back(std::make_unique<LoudnessMeter>(block.channels, block.sampleRate));
        const std::int64_t blockStart = before.frames;
        const std::int64_t blockEnd = blockStart + block.frames();
        for (std::size_t i = 0; i < sections.size(); ++i) {
            const std::int64_t first = std::max(blockStart, static_cast<std::int64_t>(sections[i].start * block.sampleRate));
            const std::int64_t end = std::min(blockEnd, static_cast<std::int64_t>(sections[i].end * block.sampleRate));
            if (end > first)
                meters[i]->add(block.samples.data() + (first - blockStart) * block.channels, end - first);
        }
    }, control);
    std::vector<std::optional<double>> loudness;
    for (const auto& meter : meters)
        loudness.push_back(meter->integrated());
    return loudness;
}

Measurements measure(const std::filesystem::path& file, const std::filesystem::path& vocalsPath, const AnalysisOptions& options,
                     const JobControl& control)
{
    Measurements m;
    StereoPass pass(m, options, vocalsPath);
    const DecodeSummary decoded = decodeAudioFileInBlocks(file, decodeOptionsFor(options), [&](const AudioBuffer& block, const DecodeSummary& before) {
        pass.add(block, before);
    }, control.slice(0.0, 0.25));
    pass.finish(decoded);

    const LogMelParams melParams;
    m.logMel = logMelSpectrogram(m.mono.samples.data(), m.mono.frames(), melParams, control.slice(0.25, 0.3));
    m.music = analyzeMusic(m.mono.samples.data(), m.mono.frames(), m.sampleRate, m.logMel, kMelHopSeconds, control.slice(0.3, 0.5));
    if (!options.encoders.voice && !options.encoders.ecapa)
        release(m.mono);
    m.sectionLoudness = sectionLoudness(file, options, m.music.sections, control.slice(0.5, 0.55));

    m.pitch = trackPitch(m.centre.samples.data(), m.centre.frames(), m.sampleRate, PyinParams{}, control.slice(0.55, 0.7));
    m.centreLogMel = logMelSpectrogram(m.centre.samples.data(), m.centre.frames(), melParams);
    m.activity = detectVocals(m.logMel, m.centreLogMel, kMelHopSeconds, m.pitch);
    m.lyrics = findLyrics(m.info, file, m.activity, m.centre, options, m.words, control.slice(0.7, 1.0));
    release(m.centre);
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
    facts.genre = m.info.tags.genre;
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
    record["duration"] = rounded(m.durationSeconds);
    record["sample_rate"] = m.sampleRate;
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
        record["voice_embedding_separated"] = embeddingJson(encoders.voice->encodeAudio(excerpt(m.vocals, regions)));
    } else {
        record["voice_embedding_separated"] = embeddingJson(embedVoice(m.vocalsLogMel, kMelHopSeconds, m.pitch, regions).voice);
    }
    record["clap_audio_embedding"] = encoders.clap ? embeddingJson(encoders.clap->encodeAudio(excerpt(m.head, {}))) : Json(nullptr);
    refreshPromptFields(record, encoders.clap.get());
    record[field::kEncoders] = encoderIdentities(encoders);
}

// segments, beat_positions, downbeat_positions, num_beats, chord_progression, chords.
void addTimelineFields(Record& record, const Measurements& m)
{
    const MusicAnalysis& music = m.music;
    record["segments"] = segmentsJson(music, m.sectionLoudness, m.activity, m.lyrics, m.words);
    record["beat_positions"] = beatPositions(music.beats, m.durationSeconds);
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
    const std::int64_t id = trackIdFor(relativePath);
    const std::filesystem::path vocalsPath = options.vocalsFolder.empty() ? std::filesystem::path() : separatedVocalsPath(options.vocalsFolder, relativePath, id);
    const Measurements m = measure(file, vocalsPath, options, control.slice(0.0, 0.95));
    Record record;
    record["audio_path"] = relativePath;
    record["track_id"] = id;
    addTagFields(record, m.info.tags);
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

    if (m.vocalsFile)
        m.vocalsFile->commit();
    if (!options.cacheFolder.empty())
        FeatureCache(options.cacheFolder).store(std::to_string(id), source.contentKey(), {m.logMel, m.pitch.hz, m.pitch.voiced, m.pitch.hopSeconds});
    control.report("done", 1.0);
    return record;
}

}  // namespace muze
