#pragma once

// Prompts written by a language model the user runs: the record's analysed facts are sent to
// Ollama's /api/generate or an OpenAI-compatible /v1/chat/completions, and the one sentence that
// comes back becomes the record's prompt. The built-in sentence stays when no model is named or it
// fails; `prompt_source` says which made the prompt: "builtin", "user", or "ollama:MODEL" and
// "openai:MODEL" for a model's.

#include "core/common/JobControl.h"
#include "core/dataset/TrackRecord.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace muze {

enum class LlmApi { Ollama, OpenAi };

struct PromptLlm {
    LlmApi api = LlmApi::Ollama;
    std::string url;       // the server: "http://127.0.0.1:11434", "https://api.openai.com"
    std::string model;     // "llama3.2", "gpt-4o-mini"
    std::string apiKey;    // sent as a bearer token when set; never written anywhere
    double connectTimeout = 5.0;  // seconds
    double timeout = 120.0;       // seconds for one prompt's whole exchange: a model on a CPU is slow
};

inline constexpr const char* kPromptSource = "prompt_source";
inline constexpr const char* kBuiltinPromptSource = "builtin";  // the analysis's own sentence
inline constexpr const char* kUserPromptSource = "user";        // typed in the Library

// "ollama" or "openai"; nothing for another name.
std::optional<LlmApi> llmApiNamed(const std::string& name);
const char* llmApiName(LlmApi api);
// Where the model runs when no --llm_url is given: Ollama's and OpenAI's usual addresses.
std::string defaultLlmUrl(LlmApi api);

// What `prompt_source` says of a prompt this model wrote: "ollama:llama3.2".
std::string promptSourceOf(const PromptLlm& llm);

// What the model is asked: the facts of the record (genre, tempo, key, time signature, energy,
// vocals, sections, the lyrics' sentiment) and the built-in sentence, for one sentence back.
std::string llmQuestionFor(const Record& record);

// The model's sentence for this record. Throws Error naming the server and what to do: Io when it
// is down, stalls or refuses (with its own message), Corrupt when its reply holds no sentence,
// Cancelled when `control` is.
std::string writePromptWithLlm(const PromptLlm& llm, const Record& record, const JobControl& control = {});

// Asks one model for the prompts of many records, from any thread. Once its server cannot be
// reached or refuses, it is not asked again: every record would wait out the same timeout or get
// the same refusal. A reply without a sentence costs only that record's prompt.
class PromptLlmSession {
public:
    explicit PromptLlmSession(PromptLlm llm) : m_llm(std::move(llm)) {}

    // The model's prompt for `record`, or nothing when it gave none (counted as missed, the first
    // reason kept). Throws Error(Cancelled) when `control` is.
    std::optional<std::string> promptFor(const Record& record, const JobControl& control = {});

    const PromptLlm& llm() const { return m_llm; }
    int written() const;
    int missed() const;
    std::string problem() const;  // why the first prompt was missed; empty when none was

private:
    void count(bool written, const std::string& problem);

    const PromptLlm m_llm;
    std::atomic<bool> m_unreachable{false};
    mutable std::mutex m_mutex;
    int m_written = 0;
    int m_missed = 0;
    std::string m_problem;
};

}  // namespace muze
