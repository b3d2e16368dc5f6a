#pragma once

#include "core/generation/SongGenerator.h"
#include "core/generation/SongPlan.h"
#include "workers/Job.h"

#include <QString>

#include <filesystem>
#include <optional>

namespace muze {

// What the Compose page asks for: a song made from a plan, or one section of an earlier take made
// anew, written as `muze generate` writes a song (32 kHz mono, so that a take's sections can be
// regenerated sample for sample).
struct TakeRequest {
    ModelFiles models;
    SongPlan plan;
    GenerateOptions options;                // with regenerate: the earlier take's, its section's new seed in sectionSeeds
    std::filesystem::path output;           // FOLDER/take.wav; OUTPUT.json goes beside it
    std::optional<std::size_t> regenerate;  // the section (from 0) to make anew
    std::filesystem::path previous;         // with regenerate: the earlier take's audio
};

// Loads the models, generates (progress per section; cancel stops within one sampler step) and
// writes the take. Nothing is written when it is cancelled or fails.
class GenerateJob : public Job {
    Q_OBJECT

public:
    explicit GenerateJob(TakeRequest request, QObject* parent = nullptr);

signals:
    void generated(const QString& output);

protected:
    void execute(const JobControl& control) override;

private:
    TakeRequest m_request;
};

}  // namespace muze
