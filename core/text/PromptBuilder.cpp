#include "core/text/PromptBuilder.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace muze {
namespace {

std::string mood(const PromptFacts& facts)
{
    if (facts.energy >= 0.75)
        return "Energetic";
    if (facts.energy >= 0.55)
        return facts.tempo && *facts.tempo >= 110 ? "Upbeat" : "Steady";
    if (facts.energy >= 0.35)
        return "Mellow";
    return "Quiet";
}

std::string lowercase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string voices(const PromptFacts& facts)
{
    if (!facts.hasVocals)
        return ", instrumental";
    if (facts.voiceHz && *facts.voiceHz < 160)
        return " with male vocals";
    if (facts.voiceHz && *facts.voiceHz > 190)
        return " with female vocals";
    return " with vocals";
}

}  // namespace

std::string buildPrompt(const PromptFacts& facts)
{
    std::string prompt = mood(facts) + " " + (facts.genre.empty() ? std::string() : lowercase(facts.genre) + " ") + "song";
    if (facts.tempo && *facts.tempo > 0)
        prompt += " at " + std::to_string(static_cast<int>(std::lround(*facts.tempo))) + " BPM";
    if (!facts.key.empty())
        prompt += " in " + facts.key;
    if (!facts.timeSignature.empty() && facts.timeSignature != "4/4")
        prompt += " in " + facts.timeSignature + " time";
    prompt += voices(facts);
    if (!facts.structure.empty())
        prompt += ", " + facts.structure + " structure";
    if (!facts.sentiment.empty())
        prompt += ", " + facts.sentiment + " lyrics";
    return prompt + ".";
}

}  // namespace muze
