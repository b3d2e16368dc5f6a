#pragma once

#include "core/generation/SongGenerator.h"
#include "core/generation/SongSinging.h"
#include "core/generation/SongPlan.h"
#include "workers/Job.h"

#include <QString>

#include <filesystem>
#include <optional>

namespace muze {

// What the Compose page asks for: a song made from a plan, or one section of an earlier take made
// anew, written as `muze generate` writes a song (32 kHz mono, so that a take's sections can be
// regenerated sample for sample), with its lyrics sung when asked.
struct TakeRequest {
    ModelFiles models;
    SongPlan plan;
    GenerateOptions options;                // with regenerate: the earlier take's, its section's new seed in sectionSeeds
    std::filesystem::path output;           // FOLDER/take.wav; OUTPUT.json goes beside it
    std::optional<std::size_t> regenerate;  // the section (from 0) to make anew
    std::filesystem::path previous;         // with regenerate: the earlier take's instrumental as the models made it
    nlohmann::ordered_json earlierModels;   // with regenerate: the models the earlier take was made with
    std::optional<SingingRequest> singing;  // sing the plan's lyrics into the take
    // Sound like this voice (options.style, made on the worker): a recording, or an artist of a
    // dataset (its artist embeddings beside it).
    std::filesystem::path styleRecording;
    std::string styleArtist;
    std::filesystem::path styleDataset;
    std::optional<PlanSection> remade;      // with regenerate: the section as it is to be made now, over the same time
};

// A sung take's instrumental as the models made it (take_models.wav beside take.wav): what its
// sections are regenerated from, as take.wav has the voice mixed in.
std::filesystem::path modelsInstrumentalPath(const std::filesystem::path& take);

// Loads the models, generates (progress per section; cancel stops within one sampler step) and
// writes the take. Nothing is written when it is cancelled or fails.
class GenerateJob final : public Job {
    Q_OBJECT

public:
    explicit GenerateJob(TakeRequest request, QObject* parent = nullptr);
    ~GenerateJob() override { stopBeforeDestruction(); }

signals:
    // `warning` is empty, or says what of the take could not be made (its vocals).
    void generated(const QString& output, const QString& warning);

protected:
    void execute(const JobControl& control) override;

private:
    TakeRequest m_request;
};

}  // namespace muze
