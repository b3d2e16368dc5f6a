// Analysis building blocks on synthetic signals with known answers. The whole pipeline on rendered
// songs is scored by tests/accuracy (a regression guard) and bench/ (the full measurement).

#include "core/analysis/BeatTracker.h"
#include "core/analysis/Chords.h"
#include "core/analysis/KeyDetection.h"
#include "core/analysis/Loudness.h"
#include "core/analysis/Meter.h"
#include "core/analysis/Pyin.h"
#include "core/analysis/VocalSeparation.h"
#include "core/dsp/LogMel.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <random>

using namespace muze;

namespace {

constexpr int kRate = 32000;

// Decaying noise bursts (a drum machine) every 60/bpm seconds, the first at `offset`; with a kick
// drum's low thump under each, or without (hi-hats).
std::vector<float> clickTrack(double bpm, double seconds, double offset, bool kick = true)
{
    std::vector<float> signal(static_cast<std::size_t>(seconds * kRate), 0.0f);
    std::mt19937 generator(5);
    std::uniform_real_distribution<float> noise(-1.0f, 1.0f);
    for (double t = offset; t < seconds; t += 60.0 / bpm) {
        const auto start = static_cast<std::size_t>(t * kRate);
        // Noise twice differentiated (+12 dB an octave): a hiss with next to nothing in the bass.
        float previous = 0.0f;
        float previousDifference = 0.0f;
        for (std::size_t i = 0; i < 2000 && start + i < signal.size(); ++i) {
            const float value = noise(generator);
            const float difference = value - previous;
            signal[start + i] += 0.3f * (difference - previousDifference) * std::exp(-static_cast<float>(i) / 300.0f);
            previous = value;
            previousDifference = difference;
        }
        for (std::size_t i = 0; kick && i < 4000 && start + i < signal.size(); ++i)
            signal[start + i] += 0.5f * std::sin(2.0f * static_cast<float>(M_PI) * 60.0f * i / kRate) * std::exp(-static_cast<float>(i) / 1200.0f);
    }
    return signal;
}

// `seconds` of stereo: a drum machine on the left, a sung-like tone in the middle, noise on both.
AudioBuffer busyStereoMix(double seconds)
{
    const std::vector<float> drums = clickTrack(100.0, seconds, 0.1);
    const AudioBuffer tone = test::sineWave(220.0, 0.2, kRate, seconds, 1);
    std::mt19937 generator(11);
    std::normal_distribution<float> noise(0.0f, 0.02f);
    AudioBuffer mix{kRate, 2, {}};
    for (std::size_t i = 0; i < drums.size(); ++i) {
        mix.samples.push_back(drums[i] + tone.samples[i] + noise(generator));
        mix.samples.push_back(0.3f * drums[i] + tone.samples[i] + noise(generator));
    }
    return mix;
}

// Pushes `audio` through a VocalSeparator in blocks of the given sizes, taken in turn.
VocalEstimate separateInBlocks(const AudioBuffer& audio, const std::vector<std::int64_t>& blockSizes)
{
    VocalEstimate estimate;
    VocalSeparator separator(audio.sampleRate, audio.channels, [&](const float* centre, const float* vocals, std::int64_t count) {
        estimate.centre.samples.insert(estimate.centre.samples.end(), centre, centre + count);
        estimate.vocals.samples.insert(estimate.vocals.samples.end(), vocals, vocals + count);
    });
    std::size_t next = 0;
    for (std::int64_t start = 0; start < audio.frames(); next = (next + 1) % blockSizes.size()) {
        const std::int64_t count = std::min(blockSizes[next], audio.frames() - start);
        separator.push(audio.samples.data() + start * audio.channels, count);
        start += count;
    }
    separator.finish();
    return estimate;
}

PitchClassProfile triad(int root, bool minor)
{
    PitchClassProfile p{};
    p[static_cast<std::size_t>(root % 12)] = 1.0f;
    p[static_cast<std::size_t>((root + (minor ? 3 : 4)) % 12)] = 0.8f;
    p[static_cast<std::size_t>((root + 7) % 12)] = 0.9f;
    return p;
}

// A chord a bar of four beats, two seconds long, and the chord's triad as each beat's chroma.
struct ChordBars {
    std::vector<TimedChord> chords;
    std::vector<PitchClassProfile> chroma;
};

ChordBars chordBars(const std::vector<std::pair<int, bool>>& bars)
{
    ChordBars result;
    for (const auto& [root, minor] : bars) {
        const double start = 2.0 * static_cast<double>(result.chords.size());
        result.chords.push_back({start, start + 2.0, std::string(kPitchClassNames[root]) + (minor ? ":min" : ":maj")});
        result.chroma.insert(result.chroma.end(), 4, triad(root, minor));
    }
    return result;
}

}  // namespace

class AnalysisTest : public QObject {
    Q_OBJECT

private slots:
    void tracksTheBeatOfAClickTrack()
    {
        const std::vector<float> clicks = clickTrack(120.0, 30.0, 0.25);
        const FloatMatrix mel = logMelSpectrogram(clicks.data(), static_cast<std::int64_t>(clicks.size()), LogMelParams{});
        const BeatTrack track = trackBeats(clicks.data(), static_cast<std::int64_t>(clicks.size()), kRate, bandOnsets(mel, 0.01, 0, 10));
        QVERIFY2(std::abs(track.tempo - 120.0) < 1.0, qPrintable(QString::number(track.tempo)));
        // Every beat within 30 ms of a click (the detection function's hop is 12 ms).
        int matched = 0;
        for (double beat : track.beats) {
            const double phase = std::fmod(beat - 0.25 + 10.0, 0.5);
            matched += std::min(phase, 0.5 - phase) < 0.03 ? 1 : 0;
        }
        QVERIFY2(matched >= static_cast<int>(track.beats.size()) - 2, qPrintable(QString("%1 of %2").arg(matched).arg(track.beats.size())));
    }

    void findsTheBeatLevelOfASlowSong()
    {
        // Kicks on the quarter notes at 70 BPM, hi-hats on the eighths: the tracker is tempted by 140.
        std::vector<float> song = clickTrack(140.0, 30.0, 0.0, false);
        const std::vector<float> kicks = clickTrack(70.0, 30.0, 0.0);
        for (std::size_t i = 0; i < song.size(); ++i)
            song[i] = 0.3f * song[i] + kicks[i];
        const FloatMatrix mel = logMelSpectrogram(song.data(), static_cast<std::int64_t>(song.size()), LogMelParams{});
        const BeatTrack track = trackBeats(song.data(), static_cast<std::int64_t>(song.size()), kRate, bandOnsets(mel, 0.01, 0, 10));
        QVERIFY2(std::abs(track.tempo - 70.0) < 1.5, qPrintable(QString::number(track.tempo)));
    }

    void keepsTheBeatsWhenTheTrackerSlipsAnEighth()
    {
        // Kicks at 70 BPM, weaker bass notes on the eighths between them; the tracker followed the
        // eighths and skipped one halfway, so the kicks fall on even tracked beats, then on odd ones.
        const double eighth = 60.0 / 140.0;
        OnsetEnvelope lowBand;
        lowBand.hopSeconds = 0.01;
        lowBand.values.assign(6000, 0.0f);
        std::vector<double> tracked;
        for (int n = 0; n < 120; ++n) {
            lowBand.values[static_cast<std::size_t>(std::lround(n * eighth / lowBand.hopSeconds))] = n % 2 == 0 ? 1.0f : 0.4f;
            if (n != 61)
                tracked.push_back(n * eighth);
        }
        const std::vector<double> beats = settleBeatLevel(tracked, lowBand);
        QVERIFY2(std::abs(tempoOf(beats) - 70.0) < 0.5, qPrintable(QString::number(tempoOf(beats))));
        for (double beat : beats)
            QVERIFY2(lowBand.strengthNear(beat) == 1.0f, qPrintable(QString("a beat at %1 s falls between kicks").arg(beat)));
        QVERIFY(beats.size() >= 58);
    }

    void recognisesChordsAndKey()
    {
        // Four beats each of C, G, Am, F, twice, ending on C: C major.
        std::vector<PitchClassProfile> chroma;
        std::vector<double> beats;
        const int roots[] = {0, 7, 9, 5};
        const bool minors[] = {false, false, true, false};
        for (int bar = 0; bar < 9; ++bar)
            for (int beat = 0; beat < 4; ++beat) {
                chroma.push_back(triad(bar == 8 ? 0 : roots[bar % 4], bar == 8 ? false : minors[bar % 4]));
                beats.push_back(static_cast<double>(chroma.size() - 1) * 0.5);
            }
        const auto chords = recognizeChords(chroma, beats, beats.back() + 0.5);
        QCOMPARE(chords.size(), std::size_t(9));
        QCOMPARE(chords[0].label, std::string("C:maj"));
        QCOMPARE(chords[2].label, std::string("A:min"));
        QCOMPARE(chords[2].start, 4.0);
        QCOMPARE(chordProgression(chords, 4), (std::vector<std::string>{"C:maj", "G:maj", "A:min", "F:maj"}));
        const auto key = detectKey(chords, chroma, chroma);
        QVERIFY(key.has_value());
        QCOMPARE(key->name(), std::string("C major"));
        // The same chords, starting and ending on A minor: its relative minor.
        std::vector<TimedChord> minor = chords;
        minor.front().label = "A:min";
        minor.back().label = "A:min";
        QCOMPARE(detectKey(minor, chroma, chroma)->name(), std::string("A minor"));
    }

    void findsTheKeyOfALoopThatNeitherStartsNorEndsOnTheTonic()
    {
        // Am F G C four times, then a last G: it opens on vi and stops on V, and it is in C major.
        std::vector<std::pair<int, bool>> bars;
        for (int i = 0; i < 4; ++i)
            bars.insert(bars.end(), {{9, true}, {5, false}, {7, false}, {0, false}});
        bars.push_back({7, false});
        const ChordBars major = chordBars(bars);
        QCOMPARE(detectKey(major.chords, major.chroma, major.chroma)->name(), std::string("C major"));
        // Am Am F E four times: A minor, dwelling on Am, with its dominant E major leading back.
        bars.clear();
        for (int i = 0; i < 4; ++i)
            bars.insert(bars.end(), {{9, true}, {9, true}, {5, false}, {4, false}});
        const ChordBars minor = chordBars(bars);
        QCOMPARE(detectKey(minor.chords, minor.chroma, minor.chroma)->name(), std::string("A minor"));
    }

    void readsANaturalMinorLoopInMinor()
    {
        // Am G F G four times, fading out on F G: Aeolian, no G#, and not ending on its tonic. Its notes
        // and chords are C major's too (vi V IV V); a profile that expects the leading tone reads it there.
        std::vector<std::pair<int, bool>> bars;
        for (int i = 0; i < 4; ++i)
            bars.insert(bars.end(), {{9, true}, {7, false}, {5, false}, {7, false}});
        bars.insert(bars.end(), {{5, false}, {7, false}});
        const ChordBars song = chordBars(bars);
        QCOMPARE(detectKey(song.chords, song.chroma, song.chroma)->name(), std::string("A minor"));
    }

    void keysAreSpelledAsMusiciansWriteThem()
    {
        const std::pair<MusicalKey, const char*> spellings[] = {
            {{10, false}, "Bb major"}, {{3, false}, "Eb major"}, {{8, false}, "Ab major"}, {{1, false}, "Db major"},
            {{6, false}, "F# major"},  {{1, true}, "C# minor"},  {{3, true}, "Eb minor"},  {{10, true}, "Bb minor"},
            {{8, true}, "G# minor"},   {{7, false}, "G major"}};
        for (const auto& [key, name] : spellings) {
            QCOMPARE(key.name(), std::string(name));
            const auto back = parseKey(name);
            QVERIFY(back && back->tonic == key.tonic && back->minor == key.minor);
        }
        const auto sharp = parseKey("A# major");  // another tool's spelling still reads
        QVERIFY(sharp && sharp->name() == "Bb major");
        QCOMPARE(parseKey("Db minor")->name(), std::string("C# minor"));
        QVERIFY(!parseKey("H major") && !parseKey("C") && !parseKey("C lydian") && !parseKey(""));
    }

    void silenceHasNoChords()
    {
        const std::vector<PitchClassProfile> silent(8, PitchClassProfile{});
        std::vector<double> beats;
        for (int i = 0; i < 8; ++i)
            beats.push_back(i * 0.5);
        const auto chords = recognizeChords(silent, beats, 4.0);
        QCOMPARE(chords.size(), std::size_t(1));
        QCOMPARE(chords[0].label, std::string("N"));
    }

    void tracksPitchOfASungTone()
    {
        // 220 Hz with a 5.5 Hz, 30-cent vibrato, then silence: voiced, then unvoiced.
        std::vector<float> signal(static_cast<std::size_t>(3.0 * kRate), 0.0f);
        double phase = 0.0;
        for (std::size_t i = 0; i < static_cast<std::size_t>(2.0 * kRate); ++i) {
            const double t = static_cast<double>(i) / kRate;
            const double hz = 220.0 * std::pow(2.0, 0.3 / 12.0 * std::sin(2 * M_PI * 5.5 * t));
            phase += 2 * M_PI * hz / kRate;
            signal[i] = static_cast<float>(0.4 * std::sin(phase) + 0.2 * std::sin(2 * phase) + 0.1 * std::sin(3 * phase));
        }
        const PitchTrack track = trackPitch(signal.data(), static_cast<std::int64_t>(signal.size()), kRate);
        int within = 0;
        int voiced = 0;
        for (std::size_t t = 10; t < 190; ++t) {  // 0.1 .. 1.9 s
            voiced += track.voiced[t] ? 1 : 0;
            within += track.voiced[t] && std::abs(1200.0 * std::log2(track.hz[t] / 220.0)) < 50.0 ? 1 : 0;
        }
        QVERIFY2(within >= 175, qPrintable(QString::number(within)));
        for (std::size_t t = 215; t < track.voiced.size(); ++t)
            QVERIFY(!track.voiced[t]);
        const PitchTrack coarse = coarsen(track, 5);
        QCOMPARE(coarse.hopSeconds, 0.05);
        QVERIFY(coarse.voiced[10] && !coarse.voiced.back());
    }

    void measuresLoudness()
    {
        // A 997 Hz sine, peak 0.1 (-20 dBFS), on both channels: -20 LUFS within the K-filter's 0.1 dB.
        const AudioBuffer tone = test::sineWave(997.0, 0.1, 48000, 5.0, 2);
        const auto lufs = integratedLoudness(tone);
        QVERIFY(lufs.has_value());
        QVERIFY2(std::abs(*lufs + 20.0) < 0.3, qPrintable(QString::number(*lufs)));
        QVERIFY(!integratedLoudness(test::sineWave(997.0, 0.0, 48000, 5.0, 2)).has_value());
        QCOMPARE(energyFromLoudness(-5.0), 1.0);
        QCOMPARE(energyFromLoudness(std::nullopt), 0.0);
    }

    void measuresTheSameLoudnessInBlocks()
    {
        const AudioBuffer mix = busyStereoMix(6.0);
        LoudnessMeter meter(mix.channels, mix.sampleRate);
        for (std::int64_t start = 0, size = 1; start < mix.frames(); start += size, size = size * 3 + 1) {
            size = std::min(size, mix.frames() - start);
            meter.add(mix.samples.data() + start * mix.channels, size);
        }
        QVERIFY(meter.integrated().has_value());
        QCOMPARE(*meter.integrated(), *integratedLoudness(mix));
    }

    void separatesTheSameHoweverTheAudioArrives_data()
    {
        QTest::addColumn<int>("channels");
        QTest::newRow("stereo") << 2;
        QTest::newRow("mono") << 1;
    }

    void separatesTheSameHoweverTheAudioArrives()
    {
        QFETCH(int, channels);
        AudioBuffer mix = busyStereoMix(9.3);
        if (channels == 1)
            mix = AudioBuffer{kRate, 1, test::channel(mix, 0)};
        const VocalEstimate whole = separateVocals(mix);
        QCOMPARE(whole.centre.frames(), mix.frames());
        QCOMPARE(whole.vocals.frames(), mix.frames());
        // Blocks shorter than a hop, longer than a block of frames, and ending mid-frame.
        const VocalEstimate streamed = separateInBlocks(mix, {1, 511, 700, 131072 + 3, 9});
        QVERIFY(streamed.centre.samples == whole.centre.samples);
        QVERIFY(streamed.vocals.samples == whole.vocals.samples);
        QVERIFY(test::toneAmplitude(test::channel(whole.centre, 0), 220.0, kRate) > 0.1);
    }

    void separatesNothingFromNothing()
    {
        const VocalEstimate estimate = separateVocals(AudioBuffer{kRate, 2, {}});
        QVERIFY(estimate.centre.empty() && estimate.vocals.empty());
    }

    void keepsTheCentreAndDropsWhatIsPanned()
    {
        // 300 Hz in the middle, 1100 Hz hard left.
        AudioBuffer mix;
        mix.sampleRate = kRate;
        mix.channels = 2;
        const auto centre = test::sineWave(300.0, 0.3, kRate, 3.0, 1);
        const auto panned = test::sineWave(1100.0, 0.3, kRate, 3.0, 1);
        for (std::size_t i = 0; i < centre.samples.size(); ++i) {
            mix.samples.push_back(centre.samples[i] + panned.samples[i]);
            mix.samples.push_back(centre.samples[i]);
        }
        const VocalEstimate estimate = separateVocals(mix);
        const auto kept = test::channel(estimate.centre, 0);
        const std::vector<float> middle(kept.begin() + kRate / 2, kept.end() - kRate / 2);
        const double centreLevel = test::toneAmplitude(middle, 300.0, kRate);
        const double pannedLevel = test::toneAmplitude(middle, 1100.0, kRate);
        qInfo("centre tone kept at %.3f, panned tone at %.4f", centreLevel, pannedLevel);
        QVERIFY(centreLevel > 0.25);
        QVERIFY(20.0 * std::log10(centreLevel / pannedLevel) > 20.0);
    }
};

QTEST_GUILESS_MAIN(AnalysisTest)
#include "test_analysis.moc"
