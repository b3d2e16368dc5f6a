#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/common/JobControl.h"

#include <cstdint>
#include <functional>
#include <memory>

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

// The estimate as a stream: audio goes in a block at a time and both signals come out in order,
// a fraction of a second behind, so memory stays the same whatever the song's length. The output
// is the same, sample for sample, however the input is split into blocks.
//
// Thread contract: one separator belongs to one thread at a time; it uses computeThreads() threads
// inside each block.
class VocalSeparator {
public:
    // Receives the next `count` samples of the centre and of the vocals (mono, at the input's rate).
    using Sink = std::function<void(const float* centre, const float* vocals, std::int64_t count)>;

    VocalSeparator(int sampleRate, int channels, Sink sink);
    ~VocalSeparator();
    VocalSeparator(const VocalSeparator&) = delete;
    VocalSeparator& operator=(const VocalSeparator&) = delete;

    // `frames` interleaved frames of `channels` (1 or 2) samples.
    void push(const float* interleaved, std::int64_t frames);
    // Ends the input; the sink has then received exactly as many samples as were pushed.
    void finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// The whole estimate of `audio` in memory (mono results at the input's rate). Thread-safe.
VocalEstimate separateVocals(const AudioBuffer& audio, const JobControl& control = {});

}  // namespace muze
