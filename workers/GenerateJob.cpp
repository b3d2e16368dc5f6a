#include "workers/GenerateJob.h"

#include "core/audio/AudioDecoder.h"
#include "core/audio/AudioWriter.h"
#include "core/common/Error.h"
#include "core/common/Parallel.h"
#include "core/generation/SongFiles.h"

namespace muze {

std::filesystem::path modelsInstrumentalPath(const std::filesystem::path& take)
{
    return besideSong(take, "_models", ".wav");
}

GenerateJob::GenerateJob(TakeRequest request, QObject* parent) : Job(parent), m_request(std::move(request)) {}

void GenerateJob::execute(const JobControl& control)
{
    prepareComputeThread();
    if (m_request.singing)
        prepareSinging(*m_request.singing);
    if (!m_request.styleRecording.empty()) {
        control.report("listening to the voice", 0.0);
        m_request.options.style = recordingStyle(m_request.styleRecording).style;
    } else if (!m_request.styleArtist.empty()) {
        m_request.options.style = artistStyle(artistEmbeddingsOf(m_request.styleDataset), m_request.styleArtist);
    }
    control.report("loading the models", 0.0);
    const SongGenerator generator(m_request.models);
    generator.check(m_request.plan);
    const double instrumentalShare = m_request.singing ? 0.8 : 1.0;
    const JobControl sections = control.slice(0.05, instrumentalShare);
    SongPlan plan = m_request.plan;
    GeneratedSong song;
    if (m_request.regenerate) {
        // The sections beside the one made anew are rendered again for the joins: with other models
        // they would change.
        if (!sameModels(m_request.earlierModels, generator.describe()))
            throw Error(ErrorKind::InvalidArgument, tr("The take was made with other models than the ones chosen now, and its neighbouring "
                                                       "sections would change with them. Choose the model folder it was made with, or "
                                                       "generate a new take.").toStdString());
        const AudioBuffer previous = decodeAudioFile(m_request.previous, {}).audio;
        song = generator.regenerate(plan, m_request.options, *m_request.regenerate, previous, sections, m_request.remade);
        if (m_request.remade)
            plan.sections[*m_request.regenerate] = *m_request.remade;
    } else {
        song = generator.generate(plan, m_request.options, sections);
    }
    std::filesystem::create_directories(m_request.output.parent_path());

    // A failure to sing loses nothing: the instrumental is the take, and the warning says why.
    AudioBuffer take = song.audio;
    nlohmann::ordered_json extra = nlohmann::ordered_json::object();
    QString warning;
    if (m_request.singing) {
        try {
            control.report("singing", instrumentalShare);
            const SungSong sung = singInto(plan, *m_request.singing, song.audio, m_request.options.seed, control.slice(instrumentalShare, 1.0));
            writeVocalFiles(m_request.output, sung, kModelSampleRate, 1, {});
            writeAudioFile(modelsInstrumentalPath(m_request.output), song.audio, {});
            extra["vocals"] = describeVocals(sung, *m_request.singing);
            take = sung.mixed.song;
        } catch (const Error& error) {
            if (error.kind() == ErrorKind::Cancelled)
                throw;
            extra["vocals"] = {{"backend", m_request.singing->backend}, {"error", error.what()}};
            warning = tr("The take is the instrumental alone: its vocals could not be made. %1").arg(QString::fromStdString(error.what()));
        }
    }
    writeSong({m_request.output}, take, plan, m_request.options, generator.describe(), song.griffinLim, extra);
    emit generated(QString::fromStdString(m_request.output.string()), warning);
}

}  // namespace muze
