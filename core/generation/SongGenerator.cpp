#include "core/generation/SongGenerator.h"

#include "core/audio/Resampler.h"
#include "core/audio/TimePitch.h"
#include "core/common/Error.h"
#include "core/dataset/SourceFingerprint.h"
#include "core/diffusion/Samplers.h"
#include "core/dsp/GriffinLim.h"
#include "core/generation/PlanConditions.h"
#include "core/models/LatentDiffusion.h"
#include "core/training/TrainedModels.h"
#include "core/training/TrainingLoop.h"
#include "core/training/Transposition.h"

#include <torch/torch.h>

#include <cmath>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kSampleRate = 32000;

// Each section's noise comes from its own generator, so that one section can be made again alone.
at::Generator sectionGenerator(std::uint64_t seed, std::size_t section)
{
    return at::detail::createCPUGenerator(stepSeed(seed, static_cast<std::int64_t>(section)));
}

// Equal-power: two unrelated signals keep their loudness through the join.
void crossfadeInto(std::vector<float>& song, const std::vector<float>& next, std::size_t overlap)
{
    const std::size_t from = song.size() - overlap;
    for (std::size_t i = 0; i < overlap; ++i) {
        const double angle = M_PI / 2 * (static_cast<double>(i) + 0.5) / static_cast<double>(overlap);
        song[from + i] = static_cast<float>(song[from + i] * std::cos(angle) + next[i] * std::sin(angle));
    }
    song.insert(song.end(), next.begin() + static_cast<std::ptrdiff_t>(overlap), next.end());
}

// The model's outputs for a batch of the conditional, the unconditional and (with beat guidance)
// the conditional without its beat grid, guided into one.
torch::Tensor guide(const std::vector<torch::Tensor>& out, const GenerateOptions& options)
{
    const torch::Tensor& conditional = out[0];
    const torch::Tensor& unconditional = out[1];
    torch::Tensor guided = unconditional + options.cfgScale * (conditional - unconditional);
    if (options.beatGuidance > 0.0)
        guided = guided + options.beatGuidance * (conditional - out[2]);
    if (options.guidanceRescale <= 0.0)
        return guided;
    const std::vector<std::int64_t> perItem{1, 2};
    const torch::Tensor ratio = conditional.std(perItem, true, true) / guided.std(perItem, true, true).clamp_min(1e-8);
    return options.guidanceRescale * guided * ratio + (1 - options.guidanceRescale) * guided;
}

ExampleConditions withoutBeatGrid(const ExampleConditions& conditions)
{
    ExampleConditions without = conditions;
    without.controls = conditions.controls.clone();
    without.controls.narrow(0, kBeatChannel, kBeatGridChannels).zero_();
    return without;
}

std::size_t sampleAt(double seconds)
{
    return static_cast<std::size_t>(std::lround(seconds * kSampleRate));
}

std::string fileIdentity(const std::filesystem::path& path)
{
    return fullFingerprint(path).contentKey();
}

}  // namespace

struct SongGenerator::Models {
    ModelFiles files;
    AudioVae vae{nullptr};
    LatentDiffusion ldm{nullptr};
    Vocoder vocoder{nullptr};
    NoiseSchedule schedule;
    bool oneKey = false;  // the LDM was trained with --one_key: it makes every section in C

    int latentReduction() const { return vae->config().timeReduction(); }
    double frameSeconds() const { return 0.01 * latentReduction(); }

    // Latent frames for `seconds`: enough to cover them, in the whole units the UNet downsamples by.
    int framesFor(double seconds) const
    {
        const int unit = ldm->config().unet.timeReduction();
        const auto frames = static_cast<int>(std::ceil(seconds / frameSeconds() - 1e-9));
        return (frames + unit - 1) / unit * unit;
    }

    torch::Tensor sample(const ExampleConditions& conditions, int frames, const GenerateOptions& options, at::Generator generator,
                         const JobControl& control)
    {
        std::vector<ExampleConditions> batch{conditions, unconditional(frames)};
        if (options.beatGuidance > 0.0)
            batch.push_back(withoutBeatGrid(conditions));
        const auto calls = static_cast<std::int64_t>(batch.size());
        const UNetConditions all = ldm->encode(batchConditions(batch, torch::kCPU));
        const double trainSteps = schedule.trainSteps();
        const Denoiser guided = [&](const torch::Tensor& xt, const torch::Tensor& timesteps) {
            const torch::Tensor time = timesteps.to(torch::kFloat32).div(trainSteps).repeat({calls});
            return guide(ldm->denoise(xt.repeat({calls, 1, 1}), time, all).chunk(calls), options);
        };
        const torch::Tensor noise = torch::randn({1, ldm->config().unet.latentChannels, frames}, generator);
        const Prediction prediction = ldm->config().prediction;
        switch (options.sampler) {
        case SamplerKind::Ddpm:
            return sampleDdim(guided, schedule, prediction, noise, {options.steps, 1.0}, generator, control);
        case SamplerKind::Ddim:
            return sampleDdim(guided, schedule, prediction, noise, {options.steps, options.eta}, generator, control);
        case SamplerKind::DpmSolver2M:
            return sampleDpmSolver2M(guided, schedule, prediction, noise, options.steps, control);
        }
        throw Error(ErrorKind::InvalidArgument, "Unknown sampler.");
    }

    std::vector<float> decode(const torch::Tensor& latent)
    {
        const torch::Tensor melDb = vae->decodeToDb(latent / ldm->config().latentScale);
        if (vocoder) {
            const torch::Tensor wave = vocoder->forward(melDb)[0].contiguous();
            return {wave.data_ptr<float>(), wave.data_ptr<float>() + wave.numel()};
        }
        return invertLogMel(toMatrix(melDb[0]), LogMelParams{}).samples;
    }

    // How far a section in `key` is moved for the model: to C for one trained with --one_key.
    int moveForModel(const std::string& key) const { return oneKey ? semitonesToC(key) : 0; }
};

SongGenerator::SongGenerator(const ModelFiles& files) : m_models(std::make_unique<Models>())
{
    Models& m = *m_models;
    m.files = files;
    m.vae = loadVae(files.vae);
    m.ldm = loadLatentDiffusion(files.ldm);
    if (!files.vocoder.empty())
        m.vocoder = loadVocoder(files.vocoder);
    if (m.ldm->config().unet.latentChannels != m.vae->config().latentDim)
        throw Error(ErrorKind::InvalidArgument, "The latent diffusion model " + files.ldm.string() + " was trained on latents of " +
                                                    std::to_string(m.ldm->config().unet.latentChannels) + " channels, and the VAE " +
                                                    files.vae.string() + " makes " + std::to_string(m.vae->config().latentDim) +
                                                    ": give the VAE it was trained with.");
    m.schedule = NoiseSchedule(m.ldm->config().schedule);
    m.oneKey = readCheckpointInfo(files.ldm).training.value("one_key", false);
    if (m.vocoder && !m.oneKey && readCheckpointInfo(files.vocoder).training.value("one_key", false))
        throw Error(ErrorKind::InvalidArgument, "The vocoder " + files.vocoder.string() + " learnt from songs moved to C (--one_key), and the "
                                                    "latent diffusion model " + files.ldm.string() + " makes each song in its own key: give "
                                                    "a vocoder trained without --one_key, or --vocoder griffin-lim.");
}

SongGenerator::~SongGenerator() = default;
SongGenerator::SongGenerator(SongGenerator&&) noexcept = default;
SongGenerator& SongGenerator::operator=(SongGenerator&&) noexcept = default;

bool SongGenerator::hasVocoder() const
{
    return static_cast<bool>(m_models->vocoder);
}

Json SongGenerator::describe() const
{
    const ModelFiles& f = m_models->files;
    Json models{{"vae", {{"path", f.vae.string()}, {"content", fileIdentity(f.vae)}}},
                {"ldm", {{"path", f.ldm.string()}, {"content", fileIdentity(f.ldm)}}}};
    models["vocoder"] = f.vocoder.empty() ? Json("griffin-lim") : Json{{"path", f.vocoder.string()}, {"content", fileIdentity(f.vocoder)}};
    return models;
}

void SongGenerator::check(const SongPlan& plan) const
{
    if (plan.duration() > kMaxSongSeconds)
        throw Error(ErrorKind::InvalidArgument, "The plan lasts " + std::to_string(plan.duration()) + " s; songs of up to " +
                                                    std::to_string(static_cast<int>(kMaxSongSeconds)) + " s can be generated.");
    for (std::size_t i = 0; i < plan.sections.size(); ++i) {
        const double seconds = plan.sections[i].duration;
        if (seconds > kMaxSectionSeconds || seconds < kMinSectionSeconds)
            throw Error(ErrorKind::InvalidArgument, "Section " + std::to_string(i + 1) + " lasts " + std::to_string(seconds) +
                                                        " s; a section lasts from " + std::to_string(kMinSectionSeconds) + " to " +
                                                        std::to_string(static_cast<int>(kMaxSectionSeconds)) + " s: split it in two.");
    }
}

std::vector<float> SongGenerator::render(const PlanOfSection& planOf, const GenerateOptions& options, std::size_t first, std::size_t last,
                                         const JobControl& control) const
{
    c10::InferenceMode inference;
    Models& m = *m_models;
    const std::size_t overlap = sampleAt(options.crossfadeSeconds);
    const std::size_t count = planOf(first).sections.size();
    const double parts = static_cast<double>(last - first + 1);
    std::vector<float> song;
    for (std::size_t i = first; i <= last; ++i) {
        const SongPlan& plan = planOf(i);
        const PlanSection& section = plan.sections[i];
        const JobControl part = control.slice((i - first) / parts, (i - first + 1) / parts);
        const std::string stage = "section " + std::to_string(i + 1) + " of " + std::to_string(count) + " (" + section.type + ")";
        // Every section but the song's last runs on by the crossfade, into the start of the next one.
        const std::size_t length = sampleAt(section.end()) - sampleAt(section.start) + (i + 1 < count ? overlap : 0);
        const int frames = m.framesFor(static_cast<double>(length) / kSampleRate);
        const JobControl sampling{[&](const std::string&, double f) { part.report(stage, 0.9 * f); }, control.cancel};
        const int move = m.moveForModel(section.key);
        const ExampleConditions conditions = sectionConditions(plan, i, frames, m.frameSeconds(), m.ldm->config().energyCurve, options.style, move);
        std::vector<float> audio = m.decode(m.sample(conditions, frames, options, sectionGenerator(options.seedOf(i), i), sampling));
        if (move != 0)
            audio = stretchAndShift(audio, kSampleRate, audio.size(), std::pow(2.0, -move / 12.0));
        audio.resize(length, 0.0f);
        if (song.empty())
            song = std::move(audio);
        else
            crossfadeInto(song, audio, overlap);
        part.report(stage, 1.0);
    }
    return song;
}

GeneratedSong SongGenerator::generate(const SongPlan& plan, const GenerateOptions& options, const JobControl& control) const
{
    check(plan);
    GeneratedSong result;
    result.audio = {kSampleRate, 1, render([&plan](std::size_t) -> const SongPlan& { return plan; }, options, 0, plan.sections.size() - 1, control)};
    result.griffinLim = !m_models->vocoder;
    return result;
}

GeneratedSong SongGenerator::regenerate(const SongPlan& plan, const GenerateOptions& options, std::size_t section, const AudioBuffer& previous,
                                        const JobControl& control, const std::optional<PlanSection>& remade) const
{
    check(plan);
    const std::size_t count = plan.sections.size();
    if (section >= count)
        throw Error(ErrorKind::InvalidArgument, "The plan has " + std::to_string(count) + " sections; there is no section " + std::to_string(section + 1) + ".");
    if (previous.sampleRate != kSampleRate || previous.channels != 1 || static_cast<std::size_t>(previous.frames()) != sampleAt(plan.duration()))
        throw Error(ErrorKind::InvalidArgument, "The earlier song is not the one the plan describes: it should be " + std::to_string(plan.duration()) +
                                                    " s of 32 kHz mono, as `muze generate` wrote it.");
    SongPlan changed = plan;
    if (remade) {
        const PlanSection& was = plan.sections[section];
        if (std::abs(remade->start - was.start) > 1e-6 || std::abs(remade->duration - was.duration) > 1e-6)
            throw Error(ErrorKind::InvalidArgument, "Section " + std::to_string(section + 1) + " can be made anew only over the time it had: from " +
                                                        std::to_string(was.start) + " s for " + std::to_string(was.duration) + " s.");
        changed.sections[section] = *remade;
        check(changed);
    }
    // The neighbours are made again as they were (their seeds and conditions are unchanged) for the joins.
    const std::size_t first = section == 0 ? 0 : section - 1;
    const std::size_t last = std::min(count - 1, section + 1);
    const auto planOf = [&](std::size_t i) -> const SongPlan& { return i == section ? changed : plan; };
    const std::vector<float> span = render(planOf, options, first, last, control);
    GeneratedSong result;
    result.audio = previous;
    // Only the section and the crossfades at its two ends are taken from the span: the neighbours
    // keep the earlier song's samples even where their renders differ in the last bits (the CPU's
    // kernels need not be bit-for-bit repeatable from one allocation to the next).
    const std::size_t spanStart = sampleAt(plan.sections[first].start);
    const std::size_t begin = sampleAt(plan.sections[section].start);
    const std::size_t end = std::min(sampleAt(plan.sections[section].end()) + (section + 1 < count ? sampleAt(options.crossfadeSeconds) : 0),
                                     result.audio.samples.size());
    std::copy(span.begin() + static_cast<std::ptrdiff_t>(begin - spanStart), span.begin() + static_cast<std::ptrdiff_t>(end - spanStart),
              result.audio.samples.begin() + static_cast<std::ptrdiff_t>(begin));
    result.griffinLim = !m_models->vocoder;
    return result;
}

AudioBuffer deliveredAs(const AudioBuffer& song, int sampleRate, int channels)
{
    const AudioBuffer resampled = sampleRate == song.sampleRate ? song : resampleAudio(song, sampleRate);
    if (channels == resampled.channels)
        return resampled;
    AudioBuffer out{resampled.sampleRate, channels, {}};
    out.samples.reserve(resampled.samples.size() * static_cast<std::size_t>(channels));
    for (float sample : resampled.samples)
        out.samples.insert(out.samples.end(), static_cast<std::size_t>(channels), sample);
    return out;
}

}  // namespace muze
