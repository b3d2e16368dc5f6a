// What phase 3 reads of a record: every conditioning field where the record has it, absent where
// it does not, and controls that put beats and chords on the right latent frames.

#include <torch/torch.h>

#include "core/dsp/MelFilterbank.h"
#include "core/training/LdmData.h"
#include "core/training/Transposition.h"

#include <QtTest>

using namespace muze;
using Json = nlohmann::ordered_json;

namespace {

Record fullRecord()
{
    Record record = Json::parse(R"({
      "audio_path": "a.mp3", "prompt": "bright pop", "duration": 100.0, "tempo": 120.0, "key": "A minor",
      "time_signature": "4/4", "loudness_db": -12.0, "energy": 0.7, "has_vocals": true, "text_sentiment": "positive",
      "genre": "Pop", "artist": "Someone",
      "segments": [{"type": "intro", "start": 0.0, "end": 8.0, "energy": 0.3, "has_vocals": false},
                   {"type": "chorus", "start": 8.0, "end": 40.0, "energy": 0.9, "has_vocals": true}],
      "beat_positions": [[8.0, 8.5], [8.5, 9.0], [9.0, 9.5], [9.5, 10.0], [10.0, 10.5]],
      "downbeat_positions": [8.0, 10.0],
      "chords": [{"start": 8.0, "end": 9.0, "label": "C:maj"}, {"start": 9.0, "end": 12.0, "label": "A:min"}],
      "phonemes_ipa": "hɛloʊ", "f0_hop_seconds": 0.5,
      "vibrato_rate": 5.0, "vibrato_depth": 40.0, "vibrato_extent": 0.5,
      "breath_positions": [[9.0, 9.3]],
      "phoneme_timestamps": [{"phoneme": "h", "start": 8.0, "end": 8.1}, {"phoneme": "ɛ", "start": 8.1, "end": 8.4}]
    })");
    std::vector<float> f0(40, 0.0f);
    std::vector<bool> voiced(40, false);
    f0[17] = 440.0f;  // 8.5 s
    voiced[17] = true;
    record["f0_contour"] = f0;
    record["f0_voiced_mask"] = voiced;
    record["voice_embedding"] = std::vector<float>(256, 0.1f);
    return record;
}

}  // namespace

class LdmDataTest : public QObject {
    Q_OBJECT

private slots:
    void aRecordGivesWhatItHas()
    {
        const CropPlace place{8.0, 100, 0.04};  // 8 s to 12 s
        const ExampleConditions c = conditionsAt(fullRecord(), place, energyCurveOf(torch::full({128, 400}, -20.0f), 100));
        QCOMPARE(c.prompt, std::string("bright pop"));
        QCOMPARE(c.position, 0.08f);
        QCOMPARE(*c.sectionType, std::int64_t(sectionTypeIndex("chorus")));
        QCOMPARE(*c.energy, 0.9f);  // the section's, not the song's
        QCOMPARE(*c.hasVocals, 1.0f);
        QCOMPARE(*c.key, std::int64_t(9 + 12));  // A minor
        QCOMPARE(*c.sentiment, std::int64_t(2));
        QCOMPARE(*c.chord, std::int64_t(9 + 12));  // A minor sounds longest in the crop
        QCOMPARE(*c.timeSignature, std::int64_t(2));
        QVERIFY(c.genre && c.artist && c.tempo && c.loudness && c.phonemes && c.vibrato && c.breaths && c.phonemeTimes && c.voice);
        QCOMPARE((*c.beats)[0], 0.5f);  // 2 beats a second, over 4
        QCOMPARE((*c.breaths)[0], 2.5f);  // one breath in 4 s: 2.5 per 10 s
        QVERIFY(c.pitch);
        QVERIFY(!c.clapAudio && !c.clapText && !c.ecapa);  // not in the record: absent, not zeros

        // Controls: a beat every half second is every 12.5 frames; the downbeat at 10 s is frame 50.
        QCOMPARE(c.controls.sizes().vec(), (std::vector<std::int64_t>{kControlChannels, 100}));
        QCOMPARE(c.controls[0][0].item<float>(), 1.0f);
        QCOMPARE(c.controls[0][25].item<float>(), 1.0f);
        QCOMPARE(c.controls[0][6].item<float>(), 0.0f);
        QCOMPARE(c.controls[1][50].item<float>(), 1.0f);
        // C major until 9 s (frame 25), then A minor: A, C, E.
        QCOMPARE(c.controls[2 + 0][10].item<float>(), 1.0f);   // C
        QCOMPARE(c.controls[2 + 4][10].item<float>(), 1.0f);   // E
        QCOMPARE(c.controls[2 + 7][10].item<float>(), 1.0f);   // G
        QCOMPARE(c.controls[2 + 7][60].item<float>(), 0.0f);   // no G in A minor
        QCOMPARE(c.controls[2 + 9][60].item<float>(), 1.0f);   // A
        QCOMPARE(c.controls[14][0].item<float>(), 1.0f);       // −20 dB: (−20 + 60) / 40
    }

    void aBareRecordLeavesEverythingAbsent()
    {
        const Record bare = Json::parse(R"({"audio_path": "b.mp3", "duration": 30.0, "key": null, "tempo": "fast"})");
        const ExampleConditions c = conditionsAt(bare, {0.0, 50, 0.04}, energyCurveOf(torch::full({128, 200}, -80.0f), 50));
        QVERIFY(!c.sectionType && !c.energy && !c.tempo && !c.key && !c.beats && !c.chord && !c.pitch && !c.voice && !c.breaths);
        const LdmConditions batch = batchConditions({c, conditionsAt(fullRecord(), {8.0, 50, 0.04}, energyCurveOf(torch::zeros({128, 200}), 50))}, torch::kCPU);
        QCOMPARE(batch.section.tempo.present[0].item<bool>(), false);
        QCOMPARE(batch.section.tempo.present[1].item<bool>(), true);
        QCOMPARE(batch.section.tempo.value[1].item<float>(), 120.0f);
        QCOMPARE(batch.section.pitch.value.sizes().vec(), (std::vector<std::int64_t>{2, 2, kPitchPoints}));
        QCOMPARE(batch.voice.present.sum().item<std::int64_t>(), std::int64_t(1));
        QCOMPARE(batch.controls.size(0), std::int64_t(2));
        const ExampleConditions nothing = unconditional(50);
        QVERIFY(nothing.prompt.empty() && !nothing.sectionType && nothing.controls.abs().sum().item<float>() == 0.0f);
    }

    void aTransposedRecordMovesKeyChordsAndPitchTogether()
    {
        QCOMPARE(transposedChord("F#:min", 3), std::string("A:min"));
        QCOMPARE(transposedChord("Bb:7", 2), std::string("C:7"));
        QCOMPARE(transposedChord("C:maj", -1), std::string("B:maj"));
        QCOMPARE(transposedChord("N", 5), std::string("N"));

        Record record = fullRecord();
        record["prompt"] = "bright pop in A minor at 120 BPM";
        record["chord_progression"] = {"C:maj", "A:min"};
        const Record moved = transposedRecord(record, 2);
        QCOMPARE(moved["key"].get<std::string>(), std::string("B minor"));
        QCOMPARE(moved["prompt"].get<std::string>(), std::string("bright pop in B minor at 120 BPM"));
        QCOMPARE(moved["chords"][1]["label"].get<std::string>(), std::string("B:min"));
        QCOMPARE(moved["chord_progression"][0].get<std::string>(), std::string("D:maj"));
        QVERIFY(std::abs(moved["f0_contour"][17].get<double>() - 440.0 * std::pow(2.0, 2.0 / 12.0)) < 1e-3);
        QCOMPARE(moved["tempo"], record["tempo"]);
        QCOMPARE(transposedRecord(record, 0), record);

        const CropPlace place{8.0, 100, 0.04};
        const torch::Tensor energy = torch::full({100}, 0.5f);
        QCOMPARE(*conditionsAt(transposedRecord(record, -10), place, energy).key, std::int64_t(11 + 12));  // A minor down 10: B minor
        const torch::Tensor chroma = conditionsAt(record, place, energy).controls.narrow(0, 2, 12);
        const torch::Tensor movedChroma = conditionsAt(moved, place, energy).controls.narrow(0, 2, 12);
        QVERIFY(torch::equal(movedChroma, chroma.roll(2, 0)));
    }

    // --one_key hears every song with its tonic on C, moved the shorter way round.
    void everyKeyHasItsWayToC()
    {
        QCOMPARE(semitonesToC("C major"), 0);
        QCOMPARE(semitonesToC("C minor"), 0);
        QCOMPARE(semitonesToC("C# minor"), -1);
        QCOMPARE(semitonesToC("F major"), -5);
        QCOMPARE(semitonesToC("F# minor"), -6);
        QCOMPARE(semitonesToC("G major"), 5);
        QCOMPARE(semitonesToC("Bb major"), 2);
        QCOMPARE(semitonesToC("B minor"), 1);
        QCOMPARE(semitonesToC("unknown"), 0);
        QCOMPARE(transposedRecord(fullRecord(), semitonesToC("A minor"))["key"].get<std::string>(), std::string("C minor"));
    }

    // A tone's band moves to the band of its frequency times 2^(k/12); nothing moves at 0.
    void aTransposedMelMovesItsPartials()
    {
        const LogMelParams params;
        const auto bandOf = [&](double hz) {
            const double step = hzToMel(params.effectiveFMax()) / (params.nMels + 1);
            return static_cast<std::int64_t>(std::lround(hzToMel(hz) / step - 1.0));
        };
        torch::Tensor mel = torch::full({128, 5}, -80.0f);
        mel[bandOf(1000.0)] = 0.0f;
        QVERIFY(torch::equal(transposeMel(mel, 0), mel));
        for (int semitones : {-7, 3, 12}) {
            const torch::Tensor moved = transposeMel(mel, semitones);
            const std::int64_t peak = moved.select(1, 0).argmax().item<std::int64_t>();
            QVERIFY2(std::abs(peak - bandOf(1000.0 * std::pow(2.0, semitones / 12.0))) <= 1, qPrintable(QString::number(semitones)));
            QCOMPARE(moved.size(1), std::int64_t(5));
            QVERIFY(moved.min().item<float>() >= -80.001f && moved.max().item<float>() <= 0.001f);
        }
    }

    void theEnergyLineFitsTheSectionsOrStaysFlat()
    {
        std::vector<double> energies;
        std::vector<double> levels;
        for (int i = 0; i < 10; ++i) {
            energies.push_back(0.1 * i);
            levels.push_back(0.25 + 0.5 * 0.1 * i + (i % 2 == 0 ? 0.01 : -0.01));
        }
        const EnergyCurveLine line = fitEnergyCurveLine(energies, levels, 0.4);
        QVERIFY(std::abs(line.perEnergy - 0.5) < 0.01);
        QVERIFY(std::abs(line.levelAt(0.45) - 0.475) < 0.01);
        const EnergyCurveLine oneEnergy = fitEnergyCurveLine(std::vector<double>(10, 0.5), levels, 0.4);
        QCOMPARE(oneEnergy.perEnergy, 0.0);
        QCOMPARE(oneEnergy.levelAt(0.9), 0.4);
        QCOMPARE(fitEnergyCurveLine({0.1, 0.9}, {0.2, 0.8}, 0.4).perEnergy, 0.0);  // two sections say too little
        // The level energyCurveOf reads: 0 at -60 dB, 1 at -20 dB, averaged over four seconds: a
        // beat loud on every other latent frame (0.04 s) reads as its mean, a long loud stretch as loud.
        torch::Tensor beat = torch::full({128, 400}, -60.0f);
        for (int frame = 0; frame < 100; frame += 2)
            beat.narrow(1, 4 * frame, 4).fill_(-20.0f);
        const torch::Tensor curve = energyCurveOf(torch::cat({beat, torch::full({128, 400}, -20.0f)}, 1), 200);
        QVERIFY(std::abs(curve[25].item<float>() - 0.5f) < 1e-5f);
        QVERIFY((curve.narrow(0, 10, 30) - 0.5f).abs().max().item<float>() < 0.02f);
        QVERIFY(std::abs(curve[199].item<float>() - 1.0f) < 1e-5f);
    }
};

QTEST_GUILESS_MAIN(LdmDataTest)
#include "test_ldm_data.moc"
