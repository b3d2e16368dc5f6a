// Song plans, the structure templates, what a plan asks of the model, and songs generated from
// them with the command line: exact lengths, seeds that reproduce, clear refusals.

#include <torch/torch.h>

#include "core/audio/AudioDecoder.h"
#include "core/common/ApiKeys.h"
#include "core/common/Error.h"
#include "core/generation/DemoModel.h"
#include "core/generation/PlanConditions.h"
#include "core/generation/PlanProposal.h"
#include "core/generation/SongFiles.h"
#include "core/generation/SongGenerator.h"
#include "core/generation/StructureTemplates.h"
#include "core/training/Checkpoint.h"
#include "core/training/TrainedModels.h"
#include "core/training/Transposition.h"
#include "tests/support/RandomModels.h"
#include "tests/support/TestSupport.h"
#include "workers/GenerateJob.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <fstream>
#include <sys/stat.h>

using namespace muze;
using muze::test::RandomModels;
using muze::test::saveRandomModels;
using Json = nlohmann::ordered_json;

namespace {

struct Run {
    int status = -1;
    QString err;
};

Run runMuze(const QStringList& arguments, const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(MUZE_CLI), arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {-2, QStringLiteral("did not finish within 120 s")};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(process.readAllStandardError())};
}

QString text(const std::filesystem::path& path)
{
    return QString::fromStdString(path.string());
}

// The error message of what `call` throws, or "" when it throws nothing.
template <typename Call>
std::string errorOf(Call call)
{
    try {
        call();
    } catch (const Error& error) {
        return error.what();
    }
    return "";
}

bool onBarLine(double seconds, const PlanSection& s)
{
    const double bars = (seconds - s.start) / s.barSeconds();
    return std::abs(bars - std::round(bars)) * s.barSeconds() < 1e-6;
}

Json planJson()
{
    return Json::parse(R"({"prompt": "warm folk", "sections": [
        {"type": "intro", "start": 0, "duration": 4.0, "tempo": 120, "key": "G major", "chords": "G C", "energy": 0.3},
        {"type": "chorus", "start": 4.0, "duration": 3.0, "tempo": 90, "key": "E minor", "time_signature": "3/4",
         "chords": ["Em", "C", "D"], "energy": 0.8, "has_vocals": true, "lyrics": "la la"}]})");
}

// Untrained models with the tiny preset's shapes, saved as training saves them: enough to run
// every step of generation (the sound is noise).
SongPlan shortPlan(const std::string& key = "C major")
{
    TemplateRequest request;
    request.prompt = "quiet piano";
    request.duration = 7.3;
    request.tempo = 150;  // 1.6 s bars
    request.key = key;
    return planFromTemplate("instrumental", request);
}

// The LDM of `models` saved as weights alone, marked as trained with --one_key or not.
std::filesystem::path ldmWeights(const RandomModels& models, bool oneKey)
{
    CheckpointInfo info = readCheckpointInfo(models.files.ldm);
    info.training["one_key"] = oneKey;
    const std::filesystem::path path = models.folder / (oneKey ? "ldm-one-key.safetensors" : "ldm-every-key.safetensors");
    saveWeights(path, *loadLatentDiffusion(models.files.ldm), info);
    return path;
}

GenerateOptions fewSteps(std::uint64_t seed)
{
    GenerateOptions options;
    options.steps = 3;
    options.cfgScale = 3.0;
    options.seed = seed;
    return options;
}

}  // namespace

class GenerationTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { at::set_num_threads(2); }

    void everyTemplateFillsTheDurationOnBarLines_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("duration");
        QTest::addColumn<double>("tempo");
        QTest::addColumn<QString>("signature");
        for (const std::string& name : templateNames()) {
            QTest::addRow("%s 30 s at 120", name.c_str()) << QString::fromStdString(name) << 30.0 << 120.0 << "4/4";
            QTest::addRow("%s 95.5 s at 97 in 3/4", name.c_str()) << QString::fromStdString(name) << 95.5 << 97.0 << "3/4";
        }
    }
    void everyTemplateFillsTheDurationOnBarLines()
    {
        QFETCH(QString, name);
        QFETCH(double, duration);
        QFETCH(double, tempo);
        QFETCH(QString, signature);
        TemplateRequest request{"a song", duration, tempo, "D minor", signature.toStdString()};
        const SongPlan plan = planFromTemplate(name.toStdString(), request);
        QCOMPARE(plan.duration(), duration);
        for (std::size_t i = 0; i + 1 < plan.sections.size(); ++i) {
            QVERIFY2(onBarLine(plan.sections[i].end(), plan.sections[i]), qPrintable(QStringLiteral("section %1").arg(i + 1)));
            QVERIFY(plan.sections[i].duration >= plan.sections[i].barSeconds());
            QCOMPARE(plan.sections[i + 1].start, plan.sections[i].end());
        }
        const SongPlan again = planFromJson(toJson(plan));  // a template's plan is a valid plan
        QCOMPARE(again.sections.size(), plan.sections.size());
        QCOMPARE(toJson(again).dump(), toJson(plan).dump());
    }

    void theFourTemplatesOfTheReferenceShip()
    {
        for (const char* name : {"verse_chorus", "verse_chorus_bridge", "intro_build_drop", "instrumental"})
            QVERIFY2(!templateDescription(name).empty(), name);
        const std::string unknown = errorOf([] { planFromTemplate("ballad", {}); });
        QVERIFY2(unknown.find("verse_chorus_bridge") != std::string::npos, unknown.c_str());  // lists the known ones
        const std::string tooShort = errorOf([] { planFromTemplate("verse_chorus_bridge", {"", 8.0, 120.0, "C major", "4/4"}); });
        QVERIFY2(tooShort.find("holds only 4 bars") != std::string::npos, tooShort.c_str());
    }

    void aPlannersFormIsLaidOverTheSong()
    {
        const std::vector<FormSection> form = formOfTypes({{"intro", 2}, {"chorus", 8}, {"other", 6}});
        QCOMPARE(form[1].energy, 0.8);  // verse_chorus_bridge's first chorus
        QVERIFY(form[1].hasVocals && !form[0].hasVocals);
        QCOMPARE(form[2].type, std::string("other"));
        QCOMPARE(form[2].majorNumerals, std::string("I vi IV V"));  // a verse's chords
        const SongPlan plan = planFromForm(form, {"", 32.0, 120.0, "C major", "4/4"});  // 16 bars
        QCOMPARE(plan.sections[0].duration, 4.0);  // 2 bars of 16, as proposed
        QCOMPARE(plan.sections[1].duration, 16.0);
        QCOMPARE(plan.duration(), 32.0);

        // A planner's checkpoint is read, and what it proposes is a valid plan of the asked length.
        const std::filesystem::path path = test::scratchFolder("planner") / "planner.safetensors";
        test::saveRandomPlanner(path);
        const std::optional<SongPlan> proposed = proposePlan(path, {"slow blues", 60.0, 80.0, "E minor", "4/4"});
        if (proposed) {
            QCOMPARE(proposed->duration(), 60.0);
            QCOMPARE(toJson(planFromJson(toJson(*proposed))).dump(), toJson(*proposed).dump());
        }
        QVERIFY(!errorOf([&] { proposePlan(test::scratchFolder("planner-missing") / "none.safetensors", {}); }).empty());
    }

    void numeralsBecomeTheKeysChords()
    {
        QCOMPARE(chordsOfNumerals("I V vi IV", "C major"), (std::vector<std::string>{"C", "G", "Am", "F"}));
        QCOMPARE(chordsOfNumerals("I V vi IV", "Eb major"), (std::vector<std::string>{"Eb", "Bb", "Cm", "Ab"}));
        QCOMPARE(chordsOfNumerals("i VI III VII", "A minor"), (std::vector<std::string>{"Am", "F", "C", "G"}));
        QCOMPARE(chordsOfNumerals("bVII IV I", "D major"), (std::vector<std::string>{"C", "G", "D"}));
        QVERIFY(!errorOf([] { chordsOfNumerals("I VIII", "C major"); }).empty());
    }

    void chordsAreReadAsMusiciansWriteThem()
    {
        QCOMPARE(chordLabel("C"), std::string("C:maj"));
        QCOMPARE(chordLabel("F#m7"), std::string("F#:min"));
        QCOMPARE(chordLabel("Bbmaj7"), std::string("A#:maj"));
        QCOMPARE(chordLabel("Dsus4"), std::string("D:maj"));
        QCOMPARE(chordLabel("Ebm"), std::string("D#:min"));
        for (const char* bad : {"H", "c", "Am/E", "Cmajor", ""})
            QVERIFY2(!errorOf([bad] { chordLabel(bad); }).empty(), bad);
    }

    void aPlanRoundTripsAndSavesAtomically()
    {
        const SongPlan plan = planFromJson(planJson());
        QCOMPARE(plan.sections[0].chords, (std::vector<std::string>{"G", "C"}));  // typed as one string
        QCOMPARE(plan.sections[1].beatsPerBar(), 3);
        const std::filesystem::path path = test::scratchFolder("plan-save") / "plan.json";
        savePlan(path, plan);
        QCOMPARE(toJson(loadPlan(path)).dump(), toJson(plan).dump());
        // An OUTPUT.json of generate carries its plan under "plan".
        std::ofstream(path.parent_path() / "song.json") << Json{{"plan", toJson(plan)}, {"parameters", {{"seed", 3}}}}.dump();
        QCOMPARE(loadPlan(path.parent_path() / "song.json").sections.size(), std::size_t(2));
    }

    void aBadPlanIsRefusedWithWhereAndWhat_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("type") << "/sections/1/type" << R"("refrain")" << "section 2 has the type \"refrain\"";
        QTest::newRow("key") << "/sections/0/key" << R"("G mixolydian")" << "section 1 has the key";
        QTest::newRow("chord") << "/sections/1/chords" << R"(["Em", "Q7"])" << "\"Q7\" is not a chord";
        QTest::newRow("tempo") << "/sections/0/tempo" << "900" << "tempo of 900";
        QTest::newRow("energy") << "/sections/0/energy" << "1.5" << "energy of 1.5";
        QTest::newRow("signature") << "/sections/1/time_signature" << R"("4/3")" << "time signature \"4/3\"";
        QTest::newRow("gap") << "/sections/1/start" << "5.0" << "sections follow each other without gaps";
        QTest::newRow("off the bar line") << "/sections/0/duration" << "4.5" << "lasts whole bars";
        QTest::newRow("no length") << "/sections/1/duration" << "0" << "section 2 has no length";
        QTest::newRow("wrong kind") << "/sections/0/energy" << R"("loud")" << "\"energy\" of the wrong kind";
        QTest::newRow("no sections") << "/sections" << "[]" << "no sections";
    }
    void aBadPlanIsRefusedWithWhereAndWhat()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        Json json = planJson();
        json[Json::json_pointer(pointer.toStdString())] = Json::parse(value.toStdString());
        const std::string message = errorOf([&] { planFromJson(json); });
        QVERIFY2(message.find(expected.toStdString()) != std::string::npos, message.c_str());
    }

    void aPlanIsConditionedAsTheDatasetIs()
    {
        const SongPlan plan = planFromJson(planJson());
        const Record record = planRecord(plan, 1);
        QCOMPARE(record["tempo"].get<double>(), 90.0);
        QCOMPARE(record["key"].get<std::string>(), std::string("E minor"));
        // 8 beats of 0.5 s in the intro, then beats of 2/3 s with a downbeat every third.
        QCOMPARE(record["beat_positions"][8].get<double>(), 4.0);
        QCOMPARE(record["beat_positions"][9].get<double>(), 4.0 + 2.0 / 3.0);
        QCOMPARE(record["downbeat_positions"][2].get<double>(), 4.0);
        QCOMPARE(record["downbeat_positions"][3].get<double>(), 6.0);
        QCOMPARE(record["chords"][2]["label"].get<std::string>(), std::string("E:min"));

        const EnergyCurveLine line{0.2, 0.5};
        const ExampleConditions c = sectionConditions(plan, 1, 75, 0.04, line);  // 3 s from 4 s
        QCOMPARE(*c.sectionType, std::int64_t(sectionTypeIndex("chorus")));
        QCOMPARE(*c.key, std::int64_t(4 + 12));
        QCOMPARE(*c.tempo, 90.0f);
        QCOMPARE(*c.energy, 0.8f);
        QCOMPARE(*c.hasVocals, 1.0f);
        QCOMPARE(c.position, static_cast<float>(4.0 / 7.0));
        QCOMPARE(c.prompt, std::string("warm folk"));
        // The beat channel pulses on the chorus's first beat, latent frame 0, and on its second, 2/3 s later.
        QCOMPARE(c.controls[0][0].item<float>(), 1.0f);
        QCOMPARE(c.controls[0][17].item<float>(), 1.0f);
        // E minor's chroma (E G B) for the first bar; the energy curve at the plan's level.
        QCOMPARE(c.controls[2 + 4][0].item<float>(), 1.0f);
        QCOMPARE(c.controls[2 + 0][0].item<float>(), 0.0f);
        QCOMPARE(c.controls[14][40].item<float>(), 0.6f);
    }

    void aSongLastsItsPlanAndItsSeedMakesItAgain()
    {
        const RandomModels models = saveRandomModels("generate-random");
        const SongGenerator generator(models.files);
        const SongPlan plan = shortPlan();
        const GeneratedSong first = generator.generate(plan, fewSteps(5));
        QCOMPARE(first.audio.sampleRate, 32000);
        QCOMPARE(first.audio.channels, 1);
        QCOMPARE(first.audio.frames(), std::int64_t(std::lround(7.3 * 32000)));
        QVERIFY(first.griffinLim);
        for (float sample : first.audio.samples)
            QVERIFY(std::isfinite(sample));
        QVERIFY(generator.generate(plan, fewSteps(5)).audio.samples == first.audio.samples);
        QVERIFY(generator.generate(plan, fewSteps(6)).audio.samples != first.audio.samples);
        for (const SamplerKind sampler : {SamplerKind::Ddpm, SamplerKind::DpmSolver2M}) {
            GenerateOptions options = fewSteps(5);
            options.sampler = sampler;
            options.guidanceRescale = 0.7;
            const GeneratedSong song = generator.generate(plan, options);
            QCOMPARE(song.audio.frames(), first.audio.frames());
            QVERIFY(generator.generate(plan, options).audio.samples == song.audio.samples);
            QVERIFY(song.audio.samples != first.audio.samples);
        }
    }

    // Beat guidance is a term of its own: with it the song differs from the one without, the same
    // again for the same seed; a song described before it existed is made again without it.
    void beatGuidanceIsItsOwnTermAndOlderSongsHadNone()
    {
        const RandomModels models = saveRandomModels("generate-beat-guidance", 32, 7, true);
        const SongGenerator generator(models.files);
        const SongPlan plan = shortPlan();
        GenerateOptions without = fewSteps(5);
        without.beatGuidance = 0.0;
        GenerateOptions with = fewSteps(5);
        with.beatGuidance = 15.0;
        const GeneratedSong guided = generator.generate(plan, with);
        QVERIFY(guided.audio.samples != generator.generate(plan, without).audio.samples);
        QVERIFY(generator.generate(plan, with).audio.samples == guided.audio.samples);

        QCOMPARE(optionsFromParameters(parametersJson(with)).beatGuidance, 15.0);
        Json older = parametersJson(with);
        older.erase("beat_guidance");
        QCOMPARE(optionsFromParameters(older).beatGuidance, 0.0);
        QCOMPARE(GenerateOptions().beatGuidance, 40.0);
    }

    // A model trained with --one_key hears every section in C: asked for D major, it is asked for C
    // major with the chords moved down with it, and what it makes is moved back up to D.
    void aModelTrainedInOneKeyHearsEachSectionInC()
    {
        const SongPlan inC = shortPlan("C major");
        const SongPlan inD = shortPlan("D major");
        const EnergyCurveLine line{0.2, 0.5};
        const ExampleConditions heard = sectionConditions(inD, 0, 50, 0.04, line, std::nullopt, semitonesToC("D major"));
        const ExampleConditions c = sectionConditions(inC, 0, 50, 0.04, line);
        QCOMPARE(*heard.key, *c.key);
        QVERIFY(torch::equal(heard.controls, c.controls));
        QVERIFY(!torch::equal(sectionConditions(inD, 0, 50, 0.04, line).controls, c.controls));

        const RandomModels models = saveRandomModels("generate-one-key");
        ModelFiles oneKey = models.files;
        oneKey.ldm = ldmWeights(models, true);
        ModelFiles everyKey = models.files;
        everyKey.ldm = ldmWeights(models, false);
        const SongGenerator inOneKey(oneKey);
        const SongGenerator inEveryKey(everyKey);
        QVERIFY(inOneKey.generate(inC, fewSteps(5)).audio.samples == inEveryKey.generate(inC, fewSteps(5)).audio.samples);
        const GeneratedSong moved = inOneKey.generate(inD, fewSteps(5));
        QCOMPARE(moved.audio.frames(), std::int64_t(std::lround(7.3 * 32000)));
        QVERIFY(moved.audio.samples != inEveryKey.generate(inD, fewSteps(5)).audio.samples);
        QVERIFY(moved.audio.samples == inOneKey.generate(inD, fewSteps(5)).audio.samples);
        for (float sample : moved.audio.samples)
            QVERIFY(std::isfinite(sample));
    }

    void progressGoesBySectionAndCancelStopsWithinAStep()
    {
        const RandomModels models = saveRandomModels("generate-cancel");
        const SongGenerator generator(models.files);
        const SongPlan plan = shortPlan();
        std::vector<std::string> stages;
        generator.generate(plan, fewSteps(1), {[&](const std::string& stage, double) {
                                                    if (stages.empty() || stages.back() != stage)
                                                        stages.push_back(stage);
                                                }});
        QCOMPARE(stages.size(), plan.sections.size());
        QCOMPARE(stages.front(), std::string("section 1 of 5 (intro)"));

        CancelToken cancel;
        int reports = 0;
        const JobControl control{[&](const std::string&, double) {
                                     if (++reports == 2)
                                         cancel.cancel();
                                 },
                                 &cancel};
        const std::string message = errorOf([&] { generator.generate(plan, fewSteps(1), control); });
        QCOMPARE(message, std::string("Cancelled."));
        QCOMPARE(reports, 2);  // the next sampler step saw the token
    }

    // The Compose page's worker: a take written as the CLI writes a song, one section of it made
    // anew into a new take with the rest sample for sample, and a cancel that writes nothing.
    void aTakeIsGeneratedAndOneOfItsSectionsMadeAnew()
    {
        const RandomModels models = saveRandomModels("generate-takes");
        const SongPlan plan = shortPlan();
        TakeRequest request;
        request.models = models.files;
        request.plan = plan;
        request.options = fewSteps(2);
        request.output = models.folder / "takes/1/take.wav";
        const auto run = [](TakeRequest r) {
            GenerateJob job(std::move(r));
            QString written;
            QStringList stages;
            QObject::connect(&job, &GenerateJob::generated, [&](const QString& output) { written = output; });
            QObject::connect(&job, &Job::progressChanged, [&](const QString& stage) { stages << stage; });
            bool finished = false;
            QObject::connect(&job, &Job::finished, [&] { finished = true; });
            job.start();
            QElapsedTimer waiting;
            waiting.start();
            while (!finished && waiting.elapsed() < 120000)
                QTest::qWait(20);
            return std::pair{written, stages};
        };
        const auto [first, stages] = run(request);
        QCOMPARE(first, QString::fromStdString(request.output.string()));
        QVERIFY(stages.contains("loading the models"));
        const Json description = Json::parse(std::ifstream(models.folder / "takes/1/take.json"));
        QCOMPARE(description["plan"], toJson(plan));
        QCOMPARE(description["parameters"]["num_steps"].get<int>(), 3);
        const AudioBuffer take = decodeAudioFile(request.output, {}).audio;
        QCOMPARE(take.frames(), static_cast<std::int64_t>(std::lround(plan.duration() * 32000)));

        TakeRequest again = request;
        again.output = models.folder / "takes/2/take.wav";
        again.regenerate = 1;
        again.options.sectionSeeds[1] = 99;
        again.previous = request.output;
        again.earlierModels = description["models"];
        QCOMPARE(run(again).first, QString::fromStdString(again.output.string()));
        const AudioBuffer remade = decodeAudioFile(again.output, {}).audio;
        const auto sectionStart = static_cast<std::size_t>(plan.sections[1].start * 32000);
        const auto crossfade = static_cast<std::size_t>(0.05 * 32000);
        QVERIFY(std::equal(take.samples.begin(), take.samples.begin() + static_cast<std::ptrdiff_t>(sectionStart - crossfade), remade.samples.begin()));
        QVERIFY(take.samples != remade.samples);
        QCOMPARE(Json::parse(std::ifstream(models.folder / "takes/2/take.json"))["parameters"]["section_seeds"]["2"].get<int>(), 99);

        TakeRequest cancelled = request;
        cancelled.output = models.folder / "takes/3/take.wav";
        GenerateJob job(cancelled);
        bool wasCancelled = false;
        QObject::connect(&job, &Job::progressChanged, &job, [&job](const QString& stage) {
            if (stage.startsWith("section"))
                job.cancel();
        });
        QObject::connect(&job, &Job::cancelled, [&] { wasCancelled = true; });
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(wasCancelled, 120000);
        QVERIFY(!std::filesystem::exists(cancelled.output));
    }

    void ctrlCStopsTheCommandAndWritesNothing()
    {
        const RandomModels models = saveRandomModels("generate-interrupt");
        const std::filesystem::path output = models.folder / "out/song.wav";
        QProcess process;
        process.start(QStringLiteral(MUZE_CLI), {"generate", "--models", text(models.folder), "--output", text(output), "--sampler", "ddpm",
                                                 "--num_steps", "1000", "--duration", "30"});
        QVERIFY(process.waitForStarted());
        QByteArray said;  // once it says something it is running, its Ctrl+C handler installed, however busy the machine
        QTRY_VERIFY_WITH_TIMEOUT((said += process.readAllStandardError()).contains("muze:"), 60000);
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 130);
        QVERIFY(!std::filesystem::exists(output));
        QVERIFY(!std::filesystem::exists(models.folder / "out/song.json"));
    }

    void anArtistsVoiceComesFromTheDatasetsMeans()
    {
        const std::filesystem::path folder = test::scratchFolder("artist-style");
        const std::filesystem::path dataset = folder / "data.json";
        Json table = {{"Ana", std::vector<float>(kVoiceEmbeddingSize, 0.25f)}, {"Bo Diddley", std::vector<float>(kVoiceEmbeddingSize, -0.5f)}};
        std::ofstream(artistEmbeddingsOf(dataset)) << table.dump();
        const VoiceStyle ana = artistStyle(artistEmbeddingsOf(dataset), "Ana");
        QCOMPARE(ana.voice, std::vector<float>(kVoiceEmbeddingSize, 0.25f));
        QVERIFY(!ana.ecapa);
        QCOMPARE(ana.source, std::string("artist Ana"));
        const std::string unknown = errorOf([&] { artistStyle(artistEmbeddingsOf(dataset), "Cy"); });
        QVERIFY2(unknown.find("\"Ana\", \"Bo Diddley\"") != std::string::npos, unknown.c_str());

        table["Ana"] = std::vector<float>(12, 0.25f);
        std::ofstream(artistEmbeddingsOf(dataset)) << table.dump();
        QVERIFY(errorOf([&] { artistStyle(artistEmbeddingsOf(dataset), "Ana"); }).find("not 256 numbers") != std::string::npos);
        std::ofstream(artistEmbeddingsOf(dataset)) << "{\"Ana\": [";
        QVERIFY(errorOf([&] { artistStyle(artistEmbeddingsOf(dataset), "Ana"); }).find("not an artist embeddings file") != std::string::npos);
        QVERIFY(errorOf([&] { artistStyle(folder / "none.json", "Ana"); }).find("build-dataset") != std::string::npos);
    }

    // (Untrained models cannot show it in the sound: their output layers start at zero.)
    void aStyleConditionsEverySectionAndIsKept()
    {
        GenerateOptions options;
        options.style = VoiceStyle{"artist Ana", std::vector<float>(kVoiceEmbeddingSize, 0.06f), std::vector<float>(kEcapaEmbeddingSize, -0.07f)};
        const ExampleConditions conditions = sectionConditions(shortPlan(), 1, 8, 0.04, {0.5, 0.3}, options.style);
        QCOMPARE(*conditions.voice, options.style->voice);
        QCOMPARE(*conditions.ecapa, *options.style->ecapa);
        QVERIFY(!sectionConditions(shortPlan(), 1, 8, 0.04, {0.5, 0.3}).voice);

        const VoiceStyle again = voiceStyleFromJson(toJson(*options.style));
        QCOMPARE(again.source, options.style->source);
        QCOMPARE(again.voice, options.style->voice);
        QCOMPARE(*again.ecapa, *options.style->ecapa);
        QVERIFY_THROWS_EXCEPTION(Error, voiceStyleFromJson(Json::parse(R"({"source": "x", "voice_embedding": [1, 2]})")));
        QVERIFY_THROWS_EXCEPTION(Error, voiceStyleFromJson(Json::array()));
    }

    void modelsThatDoNotFitAreRefused()
    {
        const RandomModels models = saveRandomModels("generate-mismatch");
        const RandomModels other = saveRandomModels("generate-mismatch-other", 16);
        const std::string mismatch = errorOf([&] { SongGenerator({other.files.vae, models.files.ldm, {}}); });
        QVERIFY2(mismatch.find("give the VAE it was trained with") != std::string::npos, mismatch.c_str());
        const std::string swapped = errorOf([&] { SongGenerator({models.files.vae, models.files.vae, {}}); });
        QVERIFY2(swapped.find("is not the checkpoint asked for") != std::string::npos, swapped.c_str());
        // A vocoder that learnt every song in C voices only a model that makes them there.
        const std::filesystem::path inC = models.folder / "vocoder-one-key.safetensors";
        test::saveRandomVocoder(inC, 5, true);
        const std::string keys = errorOf([&] { SongGenerator({models.files.vae, ldmWeights(models, false), inC}); });
        QVERIFY2(keys.find("--one_key") != std::string::npos && keys.find("--vocoder griffin-lim") != std::string::npos, keys.c_str());
        QVERIFY(SongGenerator({models.files.vae, ldmWeights(models, true), inC}).hasVocoder());
        SongPlan longSection = shortPlan();
        longSection.sections.back().duration = 75.0;
        const std::string tooLong = errorOf([&] { SongGenerator(models.files).check(longSection); });
        QVERIFY2(tooLong.find("split it in two") != std::string::npos, tooLong.c_str());
    }

    void theDemoModelSaysHowItWasMadeFromItsManifest()
    {
        const std::filesystem::path demo = demoModelFolder();
        QVERIFY(!demo.empty());
        const DemoModelFacts facts = demoModelFacts(demo);
        QCOMPARE(facts.songs, 52);
        QVERIFY(facts.trainingMinutes >= 60 && facts.trainingMinutes <= 90 && facts.trainingMinutes % 5 == 0);  // the recipe's limit
        const std::string notice = demoModelNotice(facts);
        QVERIFY(notice.find("about " + std::to_string(facts.trainingMinutes) + " minutes on 52 General MIDI songs") != std::string::npos);
        QVERIFY_THROWS_EXCEPTION(Error, demoModelFacts(test::scratchFolder("demo-without-manifest")));
    }

    void griffinLimCanBeChosenOverATrainedVocoder()
    {
        const std::filesystem::path demo = demoModelFolder();
        QVERIFY(std::filesystem::exists(demo / "vocoder/checkpoints/best.safetensors"));
        const std::filesystem::path out = test::scratchFolder("generate-griffin-lim");
        const QStringList common{"generate", "--models", text(demo), "--template", "verse_chorus", "--duration", "8", "--tempo", "200", "--num_steps", "2"};
        const Run vocoded = runMuze(common + QStringList{"--output", text(out / "vocoded.wav")});
        const Run chosen = runMuze(common + QStringList{"--output", text(out / "chosen.wav"), "--vocoder", "griffin-lim"});
        QVERIFY2(vocoded.status == 0, qPrintable(vocoded.err));
        QVERIFY2(chosen.status == 0 && !chosen.err.contains("no trained vocoder"), qPrintable(chosen.err));
        const Json vocodedDescription = Json::parse(std::ifstream(out / "vocoded.json"));
        const Json chosenDescription = Json::parse(std::ifstream(out / "chosen.json"));
        QVERIFY(vocodedDescription["models"]["vocoder"].is_object());
        QCOMPARE(chosenDescription["models"]["vocoder"].get<std::string>(), std::string("griffin-lim"));
        QVERIFY(decodeAudioFile(out / "vocoded.wav", {}).audio.samples != decodeAudioFile(out / "chosen.wav", {}).audio.samples);

        // Made again in part, it needs Griffin-Lim again, and the command says how to ask for it.
        const QStringList regenerate{"generate", "--models", text(demo), "--plan", text(out / "chosen.json"), "--regenerate", "2", "--seed", "4",
                                     "--num_steps", "2", "--output", text(out / "again.wav")};
        const Run refused = runMuze(regenerate);
        QVERIFY2(refused.status != 0 && refused.err.contains("--vocoder griffin-lim"), qPrintable(refused.err));
        const Run remade = runMuze(regenerate + QStringList{"--vocoder", "griffin-lim"});
        QVERIFY2(remade.status == 0, qPrintable(remade.err));
    }

    // Songs written before Griffin-Lim could be chosen said why in "decoder"; they are read as such too.
    void aSongsDecoderIsReadFromEveryVersionOfItsDescription()
    {
        QVERIFY(decodedByGriffinLim(Json::parse(R"({"models": {"vocoder": "griffin-lim"}, "decoder": "griffin-lim"})")));
        QVERIFY(decodedByGriffinLim(Json::parse(R"json({"models": {"vocoder": "griffin-lim"}, "decoder": "griffin-lim (fallback: no trained vocoder)"})json")));
        QVERIFY(!decodedByGriffinLim(Json::parse(R"({"models": {"vocoder": {"path": "v.safetensors", "content": "abc"}}, "decoder": "vocoder"})")));
        QVERIFY(!decodedByGriffinLim(Json::parse(R"({"models": "garbage"})")));
        QVERIFY(!decodedByGriffinLim(Json::object()));
    }

    void anExportedModelIsWhatTheCommandLineTakesWhenNoneIsNamed()
    {
        const RandomModels models = saveRandomModels("generate-export");
        const std::filesystem::path exported = models.folder.parent_path() / "generate-export-demo";
        std::filesystem::remove_all(exported);
        const Run exporting = runMuze({"export-models", "--models", text(models.folder), "--out", text(exported)});
        QVERIFY2(exporting.status == 0, qPrintable(exporting.err));
        for (const char* part : {"vae", "ldm"}) {
            const std::filesystem::path weights = exported / part / "checkpoints/best.safetensors";
            QVERIFY(readCheckpointInfo(weights).weightsOnly);
            QVERIFY(std::filesystem::file_size(weights) < std::filesystem::file_size(models.folder / part / "checkpoints/best.safetensors") * 0.6);
        }

        // Run where no ./checkpoints is, with that folder as the demo model.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("MUZE_DEMO_MODEL"), text(exported));
        const std::filesystem::path elsewhere = test::scratchFolder("generate-export-cwd");
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(text(elsewhere));
        process.start(QStringLiteral(MUZE_CLI), {"generate", "--prompt", "a first song", "--duration", "8", "--tempo", "200", "--num_steps", "2", "--output", "song.wav"});
        QVERIFY(process.waitForFinished(120000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitCode() == 0, qPrintable(err));
        QVERIFY2(err.contains("using the demo model (" + text(exported) + ")") && err.contains("muze train"), qPrintable(err));
        QVERIFY2(err.contains("has no manifest"), qPrintable(err));  // an export has none; generation goes on, saying so
        const AudioBuffer audio = decodeAudioFile(elsewhere / "song.wav", {}).audio;
        QCOMPARE(audio.frames(), std::int64_t(8 * 32000));
        QVERIFY(std::all_of(audio.samples.begin(), audio.samples.end(), [](float s) { return std::isfinite(s); }));

        // Naming the models folder turns the demo model off: a missing one is an error, as before.
        const Run named = runMuze({"generate", "--models", text(models.folder / "nowhere"), "--output", text(models.folder / "x.wav")}, environment);
        QVERIFY2(named.status != 0 && named.err.contains("There is no VAE checkpoint"), qPrintable(named.err));
    }

    void theCommandLineWritesTheSongAndWhatMadeIt()
    {
        const RandomModels models = saveRandomModels("generate-cli");
        const std::filesystem::path output = models.folder / "out/song.wav";
        const QStringList common{"--models", text(models.folder), "--duration", "8", "--tempo", "200", "--key", "A minor", "--num_steps", "2"};
        const Run run = runMuze(QStringList{"generate", "--prompt", "dark synth", "--output", text(output), "--seed", "11"} + common);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("no trained planner; the sections follow the template \"verse_chorus\"") && run.err.contains("Griffin-Lim"),
                 qPrintable(run.err));
        const AudioBuffer audio = decodeAudioFile(output, {}).audio;
        QCOMPARE(audio.frames(), std::int64_t(8 * 32000));
        Json description = Json::parse(std::ifstream(models.folder / "out/song.json"));
        QCOMPARE(description["parameters"]["seed"].get<int>(), 11);
        QCOMPARE(description["plan"]["prompt"].get<std::string>(), std::string("dark synth"));
        QCOMPARE(description["plan"]["sections"][0]["key"].get<std::string>(), std::string("A minor"));
        QVERIFY(description["models"]["ldm"]["content"].is_string());

        // The written plan makes the same song again.
        const std::filesystem::path again = models.folder / "out/again.wav";
        const Run replay = runMuze({"generate", "--plan", text(models.folder / "out/song.json"), "--output", text(again), "--seed", "11",
                                    "--models", text(models.folder), "--num_steps", "2"});
        QVERIFY2(replay.status == 0, qPrintable(replay.err));
        QVERIFY(decodeAudioFile(again, {}).audio.samples == audio.samples);

        // Section 2 made anew: only its span and the crossfade after it change.
        const std::filesystem::path regenerated = models.folder / "out/regenerated.wav";
        const Run regenerate = runMuze({"generate", "--plan", text(models.folder / "out/song.json"), "--regenerate", "2", "--seed", "99",
                                        "--output", text(regenerated), "--models", text(models.folder)});
        QVERIFY2(regenerate.status == 0, qPrintable(regenerate.err));
        const std::vector<float> changed = decodeAudioFile(regenerated, {}).audio.samples;
        QCOMPARE(changed.size(), audio.samples.size());
        const auto begin = static_cast<std::size_t>(std::lround(description["plan"]["sections"][1]["start"].get<double>() * 32000));
        const auto end = static_cast<std::size_t>(std::lround((description["plan"]["sections"][2]["start"].get<double>() + 0.05) * 32000));
        QVERIFY(std::equal(changed.begin(), changed.begin() + begin, audio.samples.begin()));
        QVERIFY(std::equal(changed.begin() + end, changed.end(), audio.samples.begin() + end));
        QVERIFY(!std::equal(changed.begin() + begin, changed.begin() + end, audio.samples.begin() + begin));
        const RandomModels other = saveRandomModels("generate-cli-other", 32, 8);  // same shapes, other weights
        const Run otherModels = runMuze({"generate", "--plan", text(models.folder / "out/song.json"), "--regenerate", "2", "--seed", "99",
                                         "--output", text(models.folder / "out/other.wav"), "--models", text(other.folder)});
        QVERIFY2(otherModels.status != 0 && otherModels.err.contains("other models"), qPrintable(otherModels.err));
        const Json remade = Json::parse(std::ifstream(models.folder / "out/regenerated.json"));
        QCOMPARE(remade["parameters"]["section_seeds"]["2"].get<int>(), 99);
        QCOMPARE(remade["parameters"]["seed"].get<int>(), 11);

        // In the voice of a recording (here the song just made), kept in OUTPUT.json and through a
        // section made again; an artist the dataset does not know is refused with those it does.
        const Run styled = runMuze(QStringList{"generate", "--output", text(models.folder / "out/styled.wav"), "--style_of", text(output)} + common);
        QVERIFY2(styled.status == 0, qPrintable(styled.err));
        const Json style = Json::parse(std::ifstream(models.folder / "out/styled.json"))["parameters"]["style_of"];
        QCOMPARE(style["source"].get<std::string>(), output.string());
        QCOMPARE(style["voice_embedding"].size(), kVoiceEmbeddingSize);
        QCOMPARE(style["ecapa_embedding"].size(), kEcapaEmbeddingSize);
        const Run restyled = runMuze({"generate", "--plan", text(models.folder / "out/styled.json"), "--regenerate", "1", "--seed", "5",
                                      "--output", text(models.folder / "out/restyled.wav"), "--models", text(models.folder)});
        QVERIFY2(restyled.status == 0, qPrintable(restyled.err));
        QCOMPARE(Json::parse(std::ifstream(models.folder / "out/restyled.json"))["parameters"]["style_of"], style);
        std::ofstream(artistEmbeddingsOf(models.folder / "data.json")) << Json{{"Ana", std::vector<float>(kVoiceEmbeddingSize, 0.1f)}}.dump();
        const Run unknownArtist = runMuze(QStringList{"generate", "--output", text(models.folder / "out/nobody.wav"), "--style_of", "Nobody",
                                                      "--annotations", text(models.folder / "data.json")} + common);
        QVERIFY2(unknownArtist.status != 0 && unknownArtist.err.contains("\"Ana\""), qPrintable(unknownArtist.err));
        const Run ana = runMuze(QStringList{"generate", "--output", text(models.folder / "out/ana.wav"), "--style_of", "Ana",
                                            "--annotations", text(models.folder / "data.json")} + common);
        QVERIFY2(ana.status == 0, qPrintable(ana.err));

        // The reference's delivery: 44.1 kHz stereo, here as FLAC.
        const Run delivered = runMuze(QStringList{"generate", "--output", text(models.folder / "out/wide.wav"), "--format", "flac",
                                                  "--sample_rate", "44100", "--stereo"} + common);
        QVERIFY2(delivered.status == 0, qPrintable(delivered.err));
        DecodeOptions asWritten;
        asWritten.sampleRate = 0;
        asWritten.channels = ChannelMode::UpToStereo;
        const DecodedAudio wide = decodeAudioFile(models.folder / "out/wide.flac", asWritten);
        QCOMPARE(wide.audio.sampleRate, 44100);
        QCOMPARE(wide.audio.channels, 2);
        QVERIFY(std::abs(wide.audio.durationSeconds() - 8.0) < 0.001);
        const Run notFromWide = runMuze({"generate", "--plan", text(models.folder / "out/wide.json"), "--regenerate", "1", "--seed", "3",
                                         "--output", text(models.folder / "out/wide2.wav"), "--models", text(models.folder)});
        QVERIFY2(notFromWide.status != 0 && notFromWide.err.contains("32 kHz mono"), qPrintable(notFromWide.err));

        // Refusals come before any work, and leave nothing behind.
        const std::filesystem::path refused = models.folder / "out/refused.wav";
        for (const QStringList& bad : {QStringList{"--template", "ballad"}, QStringList{"--duration", "2"}, QStringList{"--key", "H major"},
                                       QStringList{"--sampler", "euler"}, QStringList{"--vae_checkpoint", "/nonexistent.safetensors"},
                                       QStringList{"--sample_rate", "48000"}, QStringList{"--format", "mp3"},
                                       QStringList{"--style_of", "Ana"}}) {
            const Run failed = runMuze(QStringList{"generate", "--output", text(refused)} + common + bad);
            QVERIFY2(failed.status != 0 && !failed.err.isEmpty(), qPrintable(bad.join(' ')));
            QVERIFY(!std::filesystem::exists(refused));
        }
    }

    // --sing_lyrics: the mix, the vocals and the instrumental apart, the lyrics' times, and what was
    // sung where; a failure to sing still writes the instrumental.
    void theCommandLineSingsTheLyricsBesideTheInstrumental()
    {
        const RandomModels models = saveRandomModels("generate-sung");
        const std::filesystem::path out = models.folder / "out";
        const QStringList common{"--models", text(models.folder), "--duration", "20", "--tempo", "120", "--key", "D major", "--num_steps", "2",
                                 "--seed", "5"};
        const QString lyrics = "hold me closer now\nthe night is young\nwe are running home\nand the lights are on";
        const Run plain = runMuze(QStringList{"generate", "--output", text(out / "plain.wav")} + common);
        QVERIFY2(plain.status == 0, qPrintable(plain.err));
        const Run kept = runMuze(QStringList{"generate", "--output", text(out / "kept.wav"), "--sing_lyrics", "--lyrics", lyrics,
                                             "--no_strip_ldm_vocals"} + common);
        QVERIFY2(kept.status == 0, qPrintable(kept.err));
        QVERIFY(decodeAudioFile(out / "kept_instrumental.wav", {}).audio.samples == decodeAudioFile(out / "plain.wav", {}).audio.samples);

        const Run sung = runMuze(QStringList{"generate", "--output", text(out / "song.wav"), "--sing_lyrics", "--lyrics", lyrics} + common);
        QVERIFY2(sung.status == 0 && sung.err.contains(QRegularExpression("the mix's loudness is -?\\d+\\.\\d LUFS")), qPrintable(sung.err));
        const Json description = Json::parse(std::ifstream(out / "song.json"));
        const Json& vocals = description["vocals"];
        QCOMPARE(vocals["backend"].get<std::string>(), std::string("builtin"));
        QCOMPARE(vocals["regions_from"].get<std::string>(), std::string("plan"));
        QCOMPARE(vocals["mix_vocals"].get<double>(), 0.7);
        QVERIFY(vocals["strip_ldm_vocals"].get<bool>() && vocals["loudness_lufs"].is_number());
        const Json& regions = vocals["regions"];
        QCOMPARE(regions.size(), std::size_t(4));  // verse, chorus, verse, chorus
        for (const Json& region : regions) {
            const Json& section = description["plan"]["sections"][region["section"].get<std::size_t>() - 1];
            QVERIFY(section["has_vocals"].get<bool>());
            QCOMPARE(region["start"].get<double>(), section["start"].get<double>() + 0.5);
            QCOMPARE(region["lines"].size(), std::size_t(1));
        }

        const AudioBuffer song = decodeAudioFile(out / "song.wav", {}).audio;
        const AudioBuffer voice = decodeAudioFile(out / "song_vocals.wav", {}).audio;
        const AudioBuffer instrumental = decodeAudioFile(out / "song_instrumental.wav", {}).audio;
        QCOMPARE(song.frames(), std::int64_t(20 * 32000));
        QCOMPARE(voice.frames(), song.frames());
        QCOMPARE(instrumental.frames(), song.frames());
        QVERIFY2(*std::max_element(song.samples.begin(), song.samples.end(), [](float a, float b) { return std::abs(a) < std::abs(b); }) <= 0.8915f,
                 "the limiter keeps the mix under -1 dBFS");
        const auto region0 = static_cast<std::size_t>(regions[0]["start"].get<double>() * 32000);
        const auto resamplerReach = static_cast<std::size_t>(0.01 * 32000);  // the 22.05 → 32 kHz filter rings ahead of the first note
        QVERIFY2(std::all_of(voice.samples.begin(), voice.samples.begin() + static_cast<std::ptrdiff_t>(region0 - resamplerReach),
                             [](float s) { return s == 0.0f; }),
                 "nothing is sung before the first region");
        QVERIFY(test::rootMeanSquare(voice.samples) > 0.001);
        const std::vector<float> plainSamples = decodeAudioFile(out / "plain.wav", {}).audio.samples;
        QVERIFY2(std::equal(instrumental.samples.begin(), instrumental.samples.begin() + static_cast<std::ptrdiff_t>(region0), plainSamples.begin()),
                 "the instrumental is stripped only where the voice sings");

        std::ifstream lrc(out / "song.lrc");
        std::vector<std::string> lrcLines;
        for (std::string line; std::getline(lrc, line);)
            lrcLines.push_back(line);
        QCOMPARE(lrcLines.size(), std::size_t(4));
        QVERIFY2(QString::fromStdString(lrcLines[0]).contains(QRegularExpression(R"(^\[00:0\d\.\d\d\]hold me closer now$)")), lrcLines[0].c_str());

        // Lyrics that cannot fit: the instrumental is written, the error says so, the exit status fails.
        const Run tooLong = runMuze(QStringList{"generate", "--output", text(out / "long.wav"), "--sing_lyrics", "--lyrics",
                                                "we are running faster than the city lights tonight and every night forever more my friend until the morning light"} + common);
        QVERIFY2(tooLong.status != 0 && tooLong.err.contains("instrumental alone") && tooLong.err.contains("do not fit"), qPrintable(tooLong.err));
        QVERIFY(decodeAudioFile(out / "long.wav", {}).audio.samples == plainSamples);
        QVERIFY(Json::parse(std::ifstream(out / "long.json"))["vocals"]["error"].is_string());

        // A plan with no sung section: the voice goes where the instrumental leaves it room.
        const Run heard = runMuze(QStringList{"generate", "--output", text(out / "heard.wav"), "--sing_lyrics", "--lyrics", lyrics, "--template",
                                              "instrumental"} + common);
        QVERIFY2(heard.status == 0 && heard.err.contains("bars of moderate energy"), qPrintable(heard.err));
        const Json heardVocals = Json::parse(std::ifstream(out / "heard.json"))["vocals"];
        QCOMPARE(heardVocals["regions_from"].get<std::string>(), std::string("instrumental"));
        QVERIFY(!heardVocals["regions"].empty());
        for (const Json& region : heardVocals["regions"])
            QVERIFY(region["start"].get<double>() >= 0.5 && region["end"].get<double>() <= 19.5 && region["end"] > region["start"]);

        // Refused before any work.
        for (const QStringList& bad : {QStringList{"--sing_lyrics"}, QStringList{"--sing_lyrics", "--lyrics", "la", "--strip_ldm_vocals", "--no_strip_ldm_vocals"},
                                       QStringList{"--sing_lyrics", "--lyrics", " \n ", "--template", "instrumental"}}) {
            const Run failed = runMuze(QStringList{"generate", "--output", text(out / "refused.wav")} + common + bad);
            QVERIFY2(failed.status != 0 && !failed.err.isEmpty(), qPrintable(bad.join(' ')));
            QVERIFY(!std::filesystem::exists(out / "refused.wav"));
        }
    }

    // GPT-SoVITS and Fish Speech, as a local server speaks them: what is sent, and every way the
    // server can fail, each of which still writes the instrumental and fails the command.
    void theLyricsCanBeSaidByAVoiceServer()
    {
        const RandomModels models = saveRandomModels("generate-voice-server");
        const std::filesystem::path out = models.folder / "out";
        const std::filesystem::path log = out / "requests.jsonl";
        std::filesystem::create_directories(out);
        test::LocalServer server("voice_server.py", log, {"--api_key", "sesame", "--slow_seconds", "4"});
        QVERIFY(server.running());
        const QString reference = "/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0870.wav";
        const QStringList common{"--models", text(models.folder), "--duration", "20", "--tempo", "120", "--num_steps", "2", "--seed", "5",
                                 "--sing_lyrics", "--lyrics", "(excited) hold me closer now\nthe night is young\nwe are running home\nthe lights are on"};
        const QStringList gpt = common + QStringList{"--singing_backend", "gpt_sovits", "--singing_voice_ref", reference, "--i_have_consent"};

        const Run said = runMuze(QStringList{"generate", "--output", text(out / "gpt.wav"), "--gpt_sovits_url", QString::fromStdString(server.url())} + gpt);
        QVERIFY2(said.status == 0, qPrintable(said.err));
        const std::vector<nlohmann::json> requests = test::requestsIn(log);
        QCOMPARE(requests.size(), std::size_t(4));
        const Json first = Json::parse(requests[0]["body"].get<std::string>());
        QCOMPARE(requests[0]["path"].get<std::string>(), std::string("/tts"));
        QCOMPARE(first["ref_audio_path"].get<std::string>(), reference.toStdString());
        QCOMPARE(first["text_lang"].get<std::string>(), std::string("en"));
        QVERIFY2(!first["prompt_text"].get<std::string>().empty(), "the reference's words, as the recogniser heard them");
        const Json vocals = Json::parse(std::ifstream(out / "gpt.json"))["vocals"];
        QCOMPARE(vocals["backend"].get<std::string>(), std::string("gpt_sovits"));
        QCOMPARE(vocals["voice_reference"].get<std::string>(), reference.toStdString());
        QVERIFY(test::rootMeanSquare(decodeAudioFile(out / "gpt_vocals.wav", {}).audio.samples) > 0.001);
        std::ifstream lrc(out / "gpt.lrc");
        QVERIFY(std::count(std::istreambuf_iterator<char>(lrc), std::istreambuf_iterator<char>(), '\n') == 4);

        // Fish Speech with a key: the key goes in the header and nowhere else, the markers stay.
        const Run fish = runMuze(QStringList{"generate", "--output", text(out / "fish.wav"), "--singing_backend", "fish_speech", "--fish_speech_url",
                                             QString::fromStdString(server.url()), "--fish_speech_api_key", "sesame", "--singing_voice_ref", reference, "--i_have_consent"} +
                                 common);
        QVERIFY2(fish.status == 0, qPrintable(fish.err));
        const nlohmann::json fishRequest = test::requestsIn(log)[4];
        QCOMPARE(fishRequest["path"].get<std::string>(), std::string("/v1/tts"));
        QCOMPARE(fishRequest["authorization"].get<std::string>(), std::string("Bearer sesame"));
        const Json fishBody = Json::parse(fishRequest["body"].get<std::string>());
        QCOMPARE(fishBody["text"].get<std::string>(), std::string("(excited) hold me closer now"));
        QCOMPARE(fishBody["references"].size(), std::size_t(1));
        std::ifstream fishJson(out / "fish.json");
        const std::string written((std::istreambuf_iterator<char>(fishJson)), std::istreambuf_iterator<char>());
        QVERIFY(written.find("sesame") == std::string::npos && !fish.err.contains("sesame"));

        // Every failure: named, the instrumental written, the command failed.
        const std::vector<std::pair<QStringList, QString>> failures{
            {{"--gpt_sovits_url", "http://127.0.0.1:1"}, "Nothing answers"},
            {{"--gpt_sovits_url", QString::fromStdString(server.url("slow")), "--voice_server_timeout", "1"}, "did not answer in time"},
            {{"--gpt_sovits_url", QString::fromStdString(server.url("garbage"))}, "not audio"},
            {{"--gpt_sovits_url", QString::fromStdString(server.url("refuse"))}, "CUDA out of memory"},
            {{"--gpt_sovits_url", QString::fromStdString(server.url("huge"))}, "MiB"}};
        for (const auto& [flags, expected] : failures) {
            std::filesystem::remove(out / "failed.wav");
            const Run failed = runMuze(QStringList{"generate", "--output", text(out / "failed.wav")} + gpt + flags);
            QVERIFY2(failed.status == 1 && failed.err.contains("GPT-SoVITS") && failed.err.contains(expected) && failed.err.contains("instrumental alone"),
                     qPrintable(failed.err));
            QVERIFY(std::filesystem::exists(out / "failed.wav"));
        }

        // Refused before any work: a cloned voice without consent, or with the built-in singer.
        for (const QStringList& bad : {QStringList{"--singing_backend", "gpt_sovits", "--singing_voice_ref", reference},
                                       QStringList{"--singing_voice_ref", reference, "--i_have_consent"},
                                       QStringList{"--voice_clone", "Ana", "--singing_backend", "fish_speech", "--i_have_consent"},
                                       QStringList{"--singing_backend", "xtts"}}) {
            const Run refused = runMuze(QStringList{"generate", "--output", text(out / "refused.wav")} + common + bad);
            QVERIFY2(refused.status == 2, qPrintable(refused.err));
            QVERIFY(!std::filesystem::exists(out / "refused.wav"));
        }
        QVERIFY(runMuze(QStringList{"generate", "--output", text(out / "refused.wav"), "--singing_backend", "gpt_sovits", "--singing_voice_ref",
                                    reference} + common).err.contains("your own voice"));
    }

    // Coqui XTTS, ElevenLabs and RVC as local servers speak them. ElevenLabs' key, from the
    // environment or from the keys Preferences saves, reaches the server and no file the command
    // writes; RVC's voice replaces the singer's at the song's own rate and length.
    void theLyricsCanBeSaidByCoquiElevenLabsAndConvertedByRvc()
    {
        const RandomModels models = saveRandomModels("generate-other-voices");
        const std::filesystem::path out = models.folder / "out";
        const std::filesystem::path log = out / "requests.jsonl";
        std::filesystem::create_directories(out);
        const std::string key = "xi-4711-secret";
        test::LocalServer server("voice_server.py", log, {"--api_key", key});
        QVERIFY(server.running());
        const QString url = QString::fromStdString(server.url());
        const QString reference = "/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0870.wav";
        const QStringList common{"--models", text(models.folder), "--duration", "20", "--tempo", "120", "--num_steps", "2", "--seed", "5",
                                 "--sing_lyrics", "--lyrics", "hold me closer now\nthe night is young"};
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("XDG_CONFIG_HOME", text(models.folder / "config"));
        environment.remove("ELEVENLABS_API_KEY");

        const Run coqui = runMuze(QStringList{"generate", "--output", text(out / "coqui.wav"), "--singing_backend", "coqui", "--coqui_url", url,
                                              "--singing_voice_ref", reference, "--i_have_consent", "--language", "pl"} + common,
                                  environment);
        QVERIFY2(coqui.status == 0, qPrintable(coqui.err));
        const nlohmann::json coquiRequest = test::requestsIn(log).at(0);
        QCOMPARE(coquiRequest["path"].get<std::string>(), std::string("/api/tts"));
        QCOMPARE(coquiRequest["content-type"].get<std::string>(), std::string("application/x-www-form-urlencoded"));
        const std::string form = coquiRequest["body"].get<std::string>();
        QVERIFY2(form.rfind("text=hold%20me%20closer%20now&language_id=pl&speaker_wav=%2Fusr%2Fshare%2Fpocketsphinx", 0) == 0, form.c_str());
        const Run garbled = runMuze(QStringList{"generate", "--output", text(out / "garbled.wav"), "--singing_backend", "coqui", "--coqui_url",
                                                QString::fromStdString(server.url("garbage"))} + common,
                                    environment);
        QVERIFY2(garbled.status == 1 && garbled.err.contains("Coqui XTTS") && garbled.err.contains("not audio"), qPrintable(garbled.err));
        QVERIFY(std::filesystem::exists(out / "garbled.wav"));

        // ElevenLabs: no key, no voice, a wrong key: each said before or by the server.
        const QStringList eleven = QStringList{"--singing_backend", "elevenlabs", "--elevenlabs_url", url} + common;
        const Run keyless = runMuze(QStringList{"generate", "--output", text(out / "eleven.wav"), "--elevenlabs_voice", "Rachel"} + eleven, environment);
        QVERIFY2(keyless.status == 2 && keyless.err.contains("ELEVENLABS_API_KEY"), qPrintable(keyless.err));
        environment.insert("ELEVENLABS_API_KEY", "wrong");
        const Run wrong = runMuze(QStringList{"generate", "--output", text(out / "wrong.wav"), "--elevenlabs_voice", "Rachel"} + eleven, environment);
        QVERIFY2(wrong.status == 1 && wrong.err.contains("ElevenLabs") && wrong.err.contains("Invalid API key"), qPrintable(wrong.err));
        QVERIFY(std::filesystem::exists(out / "wrong.wav"));
        environment.insert("ELEVENLABS_API_KEY", QString::fromStdString(key));
        const Run voiceless = runMuze(QStringList{"generate", "--output", text(out / "eleven.wav")} + eleven, environment);
        QVERIFY2(voiceless.status == 2 && voiceless.err.contains("--elevenlabs_voice"), qPrintable(voiceless.err));

        // The key saved as Preferences saves it, with RVC converting what ElevenLabs says.
        environment.remove("ELEVENLABS_API_KEY");
        qputenv("XDG_CONFIG_HOME", text(models.folder / "config").toUtf8());
        saveApiKey(ApiService::ElevenLabs, key);
        qunsetenv("XDG_CONFIG_HOME");
        const Run said = runMuze(QStringList{"generate", "--output", text(out / "eleven.wav"), "--elevenlabs_voice", "Rachel", "--rvc_model", "ana_v2",
                                             "--rvc_url", url, "--rvc_pitch", "3"} + eleven,
                                 environment);
        QVERIFY2(said.status == 0, qPrintable(said.err));
        const std::vector<nlohmann::json> requests = test::requestsIn(log);
        const auto sent = [&](const std::string& path) {  // the last such request
            return std::find_if(requests.rbegin(), requests.rend(), [&](const nlohmann::json& r) { return r["path"].get<std::string>() == path; });
        };
        const auto speech = sent("/v1/text-to-speech/Rachel?output_format=mp3_44100_128");
        QVERIFY(speech != requests.rend());
        QCOMPARE((*speech)["xi-api-key"].get<std::string>(), key);
        QCOMPARE(Json::parse((*speech)["body"].get<std::string>())["model_id"].get<std::string>(), std::string(kDefaultElevenLabsModel));
        QVERIFY(sent("/models/ana_v2") != requests.rend() && sent("/convert") != requests.rend());
        QCOMPARE(Json::parse((*sent("/params"))["body"].get<std::string>())["params"]["f0up_key"].get<int>(), 3);
        const Json vocals = Json::parse(std::ifstream(out / "eleven.json"))["vocals"];
        QCOMPARE(vocals["voice_id"].get<std::string>(), std::string("Rachel"));
        QCOMPARE(vocals["voice_conversion"]["model"].get<std::string>(), std::string("ana_v2"));
        const AudioBuffer song = decodeAudioFile(out / "eleven.wav", {}).audio;
        const AudioBuffer sung = decodeAudioFile(out / "eleven_vocals.wav", {}).audio;
        QCOMPARE(sung.frames(), song.frames());
        QVERIFY(test::rootMeanSquare(sung.samples) > 0.001);
        struct stat keys {};
        QVERIFY(::stat((models.folder / "config" / "muze" / "api-keys.json").c_str(), &keys) == 0 && (keys.st_mode & 077) == 0);
        for (const auto& entry : std::filesystem::recursive_directory_iterator(out)) {
            if (entry.path() == log || !entry.is_regular_file())
                continue;
            std::ifstream file(entry.path(), std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
            QVERIFY2(bytes.find(key) == std::string::npos, qPrintable(text(entry.path())));
        }
        QVERIFY(!said.err.contains(QString::fromStdString(key)));

        // RVC without a model, with one it does not hold, and the built-in singer converted.
        const QStringList rvc{"--singing_backend", "rvc", "--rvc_url", url};
        const Run modelless = runMuze(QStringList{"generate", "--output", text(out / "rvc.wav")} + rvc + common, environment);
        QVERIFY2(modelless.status == 2 && modelless.err.contains("--rvc_model"), qPrintable(modelless.err));
        const Run unknown = runMuze(QStringList{"generate", "--output", text(out / "rvc.wav"), "--rvc_model", "bob"} + rvc + common, environment);
        QVERIFY2(unknown.status == 1 && unknown.err.contains("RVC") && unknown.err.contains("Model bob not found") && unknown.err.contains("instrumental alone"),
                 qPrintable(unknown.err));
        const Run down = runMuze(QStringList{"generate", "--output", text(out / "rvc.wav"), "--rvc_model", "ana_v2", "--singing_backend", "rvc",
                                             "--rvc_url", "http://127.0.0.1:1"} + common,
                                 environment);
        QVERIFY2(down.status == 1 && down.err.contains("RVC") && down.err.contains("Nothing answers"), qPrintable(down.err));
        const Run builtin = runMuze(QStringList{"generate", "--output", text(out / "rvc.wav"), "--rvc_model", "ana_v2"} + rvc + common, environment);
        QVERIFY2(builtin.status == 0 && builtin.err.contains("RVC"), qPrintable(builtin.err));
        QCOMPARE(Json::parse(std::ifstream(out / "rvc.json"))["vocals"]["backend"].get<std::string>(), std::string("rvc"));
    }
};

QTEST_GUILESS_MAIN(GenerationTest)
#include "test_generation.moc"
