#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/generation/BuiltinSinger.h"
#include "core/generation/SongPlan.h"
#include "core/generation/VocalRegions.h"
#include "core/generation/VoiceBackends.h"

#include <optional>
#include <string>
#include <vector>

namespace muze {

struct SongVocals {
    AudioBuffer audio;  // mono, the song's length
    std::vector<VocalRegion> regions;
    std::vector<SungLine> lines;  // as sung, in order
};

// Every region sung by the built-in singer, each with its section's tempo, key and chords (a
// region's seed is the options' plus its section's index).
SongVocals singSong(const SongPlan& plan, const std::vector<VocalRegion>& regions, const SingerOptions& options, const JobControl& control = {});

inline constexpr double kFastestStretch = 0.77;  // the spoken length a region may squeeze lines to
inline constexpr double kSlowestStretch = 1.3;   // and stretch them to

// Lines said by a voice server (`said[r][i]`: region r's line i, mono at `sampleRate`) fitted into
// their regions, the reference's alignment: each line's silence trimmed, a region's lines stretched
// together by one ratio within [0.77, 1.3] (Rubber Band) to fill the region as far as that allows,
// and set one after another with even gaps, with 30 ms fades at every line's edges. Throws
// Error(InvalidArgument) naming the section when its lines need more than the region even at 0.77.
SongVocals alignSaid(const SongPlan& plan, const std::vector<VocalRegion>& regions, const std::vector<std::vector<AudioBuffer>>& said,
                     int sampleRate);

// Every region's lines said by `voice`, one request a line, and fitted by alignSaid.
SongVocals saySong(const SongPlan& plan, const std::vector<VocalRegion>& regions, const RemoteVoice& voice, int sampleRate,
                   const JobControl& control = {});

struct VocalMixOptions {
    double level = 0.7;           // the vocals against the instrumental: 1 is as loud as it
    bool stripLdmVocals = true;   // remove voice-like sound from the instrumental where the voice sings
};

struct MixedSong {
    AudioBuffer song;          // mono
    AudioBuffer instrumental;  // as mixed: stripped when asked
    std::optional<double> loudness;  // LUFS of the song
};

// The song with its vocals. With stripLdmVocals, the project's vocal separation's estimate of a voice
// is taken out of the instrumental within the vocal regions (fading in and out over 30 ms at their
// edges), where it would sing against the new voice. The vocals are brought to the instrumental's
// integrated loudness times `level`, and the sum goes through the limiter, so it never clips.
// `instrumental` is mono at the vocals' rate.
MixedSong mixVocals(const AudioBuffer& instrumental, const SongVocals& vocals, const VocalMixOptions& options);

// The lines as an LRC file: "[mm:ss.xx]text", each stamped with its start.
std::string lrcOf(const std::vector<SungLine>& lines);

struct TimedLine {
    double start = 0.0;  // seconds
    std::string text;
};

// The lines of an LRC file in order of their stamps ("[mm:ss.xx]" or "[mm:ss]"); lines without a
// time stamp (tags such as "[ar:...]", blank lines) are left out.
std::vector<TimedLine> linesOfLrc(const std::string& lrc);

}  // namespace muze
