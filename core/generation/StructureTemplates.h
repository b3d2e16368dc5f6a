#pragma once

#include "core/generation/SongPlan.h"

#include <string>
#include <vector>

namespace muze {

// The song forms in resources/templates/, compiled in: each lists its sections with their share of
// the song in bars, their energy, whether they have vocals, and a chord progression in Roman
// numerals for a major and for a minor key.
std::vector<std::string> templateNames();
std::string templateDescription(const std::string& name);

struct TemplateRequest {
    std::string prompt;
    double duration = 30.0;  // seconds; the plan lasts exactly this
    double tempo = 120.0;
    std::string key = "C major";
    std::string timeSignature = "4/4";
};

// A song's form before it is laid over a duration: its sections with their share of the song in
// bars, and what each asks for.
struct FormSection {
    std::string type;
    double bars = 1.0;
    double energy = 0.5;
    bool hasVocals = false;
    std::string majorNumerals;  // "I V vi IV": the chords in a major key
    std::string minorNumerals;
};
std::vector<FormSection> templateForm(const std::string& name);

// A form proposed by the planner, section types and bars only: each section takes the energy,
// vocals and chords of the first section of its type in the `verse_chorus_bridge` template (a verse's
// where it has none).
std::vector<FormSection> formOfTypes(const std::vector<std::pair<std::string, int>>& typesAndBars);

// The form laid over the duration: whole bars shared out in its proportions (each section at least
// one), every boundary on a bar line, and the last section ending at `duration`. Throws
// Error(InvalidArgument) for a duration too short to give every section a bar.
SongPlan planFromForm(const std::vector<FormSection>& form, const TemplateRequest& request);

// planFromForm(templateForm(name)); an unknown name is an Error(InvalidArgument) listing the known ones.
SongPlan planFromTemplate(const std::string& name, const TemplateRequest& request);

// "I V vi IV" in a key as chords: upper case a major triad on that degree of the key's scale, lower
// case a minor one ("Am" for vi in C major); a leading "b" lowers the degree a semitone.
std::vector<std::string> chordsOfNumerals(const std::string& numerals, const std::string& key);

}  // namespace muze
