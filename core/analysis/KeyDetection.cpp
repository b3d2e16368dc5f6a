#include "core/analysis/KeyDetection.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace muze {
namespace {

// ref: Krumhansl & Kessler (1982) probe-tone ratings, tonic first.
constexpr double kMajorProfile[12] = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
constexpr double kMinorProfile[12] = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
constexpr int kMajorScale[7] = {0, 2, 4, 5, 7, 9, 11};
constexpr int kMinorScale[7] = {0, 2, 3, 5, 7, 8, 10};

double correlation(const PitchClassProfile& chroma, const double* profile, int tonic)
{
    double meanX = 0.0;
    double meanY = 0.0;
    for (int k = 0; k < 12; ++k) {
        meanX += chroma[static_cast<std::size_t>(k)];
        meanY += profile[k];
    }
    meanX /= 12;
    meanY /= 12;
    double xy = 0.0;
    double xx = 0.0;
    double yy = 0.0;
    for (int k = 0; k < 12; ++k) {
        const double x = chroma[static_cast<std::size_t>((tonic + k) % 12)] - meanX;
        const double y = profile[k] - meanY;
        xy += x * y;
        xx += x * x;
        yy += y * y;
    }
    return xx > 0 && yy > 0 ? xy / std::sqrt(xx * yy) : 0.0;
}

double profileFit(const PitchClassProfile& chroma, const MusicalKey& key)
{
    return correlation(chroma, key.minor ? kMinorProfile : kMajorProfile, key.tonic);
}

// Whether a triad belongs to the key's scale, and whether it is the tonic triad.
bool isDiatonic(const MusicalKey& key, int root, bool minorChord, bool* tonic)
{
    const int* scale = key.minor ? kMinorScale : kMajorScale;
    const int degree = (root - key.tonic + 12) % 12;
    const int* found = std::find(scale, scale + 7, degree);
    if (found == scale + 7)
        return false;
    const auto index = static_cast<int>(found - scale);
    const int third = (scale[(index + 2) % 7] - degree + 12) % 12;
    *tonic = degree == 0;
    return (third == 3) == minorChord;
}

double chordFit(const std::vector<TimedChord>& chords, const MusicalKey& key)
{
    double covered = 0.0;
    double total = 0.0;
    for (const TimedChord& chord : chords) {
        bool minor = false;
        const int root = chordRoot(chord.label, &minor);
        if (root < 0)
            continue;
        const double length = chord.end - chord.start;
        total += length;
        bool tonic = false;
        if (isDiatonic(key, root, minor, &tonic))
            covered += tonic ? 2 * length : length;
    }
    return total > 0 ? covered / total : 0.0;
}

MusicalKey relativeOf(const MusicalKey& key)
{
    return key.minor ? MusicalKey{(key.tonic + 3) % 12, false} : MusicalKey{(key.tonic + 9) % 12, true};
}

bool isTonicChord(const TimedChord& chord, const MusicalKey& key)
{
    bool minor = false;
    return chordRoot(chord.label, &minor) == key.tonic && minor == key.minor;
}

double tonalCentre(const MusicalKey& key, const std::vector<TimedChord>& sounding, const PitchClassProfile& bass,
                   const PitchClassProfile& treble)
{
    return 0.5 * isTonicChord(sounding.front(), key) + 1.0 * isTonicChord(sounding.back(), key) +
           bass[static_cast<std::size_t>(key.tonic)] + profileFit(treble, key);
}

}  // namespace

std::string MusicalKey::name() const
{
    // As key signatures spell them: flats for the keys with flats (F major's Bb aside, which names no
    // tonic), F# major and C# minor rather than Gb and Db, Eb minor rather than D# minor.
    static const char* const kMajorTonics[12] = {"C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    static const char* const kMinorTonics[12] = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"};
    return std::string((minor ? kMinorTonics : kMajorTonics)[tonic]) + (minor ? " minor" : " major");
}

std::optional<MusicalKey> parseKey(const std::string& text)
{
    static const int kNaturals[7] = {9, 11, 0, 2, 4, 5, 7};  // A B C D E F G
    const std::size_t space = text.find(' ');
    if (text.empty() || space == std::string::npos)
        return std::nullopt;
    const char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    if (letter < 'A' || letter > 'G')
        return std::nullopt;
    int tonic = kNaturals[letter - 'A'];
    const std::string accidental = text.substr(1, space - 1);
    if (accidental == "#" || accidental == "♯")
        tonic += 1;
    else if (accidental == "b" || accidental == "♭")
        tonic += 11;
    else if (!accidental.empty())
        return std::nullopt;
    const std::string mode = text.substr(space + 1);
    if (mode != "major" && mode != "minor")
        return std::nullopt;
    return MusicalKey{tonic % 12, mode == "minor"};
}

std::optional<MusicalKey> detectKey(const std::vector<TimedChord>& chords, const Chromagram& treble, const Chromagram& bass)
{
    std::vector<TimedChord> sounding;
    std::copy_if(chords.begin(), chords.end(), std::back_inserter(sounding), [](const TimedChord& c) { return c.label != "N"; });
    if (sounding.empty())
        return std::nullopt;
    const PitchClassProfile trebleMean = meanChroma(treble);
    const PitchClassProfile bassMean = meanChroma(bass);

    MusicalKey best;
    double bestScore = -1e9;
    for (int minor = 0; minor < 2; ++minor) {
        for (int tonic = 0; tonic < 12; ++tonic) {
            const MusicalKey key{tonic, minor == 1};
            const double score = chordFit(sounding, key) + 0.5 * profileFit(trebleMean, key);
            if (score > bestScore) {
                bestScore = score;
                best = key;
            }
        }
    }
    const MusicalKey relative = relativeOf(best);
    if (tonalCentre(relative, sounding, bassMean, trebleMean) > tonalCentre(best, sounding, bassMean, trebleMean))
        return relative;
    return best;
}

}  // namespace muze
