// Phase 2, the composition planner: each song's features to its sections' types and lengths.

#include "core/training/PhaseTraining.h"

#include "core/common/AtomicFile.h"
#include "core/common/Error.h"
#include "core/models/CompositionPlanner.h"
#include "core/models/Conditioning.h"
#include "core/training/TrainingLoop.h"

#include <torch/torch.h>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::int64_t kIgnored = -100;  // cross-entropy's ignore_index: slots after the one that says "ended"

struct PlannerExample {
    PlannerFeatures features;
    std::vector<std::pair<int, int>> sections;  // type index, bars
};

// The songs whose form the planner can learn: with sections and a tempo.
std::vector<PlannerExample> examplesOf(const TrainingSongs& songs, const std::vector<std::size_t>& records, const PlannerConfig& config)
{
    std::vector<PlannerExample> examples;
    for (std::size_t index : records)
        if (const auto targets = plannerTargets(songs.record(index), config))
            examples.push_back({plannerFeatures(describeRecord(songs.record(index)), config), *targets});
    return examples;
}

// [B, maxSections] each: the type of each section then "ended", and each section's bars − 1.
std::pair<torch::Tensor, torch::Tensor> targetsOf(const std::vector<const PlannerExample*>& batch, const PlannerConfig& config)
{
    torch::Tensor types = torch::full({static_cast<std::int64_t>(batch.size()), config.maxSections}, kIgnored, torch::kInt64);
    torch::Tensor bars = types.clone();
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const auto& sections = batch[i]->sections;
        for (std::size_t slot = 0; slot < sections.size(); ++slot) {
            types[static_cast<std::int64_t>(i)][static_cast<std::int64_t>(slot)] = sections[slot].first;
            bars[static_cast<std::int64_t>(i)][static_cast<std::int64_t>(slot)] = sections[slot].second - 1;
        }
        if (static_cast<int>(sections.size()) < config.maxSections)
            types[static_cast<std::int64_t>(i)][static_cast<std::int64_t>(sections.size())] = kSectionTypeCount;
    }
    return {types, bars};
}

class PlannerTask : public TrainingTask {
public:
    PlannerTask(CompositionPlanner model, std::vector<PlannerExample> train, std::vector<PlannerExample> held, const TrainOptions& options)
        : m_model(std::move(model)), m_train(std::move(train)), m_held(std::move(held)), m_options(options)
    {
    }

    LossTerms loss(std::int64_t step) override
    {
        at::Generator generator = at::detail::createCPUGenerator(stepSeed(m_options.seed, step));
        const BatchShare share = m_options.distributed.share();
        const torch::Tensor picks = shareOf(torch::randint(static_cast<std::int64_t>(m_train.size()), {share.whole(m_options.batchSize)}, generator),
                                            share, m_options.batchSize);
        std::vector<const PlannerExample*> batch;
        for (std::int64_t i = 0; i < picks.size(0); ++i)
            batch.push_back(&m_train[static_cast<std::size_t>(picks[i].item<std::int64_t>())]);
        const auto [types, bars] = lossesOf(batch);
        return {types + bars, {{"type_loss", types}, {"bar_loss", bars}}};
    }

    Json validate() override
    {
        std::vector<const PlannerExample*> all;
        for (const PlannerExample& example : m_held)
            all.push_back(&example);
        const auto [types, bars] = lossesOf(all);
        return {{"validation_loss", (types + bars).item<double>()},
                {"validation_type_loss", types.item<double>()},
                {"validation_type_accuracy", m_typeAccuracy},
                {"validation_bar_accuracy", m_barAccuracy}};
    }

    void writePreviews(std::int64_t step) override
    {
        Json plans = Json::array();
        for (const PlannerExample& example : m_held) {
            Json plan = Json::array();
            for (const PlannedSection& section : m_model->propose(example.features))
                plan.push_back({{"type", section.type}, {"bars", section.bars}});
            Json truth = Json::array();
            for (const auto& [type, bars] : example.sections)
                truth.push_back({{"type", kSectionTypes[type]}, {"bars", bars}});
            plans.push_back({{"proposed", plan}, {"actual", truth}});
        }
        const std::filesystem::path folder = runFolder(m_options) / "previews";
        std::filesystem::create_directories(folder);
        writeFileAtomically(folder / (stepName(step) + "-plans.json"), plans.dump(2) + "\n");
    }

private:
    // Mean cross-entropies of the types and the lengths; also the accuracies of the batch, kept for validation.
    std::pair<torch::Tensor, torch::Tensor> lossesOf(const std::vector<const PlannerExample*>& batch)
    {
        std::vector<PlannerFeatures> features;
        for (const PlannerExample* example : batch)
            features.push_back(example->features);
        const PlannerOutput out = m_model->forward(features);
        const auto [types, bars] = targetsOf(batch, m_model->config());
        const torch::Device device = out.typeLogits.device();
        const auto options = torch::nn::functional::CrossEntropyFuncOptions().ignore_index(kIgnored);
        const torch::Tensor typeLoss = torch::nn::functional::cross_entropy(out.typeLogits.flatten(0, 1), types.flatten().to(device), options);
        const torch::Tensor barLoss = torch::nn::functional::cross_entropy(out.barLogits.flatten(0, 1), bars.flatten().to(device), options);
        const auto accuracy = [&](const torch::Tensor& logits, const torch::Tensor& target) {
            const torch::Tensor counted = target.to(device) != kIgnored;
            return (logits.argmax(-1) == target.to(device)).logical_and(counted).sum().item<double>() / std::max(1.0, counted.sum().item<double>());
        };
        m_typeAccuracy = accuracy(out.typeLogits, types);
        m_barAccuracy = accuracy(out.barLogits, bars);
        return {typeLoss, barLoss};
    }

    CompositionPlanner m_model;
    std::vector<PlannerExample> m_train;
    std::vector<PlannerExample> m_held;
    TrainOptions m_options;
    double m_typeAccuracy = 0.0;
    double m_barAccuracy = 0.0;
};

}  // namespace

TrainSummary trainPlanner(const TrainOptions& options, const JobControl& control)
{
    const PlannerConfig config;
    const torch::Device device = deviceNamed(options.device);
    const TrainingSongs songs(options, SongNeeds::RecordOnly);
    std::vector<PlannerExample> train = examplesOf(songs, songs.split().train, config);
    std::vector<PlannerExample> held = examplesOf(songs, songs.split().validation, config);
    if (train.empty() || held.empty())
        throw Error(ErrorKind::InvalidArgument, "Phase 2 learns song forms from records with sections and a tempo, and needs two songs at "
                                                "least (one to check against); " + options.annotations.string() + " has " +
                                                    std::to_string(train.size() + held.size()) +
                                                    ". Run `muze build-dataset` on it to analyse the songs' sections.");
    const std::int64_t wholeBatch = options.distributed.share().whole(options.batchSize);  // of all ranks
    const RunLength length{options.maxSteps > 0 ? options.maxSteps
                                                : options.epochs * std::max<std::int64_t>(1, static_cast<std::int64_t>(train.size()) / wholeBatch),
                           std::max<std::int64_t>(1, static_cast<std::int64_t>(train.size()) / wholeBatch)};
    const double peakRate = options.learningRate > 0 ? options.learningRate : 1e-3;

    torch::manual_seed(options.seed);
    CompositionPlanner model(config);
    model->to(device);
    torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(peakRate).weight_decay(1e-2));
    PlannerTask task(model, std::move(train), std::move(held), options);
    const TrainingRun run = describeRun(*model, optimizer, config.toJson(), options, songs, length, peakRate);
    return runTraining(task, run, options, control);
}

}  // namespace muze
