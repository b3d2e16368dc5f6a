#pragma once

#include "core/common/JobControl.h"

#include <cstdint>
#include <vector>

namespace muze {

// Settings of the pitch tracker; defaults follow the pYIN paper where it gives them.
struct PyinParams {
    double minHz = 55.0;         // A1: the lowest pitch tracked
    double maxHz = 1760.0;       // A6
    int analysisRate = 16000;    // Hz: the signal is resampled to this first
    int frameLength = 1024;      // samples at analysisRate (64 ms): two periods of the lowest pitch
    int hopLength = 160;         // samples at analysisRate (10 ms)
    int binsPerSemitone = 5;     // pitch resolution of the HMM (20 cents)
    double voicingStay = 0.99;   // probability of staying voiced or unvoiced from one frame to the next
    double yinTrust = 0.5;       // how far the HMM believes YIN's voicing evidence
    int maxJumpBins = 25;        // widest pitch move between frames (five semitones)
    double silenceRms = 1e-3;    // frames quieter than this (-60 dBFS) have no pitch candidates
};

struct PitchTrack {
    std::vector<float> hz;      // per frame; 0 where unvoiced
    std::vector<bool> voiced;
    double hopSeconds = 0.0;
};

// Fundamental frequency of a monophonic signal by probabilistic YIN (Mauch & Dixon, "pYIN: a
// fundamental frequency estimator using probabilistic threshold distributions", ICASSP 2014).
// Stage 1: YIN's cumulative mean normalised difference under 100 thresholds drawn from a
// Beta(2, 18) distribution gives each frame a few pitch candidates with probabilities. Stage 2: a
// hidden Markov model over pitch bins, each voiced or unvoiced, with bounded triangular pitch
// moves, decoded by Viterbi's algorithm, picks one track. Thread-safe.
PitchTrack trackPitch(const float* mono, std::int64_t frames, int sampleRate, const PyinParams& params = {},
                      const JobControl& control = {});

// The track at a coarser hop (a whole multiple of the original): each output frame is voiced when
// most of its input frames are, with the median of their voiced pitches.
PitchTrack coarsen(const PitchTrack& track, int factor);

}  // namespace muze
