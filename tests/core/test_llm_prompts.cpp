// Prompts from a language model, against tests/support/llm_server.py speaking Ollama's and the
// OpenAI-compatible API: what is sent, what comes back, every way the server can fail (each a clear
// error that costs no prompt), and a dataset build that writes them, keeps the built-in sentence
// when the server is down, and writes the API key nowhere.

#include "core/common/Error.h"
#include "core/dataset/DatasetBuilder.h"
#include "core/dataset/DatasetFile.h"
#include "core/dataset/LlmPrompts.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <fstream>

using namespace muze;
using Json = nlohmann::json;

namespace {

Record analysedRecord()
{
    return {{"audio_path", "a.mp3"}, {"genre", "folk"}, {"tempo", 92.4}, {"key", "D minor"}, {"time_signature", "3/4"}, {"energy", 0.31},
            {"has_vocals", true}, {"text_sentiment", "negative"}, {"duration", 187.2},
            {"segments", Json::array({{{"type", "intro"}}, {{"type", "verse"}}, {{"type", "chorus"}}})},
            {"prompt", "Mellow folk song at 92 BPM in D minor with vocals."}};
}

PromptLlm llmAt(LlmApi api, const std::string& url, const std::string& model = "tiny")
{
    PromptLlm llm;
    llm.api = api;
    llm.url = url;
    llm.model = model;
    llm.timeout = 2.0;
    return llm;
}

ErrorKind failureOf(const PromptLlm& llm, std::string& message)
{
    try {
        writePromptWithLlm(llm, analysedRecord());
    } catch (const Error& error) {
        message = error.what();
        return error.kind();
    }
    message = "no error";
    return ErrorKind::Cancelled;
}

std::string fileText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

class LlmPromptsTest : public QObject {
    Q_OBJECT

private slots:
    void theQuestionCarriesTheAnalysedFacts()
    {
        const std::string question = llmQuestionFor(analysedRecord());
        for (const char* fact : {"genre: folk", "tempo: 92 BPM", "key: D minor", "time signature: 3/4", "energy: low (0.31 of 1)", "vocals: yes",
                                 "sections in order: intro, verse, chorus", "lyrics sentiment: negative", "duration: 187 s",
                                 "a plain description: Mellow folk song"})
            QVERIFY2(question.find(fact) != std::string::npos, (std::string(fact) + " in\n" + question).c_str());
        Record sparse{{"audio_path", "b.wav"}, {"tempo", nullptr}, {"key", 5}};
        QVERIFY(llmQuestionFor(sparse).find("tempo") == std::string::npos);  // unknown facts are left out, not made up
        QVERIFY(llmQuestionFor(sparse).find("key") == std::string::npos);
    }

    void ollamaAndOpenAiWriteASentence()
    {
        const std::filesystem::path log = test::scratchFolder("llm_apis") / "requests.jsonl";
        test::LocalServer server("llm_server.py", log, {"--api_key", "sesame"});
        QVERIFY(server.running());

        QCOMPARE(writePromptWithLlm(llmAt(LlmApi::Ollama, server.url()), analysedRecord()), std::string("A test-model song at 92 BPM in D minor."));
        PromptLlm openAi = llmAt(LlmApi::OpenAi, server.url() + "/", "gpt-test");
        openAi.apiKey = "sesame";
        QCOMPARE(writePromptWithLlm(openAi, analysedRecord()), std::string("A test-model song at 92 BPM in D minor."));

        const std::vector<Json> requests = test::requestsIn(log);
        QCOMPARE(requests.size(), std::size_t(2));
        QCOMPARE(requests[0]["path"].get<std::string>(), std::string("/api/generate"));
        const Json ollama = Json::parse(requests[0]["body"].get<std::string>());
        QCOMPARE(ollama["model"].get<std::string>(), std::string("tiny"));
        QCOMPARE(ollama["stream"].get<bool>(), false);
        QVERIFY(requests[0]["authorization"].is_null());
        QCOMPARE(requests[1]["path"].get<std::string>(), std::string("/v1/chat/completions"));
        QCOMPARE(requests[1]["authorization"].get<std::string>(), std::string("Bearer sesame"));
        QCOMPARE(promptSourceOf(openAi), std::string("openai:gpt-test"));
    }

    void everyFailureIsNamed()
    {
        const std::filesystem::path log = test::scratchFolder("llm_failures") / "requests.jsonl";
        test::LocalServer server("llm_server.py", log, {"--api_key", "sesame", "--slow_seconds", "4"});
        QVERIFY(server.running());
        const std::vector<std::tuple<PromptLlm, ErrorKind, std::string>> failures{
            {llmAt(LlmApi::Ollama, "http://127.0.0.1:1"), ErrorKind::Io, "did not answer"},
            {llmAt(LlmApi::Ollama, server.url("slow")), ErrorKind::Io, "in time"},
            {llmAt(LlmApi::Ollama, server.url("garbage")), ErrorKind::Corrupt, "not its API's reply"},
            {llmAt(LlmApi::Ollama, server.url("refuse")), ErrorKind::Io, "ran out of memory"},
            {llmAt(LlmApi::Ollama, server.url(), "missing"), ErrorKind::Io, "model 'missing' not found"},
            {llmAt(LlmApi::Ollama, server.url("empty")), ErrorKind::Corrupt, "without a sentence"},
            {llmAt(LlmApi::Ollama, server.url("rambling")), ErrorKind::Corrupt, "without a sentence"},
            {llmAt(LlmApi::OpenAi, server.url()), ErrorKind::Io, "Incorrect API key"}};
        for (const auto& [llm, kind, words] : failures) {
            std::string message;
            const ErrorKind got = failureOf(llm, message);
            QVERIFY2(got == kind && message.find(words) != std::string::npos && message.find(llm.url) != std::string::npos, message.c_str());
        }
    }

    void aBuildWritesPromptsAndKeepsItsOwnWhenTheServerFails()
    {
        const std::filesystem::path dataset = test::buildLibraryDataset("llm_build");
        const std::filesystem::path log = dataset.parent_path() / "requests.jsonl";
        test::LocalServer server("llm_server.py", log, {"--api_key", "sesame"});
        QVERIFY(server.running());
        const std::vector<Record> builtin = readDataset(dataset);
        for (const Record& record : builtin)
            QCOMPARE(record[kPromptSource].get<std::string>(), std::string(kBuiltinPromptSource));

        // Down: every prompt stays the built-in sentence, and the server is asked once, not per song.
        BuildOptions options;
        options.audioDir = dataset.parent_path() / "songs";
        options.output = dataset;
        options.analysis.recognizeSpeech = false;
        options.jobs = 1;
        options.promptLlm = llmAt(LlmApi::OpenAi, server.url("refuse"));
        options.promptLlm->apiKey = "sesame-secret-key";
        BuildSummary summary = buildDataset(options);
        QCOMPARE(summary.llmPrompts, 0);
        QCOMPARE(summary.llmMissed, 3);
        QVERIFY2(summary.llmProblem.find("ran out of memory") != std::string::npos, summary.llmProblem.c_str());
        QCOMPARE(test::requestsIn(log).size(), std::size_t(1));
        const std::vector<Record> kept = readDataset(dataset);
        for (std::size_t i = 0; i < kept.size(); ++i) {
            QCOMPARE(kept[i]["prompt"], builtin[i]["prompt"]);
            QCOMPARE(kept[i][kPromptSource].get<std::string>(), std::string(kBuiltinPromptSource));
        }

        // Up: the unchanged songs are not analysed again, their prompts are written by the model.
        options.promptLlm = llmAt(LlmApi::OpenAi, server.url());
        options.promptLlm->apiKey = "sesame";
        summary = buildDataset(options);
        QCOMPARE(summary.reused, 3);
        QCOMPARE(summary.llmPrompts, 3);
        for (const Record& record : readDataset(dataset)) {
            QVERIFY(record["prompt"].get<std::string>().rfind("A test-model song at ", 0) == 0);
            QCOMPARE(record[kPromptSource].get<std::string>(), std::string("openai:tiny"));
        }

        // The keys are in no file the build wrote.
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dataset.parent_path()))
            if (entry.is_regular_file() && entry.path() != log)
                QVERIFY2(fileText(entry.path()).find("sesame") == std::string::npos, entry.path().c_str());
    }
};

QTEST_GUILESS_MAIN(LlmPromptsTest)
#include "test_llm_prompts.moc"
