#include "core/dataset/LlmPrompts.h"

#include "core/common/Error.h"
#include "core/common/HttpClient.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace muze {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kLongestPrompt = 400;  // characters: a sentence, not an essay

const char* const kInstruction =
    "You write the text prompt a text-to-music model is trained with: one sentence of at most 40 words that describes a "
    "song as a musician would (genre, mood, tempo, key, instruments or voice, form). Use only the facts given; do not "
    "invent a title, an artist or lyrics. Answer with the sentence alone.";

std::string withoutTrailingSlash(const std::string& url)
{
    return !url.empty() && url.back() == '/' ? url.substr(0, url.size() - 1) : url;
}

std::string numberText(double value, int decimals)
{
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(decimals);
    out << value;
    return out.str();
}

HttpRequest requestFor(const PromptLlm& llm, const std::string& question)
{
    HttpRequest request;
    request.headers = {"Content-Type: application/json", "Accept: application/json"};
    if (!llm.apiKey.empty())
        request.headers.push_back("Authorization: Bearer " + llm.apiKey);
    request.connectTimeout = llm.connectTimeout;
    request.timeout = llm.timeout;
    request.maxReplyBytes = 1 << 20;
    const std::string base = withoutTrailingSlash(llm.url);
    if (llm.api == LlmApi::Ollama) {
        request.url = base + "/api/generate";
        request.body = Json{{"model", llm.model}, {"system", kInstruction}, {"prompt", question}, {"stream", false}}.dump();
    } else {
        request.url = base + "/v1/chat/completions";
        request.body = Json{{"model", llm.model},
                            {"messages", Json::array({{{"role", "system"}, {"content", kInstruction}}, {{"role", "user"}, {"content", question}}})}}
                           .dump();
    }
    return request;
}

// The server's own words for a refusal: Ollama answers {"error": "..."}, OpenAI {"error": {"message": "..."}}.
std::string refusalOf(const HttpReply& reply)
{
    const Json json = Json::parse(reply.body, nullptr, false);
    if (json.is_object() && json.contains("error")) {
        const Json& error = json["error"];
        if (error.is_string())
            return error.get<std::string>();
        if (error.is_object() && error.contains("message") && error["message"].is_string())
            return error["message"].get<std::string>();
    }
    return reply.body.substr(0, 200);
}

// The generated text of a reply, or nothing when the reply is not the API's answer.
std::optional<std::string> generatedText(LlmApi api, const std::string& body)
{
    const Json json = Json::parse(body, nullptr, false);
    if (!json.is_object())
        return std::nullopt;
    if (api == LlmApi::Ollama)
        return json.contains("response") && json["response"].is_string() ? std::optional(json["response"].get<std::string>()) : std::nullopt;
    const auto choices = json.find("choices");
    if (choices == json.end() || !choices->is_array() || choices->empty() || !(*choices)[0].is_object())
        return std::nullopt;
    const Json& message = (*choices)[0].value("message", Json());
    return message.is_object() && message.contains("content") && message["content"].is_string()
               ? std::optional(message["content"].get<std::string>())
               : std::nullopt;
}

// The sentence in a model's answer: its first non-empty line, without quotes around it; nothing
// when there is none or it is too long to be one.
std::optional<std::string> sentenceOf(const std::string& text)
{
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        const auto first = line.find_first_not_of(" \t\r\"'`*");
        if (first == std::string::npos)
            continue;
        const auto last = line.find_last_not_of(" \t\r\"'`*");
        line = line.substr(first, last - first + 1);
        if (line.size() > kLongestPrompt || line.find_first_of("\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f") != std::string::npos)
            return std::nullopt;
        return line;
    }
    return std::nullopt;
}

std::string textOf(const Record& record, const char* name)
{
    return valueOr(record, name, std::string());
}

std::string sectionsOf(const Record& record)
{
    const auto segments = record.find(field::kSegments);
    if (segments == record.end() || !segments->is_array())
        return "";
    std::string out;
    for (const auto& section : *segments) {
        const std::string type = section.is_object() ? valueOr(section, "type", std::string()) : std::string();
        if (!type.empty())
            out += (out.empty() ? "" : ", ") + type;
    }
    return out;
}

std::string energyWord(double energy)
{
    return energy >= 0.75 ? "high" : energy >= 0.45 ? "medium" : "low";
}

}  // namespace

std::optional<LlmApi> llmApiNamed(const std::string& name)
{
    if (name == "ollama")
        return LlmApi::Ollama;
    if (name == "openai")
        return LlmApi::OpenAi;
    return std::nullopt;
}

const char* llmApiName(LlmApi api)
{
    return api == LlmApi::Ollama ? "ollama" : "openai";
}

std::string defaultLlmUrl(LlmApi api)
{
    return api == LlmApi::Ollama ? "http://127.0.0.1:11434" : "https://api.openai.com";
}

std::string promptSourceOf(const PromptLlm& llm)
{
    return std::string(llmApiName(llm.api)) + ":" + llm.model;
}

std::string llmQuestionFor(const Record& record)
{
    std::vector<std::string> facts;
    const auto add = [&](const std::string& name, const std::string& value) {
        if (!value.empty())
            facts.push_back(name + ": " + value);
    };
    add("genre", textOf(record, "genre"));
    const double tempo = valueOr(record, "tempo", 0.0);
    add("tempo", tempo > 0 ? numberText(tempo, 0) + " BPM" : "");
    add("key", textOf(record, "key"));
    add("time signature", textOf(record, "time_signature"));
    const auto energy = record.find("energy");
    add("energy", energy != record.end() && energy->is_number() ? energyWord(energy->get<double>()) + " (" + numberText(energy->get<double>(), 2) + " of 1)" : "");
    const auto vocals = record.find("has_vocals");
    add("vocals", vocals != record.end() && vocals->is_boolean() ? (vocals->get<bool>() ? "yes" : "none, instrumental") : "");
    add("sections in order", sectionsOf(record));
    add("lyrics sentiment", textOf(record, "text_sentiment"));
    const double seconds = valueOr(record, "duration", 0.0);
    add("duration", seconds > 0 ? numberText(std::round(seconds), 0) + " s" : "");
    add("a plain description", textOf(record, field::kPrompt));
    std::string question = "The song's facts:\n";
    for (const std::string& fact : facts)
        question += "- " + fact + "\n";
    return question + "Write the prompt.";
}

std::string writePromptWithLlm(const PromptLlm& llm, const Record& record, const JobControl& control)
{
    const std::string name = std::string(llm.api == LlmApi::Ollama ? "Ollama" : "The OpenAI-compatible server") + " at " + llm.url;
    HttpReply reply;
    try {
        reply = sendHttp(requestFor(llm, llmQuestionFor(record)), control);
    } catch (const Error& error) {
        if (error.kind() == ErrorKind::Cancelled)
            throw;
        throw Error(ErrorKind::Io, name + " did not answer: " + error.what() + " Start it (see README, \"Prompts from a language model\") or leave out --prompt_llm.");
    }
    if (reply.status != 200)
        throw Error(ErrorKind::Io, name + " refused to write a prompt with the model \"" + llm.model + "\" (HTTP " + std::to_string(reply.status) +
                                       "): " + refusalOf(reply));
    const std::optional<std::string> text = generatedText(llm.api, reply.body);
    if (!text)
        throw Error(ErrorKind::Corrupt, name + " answered with " + std::to_string(reply.body.size()) + " bytes that are not its API's reply (" +
                                            (reply.contentType.empty() ? "no content type" : reply.contentType) + "): is that address the server's API?");
    const std::optional<std::string> sentence = sentenceOf(*text);
    if (!sentence)
        throw Error(ErrorKind::Corrupt, name + " answered without a sentence of at most " + std::to_string(kLongestPrompt) + " characters.");
    return *sentence;
}

std::optional<std::string> PromptLlmSession::promptFor(const Record& record, const JobControl& control)
{
    if (m_unreachable.load()) {
        count(false, "");
        return std::nullopt;
    }
    try {
        std::string prompt = writePromptWithLlm(m_llm, record, control);
        count(true, "");
        return prompt;
    } catch (const Error& error) {
        if (error.kind() == ErrorKind::Cancelled)
            throw;
        if (error.kind() == ErrorKind::Io)
            m_unreachable = true;
        count(false, error.what());
        return std::nullopt;
    }
}

void PromptLlmSession::count(bool written, const std::string& problem)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    (written ? m_written : m_missed) += 1;
    if (m_problem.empty())
        m_problem = problem;
}

int PromptLlmSession::written() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_written;
}

int PromptLlmSession::missed() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_missed;
}

std::string PromptLlmSession::problem() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_problem;
}

}  // namespace muze
