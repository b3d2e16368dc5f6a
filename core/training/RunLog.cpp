#include "core/training/RunLog.h"

#include "core/common/Error.h"
#include "core/common/SafeTensors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>

namespace muze {
namespace {

const std::map<std::string, int> kPhaseOfPart{{"vae", 1}, {"vocoder", 1}, {"planner", 2}, {"ldm", 3}};

void readLine(const std::string& line, MetricsRead& read)
{
    const nlohmann::json entry = nlohmann::json::parse(line, nullptr, false);
    if (!entry.is_object() || !entry.contains("step") || !entry["step"].is_number()) {
        ++read.unreadable;
        return;
    }
    const auto step = entry["step"].get<std::int64_t>();
    const double time = entry.contains("time") && entry["time"].is_number() ? entry["time"].get<double>() : std::numeric_limits<double>::quiet_NaN();
    for (const auto& [name, value] : entry.items())
        if (value.is_number() && name != "step" && name != "epoch" && name != "time")
            read.measures[name].push_back({step, time, value.get<double>()});
}

std::optional<double> lowest(const std::vector<MetricPoint>& points)
{
    if (points.empty())
        return std::nullopt;
    return std::min_element(points.begin(), points.end(), [](const MetricPoint& a, const MetricPoint& b) { return a.value < b.value; })->value;
}

std::string presetOf(const std::vector<std::filesystem::path>& checkpoints)
{
    for (const std::filesystem::path& file : checkpoints) {
        try {
            const auto metadata = readSafeTensorsMetadata(file);
            const auto preset = metadata.find("preset");
            if (preset != metadata.end())
                return preset->second;
        } catch (const std::exception&) {
            // being written or damaged: the next older one says the same
        }
    }
    return {};
}

std::optional<RunSummary> runIn(const std::filesystem::path& folder)
{
    const auto phase = kPhaseOfPart.find(folder.filename().string());
    const std::filesystem::path log = folder / "metrics.jsonl";
    std::error_code error;
    if (phase == kPhaseOfPart.end() || !std::filesystem::is_regular_file(log, error))
        return std::nullopt;
    RunSummary run;
    run.folder = folder;
    run.part = phase->first;
    run.phase = phase->second;
    const MetricsRead metrics = readMetrics(log);
    for (const auto& [name, points] : metrics.measures)
        if (!points.empty())
            run.steps = std::max(run.steps, points.back().step);
    const auto validation = metrics.measures.find("validation_loss");
    if (validation != metrics.measures.end())
        run.bestValidationLoss = lowest(validation->second);
    run.checkpoints = runCheckpoints(folder);
    run.preset = presetOf(run.checkpoints);
    run.lastWritten = std::filesystem::last_write_time(log, error);
    return run;
}

void addRunsIn(const std::filesystem::path& folder, std::vector<RunSummary>& runs)
{
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error))
        if (entry.is_directory(error))
            if (std::optional<RunSummary> run = runIn(entry.path()))
                runs.push_back(std::move(*run));
}

}  // namespace

MetricsRead readMetrics(const std::filesystem::path& log, std::uint64_t offset)
{
    MetricsRead read;
    read.nextOffset = offset;
    std::ifstream in(log, std::ios::binary);
    if (!in)
        return read;
    in.seekg(static_cast<std::streamoff>(offset));
    std::string line;
    while (std::getline(in, line)) {
        if (in.eof())
            break;  // no newline yet: the line is still being written
        read.nextOffset += line.size() + 1;
        if (!line.empty())
            readLine(line, read);
    }
    return read;
}

std::vector<RunSummary> findRuns(const std::filesystem::path& folder)
{
    std::vector<RunSummary> runs;
    std::error_code error;
    if (std::optional<RunSummary> run = runIn(folder))
        runs.push_back(std::move(*run));
    addRunsIn(folder, runs);
    for (const auto& entry : std::filesystem::directory_iterator(folder, error))
        if (entry.is_directory(error) && kPhaseOfPart.count(entry.path().filename().string()) == 0)
            addRunsIn(entry.path(), runs);
    std::sort(runs.begin(), runs.end(), [](const RunSummary& a, const RunSummary& b) { return a.lastWritten > b.lastWritten; });
    return runs;
}

std::vector<std::filesystem::path> runCheckpoints(const std::filesystem::path& runFolder)
{
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(runFolder / "checkpoints", error))
        if (entry.path().extension() == ".safetensors" && entry.path().stem().string().rfind("step-", 0) == 0)
            files.push_back(entry.path());
    std::sort(files.rbegin(), files.rend());  // step names are zero-padded: newest first
    return files;
}

TrainOptions optionsToResume(const std::filesystem::path& runFolder, TrainOptions base)
{
    const std::vector<std::filesystem::path> checkpoints = runCheckpoints(runFolder);
    if (checkpoints.empty())
        throw Error(ErrorKind::NotFound, "The run in " + runFolder.string() + " has no checkpoint to resume yet.");
    const std::map<std::string, std::string> metadata = readSafeTensorsMetadata(checkpoints.front());
    const auto field = [&](const std::string& name) {
        const auto found = metadata.find(name);
        if (found == metadata.end())
            throw Error(ErrorKind::Corrupt, checkpoints.front().string() + " does not say its " + name + ".");
        return found->second;
    };
    const nlohmann::json training = nlohmann::json::parse(field("training"), nullptr, false);
    if (!training.is_object())
        throw Error(ErrorKind::Corrupt, checkpoints.front().string() + " holds no readable training options.");
    TrainOptions options = std::move(base);
    options.outDir = runFolder.parent_path();
    options.phase = std::stoi(field("phase"));
    options.model = runFolder.filename() == "vocoder" ? PhaseOneModel::Vocoder : PhaseOneModel::Vae;
    options.preset = field("preset");
    options.resume = true;
    options.seed = std::stoull(training.value("seed", std::string("0")));
    options.batchSize = training.value("batch_size", options.batchSize);
    options.learningRate = training.value("lr", options.learningRate);
    options.cropFrames = training.value("crop_frames", options.cropFrames);
    options.warmupSteps = training.value("warmup_steps", options.warmupSteps);
    options.gradientClip = training.value("gradient_clip", options.gradientClip);
    options.validationShare = training.value("validation_share", options.validationShare);
    options.cfgDropout = training.value("cfg_dropout", options.cfgDropout);
    options.voiceDropout = training.value("voice_dropout", options.voiceDropout);
    options.emaDecay = training.value("ema_decay", options.emaDecay);
    options.latentCropFrames = training.value("latent_crop_frames", options.latentCropFrames);
    options.transposeRange = training.value("transpose", options.transposeRange);
    options.oneKey = training.value("one_key", options.oneKey);
    if (!training.value("total_steps_from_time", false))
        options.maxSteps = training.value("total_steps", options.maxSteps);
    return options;
}

std::vector<RunPreview> findPreviews(const std::filesystem::path& runFolder)
{
    std::vector<RunPreview> previews;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(runFolder / "previews", error)) {
        if (entry.path().extension() != ".wav")
            continue;
        const std::string stem = entry.path().stem().string();
        RunPreview preview{entry.path(), -1, stem};
        const bool numbered = stem.rfind("step-", 0) == 0 && stem.size() > 14 && stem[13] == '-' &&
                              std::all_of(stem.begin() + 5, stem.begin() + 13, [](char c) { return c >= '0' && c <= '9'; });
        if (numbered) {
            preview.step = std::stoll(stem.substr(5, 8));
            preview.what = stem.substr(14);
        }
        previews.push_back(std::move(preview));
    }
    std::sort(previews.begin(), previews.end(), [](const RunPreview& a, const RunPreview& b) {
        return a.step != b.step ? a.step < b.step : a.what < b.what;
    });
    return previews;
}

}  // namespace muze
