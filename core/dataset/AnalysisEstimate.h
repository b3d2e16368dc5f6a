#pragma once

#include "core/common/JobControl.h"
#include "core/dataset/TrackAnalyzer.h"

#include <filesystem>
#include <string>
#include <vector>

namespace muze {

// What building a dataset of a folder would take here, from the analysis of excerpts of its songs,
// as many at once as a build analyses: the time they took for the audio they hold, scaled to the
// folder's audio.
struct AnalysisEstimate {
    int songs = 0;
    double audioSeconds = 0.0;                     // of all the songs, as their headers say
    int atOnce = 1;                                // songs analysed at once, as a build chooses
    std::vector<std::filesystem::path> measuredOn; // the songs whose excerpts were analysed
    double excerptSeconds = 0.0;                   // of all the excerpts
    double measuredSeconds = 0.0;                  // their analysis, `atOnce` at a time, feature cache included
    double seconds = 0.0;                          // the estimate for the whole folder
};

// Reads every song's header, cuts `excerptSeconds` from the middle of a few songs spread over the
// folder's lengths (twice as many as are analysed at once) and analyses them as a build would with
// `options`, in a temporary folder. Throws Error when the folder holds no song that can be read.
AnalysisEstimate estimateAnalysis(const std::filesystem::path& folder, const AnalysisOptions& options, double excerptSeconds,
                                  const JobControl& control = {});

}  // namespace muze
