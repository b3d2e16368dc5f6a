#include "core/dataset/TextFields.h"

#include "core/dataset/RecordNumbers.h"
#include "core/models/TorchScriptEncoder.h"
#include "core/text/Phonemes.h"
#include "core/text/Sentiment.h"

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

std::string textOf(const Record& record, const char* name)
{
    const auto found = record.find(name);
    return found != record.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::vector<std::pair<double, double>> vocalRegionsOf(const Record& record)
{
    std::vector<std::pair<double, double>> regions;
    const auto found = record.find("vocal_regions");
    if (found == record.end() || !found->is_array())
        return regions;
    for (const Json& span : *found)
        if (span.is_array() && span.size() == 2 && span[0].is_number() && span[1].is_number())
            regions.emplace_back(span[0].get<double>(), span[1].get<double>());
    return regions;
}

// Which words fall in which segment is known only from timed lyrics.
void dropSegmentLyrics(Record& record)
{
    const auto segments = record.find(field::kSegments);
    if (segments == record.end() || !segments->is_array())
        return;
    for (Json& segment : *segments)
        if (segment.is_object())
            segment.erase("lyrics");
}

}  // namespace

Json phonemeTimestampsJson(const std::vector<TimedPhoneme>& phonemes)
{
    Json out = Json::array();
    for (const TimedPhoneme& p : phonemes)
        out.push_back({{"phoneme", p.phoneme}, {"start", rounded(p.start)}, {"end", rounded(p.end)}});
    return out;
}

void refreshLyricFields(Record& record, const std::string& language)
{
    const std::string text = textOf(record, field::kLyrics);
    const std::optional<std::string> sentiment = lyricSentiment(text);
    record["text_sentiment"] = sentiment ? Json(*sentiment) : Json(nullptr);
    if (text.empty()) {
        record["phonemes_ipa"] = nullptr;
        record["phoneme_timestamps"] = Json::array();
        dropSegmentLyrics(record);
        return;
    }
    record["phonemes_ipa"] = toPhonemes(text, language).ipa;
    dropSegmentLyrics(record);
    Lyrics lyrics;
    lyrics.lines = parsePlainLyrics(text);
    record["phoneme_timestamps"] = phonemeTimestampsJson(timePhonemes(lyrics, {}, vocalRegionsOf(record), language));
}

void refreshPromptFields(Record& record, const TorchScriptEncoder* clap)
{
    record["clap_text_embedding"] = clap ? embeddingJson(clap->encodeText(textOf(record, field::kPrompt))) : Json(nullptr);
}

}  // namespace muze
