#include "core/training/PhaseReadiness.h"

#include "core/dataset/DatasetBuilder.h"
#include "core/dataset/DatasetFile.h"
#include "core/dataset/FeatureCache.h"
#include "core/training/TrainingParts.h"

namespace muze {
namespace {

bool hasSections(const Record& record)
{
    const auto segments = record.find(field::kSegments);
    return segments != record.end() && segments->is_array() && !segments->empty();
}

}  // namespace

std::filesystem::path vaeCheckpointPath(const TrainOptions& options)
{
    return options.vaeCheckpoint.empty() ? options.outDir / "vae/checkpoints/best.safetensors" : options.vaeCheckpoint;
}

PhaseReadiness checkReadiness(const TrainOptions& options)
{
    PhaseReadiness readiness;
    readiness.needsFeatures = options.phase != 2;
    readiness.needsSections = options.phase == 2;
    readiness.needsVae = options.phase == 3;
    readiness.vaeCheckpoint = vaeCheckpointPath(options);
    std::error_code error;
    readiness.vaeFound = std::filesystem::is_regular_file(readiness.vaeCheckpoint, error);

    std::vector<Record> records = readDataset(options.annotations);
    if (options.maxTracks && static_cast<std::size_t>(*options.maxTracks) < records.size())
        records.resize(static_cast<std::size_t>(*options.maxTracks));
    const DataSplit split = splitBySong(records, options.validationShare, options.seed);
    const FeatureCache cache(DatasetPaths::forDataset(options.annotations).cache);
    for (const auto* side : {&split.train, &split.validation}) {
        for (std::size_t index : *side) {
            ++readiness.songs;
            if (readiness.needsFeatures && !cache.isCurrent(trackIdOf(records[index]), contentKeyOf(records[index])))
                ++readiness.withoutFeatures;
            if (!hasSections(records[index]))
                ++readiness.withoutSections;
        }
    }
    return readiness;
}

}  // namespace muze
