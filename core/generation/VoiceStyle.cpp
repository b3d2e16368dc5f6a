#include "core/generation/VoiceStyle.h"

#include "core/common/Error.h"
#include "core/dataset/SourceFingerprint.h"
#include "core/dataset/TrackAnalyzer.h"

#include <algorithm>
#include <fstream>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

std::optional<std::vector<float>> numbers(const Json& json, std::size_t size)
{
    if (!json.is_array() || json.size() != size || !std::all_of(json.begin(), json.end(), [](const Json& v) { return v.is_number(); }))
        return std::nullopt;
    return json.get<std::vector<float>>();
}

Json artistTable(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in)
        throw Error(ErrorKind::NotFound, "There are no artist embeddings at " + file.string() +
                                             ": `muze build-dataset` writes them beside the dataset, from the songs' artist tags.");
    const Json table = Json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!table.is_object())
        throw Error(ErrorKind::Corrupt, file.string() + " is not an artist embeddings file (an object of artist names and vectors).");
    return table;
}

std::string knownArtists(const Json& table)
{
    if (table.empty())
        return "it has none (no song of the dataset has both an artist tag and a voice embedding)";
    std::string list;
    for (const auto& [name, embedding] : table.items())
        list += (list.empty() ? "" : ", ") + ("\"" + name + "\"");
    return "it knows " + list;
}

}  // namespace

VoiceStyle artistStyle(const std::filesystem::path& artistEmbeddings, const std::string& artist)
{
    const Json table = artistTable(artistEmbeddings);
    const auto found = table.find(artist);
    if (found == table.end())
        throw Error(ErrorKind::NotFound, "No artist \"" + artist + "\" in " + artistEmbeddings.string() + ": " + knownArtists(table) + ".");
    const std::optional<std::vector<float>> voice = numbers(*found, kVoiceEmbeddingSize);
    if (!voice)
        throw Error(ErrorKind::Corrupt, "The embedding of \"" + artist + "\" in " + artistEmbeddings.string() + " is not " +
                                            std::to_string(kVoiceEmbeddingSize) + " numbers.");
    return {"artist " + artist, *voice, std::nullopt};
}

std::filesystem::path artistEmbeddingsOf(const std::filesystem::path& dataset)
{
    return dataset.string() + ".artist_embeddings.json";
}

RecordingStyle recordingStyle(const std::filesystem::path& recording)
{
    AnalysisOptions options;
    options.recognizeSpeech = false;
    const Record record = analyzeTrack(recording, recording.filename().string(), fullFingerprint(recording), options);
    const std::optional<std::vector<float>> voice = numbers(record.value("voice_embedding", Json()), kVoiceEmbeddingSize);
    if (!voice)
        throw Error(ErrorKind::InvalidArgument, "No voice could be embedded from " + recording.string() + ".");
    return {{recording.string(), *voice, numbers(record.value("ecapa_embedding", Json()), kEcapaEmbeddingSize)},
            record.value("has_vocals", Json()) == Json(true)};
}

Json toJson(const VoiceStyle& style)
{
    return {{"source", style.source}, {"voice_embedding", style.voice}, {"ecapa_embedding", style.ecapa ? Json(*style.ecapa) : Json(nullptr)}};
}

VoiceStyle voiceStyleFromJson(const Json& json)
{
    const auto refuse = [&] { return Error(ErrorKind::Corrupt, "Not a voice style: " + json.dump().substr(0, 200) + "."); };
    if (!json.is_object())
        throw refuse();
    const std::optional<std::vector<float>> voice = numbers(json.value("voice_embedding", Json()), kVoiceEmbeddingSize);
    const Json ecapa = json.value("ecapa_embedding", Json());
    if (!json.value("source", Json()).is_string() || !voice || (!ecapa.is_null() && !numbers(ecapa, kEcapaEmbeddingSize)))
        throw refuse();
    return {json["source"].get<std::string>(), *voice, ecapa.is_null() ? std::nullopt : numbers(ecapa, kEcapaEmbeddingSize)};
}

}  // namespace muze
