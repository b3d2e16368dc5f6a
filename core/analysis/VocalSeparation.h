#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/common/JobControl.h"

namespace muze {

// An estimate of the lead vocal in a mix, without a trained model, for analysis (pitch, vocal
// activity, voice embeddings, speech recognition) and for --separate_vocals.
//
// 1. Centre: lead vocals are mixed to the middle. Per time-frequency bin, the similarity of the
//    left and right channels (Avendano & Jot's panning index, 2|L R*| / (|L|^2 + |R|^2)) keeps what
//    sounds in the centre and drops what is panned; mono input passes whole.
// 2. Harmonic: a voice sustains pitched partials, drums do not. Median filtering across time and
//    across frequency (Fitzgerald's harmonic-percussive separation) gives a soft harmonic mask.
// 3. Voice band: a smooth band-pass from about 120 Hz to 8 kHz removes the bass below a voice and
//    the cymbals above it.
// Anything else centred, pitched and in the voice's range (a lead instrument) stays in: this is an
// estimate, not a stem.
struct VocalEstimate {
    AudioBuffer centre;  // masks 1 and 3: all of a voice, consonants too; drums and bass remain
    AudioBuffer vocals;  // masks 1, 2 and 3: sung notes without the drums (what --separate_vocals writes)
};

// Mono results at the input's rate. Thread-safe.
VocalEstimate separateVocals(const AudioBuffer& audio, const JobControl& control = {});

}  // namespace muze
