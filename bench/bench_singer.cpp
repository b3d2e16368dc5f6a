// The built-in singer, measured on its dry output: the share of voiced frames within 50 cents of the
// written note (the project's pYIN), the words the project's recogniser hears sung against those it
// hears when espeak-ng speaks the same lines, and the time it takes per second of sung vocals.
// Two sets of lyrics and sections: the one the singer was tuned on (as in test_singer) and one
// written apart from it, in other keys, metres and tempos.
// usage: bench_singer [--out DIR]   (DIR keeps each set's sung and spoken WAV to listen to)

#include "core/audio/AudioWriter.h"
#include "core/generation/BuiltinSinger.h"
#include "core/text/Speech.h"
#include "core/text/SpeechRecognizer.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace muze;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct LyricSet {
    const char* name;
    PlanSection section;
    std::vector<std::string> lines;
};

PlanSection section(double tempo, const char* key, const char* timeSignature, std::vector<std::string> chords, int bars)
{
    PlanSection s;
    s.type = "verse";
    s.tempo = tempo;
    s.key = key;
    s.timeSignature = timeSignature;
    s.chords = std::move(chords);
    s.duration = bars * s.barSeconds();
    s.hasVocals = true;
    return s;
}

std::vector<LyricSet> lyricSets()
{
    return {{"tuning",
             section(100, "G major", "4/4", {"G", "D", "Em", "C"}, 12),
             {"the river runs under the bridge tonight", "and every light is burning in the window",
              "I will wait for you until the morning comes", "hello tiny dancer hold me closer now"}},
            {"held out",
             section(84, "E minor", "3/4", {"Em", "C", "G", "B"}, 24),
             {"somewhere a telephone is ringing in an empty kitchen", "nobody remembers the colour of the curtains",
              "yesterday the radio was playing our old song", "give me a reason to believe in something beautiful",
              "walking on the water of a frozen lake"}},
            {"held out, fast",
             section(138, "Bb major", "4/4", {"Bb", "Gm", "Eb", "F"}, 16),
             {"we are running faster than the city lights", "money in the pocket and a ticket to the coast",
              "turn it up and let the people dance"}}};
}

std::string joined(const std::vector<std::string>& lines)
{
    std::string text;
    for (const std::string& line : lines)
        text += line + ".\n";
    return text;
}

}  // namespace

int main(int argc, char** argv)
{
    const fs::path out = argc == 3 && std::string(argv[1]) == "--out" ? fs::path(argv[2]) : fs::path();
    if (!out.empty())
        fs::create_directories(out);
    std::printf("| lyrics | section | syllables | in tune (50 cents) | word recall sung | spoken | work per second sung |\n"
                "|---|---|---|---|---|---|---|\n");
    for (const LyricSet& set : lyricSets()) {
        SingerOptions options;
        options.seed = 1;
        const auto started = Clock::now();
        const SungVocals sung = singLines(set.section, 0.5, set.section.end() - 0.5, set.lines, options);
        const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
        double sungSeconds = 0.0;
        std::size_t syllables = 0;
        for (const SungLine& line : sung.lines) {
            syllables += line.notes.size();
            for (const SungNote& note : line.notes)
                sungSeconds += note.duration;
        }
        const Speech spoken = speak(joined(set.lines));
        const AudioBuffer spokenAudio{spoken.sampleRate, 1, spoken.samples};
        const std::vector<std::string> words = wordsOf(joined(set.lines));
        const double sungRecall = recognizeSpeech(sung.audio, {{0.0, sung.audio.durationSeconds()}}).recall(words);
        const double spokenRecall = recognizeSpeech(spokenAudio, {{0.0, spokenAudio.durationSeconds()}}).recall(words);
        std::printf("| %s | %s, %s, %.0f BPM | %zu | %.3f | %.3f | %.3f | %.0f ms |\n", set.name, set.section.key.c_str(),
                    set.section.timeSignature.c_str(), set.section.tempo, syllables, shareInTune(sung), sungRecall, spokenRecall,
                    1000.0 * seconds / sungSeconds);
        if (!out.empty()) {
            writeAudioFile(out / (std::string(set.name) + "-sung.wav"), sung.audio, {});
            writeAudioFile(out / (std::string(set.name) + "-spoken.wav"), spokenAudio, {});
        }
    }
    return 0;
}
