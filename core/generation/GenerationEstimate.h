#pragma once

#include "core/common/JobControl.h"
#include "core/generation/SongGenerator.h"

namespace muze {

// What making a song would take here with these models, from two short runs of them: a song of the
// same length from a template at 2 and at 10 sampler steps, which give what the decoding costs and
// what each further step adds. Loading the models is counted.
struct GenerationEstimate {
    double songSeconds = 0.0;
    int steps = 0;
    double loadSeconds = 0.0;
    double secondsPerStep = 0.0;   // every section's step, guidance included
    double fixedSeconds = 0.0;     // planning, decoding and the vocoder
    double seconds = 0.0;          // the estimate for the whole song
    double measuredSeconds = 0.0;  // what the two runs took
};

GenerationEstimate estimateGeneration(const ModelFiles& files, double songSeconds, const GenerateOptions& options, const JobControl& control = {});

}  // namespace muze
