#include "core/training/Training.h"

#include "core/common/Error.h"
#include "core/training/PhaseTraining.h"

namespace muze {

std::filesystem::path runFolder(const TrainOptions& options)
{
    if (options.phase == 1)
        return options.outDir / (options.model == PhaseOneModel::Vocoder ? "vocoder" : "vae");
    return options.outDir / (options.phase == 2 ? "planner" : "ldm");
}

TrainSummary train(const TrainOptions& options, const JobControl& control)
{
    if (options.batchSize < 1 || options.cropFrames < 16)
        throw Error(ErrorKind::InvalidArgument, "The batch size must be at least 1 and a crop at least 16 frames.");
    if (options.phase == 2)
        return trainPlanner(options, control);
    if (options.phase == 3)
        return trainLatentDiffusion(options, control);
    if (options.phase != 1)
        throw Error(ErrorKind::InvalidArgument, "--phase takes 1, 2 or 3.");
    return options.model == PhaseOneModel::Vocoder ? trainVocoder(options, control) : trainVae(options, control);
}

}  // namespace muze
