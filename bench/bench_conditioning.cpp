// Whether generation obeys what it is asked: songs made at tempos across 70-160 BPM and in all 24
// keys, analysed by the project's own dataset analyzer, scored as how often the analysed tempo is
// within 4% of the asked one and the analysed key is the asked one.
//
// With --dataset, also the ceiling this measure can reach with these models: clips of the dataset's
// songs analysed as they are, after the vocoder alone (their log-mel made audible), and after the
// VAE and the vocoder (encoded and decoded), and as a model trained with --one_key hears and makes
// them (moved to C first, and back to their key after). What those lose, generation cannot keep.
// The vocoder's magnitude and its phase are each also heard beside the clip's own other half, which
// shows which of the two loses the notes. Each is also compared with its clip in pitch alone: the
// correlation of their mean bass and treble chroma, which shows where a decoder loses the notes
// before the key is lost. And what the diffusion model listens to: its loss on crops of the songs,
// as phase 3 hears them, with their own conditions and with each control taken away or moved.
//
// usage: bench_conditioning --models DIR [--dataset data.json] [--out DIR] [--songs 24] [--seconds 20]
//                           [--template verse_chorus] [--sampler ddim|dpmpp|ddpm] [--steps 50] [--cfg_scale 7.5]
//                           [--cfg_rescale 0] [--beat_guidance 40] [--decoder vocoder|griffin-lim] [--seed 1]
//                           [--only ceiling|listening|generation]
// DIR holds vae/, ldm/ and vocoder/ as `muze train` writes them (checkpoints/best.safetensors); without
// vocoder/ the songs are decoded by Griffin-Lim.

#include <torch/torch.h>

#include "core/analysis/Chroma.h"
#include "core/analysis/KeyDetection.h"
#include "core/audio/AudioDecoder.h"
#include "core/audio/AudioWriter.h"
#include "core/audio/TimePitch.h"
#include "core/common/Parallel.h"
#include "core/dataset/DatasetBuilder.h"
#include "core/dataset/DatasetFile.h"
#include "core/dataset/SourceFingerprint.h"
#include "core/dataset/TrackAnalyzer.h"
#include "core/dsp/GriffinLim.h"
#include "core/dsp/LogMel.h"
#include "core/generation/SongFiles.h"
#include "core/generation/SongGenerator.h"
#include "core/generation/StructureTemplates.h"
#include "core/diffusion/NoiseSchedule.h"
#include "core/diffusion/Objective.h"
#include "core/training/Checkpoint.h"
#include "core/training/LdmData.h"
#include "core/training/TrainedModels.h"
#include "core/training/TrainingLoop.h"
#include "core/training/Transposition.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

using namespace muze;
namespace fs = std::filesystem;

namespace {

constexpr int kSampleRate = 32000;
constexpr double kTempoTolerance = 0.04;

struct Arguments {
    fs::path models, dataset, out = fs::temp_directory_path() / "muze-bench-conditioning";
    int songs = 24;
    double seconds = 20.0;
    std::string templateName = "verse_chorus";
    SamplerKind sampler = SamplerKind::Ddim;
    int steps = 50;
    double cfgScale = GenerateOptions().cfgScale;
    double beatGuidance = GenerateOptions().beatGuidance;
    double cfgRescale = GenerateOptions().guidanceRescale;
    bool griffinLim = false;  // --decoder griffin-lim: the generated songs made audible by Griffin-Lim, even with a vocoder
    std::uint64_t seed = 1;
    std::string only;  // one measurement alone; all of them (the first two with --dataset) when empty

    bool measures(const std::string& what) const { return only.empty() || only == what; }
};

Arguments parseArguments(int argc, char** argv)
{
    Arguments a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        const std::string value = argv[i + 1];
        if (name == "--models")
            a.models = value;
        else if (name == "--dataset")
            a.dataset = value;
        else if (name == "--out")
            a.out = value;
        else if (name == "--songs")
            a.songs = std::stoi(value);
        else if (name == "--seconds")
            a.seconds = std::stod(value);
        else if (name == "--template")
            a.templateName = value;
        else if (name == "--sampler" && samplerNamed(value))
            a.sampler = *samplerNamed(value);
        else if (name == "--steps")
            a.steps = std::stoi(value);
        else if (name == "--cfg_scale")
            a.cfgScale = std::stod(value);
        else if (name == "--beat_guidance")
            a.beatGuidance = std::stod(value);
        else if (name == "--cfg_rescale")
            a.cfgRescale = std::stod(value);
        else if (name == "--decoder" && (value == "vocoder" || value == "griffin-lim"))
            a.griffinLim = value == "griffin-lim";
        else if (name == "--seed")
            a.seed = std::stoull(value);
        else if (name == "--only" && (value == "ceiling" || value == "listening" || value == "generation"))
            a.only = value;
        else
            throw std::runtime_error("unknown option or value: " + name + " " + value);
    }
    if (a.models.empty())
        throw std::runtime_error("usage: bench_conditioning --models DIR [--dataset data.json] [--out DIR] [--songs 24] ...");
    if (a.dataset.empty() && (a.only == "ceiling" || a.only == "listening"))
        throw std::runtime_error("--only " + a.only + " needs --dataset");
    return a;
}

struct Ask {
    double tempo;
    MusicalKey key;
};

// Song i of n: keys through the circle of fifths, the 12 majors then the 12 minors; tempos spread
// evenly over 70-160 BPM in an order unrelated to the keys.
Ask askNumber(int i, int n)
{
    const int tempoRank = (5 * i) % n;
    const double tempo = std::round(70.0 + 90.0 * tempoRank / std::max(1, n - 1));
    return {tempo, {(7 * i) % 12, (i / 12) % 2 == 1}};
}

struct Heard {
    std::optional<double> tempo;
    std::optional<MusicalKey> key;
};

Heard analyse(const fs::path& file)
{
    AnalysisOptions options;
    options.recognizeSpeech = false;
    const Record record = analyzeTrack(file, file.filename().string(), fullFingerprint(file), options);
    Heard heard;
    if (record.value("tempo", Record()).is_number())
        heard.tempo = record["tempo"].get<double>();
    if (record.value("key", Record()).is_string())
        heard.key = parseKey(record["key"].get<std::string>());
    return heard;
}

bool sameKey(const std::optional<MusicalKey>& heard, const MusicalKey& asked)
{
    return heard && heard->tonic == asked.tonic && heard->minor == asked.minor;
}

bool tempoWithin(const std::optional<double>& heard, double asked)
{
    return heard && std::abs(*heard - asked) <= kTempoTolerance * asked;
}

// The pitch classes a passage sounds: its bass (C1-C3) and treble (C3-C7) chroma, each averaged.
struct PitchContent {
    PitchClassProfile bass{}, treble{};
};

PitchContent pitchContentOf(const std::vector<float>& samples)
{
    const ChromaFeatures chroma = computeChroma(samples.data(), static_cast<std::int64_t>(samples.size()), kSampleRate);
    return {meanProfile(chroma.bass.frames), meanProfile(chroma.treble.frames)};
}

double correlation(const PitchClassProfile& a, const PitchClassProfile& b)
{
    const double meanA = std::accumulate(a.begin(), a.end(), 0.0) / 12;
    const double meanB = std::accumulate(b.begin(), b.end(), 0.0) / 12;
    double ab = 0.0, aa = 0.0, bb = 0.0;
    for (std::size_t i = 0; i < 12; ++i) {
        ab += (a[i] - meanA) * (b[i] - meanB);
        aa += (a[i] - meanA) * (a[i] - meanA);
        bb += (b[i] - meanB) * (b[i] - meanB);
    }
    return aa > 0 && bb > 0 ? ab / std::sqrt(aa * bb) : 0.0;
}

struct Score {
    int count = 0, tempoRight = 0, keyRight = 0, relativeKey = 0, fifthAway = 0;
    int compared = 0;  // passages whose pitch content was compared with the clip they were made from
    double trebleAgreement = 0.0, bassAgreement = 0.0;  // sums of the chroma correlations

    void add(const Heard& heard, double tempo, const MusicalKey& key)
    {
        ++count;
        tempoRight += tempoWithin(heard.tempo, tempo);
        keyRight += sameKey(heard.key, key);
        if (heard.key && !sameKey(heard.key, key)) {
            const int relativeTonic = key.minor ? (key.tonic + 3) % 12 : (key.tonic + 9) % 12;
            relativeKey += heard.key->tonic == relativeTonic && heard.key->minor != key.minor;
            const int interval = (heard.key->tonic - key.tonic + 12) % 12;
            fifthAway += heard.key->minor == key.minor && (interval == 5 || interval == 7);
        }
    }

    void compare(const PitchContent& clip, const PitchContent& made)
    {
        ++compared;
        trebleAgreement += correlation(clip.treble, made.treble);
        bassAgreement += correlation(clip.bass, made.bass);
    }

    void print(const char* what) const
    {
        std::printf("| %s | %d | %d (%.0f%%) | %d (%.0f%%) | %d | %d |", what, count, tempoRight, 100.0 * tempoRight / std::max(1, count), keyRight,
                    100.0 * keyRight / std::max(1, count), relativeKey, fifthAway);
        if (compared > 0)
            std::printf(" %.2f | %.2f |\n", trebleAgreement / compared, bassAgreement / compared);
        else
            std::printf(" - | - |\n");
    }
};

// The last two columns: how well the passages' mean treble and bass chroma correlate with their
// clip's, on average (1 where every pitch class keeps its share).
void printScoreHeader()
{
    std::printf("| material | songs | tempo within 4%% | key exact | relative key | a fifth away | treble chroma r | bass chroma r |\n"
                "|---|---|---|---|---|---|---|---|\n");
}

void writeWav(const fs::path& path, const std::vector<float>& samples)
{
    AudioBuffer audio;
    audio.sampleRate = kSampleRate;
    audio.channels = 1;
    audio.samples = samples;
    writeAudioFile(path, audio, {});
}

std::vector<float> samplesOf(const torch::Tensor& wave)
{
    const torch::Tensor flat = wave.reshape({-1}).contiguous();
    return {flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel()};
}

// The dataset's songs, `seconds` from a third of the way in, as they are, through Griffin-Lim, through
// the VAE and Griffin-Lim, and (when the models have one) through the vocoder with and without the VAE,
// and with half of the vocoder's spectrum (its magnitude or its phase) beside the clip's own other half.
void measureCeiling(const Arguments& a)
{
    AudioVae vae = loadVae(a.models / "vae/checkpoints/best.safetensors");
    const fs::path vocoderFile = a.models / "vocoder/checkpoints/best.safetensors";
    std::optional<Vocoder> vocoder;
    if (fs::exists(vocoderFile))
        vocoder = loadVocoder(vocoderFile);
    const std::vector<Record> records = readDataset(a.dataset);
    const std::optional<BuildSettings> settings = readBuildSettings(a.dataset);
    if (!settings)
        throw std::runtime_error("the settings beside " + a.dataset.string() + " do not say where its songs are");
    const fs::path base = settings->audioDir;
    Score original, griffinLim, autoencodedGriffinLim, vocoded, autoencoded, autoencodedInC, vocoderMagnitude, vocoderPhase;
    c10::InferenceMode inference;
    for (std::size_t i = 0; i < records.size() && original.count < a.songs; ++i) {
        const Record& record = records[i];
        const std::optional<MusicalKey> key = parseKey(valueOr<std::string>(record, "key", ""));
        const double tempo = valueOr(record, "tempo", 0.0);
        if (!key || tempo <= 0)
            continue;
        const AudioBuffer song = decodeAudioFile(base / valueOr<std::string>(record, field::kAudioPath, ""), DecodeOptions{}).audio;
        const auto length = static_cast<std::size_t>(a.seconds * kSampleRate);
        if (song.samples.size() < length)
            continue;
        const std::vector<float> clip(song.samples.begin() + static_cast<std::ptrdiff_t>((song.samples.size() - length) / 3),
                                      song.samples.begin() + static_cast<std::ptrdiff_t>((song.samples.size() - length) / 3 + length));
        const FloatMatrix mel = logMelSpectrogram(clip.data(), static_cast<std::int64_t>(clip.size()), LogMelParams{});
        const torch::Tensor melDb = torch::from_blob(const_cast<float*>(mel.values.data()), {1, mel.rows, mel.cols}).clone();
        const int unit = vae->config().timeReduction();
        const torch::Tensor melWhole = melDb.narrow(2, 0, melDb.size(2) / unit * unit);
        const std::string stem = "real-" + std::to_string(i);
        const PitchContent clipPitch = pitchContentOf(clip);
        // Written beside the others for listening, analysed as a song, and its pitch content compared with the clip's.
        const auto judge = [&](Score& score, const std::string& suffix, const std::vector<float>& samples) {
            const fs::path file = a.out / (stem + suffix + ".wav");
            writeWav(file, samples);
            score.add(analyse(file), tempo, *key);
            score.compare(clipPitch, pitchContentOf(samples));
        };
        const torch::Tensor melAutoencoded = vae->decodeToDb(vae->encodeSong(melWhole[0]).unsqueeze(0));
        judge(original, "", clip);
        judge(griffinLim, "-griffinlim", invertLogMel(mel, LogMelParams{}).samples);
        judge(autoencodedGriffinLim, "-vae-griffinlim", invertLogMel(toMatrix(melAutoencoded[0]), LogMelParams{}).samples);
        if (vocoder) {
            judge(vocoded, "-vocoder", samplesOf((*vocoder)->forward(melWhole)));
            judge(autoencoded, "-vae-vocoder", samplesOf((*vocoder)->forward(melAutoencoded)));
            // Which half of the vocoder's spectrum loses the notes: each paired with the clip's own other half.
            const VocoderSpectrum made = (*vocoder)->spectrum(melWhole);
            const VocoderSpectrum own = (*vocoder)->analyse(torch::tensor(clip).unsqueeze(0));
            const std::int64_t frames = std::min(made.magnitude.size(2), own.magnitude.size(2));
            const auto first = [frames](const torch::Tensor& part) { return part.narrow(2, 0, frames); };
            judge(vocoderMagnitude, "-vocoder-magnitude", samplesOf((*vocoder)->synthesize({first(made.magnitude), first(own.phase)})));
            judge(vocoderPhase, "-vocoder-phase", samplesOf((*vocoder)->synthesize({first(own.magnitude), first(made.phase)})));
            // As a model trained with --one_key makes a song: in C, moved to its key by Rubber Band.
            const int move = semitonesToC(key->name());
            const torch::Tensor melInC = vae->decodeToDb(vae->encodeSong(transposeMel(melWhole[0], move)).unsqueeze(0));
            const std::vector<float> inC = samplesOf((*vocoder)->forward(melInC));
            judge(autoencodedInC, "-in-c-vae-vocoder", stretchAndShift(inC, kSampleRate, inC.size(), std::pow(2.0, -move / 12.0)));
        }
        std::fprintf(stderr, "ceiling: %d songs\r", original.count);
    }
    std::printf("\nThe ceiling: %.0f s clips of the dataset's songs, scored against their records\n", a.seconds);
    printScoreHeader();
    original.print("the clips as they are");
    griffinLim.print("their log-mel through Griffin-Lim");
    autoencodedGriffinLim.print("through the VAE and Griffin-Lim");
    if (vocoder) {
        vocoded.print("their log-mel through the vocoder");
        autoencoded.print("through the VAE and the vocoder");
        vocoderMagnitude.print("the vocoder's magnitude from their log-mel, with the clip's own phase");
        vocoderPhase.print("the clip's own magnitude, with the vocoder's phase from their log-mel");
        autoencodedInC.print("moved to C, through the VAE and the vocoder, moved back by Rubber Band");
    }
}

// Ways of conditioning a crop, to see which controls the diffusion model uses: each is the crop's own
// conditions with one thing changed.
struct Variant {
    const char* what;
    std::function<ExampleConditions(const ExampleConditions& own, const ExampleConditions& halfBeatLate)> make;
};

ExampleConditions withControls(const ExampleConditions& own, const std::function<void(torch::Tensor&)>& change)
{
    ExampleConditions changed = own;
    changed.controls = own.controls.clone();
    change(changed.controls);
    return changed;
}

const std::vector<Variant>& variants()
{
    static const std::vector<Variant> all = {
        {"its own conditions", [](const ExampleConditions& own, const ExampleConditions&) { return own; }},
        {"the beat grid half a beat off",
         [](const ExampleConditions& own, const ExampleConditions& late) {
             return withControls(own, [&](torch::Tensor& c) { c.narrow(0, kBeatChannel, kBeatGridChannels).copy_(late.controls.narrow(0, kBeatChannel, kBeatGridChannels)); });
         }},
        {"no beat grid", [](const ExampleConditions& own, const ExampleConditions&) { return withControls(own, [](torch::Tensor& c) { c.narrow(0, kBeatChannel, kBeatGridChannels).zero_(); }); }},
        {"no chords", [](const ExampleConditions& own, const ExampleConditions&) { return withControls(own, [](torch::Tensor& c) { c.narrow(0, kChordChannel, 12).zero_(); }); }},
        {"the energy curve flat at its mean",
         [](const ExampleConditions& own, const ExampleConditions&) { return withControls(own, [](torch::Tensor& c) { c[kEnergyChannel].fill_(c[kEnergyChannel].mean()); }); }},
        {"nothing (unconditional)", [](const ExampleConditions& own, const ExampleConditions&) { return unconditional(static_cast<int>(own.controls.size(1))); }},
    };
    return all;
}

// A crop of a dataset song as phase 3 hears it (in C for a one-key model): its latent, and its
// conditions, with the beat grid in place and half a beat late.
struct ListeningCrop {
    torch::Tensor latent;
    ExampleConditions own, halfBeatLate;
};

std::optional<ListeningCrop> listeningCropOf(const Record& record, const fs::path& audioDir, AudioVae& vae, LatentDiffusion& ldm, int frames, bool oneKey)
{
    const double tempo = valueOr(record, "tempo", 0.0);
    if (tempo <= 0)
        return std::nullopt;
    const int unit = vae->config().timeReduction();
    const AudioBuffer song = decodeAudioFile(audioDir / valueOr<std::string>(record, field::kAudioPath, ""), DecodeOptions{}).audio;
    const FloatMatrix mel = logMelSpectrogram(song.samples.data(), static_cast<std::int64_t>(song.samples.size()), LogMelParams{});
    const std::int64_t start = mel.cols / 3 / unit * unit;
    if (mel.cols < start + frames * unit)
        return std::nullopt;
    const int move = oneKey ? semitonesToC(valueOr<std::string>(record, "key", "")) : 0;
    const torch::Tensor whole = torch::from_blob(const_cast<float*>(mel.values.data()), {mel.rows, mel.cols});
    const torch::Tensor crop = transposeMel(whole.narrow(1, start, frames * unit).clone(), move);
    const Record heard = transposedRecord(record, move);
    const CropPlace place{static_cast<double>(start) / 100.0, frames, 0.01 * unit};
    const CropPlace halfBeatLater{place.startSeconds + 30.0 / tempo, frames, place.frameSeconds};
    const torch::Tensor energy = energyCurveOf(crop, frames);
    return ListeningCrop{vae->encodeMean(crop.unsqueeze(0)) * ldm->config().latentScale, conditionsAt(heard, place, energy),
                         conditionsAt(heard, halfBeatLater, energy)};
}

void printListening(const std::vector<std::vector<double>>& loss, const std::vector<int>& timesteps, int crops, double seconds, bool oneKey)
{
    std::printf("\nWhat the diffusion model listens to: its loss on %d crops of %.2f s of the dataset's songs%s, by diffusion step\n", crops, seconds,
                oneKey ? " (moved to C, as it trained)" : "");
    std::printf("| conditions |");
    for (int t : timesteps)
        std::printf(" t=%d |", t);
    std::printf(" mean |\n|---|");
    for (std::size_t t = 0; t <= timesteps.size(); ++t)
        std::printf("---|");
    std::printf("\n");
    for (std::size_t v = 0; v < variants().size(); ++v) {
        std::printf("| %s |", variants()[v].what);
        for (double sum : loss[v])
            std::printf(" %.3f |", sum / std::max(1, crops));
        const double all = std::accumulate(loss[v].begin(), loss[v].end(), 0.0);
        std::printf(" %.3f |\n", all / std::max<std::size_t>(1, timesteps.size() * static_cast<std::size_t>(crops)));
    }
}

// The diffusion model's loss on a crop of each dataset song, at several noise levels, under each
// variant of its conditions: a control the model uses costs loss when it is taken away or moved.
void measureListening(const Arguments& a)
{
    const fs::path ldmFile = a.models / "ldm/checkpoints/best.safetensors";
    AudioVae vae = loadVae(a.models / "vae/checkpoints/best.safetensors");
    LatentDiffusion ldm = loadLatentDiffusion(ldmFile);
    const nlohmann::ordered_json training = readCheckpointInfo(ldmFile).training;
    const bool oneKey = training.value("one_key", false);
    const int unit = ldm->config().unet.timeReduction();
    const int frames = training.value("latent_crop_frames", 256) / unit * unit;
    const NoiseSchedule noise(ldm->config().schedule);
    const std::vector<int> timesteps = {100, 300, 500, 700, 900};
    const std::vector<Record> records = readDataset(a.dataset);
    const fs::path audioDir = readBuildSettings(a.dataset)->audioDir;
    std::vector<std::vector<double>> loss(variants().size(), std::vector<double>(timesteps.size(), 0.0));
    int crops = 0;
    c10::InferenceMode inference;
    for (std::size_t i = 0; i < records.size() && crops < a.songs; ++i) {
        const std::optional<ListeningCrop> crop = listeningCropOf(records[i], audioDir, vae, ldm, frames, oneKey);
        if (!crop)
            continue;
        at::Generator generator = at::detail::createCPUGenerator(a.seed + i);
        for (std::size_t t = 0; t < timesteps.size(); ++t) {
            const torch::Tensor step = torch::full({1}, timesteps[t], torch::kInt64);
            const torch::Tensor alphaBar = noise.alphaBars(step);
            const torch::Tensor eps = torch::randn(crop->latent.sizes(), generator);
            const torch::Tensor xt = addNoise(crop->latent, eps, alphaBar);
            const torch::Tensor target = trainingTarget(ldm->config().prediction, crop->latent, eps, alphaBar);
            for (std::size_t v = 0; v < variants().size(); ++v) {
                const LdmConditions conditions = batchConditions({variants()[v].make(crop->own, crop->halfBeatLate)}, torch::kCPU);
                loss[v][t] += torch::mse_loss(ldm->forward(xt, step.to(torch::kFloat32) / noise.trainSteps(), conditions), target).item<double>();
            }
        }
        std::fprintf(stderr, "listening: %d crops\r", ++crops);
    }
    printListening(loss, timesteps, crops, frames * 0.01 * vae->config().timeReduction(), oneKey);
}

std::string tempoText(const std::optional<double>& tempo)
{
    char text[16] = "-";
    if (tempo)
        std::snprintf(text, sizeof text, "%.1f", *tempo);
    return text;
}

void measureGeneration(const Arguments& a)
{
    const fs::path vocoder = a.models / "vocoder/checkpoints/best.safetensors";
    const SongGenerator generator({a.models / "vae/checkpoints/best.safetensors", a.models / "ldm/checkpoints/best.safetensors",
                                   fs::exists(vocoder) && !a.griffinLim ? vocoder : fs::path()});
    GenerateOptions options;
    options.sampler = a.sampler;
    options.steps = a.steps;
    options.cfgScale = a.cfgScale;
    options.beatGuidance = a.beatGuidance;
    options.guidanceRescale = a.cfgRescale;
    options.seed = a.seed;
    Score score;
    std::printf("\n| # | asked tempo | asked key | heard tempo | heard key |\n|---|---|---|---|---|\n");
    for (int i = 0; i < a.songs; ++i) {
        const Ask ask = askNumber(i, a.songs);
        const SongPlan plan = planFromTemplate(a.templateName, {"a song", a.seconds, ask.tempo, ask.key.name(), "4/4"});
        const fs::path file = a.out / ("generated-" + std::to_string(i) + ".wav");
        writeAudioFile(file, generator.generate(plan, options).audio, {});
        const Heard heard = analyse(file);
        score.add(heard, ask.tempo, ask.key);
        std::printf("| %d | %.0f | %s | %s | %s |\n", i, ask.tempo, ask.key.name().c_str(), tempoText(heard.tempo).c_str(),
                    heard.key ? heard.key->name().c_str() : "-");
        std::fflush(stdout);
    }
    std::printf("\nGenerated: %d songs of %.0f s (%s template, %s %d steps, CFG %.1f rescaled by %.1f, beat guidance %.1f, decoded by %s)\n", a.songs,
                a.seconds, a.templateName.c_str(), samplerName(a.sampler).c_str(), a.steps, options.cfgScale, options.guidanceRescale, options.beatGuidance,
                generator.hasVocoder() ? "the vocoder" : "Griffin-Lim");
    printScoreHeader();
    score.print("generated");
}

}  // namespace

int main(int argc, char** argv)
{
    try {
        const Arguments a = parseArguments(argc, argv);
        configureComputeThreads(0);
        fs::create_directories(a.out);
        if (!a.dataset.empty() && a.measures("ceiling"))
            measureCeiling(a);
        if (!a.dataset.empty() && a.measures("listening"))
            measureListening(a);
        if (a.measures("generation"))
            measureGeneration(a);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_conditioning: %s\n", e.what());
        return 1;
    }
}
