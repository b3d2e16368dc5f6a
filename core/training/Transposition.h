#pragma once

// Phase 3's pitch augmentation: a song heard in another key, its log-mel and what its record says
// moved together. A small dataset holds each key in a few songs, so a model learns a key's sound
// from them and their other traits at once; heard in every key, the songs teach what a key is.

#include "core/dataset/TrackRecord.h"
#include "core/dsp/LogMel.h"

#include <torch/types.h>

namespace muze {

// A log-mel [mels, T] in dB moved by `semitones`: each band reads the level at its centre frequency
// times 2^(−semitones/12) from the bands around it (linear in mel, in dB), the level at the edges
// held beyond them.
torch::Tensor transposeMel(const torch::Tensor& melDb, int semitones, const LogMelParams& params = {});

// The record of that song: key (and the prompt's mention of it), chords, chord progression and
// pitch contour moved by `semitones`; everything else as it was.
Record transposedRecord(const Record& record, int semitones);

// The move, from −6 to +5 semitones, that brings the tonic of `key` ("F# minor") to C; 0 when the
// text is not a key. Phase 3 with --one_key hears every song moved by it.
int semitonesToC(const std::string& key);

// "F#:min" moved by `semitones` ("A:min" for 3); "N" and labels without a root stay as they are.
std::string transposedChord(const std::string& label, int semitones);

}  // namespace muze
