// The networks of core/models: their parameter counts (made or only counted), the reference's
// sizes, shapes, and how missing conditioning enters.

#include <torch/torch.h>

#include "core/common/Error.h"
#include "core/models/Conditioning.h"
#include "core/models/ModelPresets.h"
#include "core/models/SpectralLoss.h"

#include <QtTest>

#include <cmath>

using namespace muze;

namespace {

std::int64_t madeCount(torch::nn::Module& module)
{
    std::int64_t count = 0;
    for (const torch::Tensor& parameter : module.parameters())
        count += parameter.numel();
    return count;
}

ConditionField absent(std::vector<std::int64_t> shape, torch::Dtype dtype = torch::kFloat32)
{
    return {torch::zeros(shape, dtype), torch::zeros({shape[0]}, torch::kBool)};
}

ConditionField present(const torch::Tensor& value)
{
    return {value, torch::ones({value.size(0)}, torch::kBool)};
}

// Two items with every optional field absent.
SectionInputs emptyInputs(int textDim)
{
    SectionInputs in;
    in.text = torch::randn({2, textDim});
    in.position = torch::tensor({0.0f, 0.5f});
    in.sectionType = absent({2}, torch::kInt64);
    in.energy = absent({2});
    in.tempo = absent({2});
    in.key = absent({2}, torch::kInt64);
    in.loudness = absent({2});
    in.hasVocals = absent({2});
    in.sentiment = absent({2}, torch::kInt64);
    in.genre = absent({2}, torch::kInt64);
    in.artist = absent({2}, torch::kInt64);
    in.clapAudio = absent({2, 512});
    in.clapText = absent({2, 512});
    in.beats = absent({2, 3});
    in.timeSignature = absent({2}, torch::kInt64);
    in.chord = absent({2}, torch::kInt64);
    in.phonemes = absent({2, 5}, torch::kInt64);
    in.pitch = absent({2, 2, kPitchPoints});
    in.vibrato = absent({2, 3});
    in.breaths = absent({2, 2});
    in.phonemeTimes = absent({2, 3});
    return in;
}

UNetConfig smallUNet()
{
    UNetConfig config;
    config.latentChannels = 8;
    config.modelChannels = 16;
    config.channelMult = {1, 2};
    config.resBlocks = 1;
    config.attentionResolutions = {2};
    config.transformerDepth = 1;
    config.heads = 2;
    config.contextDim = 24;
    config.voiceDim = 12;
    config.conditioningDim = 20;
    return config;
}

VocoderConfig smallVocoder(int dim, int layers)
{
    VocoderConfig config;
    config.dim = dim;
    config.intermediateDim = 2 * dim;
    config.layers = layers;
    return config;
}

}  // namespace

class ModelsTest : public QObject {
    Q_OBJECT

private slots:
    void countedSizesAreTheMadeOnes_data()
    {
        QTest::addColumn<int>("variant");
        for (int variant = 0; variant < 5; ++variant)
            QTest::newRow(qPrintable(QString("variant %1").arg(variant))) << variant;
    }

    void countedSizesAreTheMadeOnes()
    {
        QFETCH(int, variant);
        UNetConfig unet = smallUNet();
        VaeConfig vae;
        vae.channels = {24, 40};
        vae.latentDim = 6;
        switch (variant) {
        case 1: unet.channelMult = {1, 2, 3}; unet.attentionResolutions = {1, 4}; unet.transformerDepth = 2; vae.middleBlocks = 2; break;
        case 2: unet.resBlocks = 3; unet.modelChannels = 20; unet.attentionResolutions = {}; vae.resBlocksPerLevel = 3; break;
        case 3: unet.controlChannels = 0; unet.heads = 3; unet.channelMult = {2, 2, 2, 1}; vae.channels = {16, 32, 48}; break;
        case 4: unet = modelPreset("tiny").unet.value(); vae = modelPreset("small").vae.value(); break;
        default: break;
        }
        UNetV2 madeUNet(unet);
        QCOMPARE(parameterCount(unet), madeCount(*madeUNet));
        AudioVae madeVae(vae);
        QCOMPARE(parameterCount(vae), madeCount(*madeVae));
    }

    // The same gradients with gradient checkpointing as without, for less kept.
    void checkpointingTheVaeChangesNoGradient()
    {
        VaeConfig config;
        config.channels = {24, 40};
        config.latentDim = 6;
        config.middleBlocks = 1;
        torch::manual_seed(3);
        AudioVae vae(config);
        const torch::Tensor mel = torch::rand({2, 128, 32}) * 80.0 - 80.0;
        const auto gradients = [&](bool checkpointing) {
            vae->setGradientCheckpointing(checkpointing);
            vae->zero_grad();
            vae->loss(vae->forward(mel, at::detail::createCPUGenerator(5)), mel).total.backward();
            std::vector<torch::Tensor> all;
            for (const torch::Tensor& parameter : vae->parameters())
                all.push_back(parameter.grad().clone());
            return all;
        };
        const std::vector<torch::Tensor> plain = gradients(false);
        const std::vector<torch::Tensor> checkpointed = gradients(true);
        QCOMPARE(checkpointed.size(), plain.size());
        for (std::size_t i = 0; i < plain.size(); ++i)
            QVERIFY2(torch::allclose(checkpointed[i], plain[i], 1e-5, 1e-7), qPrintable(QString("parameter %1").arg(i)));
        QVERIFY(plain.front().abs().sum().item<float>() > 0.0f);
        QVERIFY(activationCount(config, 256, true) < activationCount(config, 256) / 2);
    }

    void theVaeLossHasItsSpectralTerm()
    {
        VaeConfig config;
        config.channels = {24, 40};
        config.latentDim = 6;
        AudioVae vae(config);
        const torch::Tensor mel = torch::rand({2, 128, 32}) * 80.0 - 80.0;
        const VaeLoss loss = vae->loss(vae->forward(mel, at::detail::createCPUGenerator(5)), mel);
        QVERIFY(loss.spectral.defined() && loss.spectral.item<double>() > 0.0);
        QVERIFY(std::abs((loss.total - loss.reconstruction - config.klWeight * loss.kl - config.spectralWeight * loss.spectral).item<double>()) < 1e-6);
        QCOMPARE(multiResolutionMelDistance(mel, mel).item<double>(), 0.0);
        QVERIFY(multiResolutionMelDistance(mel + 6.0, mel).item<double>() > multiResolutionMelDistance(mel + 1.0, mel).item<double>());

        config.spectralLoss = false;
        QVERIFY(!AudioVae(config)->loss(vae->forward(mel, at::detail::createCPUGenerator(5)), mel).spectral.defined());
        QCOMPARE(VaeConfig::fromJson(config.toJson()).toJson(), config.toJson());
    }

    // Phases a whole turn apart are the same phase, and where they start does not count; a wrong
    // rate of turning does, and silent bins cost nothing.
    void phaseDistanceUnwrapsAndWeighsByMagnitude()
    {
        torch::manual_seed(4);
        const torch::Tensor phase = torch::rand({2, 65, 20}) * 2 * M_PI - M_PI;
        const torch::Tensor magnitude = torch::rand({2, 65, 20}) + 0.1;
        QVERIFY(phaseDistance(phase + 2 * M_PI, phase, magnitude).item<double>() < 1e-5);
        QVERIFY(phaseDistance(phase - 6 * M_PI, phase, magnitude).item<double>() < 1e-4);
        QVERIFY(phaseDistance(phase + 0.3, phase, magnitude).item<double>() < 1e-5);
        const torch::Tensor turning = phase + 0.2 * torch::arange(20).to(torch::kFloat32);
        QVERIFY(std::abs(phaseDistance(turning, phase, magnitude).item<double>() - 0.1) < 1e-4);  // (0 + 0.2) / 2
        QVERIFY(phaseDistance(turning, phase, torch::zeros_like(magnitude)).item<double>() < 1e-9);
    }

    // The integrated phase: a head that says "bin 40 (1000 Hz), turning 0.2π a frame faster than its
    // centre" makes a 1010 Hz tone.
    void anIntegratedPhaseTurnsAtThePredictedRate()
    {
        const VocoderConfig config = smallVocoder(16, 1);
        Vocoder vocoder(config);
        torch::NoGradGuard noGrad;
        for (auto& item : vocoder->named_parameters())
            if (item.key().rfind("head.", 0) == 0)
                item.value().zero_();
        torch::Tensor bias = vocoder->named_parameters()["head.bias"];
        const int bins = config.bins();
        bias.narrow(0, 0, bins).fill_(-30.0f);
        bias[40] = 0.0f;
        bias[bins + 40] = static_cast<float>(2 * M_PI * 10.0 * config.hop / config.sampleRate);
        const torch::Tensor audio = vocoder(torch::full({1, 128, 100}, -40.0f))[0].narrow(0, 16000, 16000);
        const torch::Tensor spectrum = torch::fft_rfft(audio * torch::hann_window(16000)).abs();  // 2 Hz bins
        QCOMPARE(spectrum.argmax().item<std::int64_t>() * 2, std::int64_t(1010));
    }

    void otherPartsAreCountedToo()
    {
        for (const char* name : {"tiny", "small"}) {
            const ModelPreset& preset = modelPreset(name);
            Vocoder vocoder(*preset.vocoder);
            QCOMPARE(vocoderParameterCount(*preset.vocoder), madeCount(*vocoder));
            TextEncoder text(*preset.textEncoder);
            QCOMPARE(textEncoderParameterCount(*preset.textEncoder), madeCount(*text));
        }
    }

    // Counted only: the largest would take 24 GB to make.
    void theReferencePresetsHaveTheReferenceSizes()
    {
        const auto within10Percent = [](std::int64_t counted, std::int64_t reference) {
            return std::abs(static_cast<double>(counted - reference)) <= 0.1 * static_cast<double>(reference);
        };
        int checked = 0;
        for (const ModelPreset& preset : modelPresets()) {
            if (!preset.referenceParameters)
                continue;
            const std::int64_t counted = preset.vae ? parameterCount(*preset.vae) : parameterCount(*preset.unet);
            QVERIFY2(within10Percent(counted, *preset.referenceParameters),
                     qPrintable(QString("%1: %2 against %3").arg(preset.name.c_str()).arg(counted).arg(*preset.referenceParameters)));
            ++checked;
        }
        QCOMPARE(checked, 7);  // VAE light, default, heavy; UNet 256, 320, 512, 768
        QCOMPARE(VaeConfig::reference(8).channels, (std::vector<int>{64, 128, 256, 512}));  // LATENT_CONFIGS
        QCOMPARE(VaeConfig::reference(64).channels, (std::vector<int>{96, 192, 384, 768}));
        QCOMPARE(VaeConfig::reference(128).channels, (std::vector<int>{128, 256, 512, 1024}));
        QVERIFY(trainingStepBytes(*modelPreset("unet-768").unet) > 16 * std::int64_t(6000000000));
        QVERIFY_THROWS_EXCEPTION(Error, modelPreset("enormous"));
    }

    void theUNetTakesItsConditionsAndStartsAtZero()
    {
        const UNetConfig config = smallUNet();
        UNetV2 unet(config);
        UNetConditions conditions;
        conditions.controls = torch::randn({2, config.controlChannels, 12});
        conditions.conditioning = torch::randn({2, config.conditioningDim});
        conditions.attention = {torch::randn({2, 5, config.contextDim}), torch::tensor({1, 1, 1, 0, 0}, torch::kBool).expand({2, 5}),
                                torch::randn({2, config.voiceDim}), torch::tensor({true, false})};
        const torch::Tensor latent = torch::randn({2, config.latentChannels, 12});
        const torch::Tensor out = unet(latent, torch::tensor({0.1f, 0.9f}), conditions);
        QCOMPARE(out.sizes().vec(), latent.sizes().vec());
        QCOMPARE(out.abs().max().item<float>(), 0.0f);  // the output layer starts at zero
        QVERIFY_THROWS_EXCEPTION(c10::Error, unet(torch::randn({2, config.latentChannels, 13}), torch::zeros({2}), conditions));
        // Every weight gets a gradient once the output layer has moved off zero.
        torch::optim::SGD step(unet->parameters(), 0.1);
        unet(latent, torch::tensor({0.1f, 0.9f}), conditions).sub(1).pow(2).sum().backward();
        step.step();
        step.zero_grad();
        unet(latent, torch::tensor({0.1f, 0.9f}), conditions).sub(1).pow(2).sum().backward();
        for (const auto& parameter : unet->named_parameters())
            QVERIFY2(parameter.value().grad().defined() && parameter.value().grad().abs().sum().item<double>() > 0, parameter.key().c_str());
    }

    void aMissingFieldEntersAsItsLearnedEmbedding()
    {
        SectionConditioning module(32, 48);
        SectionInputs in = emptyInputs(32);
        const torch::Tensor baseline = module(in);
        QCOMPARE(baseline.sizes().vec(), (std::vector<std::int64_t>{2, 48}));
        // What an absent field holds does not matter, NaN included, and its gradients stay finite.
        in.tempo.value = torch::tensor({NAN, 500.0f});
        in.clapAudio.value = torch::full({2, 512}, NAN);
        in.key.value = torch::tensor({-5, 99}, torch::kInt64);
        const torch::Tensor again = module(in);
        QVERIFY(torch::allclose(baseline, again));
        again.sum().backward();
        for (const auto& parameter : module->named_parameters())
            if (parameter.value().grad().defined())
                QVERIFY2(torch::isfinite(parameter.value().grad()).all().item<bool>(), parameter.key().c_str());
        // Present, the value counts.
        in.tempo = present(torch::tensor({90.0f, 140.0f}));
        QVERIFY(!torch::allclose(baseline, module(in)));
        in = emptyInputs(32);
        in.phonemes = present(torch::tensor({{3, 4, 5, 0, 0}, {7, 0, 0, 0, 0}}, torch::kInt64));
        QVERIFY(!torch::allclose(baseline, module(in)));
    }

    void aVoiceAloneIsUsedAlone()
    {
        VoiceFusion fusion(4, 3, 5);
        const torch::Tensor voice = torch::randn({2, 4});
        const auto [fused, any] = fusion(present(voice), absent({2, 3}));
        const auto parameters = fusion->named_parameters();
        const torch::Tensor expected = torch::linear(voice, parameters["voice.weight"], parameters["voice.bias"]);
        QVERIFY(torch::allclose(fused, expected));  // the ECAPA side absent, the learned mix does not apply
        QVERIFY(any.all().item<bool>());
        const auto [noneFused, none] = fusion(absent({2, 4}), absent({2, 3}));
        QVERIFY(!none.any().item<bool>());
        QCOMPARE(noneFused.abs().max().item<float>(), 0.0f);
    }

    void theTokenizerHashesWordsAndMarks()
    {
        TextEncoderConfig config;
        config.maxTokens = 6;
        const auto ids = tokenize("Sad piano, SAD piano!", config);
        QCOMPARE(ids.size(), std::size_t(6));  // sad piano , sad piano !
        QCOMPARE(ids[0], ids[3]);
        QCOMPARE(ids[1], ids[4]);
        QVERIFY(ids[0] != ids[1] && ids[2] != ids[5]);
        QCOMPARE(tokenize("one two three four five six seven", config).size(), std::size_t(6));
        QCOMPARE(tokenize("   ", config), std::vector<std::int64_t>{0});
        QCOMPARE(tokenize("żółć", config).size(), std::size_t(1));  // one word in any script
    }

    void theTextEncoderPoolsRealTokens()
    {
        TextEncoderConfig config;
        config.dim = 32;
        config.layers = 1;
        config.heads = 2;
        config.outputDim = 24;
        TextEncoder encoder(config);
        encoder->eval();
        const EncodedText text = encoder->forward({"upbeat pop with drums", ""});
        QCOMPARE(text.tokens.sizes().vec(), (std::vector<std::int64_t>{2, 4, 24}));
        QCOMPARE(text.mask.sum().item<std::int64_t>(), std::int64_t(4));
        QVERIFY(torch::isfinite(text.tokens).all().item<bool>() && torch::isfinite(text.pooled).all().item<bool>());
        QCOMPARE(text.pooled[1].abs().max().item<float>(), 0.0f);  // nothing to pool in an empty prompt
    }

    void theVocoderMakesAHopOfSamplesPerFrame()
    {
        const VocoderConfig config = smallVocoder(32, 2);
        Vocoder vocoder(config);
        const torch::Tensor audio = vocoder(torch::full({3, 128, 20}, -40.0f));
        QCOMPARE(audio.sizes().vec(), (std::vector<std::int64_t>{3, 20 * 320}));
        // analyse() is on the frames synthesize() makes: its spectrum of a sound makes the sound again
        // (but for the last half window, which the frames do not cover fully).
        const torch::Tensor tone = torch::sin(torch::arange(20 * 320).to(torch::kFloat32) * (2 * M_PI * 441.0 / 32000)).unsqueeze(0);
        const torch::Tensor again = vocoder->synthesize(vocoder->analyse(tone));
        QVERIFY((again - tone).narrow(1, 0, 18 * 320).abs().max().item<double>() < 1e-4);
        // Counted from the song's start, a steady tone's phase on its bin's centre stays put from frame to frame.
        const torch::Tensor steady = torch::sin(torch::arange(20 * 320).to(torch::kFloat32) * (2 * M_PI * 1025.0 / 32000)).unsqueeze(0);
        const torch::Tensor turn = vocoder->analyse(steady).phase[0][41].narrow(0, 2, 16).diff();  // 1025 Hz is bin 41
        QVERIFY((turn - 2 * M_PI * torch::round(turn / (2 * M_PI))).abs().max().item<double>() < 1e-3);
        auto frameCounted = config;
        frameCounted.integratedPhase = false;
        Vocoder older(frameCounted);
        const torch::Tensor olderTurn = older->analyse(steady).phase[0][41].narrow(0, 2, 16).diff();
        QVERIFY((olderTurn - 2 * M_PI * torch::round(olderTurn / (2 * M_PI))).abs().min().item<double>() > 1.0);  // π/2 a frame
        QVERIFY((older->synthesize(older->analyse(tone)) - tone).narrow(1, 0, 18 * 320).abs().max().item<double>() < 1e-4);
        auto beforeTheOption = config.toJson();
        beforeTheOption.erase("integrated_phase");
        QVERIFY(!VocoderConfig::fromJson(beforeTheOption).integratedPhase);
        QCOMPARE(VocoderConfig::fromJson(config.toJson()).toJson(), config.toJson());
        auto broken = config.toJson();
        broken["n_fft"] = 10;
        QVERIFY_THROWS_EXCEPTION(Error, VocoderConfig::fromJson(broken));
        QVERIFY_THROWS_EXCEPTION(Error, UNetConfig::fromJson(config.toJson()));
        QCOMPARE(UNetConfig::fromJson(smallUNet().toJson()).toJson(), smallUNet().toJson());
    }
};

QTEST_GUILESS_MAIN(ModelsTest)
#include "test_models.moc"
