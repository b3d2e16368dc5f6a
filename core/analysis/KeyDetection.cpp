#include "core/analysis/KeyDetection.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace muze {
namespace {

// Key profiles, tonic first. ref: Krumhansl & Kessler (1982), probe-tone ratings; Sha'ath (2011),
// "Estimation of key in digital music recordings", MSc thesis, Birkbeck (the profile KeyFinder and
// Essentia's Key call "shaath"). Sha'ath's minor weighs the minor seventh above the leading tone, as
// Aeolian pop plays it; Temperley's, which weighs the leading tone, read such songs in their relative
// major (README, Families).
constexpr double kKrumhanslMajor[12] = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
constexpr double kKrumhanslMinor[12] = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
constexpr double kShaathMajor[12] = {6.6, 2.0, 3.5, 2.3, 4.6, 4.0, 2.5, 5.2, 2.4, 3.7, 2.3, 3.4};
constexpr double kShaathMinor[12] = {6.5, 2.7, 3.5, 5.4, 2.6, 3.5, 2.5, 5.2, 4.0, 2.7, 4.3, 3.2};

// How much of a song in a major or a minor key each chord sounds for, by its root above the tonic and
// its quality: set by hand in the order corpus studies of pop and rock harmony report (the tonic, then
// IV and V, then vi, ii and bVII in major; i, then bVI, bVII, iv, bIII, v and V in minor). Any other
// chord gets kRareChordShare. The analogue, for chords, of a key profile.
struct ChordShare {
    int interval;
    bool minor;
    double share;
};
constexpr ChordShare kMajorKeyChords[] = {{0, false, .30}, {5, false, .17}, {7, false, .17}, {9, true, .10}, {2, true, .06},
                                          {10, false, .04}, {4, true, .03}, {5, true, .02}, {8, false, .02}, {3, false, .01},
                                          {2, false, .01}, {4, false, .01}, {7, true, .01}};
constexpr ChordShare kMinorKeyChords[] = {{0, true, .30}, {8, false, .12}, {10, false, .12}, {5, true, .11}, {3, false, .09},
                                          {7, true, .06}, {7, false, .06}, {5, false, .03}, {0, false, .01}, {2, true, .01},
                                          {10, true, .01}};
constexpr double kRareChordShare = 0.003;

// The evidence's weights: a softmax over the 24 keys fitted on the tuning material (the first bench set
// and the tuning half of the families; bench/key_methods.py), except the start and end's, which is
// fixed: fitted freely it grows until songs that end on V are read in V (key_methods.py shows it,
// leaving each family out in turn).
constexpr double kChordWeight = 3.510;
constexpr double kTrebleProfileWeight = 1.899;
constexpr double kBassProfileWeight = 0.678;
constexpr double kDominantCadenceWeight = 0.316;
constexpr double kMinorWeight = -0.231;
constexpr double kTonicAtStartOrEndWeight = 0.75;

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

struct Chord {
    double start;
    double end;
    int root;
    bool minor;
};

std::vector<Chord> soundingChords(const std::vector<TimedChord>& chords)
{
    std::vector<Chord> sounding;
    for (const TimedChord& chord : chords) {
        bool minor = false;
        const int root = chordRoot(chord.label, &minor);
        if (root >= 0)
            sounding.push_back({chord.start, chord.end, root, minor});
    }
    return sounding;
}

template <std::size_t N>
double shareIn(const ChordShare (&table)[N], int interval, bool minor)
{
    for (const ChordShare& entry : table)
        if (entry.interval == interval && entry.minor == minor)
            return entry.share;
    return kRareChordShare;
}

double chordShareIn(const MusicalKey& key, const Chord& chord)
{
    const int interval = (chord.root - key.tonic + 12) % 12;
    return key.minor ? shareIn(kMinorKeyChords, interval, chord.minor) : shareIn(kMajorKeyChords, interval, chord.minor);
}

// The mean log share, over the song's duration, of its chords as the key would have them.
double chordLikelihood(const std::vector<Chord>& chords, const MusicalKey& key)
{
    double total = 0.0;
    double logShare = 0.0;
    for (const Chord& chord : chords) {
        total += chord.end - chord.start;
        logShare += (chord.end - chord.start) * std::log(chordShareIn(key, chord));
    }
    return total > 0 ? logShare / total : 0.0;
}

bool isTonicChord(const Chord& chord, const MusicalKey& key)
{
    return chord.root == key.tonic && chord.minor == key.minor;
}

// The share of chord changes that go from a major chord on the fifth into the tonic chord (V→I, V→i).
double dominantCadences(const std::vector<Chord>& chords, const MusicalKey& key)
{
    int changes = 0;
    int cadences = 0;
    for (std::size_t i = 1; i < chords.size(); ++i) {
        const Chord& from = chords[i - 1];
        const Chord& to = chords[i];
        if (from.root == to.root && from.minor == to.minor)
            continue;
        ++changes;
        cadences += isTonicChord(to, key) && !from.minor && from.root == (key.tonic + 7) % 12;
    }
    return changes > 0 ? static_cast<double>(cadences) / changes : 0.0;
}

KeyEvidence evidenceFor(const MusicalKey& key, const std::vector<Chord>& chords, const PitchClassProfile& treble, const PitchClassProfile& bass)
{
    KeyEvidence evidence;
    evidence.key = key;
    evidence.chordLikelihood = chordLikelihood(chords, key);
    evidence.trebleFit = correlation(treble, key.minor ? kShaathMinor : kShaathMajor, key.tonic);
    evidence.bassFit = correlation(bass, key.minor ? kKrumhanslMinor : kKrumhanslMajor, key.tonic);
    evidence.dominantCadences = dominantCadences(chords, key);
    evidence.tonicAtStartOrEnd = isTonicChord(chords.front(), key) + isTonicChord(chords.back(), key);
    return evidence;
}

double keyScore(const KeyEvidence& evidence)
{
    return kChordWeight * evidence.chordLikelihood + kTrebleProfileWeight * evidence.trebleFit + kBassProfileWeight * evidence.bassFit +
           kDominantCadenceWeight * evidence.dominantCadences + kMinorWeight * evidence.key.minor +
           kTonicAtStartOrEndWeight * evidence.tonicAtStartOrEnd;
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

std::vector<KeyEvidence> keyEvidence(const std::vector<TimedChord>& chords, const std::vector<PitchClassProfile>& trebleByBeat,
                                     const std::vector<PitchClassProfile>& bassByBeat)
{
    const std::vector<Chord> sounding = soundingChords(chords);
    if (sounding.empty())
        return {};
    const PitchClassProfile trebleMean = meanProfile(trebleByBeat);
    const PitchClassProfile bassMean = meanProfile(bassByBeat);
    std::vector<KeyEvidence> evidence;
    for (int minor = 0; minor < 2; ++minor)
        for (int tonic = 0; tonic < 12; ++tonic)
            evidence.push_back(evidenceFor({tonic, minor == 1}, sounding, trebleMean, bassMean));
    return evidence;
}

std::optional<MusicalKey> detectKey(const std::vector<TimedChord>& chords, const std::vector<PitchClassProfile>& trebleByBeat,
                                     const std::vector<PitchClassProfile>& bassByBeat)
{
    const std::vector<KeyEvidence> evidence = keyEvidence(chords, trebleByBeat, bassByBeat);
    if (evidence.empty())
        return std::nullopt;
    const auto best = std::max_element(evidence.begin(), evidence.end(),
                                       [](const KeyEvidence& a, const KeyEvidence& b) { return keyScore(a) < keyScore(b); });
    return best->key;
}

}  // namespace muze
