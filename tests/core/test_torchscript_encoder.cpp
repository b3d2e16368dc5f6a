// Encoders the user supplies as TorchScript files (tests/fixtures/make_torchscript_encoders.py writes
// small ones that follow the contract): loading, the errors for files that break the contract, the
// dataset builder putting their output into the records, and a text encoder in place of phase 3's
// built-in one.

#include "core/models/TextEncoder.h"

#include "core/common/Error.h"
#include "core/dataset/DatasetBuilder.h"
#include "core/dataset/DatasetFile.h"
#include "core/dataset/TextFields.h"
#include "core/models/TorchScriptEncoder.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <cmath>

using namespace muze;
namespace fs = std::filesystem;

namespace {

fs::path encoderFile(const std::string& name)
{
    return test::fixture("encoders") / name;
}

double norm(const std::vector<float>& values)
{
    double sum = 0.0;
    for (float value : values)
        sum += double(value) * value;
    return std::sqrt(sum);
}

std::vector<float> floats(const Record& values)
{
    return values.get<std::vector<float>>();
}

// Whether a record's stored embedding is `expected`, to the five decimals records keep.
bool storedAs(const Record& stored, const std::vector<float>& expected)
{
    const std::vector<float> values = floats(stored);
    if (values.size() != expected.size())
        return false;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (std::abs(values[i] - expected[i]) > 1e-5)
            return false;
    return true;
}

// The error an encoder file gives when it is opened with this contract.
Error openingError(const std::string& name, std::size_t size, const std::string& audioMethod = "forward", bool encodesText = false)
{
    try {
        TorchScriptEncoder(encoderFile(name), size, 16000, audioMethod, encodesText);
    } catch (const Error& error) {
        return error;
    }
    throw std::logic_error(name + " opened without an error");
}

}  // namespace

class TestTorchScriptEncoder : public QObject {
    Q_OBJECT

private slots:
    void encodesAudioAtItsOwnRate()
    {
        const TorchScriptEncoder encoder(encoderFile("voice256.pt"), 256, 16000);
        const std::vector<float> low = encoder.encodeAudio(test::sineWave(220.0, 0.5, 32000, 2.0, 2));
        const std::vector<float> high = encoder.encodeAudio(test::sineWave(1760.0, 0.5, 44100, 2.0));
        QCOMPARE(low.size(), std::size_t(256));
        QVERIFY(std::abs(norm(low) - 1.0) < 1e-4);  // the stand-in normalises its output
        double cosine = 0.0;
        for (std::size_t i = 0; i < low.size(); ++i)
            cosine += double(low[i]) * high[i];
        QVERIFY2(cosine < 0.99, "different sounds must not give the same embedding");
        QCOMPARE(encoder.encodeAudio(test::sineWave(220.0, 0.5, 32000, 2.0, 2)), low);
        QVERIFY(encoder.identity().rfind("voice256.pt ", 0) == 0);
    }

    void encodesTextWithClap()
    {
        const TorchScriptEncoder clap(encoderFile("clap512.pt"), 512, 48000, "encode_audio", true);
        QCOMPARE(clap.encodeText("calm piano").size(), std::size_t(512));
        QVERIFY(clap.encodeText("calm piano") != clap.encodeText("loud drums"));
    }

    void refusesFilesThatBreakTheContract()
    {
        const Error missing = openingError("no_such_encoder.pt", 256);
        QCOMPARE(missing.kind(), ErrorKind::NotFound);
        QVERIFY(std::string(missing.what()).find("no_such_encoder.pt") != std::string::npos);

        const Error notTorchScript = openingError("not_torchscript.pt", 256);
        QCOMPARE(notTorchScript.kind(), ErrorKind::Corrupt);
        QVERIFY(std::string(notTorchScript.what()).find("torch.jit.save") != std::string::npos);

        const Error wrongSize = openingError("wrong_size.pt", 256);
        QCOMPARE(wrongSize.kind(), ErrorKind::Unsupported);
        QVERIFY2(std::string(wrongSize.what()).find("returns 10 numbers; this field needs 256") != std::string::npos, wrongSize.what());

        const Error noTextMethod = openingError("voice256.pt", 256, "forward", true);
        QCOMPARE(noTextMethod.kind(), ErrorKind::Unsupported);
        QVERIFY2(std::string(noTextMethod.what()).find("has no method encode_text()") != std::string::npos, noTextMethod.what());
    }

    void aTextEncoderGivesTokensForCrossAttention()
    {
        TextEncoderConfig config;
        config.outputDim = 24;
        config.script = TextEncoderConfig::scriptOf(encoderFile("word_tokens64.pt").string());
        QCOMPARE(config.script->width, 64);
        QCOMPARE(TextEncoderConfig::fromJson(config.toJson()).toJson(), config.toJson());
        TextEncoder text(config);
        QCOMPARE(text->parameters().size(), std::size_t(2));  // the projection alone: the script stays frozen

        const EncodedText encoded = text->forward({"calm piano with strings", "", "drums"});
        QCOMPARE(encoded.tokens.sizes().vec(), (std::vector<std::int64_t>{3, 4, 24}));
        QVERIFY(torch::equal(encoded.mask.sum(1), torch::tensor({4, 0, 1}, torch::kInt64)));  // a word a token; the empty prompt has none
        QCOMPARE(encoded.pooled.sizes().vec(), (std::vector<std::int64_t>{3, 24}));
        QVERIFY(encoded.pooled[1].abs().max().item<float>() == 0.0f);
        encoded.pooled.sum().backward();
        QVERIFY(text->parameters()[0].grad().abs().sum().item<float>() > 0.0f);

        TextEncoderConfig clap = config;
        clap.script = TextEncoderConfig::scriptOf(encoderFile("clap512.pt").string());
        QCOMPARE(TextEncoder(clap)->forward({"calm piano"}).tokens.sizes().vec(), (std::vector<std::int64_t>{1, 1, 24}));  // CLAP: one vector
    }

    void aTextEncoderMustBeTheOneTheModelWasTrainedWith()
    {
        TextEncoderConfig config;
        config.script = TextEncoderConfig::scriptOf(encoderFile("word_tokens64.pt").string());
        config.script->identity = "word_tokens64.pt another-hash";
        try {
            TextEncoder text(config);
            QFAIL("a replaced text encoder was accepted");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), ErrorKind::Unsupported);
            QVERIFY2(std::string(error.what()).find("not the one this model was trained with") != std::string::npos, error.what());
        }
        for (const char* name : {"cube_text.pt", "voice256.pt"}) {
            try {
                TextEncoderConfig::scriptOf(encoderFile(name).string());
                QFAIL(name);
            } catch (const Error& error) {
                QCOMPARE(error.kind(), ErrorKind::Unsupported);
                QVERIFY2(std::string(error.what()).find(name) != std::string::npos, error.what());
            }
        }
    }

    void datasetRecordsCarryTheEncodersOutput()
    {
        const fs::path folder = test::scratchFolder("encoder_dataset");
        BuildOptions options;
        options.audioDir = test::fixture("library");
        options.output = folder / "data.json";
        options.maxTracks = 1;  // Artist A/song_a.mp3
        options.analysis.recognizeSpeech = false;
        buildDataset(options);
        const Record builtIn = readDataset(options.output).at(0);
        QCOMPARE(builtIn["clap_audio_embedding"], Record(nullptr));
        QCOMPARE(builtIn["embedding_encoders"]["voice"].get<std::string>(), std::string("built-in"));

        options.encoders = {encoderFile("voice256.pt"), encoderFile("ecapa192.pt"), encoderFile("clap512.pt")};
        BuildSummary summary = buildDataset(options);
        QCOMPARE(summary.analyzed, 1);  // other encoders: the record was stale
        const Record record = readDataset(options.output).at(0);
        QCOMPARE(record["voice_embedding"].size(), std::size_t(256));
        QCOMPARE(record["ecapa_embedding"].size(), std::size_t(192));
        QCOMPARE(record["clap_audio_embedding"].size(), std::size_t(512));
        QVERIFY(record["voice_embedding"] != builtIn["voice_embedding"]);
        QVERIFY(std::abs(norm(floats(record["ecapa_embedding"])) - 1.0) < 1e-3);
        const TorchScriptEncoder clap(options.encoders.clap, 512, 48000, "encode_audio", true);
        QVERIFY(storedAs(record["clap_text_embedding"], clap.encodeText(record["prompt"].get<std::string>())));
        QCOMPARE(record["embedding_encoders"]["clap"].get<std::string>(), clap.identity());

        summary = buildDataset(options);
        QCOMPARE(summary.reused, 1);  // the same encoders: nothing to do

        // The user rewrites the prompt in the Library, which clears its embedding: the next build
        // embeds the new words without analysing the song again.
        Record edited = record;
        edited["prompt"] = "a slow waltz for strings";
        edited["user_edited"] = {"prompt"};
        refreshPromptFields(edited, nullptr);
        writeDataset(options.output, {edited});
        summary = buildDataset(options);
        QCOMPARE(summary.reused, 1);
        const Record rebuilt = readDataset(options.output).at(0);
        QCOMPARE(rebuilt["prompt"].get<std::string>(), std::string("a slow waltz for strings"));
        QVERIFY(storedAs(rebuilt["clap_text_embedding"], clap.encodeText("a slow waltz for strings")));
    }
};

QTEST_GUILESS_MAIN(TestTorchScriptEncoder)
#include "test_torchscript_encoder.moc"
