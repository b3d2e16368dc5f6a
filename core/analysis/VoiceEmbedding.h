#pragma once

#include "core/analysis/Pyin.h"
#include "core/analysis/VoiceAnalysis.h"
#include "core/dsp/FloatMatrix.h"

#include <vector>

namespace muze {

// Built-in speaker embeddings, computed with signal processing alone because no pretrained encoder
// can be downloaded here (a TorchScript encoder named in the settings replaces them).
//
// From the voice's frames (inside vocal regions; all frames when there are none):
// - the mean and the standard deviation of cepstral coefficients 1..20 of the log-mel spectrum
//   (the vocal tract's shape and how it moves), and of their frame-to-frame change;
// - the median and spread of the pitch in semitones (the voice's register);
// each group scaled to unit length, so none dominates. The 82 statistics are then projected to the
// reference's sizes, 256 (voice_embedding, Resemblyzer's size) and 192 (ecapa_embedding, ECAPA-TDNN's
// size), by fixed random +-1 matrices (Johnson-Lindenstrauss: cosine similarities survive), and scaled
// to unit length. Voices that sound alike get close vectors; the numbers do not live in Resemblyzer's
// or ECAPA's space and cannot be compared with theirs.
struct VoiceEmbeddings {
    std::vector<float> voice;  // 256
    std::vector<float> ecapa;  // 192
};

VoiceEmbeddings embedVoice(const FloatMatrix& voiceLogMel, double melHopSeconds, const PitchTrack& pitch,
                           const std::vector<TimeSpan>& regions);

// The statistics before projection, for tests.
std::vector<float> voiceStatistics(const FloatMatrix& voiceLogMel, double melHopSeconds, const PitchTrack& pitch,
                                   const std::vector<TimeSpan>& regions);

}  // namespace muze
