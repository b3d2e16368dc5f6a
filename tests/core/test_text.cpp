// Lyrics files, phonemes, sentiment and prompts.

#include "core/text/Lyrics.h"
#include "core/text/PhonemeTiming.h"
#include "core/text/Phonemes.h"
#include "core/text/PromptBuilder.h"
#include "core/text/Sentiment.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <fstream>

using namespace muze;

class TextTest : public QObject {
    Q_OBJECT

private slots:
    void parsesLrc()
    {
        const auto lines = parseLrc("[ti:Song]\n[00:12.50]second\n[00:01.00][00:30.25]chorus line\n\n[01:02]third\nloose words\n");
        QCOMPARE(lines.size(), std::size_t(5));
        QCOMPARE(lines[0].text, std::string("chorus line"));
        QCOMPARE(*lines[0].start, 1.0);
        QCOMPARE(*lines[1].start, 12.5);
        QCOMPARE(*lines[2].start, 30.25);
        QCOMPARE(*lines[3].start, 62.0);
        QVERIFY(!lines[4].start.has_value());  // untimed lines sort last
    }

    void findsSidecarsLrcFirst()
    {
        const auto folder = test::scratchFolder("lyrics_sidecar");
        const auto audio = folder / "song.mp3";
        std::ofstream(folder / "song.txt") << "plain words\n";
        QCOMPARE(sidecarLyrics(audio)->source, std::string("txt"));
        std::ofstream(folder / "song.lrc") << "\xEF\xBB\xBF[00:02.00]timed words\n";
        const auto lyrics = sidecarLyrics(audio);
        QCOMPARE(lyrics->source, std::string("lrc"));
        QCOMPARE(lyrics->text(), std::string("timed words"));
        QVERIFY(!sidecarLyrics(folder / "other.mp3").has_value());
    }

    void phonemesInIpa()
    {
        const PhonemeText english = toPhonemes("This is a test");
        QCOMPARE(english.ipa, std::string("ðɪs ɪz ɐ tˈɛst"));
        QCOMPARE(english.phonemes.front(), std::string("ð"));
        QVERIFY(!toPhonemes("dzień dobry", "pl").ipa.empty());
        QVERIFY_THROWS_EXCEPTION(Error, toPhonemes("x", "no-such-language"));
    }

    void timesPhonemesOfTimedLines()
    {
        Lyrics lyrics;
        lyrics.source = "lrc";
        lyrics.lines = {{2.0, "hello"}, {4.0, "world"}};
        const auto timed = timePhonemes(lyrics, {}, {}, "en");
        QVERIFY(!timed.empty());
        QCOMPARE(timed.front().start, 2.0);
        QVERIFY(std::all_of(timed.begin(), timed.end(), [](const TimedPhoneme& p) { return p.end > p.start; }));
        const auto second = std::find_if(timed.begin(), timed.end(), [](const TimedPhoneme& p) { return p.start >= 4.0; });
        QVERIFY(second != timed.end());
        QVERIFY(std::prev(second)->end <= 4.0 + 1e-9);  // a line's phonemes stay before the next line
    }

    void spreadsUntimedLyricsOverTheVoice()
    {
        Lyrics lyrics;
        lyrics.source = "txt";
        lyrics.lines = {{std::nullopt, "one two three"}};
        const auto timed = timePhonemes(lyrics, {}, {{10.0, 11.0}, {20.0, 21.0}}, "en");
        QVERIFY(timed.size() > 4);
        for (const TimedPhoneme& p : timed)
            QVERIFY((p.start >= 10.0 && p.end <= 11.0 + 1e-9) || (p.start >= 20.0 && p.end <= 21.0 + 1e-9));
        QVERIFY(timePhonemes(lyrics, {}, {}, "en").empty());  // nowhere to put them
    }

    void judgesSentiment()
    {
        QCOMPARE(*lyricSentiment("I love you, my sunshine, we dance in joy"), std::string("positive"));
        QCOMPARE(*lyricSentiment("alone in the dark, tears and pain"), std::string("negative"));
        QCOMPARE(*lyricSentiment("I am not happy"), std::string("negative"));  // negation flips
        QCOMPARE(*lyricSentiment("the table is by the window"), std::string("neutral"));
        QVERIFY(!lyricSentiment("  \n").has_value());
    }

    void buildsPrompts()
    {
        PromptFacts facts;
        facts.genre = "Rock";
        facts.tempo = 127.6;
        facts.key = "C major";
        facts.timeSignature = "4/4";
        facts.energy = 0.8;
        facts.hasVocals = true;
        facts.voiceHz = 140.0;
        facts.structure = "verse-chorus";
        facts.sentiment = "positive";
        QCOMPARE(buildPrompt(facts), std::string("Energetic rock song at 128 BPM in C major with male vocals, verse-chorus structure, positive lyrics."));
        PromptFacts quiet;
        quiet.energy = 0.2;
        quiet.timeSignature = "3/4";
        QCOMPARE(buildPrompt(quiet), std::string("Quiet song in 3/4 time, instrumental."));
    }
};

QTEST_GUILESS_MAIN(TextTest)
#include "test_text.moc"
