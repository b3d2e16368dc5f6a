#include "core/text/SpeechRecognizer.h"

#include "core/audio/Resampler.h"
#include "core/common/Error.h"

#include <pocketsphinx.h>

#include <dlfcn.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <sstream>

namespace muze {
namespace {

constexpr int kRate = 16000;
constexpr double kFramesPerSecond = 100.0;  // pocketsphinx's frame rate
const char* const kModel = "/usr/share/pocketsphinx/model/en-us/en-us";
const char* const kLanguageModel = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";
const char* const kDictionary = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";

// pocketsphinx and qm-dsp both export a C function named hmm_init. Linked together, pocketsphinx
// would call qm-dsp's and crash, so it is loaded on its own with RTLD_DEEPBIND: its calls then
// resolve inside pocketsphinx and sphinxbase first.
struct PocketSphinx {
    decltype(&::cmd_ln_init) cmd_ln_init = nullptr;
    decltype(&::cmd_ln_free_r) cmd_ln_free_r = nullptr;
    decltype(&::ps_args) ps_args = nullptr;
    decltype(&::ps_init) ps_init = nullptr;
    decltype(&::ps_free) ps_free = nullptr;
    decltype(&::ps_start_utt) ps_start_utt = nullptr;
    decltype(&::ps_process_raw) ps_process_raw = nullptr;
    decltype(&::ps_end_utt) ps_end_utt = nullptr;
    decltype(&::ps_seg_iter) ps_seg_iter = nullptr;
    decltype(&::ps_seg_next) ps_seg_next = nullptr;
    decltype(&::ps_seg_word) ps_seg_word = nullptr;
    decltype(&::ps_seg_frames) ps_seg_frames = nullptr;
    decltype(&::ps_seg_prob) ps_seg_prob = nullptr;
    decltype(&::ps_get_logmath) ps_get_logmath = nullptr;
    decltype(&::logmath_exp) logmath_exp = nullptr;
};

template <class Function>
void bind(void* library, const char* name, Function& function)
{
    function = reinterpret_cast<Function>(dlsym(library, name));
    if (function == nullptr)
        throw Error(ErrorKind::Unsupported, std::string("pocketsphinx lacks ") + name + "; reinstall libpocketsphinx3.");
}

const PocketSphinx& pocketSphinx()
{
    static const PocketSphinx library = [] {
#ifdef __SANITIZE_ADDRESS__
        throw Error(ErrorKind::Unsupported, "Speech recognition is not available in an AddressSanitizer build: pocketsphinx must be "
                                            "loaded with RTLD_DEEPBIND, which the sanitizer cannot run. Use a normal build, or --no_asr.");
#endif
        void* handle = dlopen("libpocketsphinx.so.3", RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
        if (handle == nullptr)
            throw Error(ErrorKind::Unsupported, "Speech recognition needs pocketsphinx (Debian's libpocketsphinx3): " + std::string(dlerror()));
        PocketSphinx ps;
        bind(handle, "cmd_ln_init", ps.cmd_ln_init);
        bind(handle, "cmd_ln_free_r", ps.cmd_ln_free_r);
        bind(handle, "ps_args", ps.ps_args);
        bind(handle, "ps_init", ps.ps_init);
        bind(handle, "ps_free", ps.ps_free);
        bind(handle, "ps_start_utt", ps.ps_start_utt);
        bind(handle, "ps_process_raw", ps.ps_process_raw);
        bind(handle, "ps_end_utt", ps.ps_end_utt);
        bind(handle, "ps_seg_iter", ps.ps_seg_iter);
        bind(handle, "ps_seg_next", ps.ps_seg_next);
        bind(handle, "ps_seg_word", ps.ps_seg_word);
        bind(handle, "ps_seg_frames", ps.ps_seg_frames);
        bind(handle, "ps_seg_prob", ps.ps_seg_prob);
        bind(handle, "ps_get_logmath", ps.ps_get_logmath);
        bind(handle, "logmath_exp", ps.logmath_exp);
        return ps;  // the library stays loaded for the life of the process
    }();
    return library;
}

struct Decoder {
    cmd_ln_t* config = nullptr;
    ps_decoder_t* decoder = nullptr;
    ~Decoder()
    {
        if (decoder != nullptr)
            pocketSphinx().ps_free(decoder);
        if (config != nullptr)
            pocketSphinx().cmd_ln_free_r(config);
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
    const PocketSphinx& ps = pocketSphinx();
    auto fresh = std::make_unique<Decoder>();
    fresh->config = ps.cmd_ln_init(nullptr, ps.ps_args(), TRUE, "-hmm", kModel, "-lm", kLanguageModel, "-dict", kDictionary,
                                   "-logfn", "/dev/null", "-bestpath", "yes", nullptr);
    if (fresh->config != nullptr)
        fresh->decoder = ps.ps_init(fresh->config);
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

double Transcript::recall(std::vector<std::string> expected) const
{
    if (expected.empty())
        return 0.0;
    std::vector<std::string> heard;
    for (const RecognizedWord& w : words)
        heard.push_back(w.word);
    std::sort(expected.begin(), expected.end());
    std::sort(heard.begin(), heard.end());
    std::vector<std::string> common;
    std::set_intersection(expected.begin(), expected.end(), heard.begin(), heard.end(), std::back_inserter(common));
    return static_cast<double>(common.size()) / static_cast<double>(expected.size());
}

std::vector<std::string> wordsOf(const std::string& text)
{
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string word; in >> word;) {
        word.erase(std::remove_if(word.begin(), word.end(), [](unsigned char c) { return !std::isalpha(c) && c != '\''; }), word.end());
        std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (!word.empty())
            words.push_back(word);
    }
    return words;
}

Transcript recognizeSpeech(const AudioBuffer& audio, const std::vector<std::pair<double, double>>& regions, const JobControl& control)
{
    Transcript transcript;
    if (regions.empty())
        return transcript;
    Decoder& decoder = threadDecoder();
    const PocketSphinx& ps = pocketSphinx();
    const AudioBuffer speech = resampleAudio(audio.channels == 1 ? audio : mixToMono(audio), kRate);
    logmath_t* logmath = ps.ps_get_logmath(decoder.decoder);
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
        ps.ps_start_utt(decoder.decoder);
        ps.ps_process_raw(decoder.decoder, pcm.data(), pcm.size(), FALSE, TRUE);
        ps.ps_end_utt(decoder.decoder);
        for (ps_seg_t* segment = ps.ps_seg_iter(decoder.decoder); segment != nullptr; segment = ps.ps_seg_next(segment)) {
            const std::string word = ps.ps_seg_word(segment);
            if (isFiller(word))
                continue;
            int startFrame = 0;
            int endFrame = 0;
            ps.ps_seg_frames(segment, &startFrame, &endFrame);
            int32 acoustic = 0;
            int32 language = 0;
            int32 backoff = 0;
            const double posterior = ps.logmath_exp(logmath, ps.ps_seg_prob(segment, &acoustic, &language, &backoff));
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
