#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/common/JobControl.h"
#include "core/generation/SongPlan.h"

#include <string>
#include <vector>

namespace muze {

inline constexpr double kVocalRegionInset = 0.5;  // seconds in from each end of a sung stretch

// Where the voice sings and what.
struct VocalRegion {
    double start = 0.0;  // seconds from the song's start
    double end = 0.0;
    std::size_t section = 0;  // of the plan
    std::vector<std::string> lines;
};

// The plan's has_vocals sections, each 0.5 s in from its ends. A section with its own lyrics sings
// them; the song's `lyrics` are shared, line by line, over the other regions in proportion to their
// lengths. Lines are the lyrics' non-blank lines.
std::vector<VocalRegion> vocalRegions(const SongPlan& plan, const std::string& lyrics);

// Where a voice has room in an instrumental whose plan marks no section as sung: bars of moderate
// energy, found by beat and bar tracking. A bar is too quiet below a tenth of the median bar's energy
// (10 dB under it), and too loud among the loudest fifth of the bars when it stands 3 dB above the median.
// Runs of two or more such bars, from downbeat to downbeat and cut at the plan's section boundaries,
// become regions 0.5 s in from each end; the `lyrics` are shared over them as vocalRegions does.
// `instrumental` is mono.
std::vector<VocalRegion> heardVocalRegions(const AudioBuffer& instrumental, const SongPlan& plan, const std::string& lyrics,
                                           const JobControl& control = {});

std::size_t lineCount(const std::vector<VocalRegion>& regions);

}  // namespace muze
