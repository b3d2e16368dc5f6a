#pragma once

#include "core/analysis/OnsetEnvelope.h"
#include "core/common/JobControl.h"

#include <cstdint>
#include <vector>

namespace muze {

// Beats of a song and its tempo. qm-dsp's complex-domain onset detection function drives its
// tempo tracker (Davies & Plumbley's TempoTrackV2), as in Sonic Visualiser's and Mixxx's beat
// trackers, in two passes: a free one finds the song's tempo (its beat level settled with the
// low-band onsets, see settleBeatLevel), then one held near that tempo places the beats, so that
// a voice or a fill does not pull the tracker off the beat for a while.
struct BeatTrack {
    std::vector<double> beats;          // seconds
    double tempo = 0.0;                 // beats per minute, from the median interval between beats
    std::vector<double> onsetStrength;  // the detection function, one value per hop, normalised to 0..1
    double onsetHopSeconds = 0.0;
};

// The hop of the onset detection function: about 11.6 ms (qm-dsp's tuning at 44.1 kHz), rounded
// to a multiple of 16 samples so qm-dsp's downbeat decimator can divide it.
int beatTrackerHop(int sampleRate);

// Thread-safe: every call has its own qm-dsp objects.
// `lowBand`: onsets of the kick and bass range (see bandOnsets).
BeatTrack trackBeats(const float* mono, std::int64_t frames, int sampleRate, const OnsetEnvelope& lowBand,
                     const JobControl& control = {});

}  // namespace muze
