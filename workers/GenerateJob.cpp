#include "workers/GenerateJob.h"

#include "core/audio/AudioDecoder.h"
#include "core/common/Parallel.h"
#include "core/generation/SongFiles.h"

namespace muze {

GenerateJob::GenerateJob(TakeRequest request, QObject* parent) : Job(parent), m_request(std::move(request)) {}

void GenerateJob::execute(const JobControl& control)
{
    prepareComputeThread();
    control.report("loading the models", 0.0);
    const SongGenerator generator(m_request.models);
    generator.check(m_request.plan);
    const JobControl sections = control.slice(0.05, 1.0);
    const GeneratedSong song =
        m_request.regenerate
            ? generator.regenerate(m_request.plan, m_request.options, *m_request.regenerate, decodeAudioFile(m_request.previous, {}).audio, sections)
            : generator.generate(m_request.plan, m_request.options, sections);
    std::filesystem::create_directories(m_request.output.parent_path());
    writeSong({m_request.output}, song.audio, m_request.plan, m_request.options, generator.describe(), song.griffinLim);
    emit generated(QString::fromStdString(m_request.output.string()));
}

}  // namespace muze
