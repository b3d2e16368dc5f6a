#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/common/JobControl.h"
#include "core/generation/SongPlan.h"
#include "core/generation/VoiceStyle.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <memory>
#include <string>

namespace muze {

// The trained files a song is made with. The vocoder is optional: without one the log-mel is
// turned into sound by Griffin-Lim, and the result says so.
struct ModelFiles {
    std::filesystem::path vae;
    std::filesystem::path ldm;
    std::filesystem::path vocoder;  // empty: Griffin-Lim
};

enum class SamplerKind {
    Ddpm,         // ancestral: DDIM with η = 1, which adds DDPM's posterior noise (Song et al. 2021, §4.1)
    Ddim,         // with `eta`
    DpmSolver2M,  // DPM-Solver++(2M), for 10-25 steps
};

struct GenerateOptions {
    double cfgScale = 7.5;         // --cfg_scale: 1 is the conditional model alone
    // --cfg_rescale φ: the guided output's spread brought back towards the conditional one's, which
    // keeps high scales from over-saturating. ref: Lin et al. 2024, "Common Diffusion Noise
    // Schedules and Sample Steps Are Flawed", §3.4 (φ = 0.7 there). 0: plain guidance.
    double guidanceRescale = 0.0;
    // --beat_guidance: a second guidance term, towards the plan's beat grid: the conditional output
    // less the one with the beat grid taken away, at this scale. It is what makes a small model keep
    // the asked tempo (README, "Conditioning obeyed"); it costs one more model call per step. 0: none,
    // as songs made before it had.
    double beatGuidance = 40.0;
    int steps = 50;                // --num_steps
    SamplerKind sampler = SamplerKind::Ddim;
    double eta = 0.0;              // DDIM's η
    std::uint64_t seed = 0;        // each section draws its noise from its own seed derived from this
    std::map<std::size_t, std::uint64_t> sectionSeeds;  // by section index: the seeds of sections made again
    double crossfadeSeconds = 0.05;  // the reference's 50 ms between sections
    std::optional<VoiceStyle> style;  // --style_of: every section sounds like this voice

    std::uint64_t seedOf(std::size_t section) const
    {
        const auto own = sectionSeeds.find(section);
        return own == sectionSeeds.end() ? seed : own->second;
    }
};

struct GeneratedSong {
    AudioBuffer audio;             // mono at the vocoder's rate (32 kHz)
    bool griffinLim = false;       // decoded without a trained vocoder
};

// The song maker: the VAE, the latent diffusion model (its EMA weights) and the vocoder, loaded once
// and used for any number of songs.
//
// Thread contract: one generate() at a time; the object may move between threads.
class SongGenerator {
public:
    // Throws Error naming the file when one is missing, damaged or not the model expected, and when
    // the LDM was trained on latents of another shape than the VAE makes.
    explicit SongGenerator(const ModelFiles& files);
    ~SongGenerator();
    SongGenerator(SongGenerator&&) noexcept;
    SongGenerator& operator=(SongGenerator&&) noexcept;

    // Each section in turn: its own conditions (type, position, energy, tempo, key, chords, and the
    // beat grid, chord chroma and energy curve it implies), sampled from noise with classifier-free
    // guidance, decoded to log-mel and then to sound; sections overlap by the crossfade and join
    // through it. The result lasts exactly plan.duration(). Progress is reported per section;
    // cancelling stops within one sampler step (Error(Cancelled)).
    GeneratedSong generate(const SongPlan& plan, const GenerateOptions& options, const JobControl& control = {}) const;

    // Section `section` (from 0) made anew with its seed in options.sectionSeeds, into `previous`, the
    // song generate() made of `plan` with the same options otherwise: every sample outside the
    // section and its two crossfades stays as it was. With `remade`, the section is made as that
    // says (its energy, key, chords, ...; it spans the same time), its neighbours still as `plan`
    // has them. Renders the section and its neighbours (their ends meet it in the joins), not the
    // whole song.
    GeneratedSong regenerate(const SongPlan& plan, const GenerateOptions& options, std::size_t section, const AudioBuffer& previous,
                             const JobControl& control = {}, const std::optional<PlanSection>& remade = std::nullopt) const;

    // Throws Error(InvalidArgument) when the plan asks for what these models cannot make (a section
    // longer than kMaxSectionSeconds or shorter than kMinSectionSeconds, a song over kMaxSongSeconds).
    void check(const SongPlan& plan) const;

    // What identifies the models: each file's path and "size:hash" of its bytes.
    nlohmann::ordered_json describe() const;
    bool hasVocoder() const;

private:
    // The plan each section is conditioned on (all the same one, but for a section made anew).
    using PlanOfSection = std::function<const SongPlan&(std::size_t section)>;

    // Sections first..last joined: from first's start to last's end, plus the crossfade when last is
    // not the song's last section.
    std::vector<float> render(const PlanOfSection& planOf, const GenerateOptions& options, std::size_t first, std::size_t last,
                              const JobControl& control) const;

    struct Models;
    std::unique_ptr<Models> m_models;
};

// A generated song as delivered: at `sampleRate` (32000, the model's, or the reference's 44100, through
// the SoX resampler) and in `channels` (1, or 2 with the mono signal in both: the models make mono).
AudioBuffer deliveredAs(const AudioBuffer& song, int sampleRate, int channels);

inline constexpr double kMinSectionSeconds = 0.1;   // longer than the crossfade
inline constexpr double kMaxSectionSeconds = 60.0;  // beyond this a section's self-attention outgrows a laptop's memory
inline constexpr double kMaxSongSeconds = 600.0;

}  // namespace muze
