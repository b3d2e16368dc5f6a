#include "core/generation/StructureTemplates.h"

#include "core/analysis/KeyDetection.h"
#include "core/common/Error.h"
#include "core/generation/TemplateTexts.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <sstream>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

Json templateNamed(const std::string& name)
{
    for (const TemplateText& text : templateTexts())
        if (text.name == name)
            return Json::parse(std::string(text.json));
    std::string known;
    for (const std::string& each : templateNames())
        known += (known.empty() ? "" : ", ") + each;
    throw Error(ErrorKind::InvalidArgument, "There is no template \"" + name + "\"; the templates are " + known + ".");
}

// Whole bars in proportion to `weights`, at least one each, summing to `total` (at least one per
// weight): each gets the whole part of its share, the largest remainders a bar more, and where the
// minimum of one overshot, the longest give a bar back.
std::vector<int> shareBars(const std::vector<double>& weights, int total)
{
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<int> bars;
    std::vector<std::size_t> byRemainder;
    std::vector<double> remainders;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double exact = total * weights[i] / sum;
        bars.push_back(std::max(1, static_cast<int>(std::floor(exact))));
        remainders.push_back(exact - std::floor(exact));
        byRemainder.push_back(i);
    }
    std::stable_sort(byRemainder.begin(), byRemainder.end(), [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    int given = std::accumulate(bars.begin(), bars.end(), 0);
    for (std::size_t k = 0; given < total; k = (k + 1) % byRemainder.size(), ++given)
        ++bars[byRemainder[k]];
    for (; given > total; --given)
        --*std::max_element(bars.begin(), bars.end());
    return bars;
}

std::string spelled(int pitchClass)
{
    const std::string name = MusicalKey{pitchClass, false}.name();
    return name.substr(0, name.find(' '));
}

}  // namespace

std::vector<std::string> templateNames()
{
    std::vector<std::string> names;
    for (const TemplateText& text : templateTexts())
        names.emplace_back(text.name);
    std::sort(names.begin(), names.end());
    return names;
}

std::string templateDescription(const std::string& name)
{
    return templateNamed(name).value("description", "");
}

std::vector<std::string> chordsOfNumerals(const std::string& numerals, const std::string& key)
{
    static const int kMajorScale[7] = {0, 2, 4, 5, 7, 9, 11};
    static const int kMinorScale[7] = {0, 2, 3, 5, 7, 8, 10};
    static const char* const kNumerals[7] = {"i", "ii", "iii", "iv", "v", "vi", "vii"};
    const std::optional<MusicalKey> parsed = parseKey(key);
    if (!parsed)
        throw Error(ErrorKind::InvalidArgument, "\"" + key + "\" is not a key: write it as \"C major\" or \"F# minor\".");
    std::vector<std::string> chords;
    std::istringstream words(numerals);
    for (std::string word; words >> word;) {
        const bool flat = word.size() > 1 && word[0] == 'b';
        std::string numeral = flat ? word.substr(1) : word;
        const bool major = std::isupper(static_cast<unsigned char>(numeral[0])) != 0;
        std::transform(numeral.begin(), numeral.end(), numeral.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const auto degree = std::find(std::begin(kNumerals), std::end(kNumerals), numeral) - std::begin(kNumerals);
        if (degree == 7)
            throw Error(ErrorKind::InvalidArgument, "\"" + word + "\" is not a Roman numeral from I to VII.");
        const int interval = (parsed->minor ? kMinorScale : kMajorScale)[degree] - (flat ? 1 : 0);
        chords.push_back(spelled((parsed->tonic + interval + 12) % 12) + (major ? "" : "m"));
    }
    return chords;
}

std::vector<FormSection> templateForm(const std::string& name)
{
    const Json shape = templateNamed(name);
    std::vector<FormSection> form;
    for (const Json& s : shape.at("sections"))
        form.push_back({s.at("type").get<std::string>(), s.at("bars").get<double>(), s.at("energy").get<double>(), s.at("has_vocals").get<bool>(),
                        s.at("major").get<std::string>(), s.at("minor").get<std::string>()});
    return form;
}

std::vector<FormSection> formOfTypes(const std::vector<std::pair<std::string, int>>& typesAndBars)
{
    const std::vector<FormSection> model = templateForm("verse_chorus_bridge");
    const auto ofType = [&](const std::string& type) {
        const auto found = std::find_if(model.begin(), model.end(), [&](const FormSection& s) { return s.type == type; });
        return found != model.end() ? *found : *std::find_if(model.begin(), model.end(), [](const FormSection& s) { return s.type == "verse"; });
    };
    std::vector<FormSection> form;
    for (const auto& [type, bars] : typesAndBars) {
        FormSection section = ofType(type);
        section.type = type;
        section.bars = bars;
        form.push_back(section);
    }
    return form;
}

SongPlan planFromForm(const std::vector<FormSection>& form, const TemplateRequest& request)
{
    PlanSection shape;
    shape.tempo = request.tempo;
    shape.key = request.key;
    shape.timeSignature = request.timeSignature;
    const std::optional<MusicalKey> key = parseKey(request.key);
    if (!(request.tempo >= kMinPlanTempo && request.tempo <= kMaxPlanTempo) || shape.beatsPerBar() == 0 || !key)
        throw Error(ErrorKind::InvalidArgument, "A song's form needs a tempo between 30 and 300 BPM, a key such as \"A minor\" and a known time signature.");
    const int totalBars = static_cast<int>(std::lround(request.duration / shape.barSeconds()));
    if (form.empty() || totalBars < static_cast<int>(form.size())) {
        std::ostringstream message;
        message << "The form has " << form.size() << " sections, and " << request.duration << " s at " << request.tempo << " BPM holds only "
                << totalBars << " bars: ask for a longer song or another form.";
        throw Error(ErrorKind::InvalidArgument, message.str());
    }
    std::vector<double> weights;
    for (const FormSection& s : form)
        weights.push_back(s.bars);
    const std::vector<int> bars = shareBars(weights, totalBars);

    SongPlan plan;
    plan.prompt = request.prompt;
    double start = 0.0;
    for (std::size_t i = 0; i < form.size(); ++i) {
        PlanSection s = shape;
        s.type = form[i].type;
        s.energy = form[i].energy;
        s.hasVocals = form[i].hasVocals;
        s.chords = chordsOfNumerals(key->minor ? form[i].minorNumerals : form[i].majorNumerals, request.key);
        s.start = start;
        s.duration = i + 1 == form.size() ? request.duration - start : bars[i] * shape.barSeconds();
        start += s.duration;
        plan.sections.push_back(std::move(s));
    }
    return plan;
}

SongPlan planFromTemplate(const std::string& name, const TemplateRequest& request)
{
    return planFromForm(templateForm(name), request);
}

}  // namespace muze
