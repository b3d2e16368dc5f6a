#include "core/generation/Melody.h"

#include "core/analysis/KeyDetection.h"
#include "core/common/Error.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace muze {
namespace {

constexpr double kShortestNote = 0.12;  // seconds: sung faster than this, syllables blur
constexpr double kFastTempo = 160.0;    // BPM: above it, a syllable a beat
constexpr double kEdge = 1e-6;

using PitchClasses = std::vector<int>;

PitchClasses scaleOf(const MusicalKey& key)
{
    const PitchClasses steps = key.minor ? PitchClasses{0, 2, 3, 5, 7, 8, 10} : PitchClasses{0, 2, 4, 5, 7, 9, 11};
    PitchClasses scale;
    for (const int step : steps)
        scale.push_back((key.tonic + step) % 12);
    return scale;
}

// Root, third and fifth.
PitchClasses triadOf(const std::string& written)
{
    const std::string label = chordLabel(written);
    const std::size_t colon = label.find(':');
    const int root = parseKey(label.substr(0, colon) + " major")->tonic;
    const int third = label.compare(colon + 1, 3, "min") == 0 ? 3 : 4;
    return {root, (root + third) % 12, (root + 7) % 12};
}

PitchClasses triadAt(const PlanSection& section, const MusicalKey& key, double time)
{
    if (section.chords.empty()) {
        const int third = key.minor ? 3 : 4;
        return {key.tonic, (key.tonic + third) % 12, (key.tonic + 7) % 12};
    }
    const auto bar = static_cast<std::size_t>(std::max(0.0, std::floor((time - section.start) / section.barSeconds() + kEdge)));
    return triadOf(section.chords[bar % section.chords.size()]);
}

std::vector<int> notesOf(const PitchClasses& classes, const VoiceRange& range)
{
    std::vector<int> notes;
    for (int midi = range.lowest; midi <= range.highest; ++midi)
        if (std::find(classes.begin(), classes.end(), midi % 12) != classes.end())
            notes.push_back(midi);
    return notes;
}

// Chooses each pitch: near a target that moves by steps in one direction, turning now and then and
// at the edges of the range.
class PitchWalk {
public:
    PitchWalk(const VoiceRange& range, std::uint64_t seed) : m_range(range), m_random(seed) {}

    int first(const std::vector<int>& candidates)
    {
        const int middle = (m_range.lowest + m_range.highest) / 2;
        return m_previous = nearest(candidates, middle + static_cast<int>(m_random() % 7) - 3, false);
    }

    int next(const std::vector<int>& candidates)
    {
        if (m_random() % 100 < 35)
            m_direction = -m_direction;
        if (m_previous + 2 * m_direction > m_range.highest || m_previous + 2 * m_direction < m_range.lowest)
            m_direction = -m_direction;
        return m_previous = nearest(candidates, m_previous + 2 * m_direction, true);
    }

private:
    int nearest(const std::vector<int>& candidates, int target, bool avoidRepeat)
    {
        const auto cost = [&](int note) { return std::abs(note - target) * 2 + (avoidRepeat && note == m_previous ? 3 : 0); };
        std::vector<int> best;
        for (const int note : candidates) {
            if (best.empty() || cost(note) < cost(best.front()))
                best = {note};
            else if (cost(note) == cost(best.front()))
                best.push_back(note);
        }
        return best[m_random() % best.size()];
    }

    VoiceRange m_range;
    std::mt19937_64 m_random;
    int m_previous = 0;
    int m_direction = 1;
};

struct Grid {
    double stepBeats;  // a syllable's share of a beat
};

// A line's beats: a step a syllable and a step of rest, rounded up to whole beats.
int beatsForLine(int syllables, const Grid& grid)
{
    return static_cast<int>(std::ceil((syllables + 1) * grid.stepBeats - kEdge));
}

int beatsForLines(const std::vector<int>& syllablesPerLine, const Grid& grid)
{
    int beats = 0;
    for (const int syllables : syllablesPerLine)
        beats += beatsForLine(syllables, grid);
    return beats;
}

// The slowest grid at which the lines fit into `beats` beats.
Grid gridFor(const PlanSection& section, const std::vector<int>& syllablesPerLine, int beats, double from, double to)
{
    const double beat = 60.0 / section.tempo;
    for (double stepBeats = section.tempo > kFastTempo ? 1.0 : 0.5; stepBeats * beat >= kShortestNote - kEdge; stepBeats /= 2)
        if (beatsForLines(syllablesPerLine, Grid{stepBeats}) <= beats)
            return Grid{stepBeats};
    int syllables = 0;
    for (const int count : syllablesPerLine)
        syllables += count;
    throw Error(ErrorKind::InvalidArgument, "The lyrics of the " + section.type + " at " + std::to_string(std::lround(section.start)) + " s (" +
                                                std::to_string(syllablesPerLine.size()) + " lines, " + std::to_string(syllables) +
                                                " syllables) do not fit the " + std::to_string(std::lround(to - from)) + " s it sings for at " +
                                                std::to_string(std::lround(section.tempo)) + " BPM: shorten them or lengthen the section.");
}

// Beats of rest after a line that ends at beat `cursor` (of the section): up to the next bar line
// when the spare beats reach it, and an even share of the whole bars left among the rests to come
// and the end.
int restAfter(int cursor, int spare, int restsToCome, int beatsPerBar)
{
    const int toBar = (beatsPerBar - cursor % beatsPerBar) % beatsPerBar;
    if (toBar > spare)
        return 0;
    return toBar + (spare - toBar) / beatsPerBar / (restsToCome + 1) * beatsPerBar;
}

}  // namespace

double midiHz(double midi)
{
    return 440.0 * std::pow(2.0, (midi - 69.0) / 12.0);
}

std::vector<std::vector<SungNote>> composeMelody(const PlanSection& section, double from, double to, const std::vector<int>& syllablesPerLine,
                                                 const VoiceRange& range, std::uint64_t seed)
{
    const std::optional<MusicalKey> key = parseKey(section.key);
    if (!key || range.highest - range.lowest < 12 || section.beatsPerBar() == 0)
        throw Error(ErrorKind::InvalidArgument, "A melody needs a key, a time signature and a voice range of at least an octave.");
    const double beat = 60.0 / section.tempo;
    const auto firstBeat = static_cast<int>(std::ceil((std::max(from, section.start) - section.start) / beat - kEdge));
    const auto endBeat = static_cast<int>(std::floor((std::min(to, section.end()) - section.start) / beat + kEdge));
    const Grid grid = gridFor(section, syllablesPerLine, endBeat - firstBeat, from, to);
    const double step = grid.stepBeats * beat;
    int spare = endBeat - firstBeat - beatsForLines(syllablesPerLine, grid);
    const auto lines = static_cast<int>(syllablesPerLine.size());

    PitchWalk walk(range, seed);
    const PitchClasses scale = scaleOf(*key);
    std::vector<std::vector<SungNote>> melody;
    int cursor = firstBeat;
    for (int line = 0; line < lines; ++line) {
        const int syllables = syllablesPerLine[static_cast<std::size_t>(line)];
        const double lineStart = section.start + cursor * beat;
        cursor += beatsForLine(syllables, grid);
        std::vector<SungNote> notes;
        for (int i = 0; i < syllables; ++i) {
            const double start = lineStart + i * step;
            const bool onBeat = std::fmod(i * grid.stepBeats, 1.0) < kEdge;
            const bool last = i + 1 == syllables;
            const PitchClasses triad = triadAt(section, *key, start);
            const std::vector<int> candidates = notesOf(last ? PitchClasses{triad[0], triad[1]} : onBeat ? triad : scale, range);
            const double end = last ? section.start + cursor * beat - step : start + step;
            notes.push_back({start, end - start, i == 0 ? walk.first(candidates) : walk.next(candidates)});
        }
        melody.push_back(std::move(notes));
        const int rest = line + 1 < lines ? restAfter(cursor, spare, lines - line - 1, section.beatsPerBar()) : 0;
        cursor += rest;
        spare -= rest;
    }
    return melody;
}

}  // namespace muze
