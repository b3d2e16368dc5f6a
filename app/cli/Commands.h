#pragma once

#include <string>
#include <vector>

namespace muze::cli {

// Bounds of the numeric options, past which a value is a typing mistake rather than a wish.
inline constexpr int kMaxSampleRate = 384000;
inline constexpr double kMaxDurationLimitSeconds = 24 * 3600.0;
inline constexpr int kMaxJobs = 256;

// Each command takes the arguments after its name and returns the process exit status. They throw
// UsageError for a wrong call and muze::Error for a failure; main() prints both.
int runInfo(const std::vector<std::string>& arguments);
int runDecode(const std::vector<std::string>& arguments);
int runAnalyze(const std::vector<std::string>& arguments);
int runBuildDataset(const std::vector<std::string>& arguments);
int runMergeDataset(const std::vector<std::string>& arguments);
int runDatasetStats(const std::vector<std::string>& arguments);
int runTrain(const std::vector<std::string>& arguments);
int runModels(const std::vector<std::string>& arguments);
int runExportModels(const std::vector<std::string>& arguments);
int runGenerate(const std::vector<std::string>& arguments);
int runEstimate(const std::vector<std::string>& arguments);

}  // namespace muze::cli
