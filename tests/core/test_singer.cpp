// The built-in singer and what it is made of: syllables of espeak-ng's speech, a melody on the plan's
// chords, and the sung result measured by the project's own pitch tracker and speech recogniser.

#include "core/analysis/KeyDetection.h"
#include "core/audio/AudioDecoder.h"
#include "core/audio/AudioWriter.h"
#include "core/audio/Gain.h"
#include "core/common/Error.h"
#include "core/generation/BuiltinSinger.h"
#include "core/generation/Melody.h"
#include "core/generation/SongVocals.h"
#include "core/text/Speech.h"
#include "core/text/SpeechRecognizer.h"
#include "core/text/Syllables.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <sstream>

using namespace muze;

namespace {

PlanSection verseInG()
{
    PlanSection s;
    s.type = "verse";
    s.start = 4.8;  // two bars of 100 BPM before it
    s.duration = 8 * 2.4;
    s.tempo = 100.0;
    s.key = "G major";
    s.chords = {"G", "D", "Em", "C"};
    s.hasVocals = true;
    return s;
}

int pitchClassOf(const std::string& chord, int degree)
{
    const std::string root = chord.substr(0, chord.size() > 1 && (chord[1] == '#' || chord[1] == 'b') ? 2 : 1);
    const int tonic = parseKey(root + " major")->tonic;
    const int third = chord.find('m') != std::string::npos ? 3 : 4;
    return (tonic + (degree == 0 ? 0 : degree == 1 ? third : 7)) % 12;
}

double wordRecall(const std::vector<std::string>& lines, const AudioBuffer& audio)
{
    std::string text;
    for (const std::string& line : lines)
        text += line + "\n";
    return recognizeSpeech(audio, {{0.0, audio.durationSeconds()}}).recall(wordsOf(text));
}

}  // namespace

class SingerTest : public QObject {
    Q_OBJECT

private slots:
    void wordsSplitIntoTheirSyllables()
    {
        const Speech speech = speak("hello tiny dancer");
        const std::vector<SpokenSyllable> syllables = syllablesOf(speech);
        QCOMPARE(syllables.size(), std::size_t(6));
        for (std::size_t i = 0; i < syllables.size(); ++i) {
            const SpokenSyllable& s = syllables[i];
            QCOMPARE(s.word, static_cast<int>(i / 2));
            QVERIFY(s.start <= s.nucleus && s.nucleus < s.coda && s.coda <= s.end);
            QVERIFY(i == 0 || s.start >= syllables[i - 1].end);
        }
        QVERIFY(syllables.back().end <= static_cast<std::int64_t>(speech.samples.size()));
        QVERIFY(isVowel("aɪ") && isVowel("ə") && isVowel("n\u0329") && !isVowel("s") && !isVowel("ð"));
    }

    void theMelodyFollowsTheBeatsAndTheChords()
    {
        const PlanSection verse = verseInG();
        const VoiceRange range;
        const std::vector<int> syllables{7, 5, 9};
        const auto melody = composeMelody(verse, verse.start + 0.5, verse.end() - 0.5, syllables, range, 7);
        QCOMPARE(melody.size(), syllables.size());
        const double bar = verse.barSeconds();
        const double step = 30.0 / verse.tempo;  // half beats
        for (std::size_t line = 0; line < melody.size(); ++line) {
            const std::vector<SungNote>& notes = melody[line];
            QCOMPARE(notes.size(), static_cast<std::size_t>(syllables[line]));
            const double beatsIn = (notes.front().start - verse.start) / (bar / 4);
            if (line == 0)
                QVERIFY2(std::abs(beatsIn - 1.0) < 1e-6, "the first line starts on the first beat after 0.5 s in");
            else
                QVERIFY2(std::abs(beatsIn / 4 - std::round(beatsIn / 4)) < 1e-6, "the next lines start on bar lines: there is room");
            for (std::size_t i = 0; i < notes.size(); ++i) {
                const SungNote& note = notes[i];
                QVERIFY(note.midi >= range.lowest && note.midi <= range.highest);
                const std::string& chord = verse.chords[static_cast<std::size_t>((note.start - verse.start) / bar + 1e-6) % 4];
                const std::vector<int> triad{pitchClassOf(chord, 0), pitchClassOf(chord, 1), pitchClassOf(chord, 2)};
                const bool onBeat = std::fmod(i * 0.5, 1.0) == 0.0;
                if (i + 1 == notes.size())
                    QVERIFY2(note.midi % 12 == triad[0] || note.midi % 12 == triad[1], "a line ends on its chord's root or third");
                else if (onBeat)
                    QVERIFY2(std::find(triad.begin(), triad.end(), note.midi % 12) != triad.end(), "a beat sounds a chord tone");
                if (i + 1 < notes.size())
                    QVERIFY(std::abs(note.duration - step) < 1e-9 && std::abs(notes[i + 1].start - note.start - step) < 1e-9);
            }
            const double lineEnd = notes.back().start + notes.back().duration;
            QVERIFY(lineEnd <= verse.end() - 0.5 + 1e-9);
            if (line + 1 < melody.size())
                QVERIFY(melody[line + 1].front().start >= lineEnd + step - 1e-9);
        }
        const auto again = composeMelody(verse, verse.start + 0.5, verse.end() - 0.5, syllables, range, 7);
        for (std::size_t line = 0; line < melody.size(); ++line)
            for (std::size_t i = 0; i < melody[line].size(); ++i)
                QCOMPARE(again[line][i].midi, melody[line][i].midi);
    }

    void linesThatDoNotFitAreRefused()
    {
        const PlanSection verse = verseInG();
        // 8 bars at 100 BPM hold 64 half beats, or 128 quarter beats, less a step of rest a line.
        QCOMPARE(composeMelody(verse, verse.start, verse.end(), {100}, VoiceRange{}, 1).front().size(), std::size_t(100));
        try {
            composeMelody(verse, verse.start, verse.end(), {80, 80}, VoiceRange{}, 1);
            QFAIL("160 syllables fitted into 8 bars");
        } catch (const Error& error) {
            QVERIFY2(std::string(error.what()).find("shorten them") != std::string::npos, error.what());
        }
    }

    void theVoiceSingsInTheSectionsWithVocals()
    {
        SongPlan plan;
        const std::vector<std::pair<std::string, bool>> form{{"intro", false}, {"verse", true}, {"chorus", true}, {"bridge", false}, {"chorus", true}};
        for (const auto& [type, vocals] : form) {
            PlanSection s = verseInG();
            s.type = type;
            s.hasVocals = vocals;
            s.start = plan.duration();
            s.duration = type == "chorus" ? 4 * 2.4 : 8 * 2.4;
            plan.sections.push_back(s);
        }
        plan.sections[1].lyrics = "the verse has its own words\n\n  and a second line  ";
        const std::vector<VocalRegion> regions = vocalRegions(plan, "one\ntwo\nthree\n");
        QCOMPARE(regions.size(), std::size_t(3));
        QCOMPARE(regions[0].section, std::size_t(1));
        QCOMPARE(regions[0].start, plan.sections[1].start + 0.5);
        QCOMPARE(regions[0].end, plan.sections[1].end() - 0.5);
        QCOMPARE(regions[0].lines, (std::vector<std::string>{"the verse has its own words", "and a second line"}));
        // The song's three lines shared over the two choruses, which are as long as each other.
        QCOMPARE(regions[1].lines, (std::vector<std::string>{"one", "two"}));
        QCOMPARE(regions[2].lines, (std::vector<std::string>{"three"}));
    }

    // Without a sung section, the voice goes over the bars of moderate energy: not the near-silent
    // opening, not the loud ending, and not across a section boundary.
    void withoutSungSectionsTheVoiceGoesWhereTheMusicLeavesRoom()
    {
        AudioBuffer song = decodeAudioFile(test::fixture("library/Artist A/song_a.mp3"), {}).audio;  // mono, 32 kHz
        const std::vector<double> downbeats{0.0, 2.4, 4.8, 7.2, 9.6, 12.0, 14.4, 16.8};  // 100 BPM, as rendered
        for (std::size_t i = 0; i < song.samples.size(); ++i) {
            const double seconds = static_cast<double>(i) / song.sampleRate;
            song.samples[i] *= seconds < downbeats[2] ? 0.02f : seconds < downbeats[6] ? 1.0f : 2.0f;
        }
        SongPlan plan;
        for (const double start : {0.0, 9.6}) {
            PlanSection s = verseInG();
            s.start = start;
            s.duration = 9.6;
            s.hasVocals = false;
            plan.sections.push_back(s);
        }
        const std::vector<VocalRegion> regions = heardVocalRegions(song, plan, "one\ntwo\nthree\nfour\n");
        QCOMPARE(regions.size(), std::size_t(2));
        const double tolerance = 0.1;  // the tracked downbeats against the rendered ones
        QVERIFY(std::abs(regions[0].start - (downbeats[2] + 0.5)) < tolerance);
        QCOMPARE(regions[0].end, 9.6 - 0.5);
        QCOMPARE(regions[1].start, 9.6 + 0.5);
        QVERIFY(std::abs(regions[1].end - (downbeats[6] - 0.5)) < tolerance);
        QCOMPARE(regions[0].section, std::size_t(0));
        QCOMPARE(regions[1].section, std::size_t(1));
        QCOMPARE(lineCount(regions), std::size_t(4));
    }

    // A region's said lines: one stretch ratio within [0.77, 1.3], silence trimmed, lines in order
    // with even gaps; too much to say is refused, not squeezed.
    void saidLinesAreFittedToTheirRegion()
    {
        const int rate = 16000;
        const auto line = [&](double seconds) {
            AudioBuffer audio{rate, 1, std::vector<float>(static_cast<std::size_t>(seconds * rate), 0.0f)};
            for (std::size_t i = rate / 10; i < audio.samples.size() - rate / 10; ++i)  // 0.1 s of silence at each end
                audio.samples[i] = 0.2f * static_cast<float>(std::sin(0.05 * static_cast<double>(i)));
            return audio;
        };
        SongPlan plan;
        plan.sections = {verseInG()};
        plan.sections[0].start = 0.0;
        const double length = plan.sections[0].duration - 1.0;  // the region
        const auto fitted = [&](std::vector<double> seconds) {
            std::vector<VocalRegion> regions{{0.5, 0.5 + length, 0, std::vector<std::string>(seconds.size(), "words")}};
            std::vector<std::vector<AudioBuffer>> said(1);
            for (const double s : seconds)
                said[0].push_back(line(s));
            return alignSaid(plan, regions, said, rate);
        };
        // 2 × 4 s of sound fill 18.2 s only as far as 1.3× allows: 10.4 s, with two gaps of 3.9 s.
        const SongVocals slow = fitted({4.2, 4.2});
        QCOMPARE(slow.lines.size(), std::size_t(2));
        QVERIFY(std::abs(slow.lines[0].start - 0.5) < 1e-9);
        QVERIFY(std::abs(slow.lines[0].end - slow.lines[0].start - 5.2) < 1e-3);
        QVERIFY(std::abs(slow.lines[1].start - (0.5 + 5.2 + (length - 10.4) / 2)) < 1e-3);
        // 20 s of sound into 18.2 s: said faster by one ratio, 18.2 / 20.
        const SongVocals fast = fitted({10.2, 10.2});
        QVERIFY(std::abs(fast.lines[1].end - (0.5 + length)) < 1e-3);
        QVERIFY(std::abs(test::rootMeanSquare(std::vector<float>(fast.audio.samples.begin(), fast.audio.samples.begin() + rate / 2))) == 0.0);
        try {
            fitted({12.2, 12.2});  // 24 s: even at 0.77 it takes 18.5 s
            QFAIL("24 s of words were squeezed into 18.2 s");
        } catch (const Error& error) {
            QVERIFY2(std::string(error.what()).find("shorten them") != std::string::npos, error.what());
        }
    }

    void linesAreStampedWithTheirFirstNote()
    {
        std::vector<SungLine> lines{{"first words", {{7.2, 0.3, 50}, {7.5, 0.3, 52}}, 7.2, 7.8}, {"after a minute", {}, 61.256, 62.0}, {"unsung", {}, 0.0, 0.0}};
        QCOMPARE(lrcOf(lines), std::string("[00:07.20]first words\n[01:01.26]after a minute\n"));
    }

    void anLrcReadsBackInOrderOfItsStamps()
    {
        const std::vector<TimedLine> lines = linesOfLrc("[ar:someone]\r\n[01:01.26]after a minute\r\n\n[00:07.20]first words\n[00:09]whole seconds\n"
                                                        "[99999999999:00.00]absurd\nno stamp\n");
        QCOMPARE(lines.size(), std::size_t(3));
        QCOMPARE(lines[0].text, std::string("first words"));
        QVERIFY(std::abs(lines[0].start - 7.2) < 1e-9);
        QCOMPARE(lines[1].text, std::string("whole seconds"));
        QCOMPARE(lines[1].start, 9.0);
        QCOMPARE(lines[2].text, std::string("after a minute"));
        QVERIFY(std::abs(lines[2].start - 61.26) < 1e-9);
    }

    void theLimiterKeepsPeaksUnderItsCeilingAndLeavesTheRest()
    {
        const int rate = 32000;
        std::vector<float> samples(rate * 3);
        for (std::size_t i = 0; i < samples.size(); ++i)
            samples[i] = 0.3f * static_cast<float>(std::sin(2 * M_PI * 220 * static_cast<double>(i) / rate));
        for (std::size_t i = rate; i < rate + 800; ++i)
            samples[i] *= 6.0f;  // 1.8 peaks for 25 ms
        const std::vector<float> original = samples;
        limitPeaks(samples, rate);
        const LimiterParams params;
        QVERIFY(*std::max_element(samples.begin(), samples.end(), [](float a, float b) { return std::abs(a) < std::abs(b); }) <= params.ceiling);
        const auto untouched = [&](std::size_t first, std::size_t last) {
            return std::equal(samples.begin() + static_cast<std::ptrdiff_t>(first), samples.begin() + static_cast<std::ptrdiff_t>(last),
                              original.begin() + static_cast<std::ptrdiff_t>(first));
        };
        QVERIFY2(untouched(0, rate - 2 * static_cast<std::size_t>(params.lookahead * rate)), "before the peak's look-ahead");
        double worst = 0.0;
        for (std::size_t i = 2 * rate; i < samples.size(); ++i)
            worst = std::max(worst, std::abs(static_cast<double>(samples[i] - original[i])));
        QVERIFY2(worst < 1e-3, "released a second after");
        std::vector<float> quiet(original.begin(), original.begin() + rate);
        limitPeaks(quiet, rate);
        QVERIFY(std::equal(quiet.begin(), quiet.end(), original.begin()));
    }

    // On its dry output: the pitch of the voiced frames against the written notes, and the words
    // the recogniser hears sung against those it hears spoken.
    void itSingsTheNotesInWordsThatCanBeHeard()
    {
        const PlanSection verse = verseInG();
        const std::vector<std::string> lines{"the river runs under the bridge tonight", "and every light is burning in the window",
                                             "I will wait for you until the morning comes"};
        SingerOptions options;
        options.seed = 3;
        const SungVocals sung = singLines(verse, verse.start + 0.5, verse.end() - 0.5, lines, options);
        QCOMPARE(sung.audio.sampleRate, 32000);
        QCOMPARE(sung.lines.size(), lines.size());

        const double inTune = shareInTune(sung);
        std::string text;
        for (const std::string& line : lines)
            text += line + ". ";
        const Speech spoken = speak(text);
        const AudioBuffer spokenAudio{spoken.sampleRate, 1, spoken.samples};
        const std::filesystem::path kept = test::scratchFolder("singer");  // to listen to
        writeAudioFile(kept / "sung.wav", sung.audio, {});
        writeAudioFile(kept / "spoken.wav", spokenAudio, {});
        const double sungRecall = wordRecall(lines, sung.audio);
        const double spokenRecall = wordRecall(lines, spokenAudio);
        qInfo("voiced frames within 50 cents of the note: %.3f; word recall sung %.3f, spoken %.3f", inTune, sungRecall, spokenRecall);
        QVERIFY2(inTune >= 0.8, qPrintable(QString::number(inTune)));
        const double oneWord = 1.0 / static_cast<double>(wordsOf(text).size());
        QVERIFY2(sungRecall >= spokenRecall - oneWord, "the sung words are heard as well as the spoken ones, give or take a word");
    }
};

QTEST_GUILESS_MAIN(SingerTest)
#include "test_singer.moc"
