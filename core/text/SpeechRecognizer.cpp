#include "core/text/SpeechRecognizer.h"

#include "core/audio/Resampler.h"
#include "core/common/Error.h"

#include <pocketsphinx.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>

namespace muze {
namespace {

constexpr int kRate = 16000;
constexpr double kFramesPerSecond = 100.0;  // pocketsphinx's frame rate
const char* const kModel = "/usr/share/pocketsphinx/model/en-us/en-us";
const char* const kLanguageModel = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";
const char* const kDictionary = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";

struct Decoder {
    cmd_ln_t* config = nullptr;
    ps_decoder_t* decoder = nullptr;
    ~Decoder()
    {
        if (decoder != nullptr)
            ps_free(decoder);
        if (config != nullptr)
            cmd_ln_free_r(config);
    }
};

Decoder& threadDecoder()
{
    thread_local std::unique_ptr<Decoder> decoder;
    if (decoder)
        return *decoder;
    for (const char* path : {kModel, kLanguageModel, kDictionary})
        if (!std::filesystem::exists(path))
            throw Error(ErrorKind::Unsupported, std::string("Speech recognition needs ") + path + " (Debian's pocketsphinx-en-us).");
    auto fresh = std::make_unique<Decoder>();
    fresh->config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", kModel, "-lm", kLanguageModel, "-dict", kDictionary,
                                "-logfn", "/dev/null", "-bestpath", "yes", nullptr);
    if (fresh->config != nullptr)
        fresh->decoder = ps_init(fresh->config);
    if (fresh->decoder == nullptr)
        throw Error(ErrorKind::Unsupported, "pocketsphinx could not load its English model.");
    decoder = std::move(fresh);
    return *decoder;
}

bool isFiller(const std::string& word)
{
    return word.empty() || word.front() == '<' || word.front() == '[' || word == "<sil>";
}

}  // namespace

std::string Transcript::text() const
{
    std::string out;
    for (const RecognizedWord& w : words)
        out += (out.empty() ? "" : " ") + w.word;
    return out;
}

Transcript recognizeSpeech(const AudioBuffer& audio, const std::vector<std::pair<double, double>>& regions, const JobControl& control)
{
    Transcript transcript;
    if (regions.empty())
        return transcript;
    Decoder& decoder = threadDecoder();
    const AudioBuffer speech = resampleAudio(audio.channels == 1 ? audio : mixToMono(audio), kRate);
    logmath_t* logmath = ps_get_logmath(decoder.decoder);
    std::vector<int16> pcm;
    double confidenceSum = 0.0;
    for (std::size_t r = 0; r < regions.size(); ++r) {
        control.throwIfCancelled();
        const auto first = static_cast<std::size_t>(std::clamp(regions[r].first * kRate, 0.0, static_cast<double>(speech.samples.size())));
        const auto last = static_cast<std::size_t>(std::clamp(regions[r].second * kRate, 0.0, static_cast<double>(speech.samples.size())));
        if (last <= first)
            continue;
        pcm.resize(last - first);
        for (std::size_t i = first; i < last; ++i)
            pcm[i - first] = static_cast<int16>(std::clamp(speech.samples[i] * 32767.0f, -32768.0f, 32767.0f));
        ps_start_utt(decoder.decoder);
        ps_process_raw(decoder.decoder, pcm.data(), pcm.size(), FALSE, TRUE);
        ps_end_utt(decoder.decoder);
        for (ps_seg_t* segment = ps_seg_iter(decoder.decoder); segment != nullptr; segment = ps_seg_next(segment)) {
            const std::string word = ps_seg_word(segment);
            if (isFiller(word))
                continue;
            int startFrame = 0;
            int endFrame = 0;
            ps_seg_frames(segment, &startFrame, &endFrame);
            int32 acoustic = 0;
            int32 language = 0;
            int32 backoff = 0;
            const double posterior = logmath_exp(logmath, ps_seg_prob(segment, &acoustic, &language, &backoff));
            const std::string clean = word.substr(0, word.find('('));  // "the(2)": an alternative pronunciation
            transcript.words.push_back({clean, regions[r].first + startFrame / kFramesPerSecond,
                                        regions[r].first + (endFrame + 1) / kFramesPerSecond, std::clamp(posterior, 0.0, 1.0)});
            confidenceSum += transcript.words.back().confidence;
        }
        control.report("speech", static_cast<double>(r + 1) / static_cast<double>(regions.size()));
    }
    if (!transcript.words.empty())
        transcript.confidence = confidenceSum / static_cast<double>(transcript.words.size());
    return transcript;
}

}  // namespace muze
