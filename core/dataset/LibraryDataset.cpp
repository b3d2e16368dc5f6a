#include "core/dataset/LibraryDataset.h"

#include "core/analysis/KeyDetection.h"
#include "core/common/AtomicFile.h"
#include "core/common/Error.h"

#include <cctype>
#include <fstream>
#include <sstream>

namespace muze {
namespace {

[[noreturn]] void broken(const std::string& source, std::size_t at, const std::string& what)
{
    throw Error(ErrorKind::Corrupt, "The dataset \"" + source + "\" is not valid JSON at byte " + std::to_string(at) + ": " + what +
                                        ". Fix or restore it; nothing was changed.");
}

std::size_t skipSpace(const std::string& text, std::size_t at)
{
    while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at])))
        ++at;
    return at;
}

// The end of the JSON value starting at `at` (one past it), following strings and nesting.
std::size_t valueEnd(const std::string& text, std::size_t at, const std::string& source)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = at; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            if (!inString && depth == 0)
                return i + 1;
            continue;
        }
        switch (c) {
        case '"': inString = true; break;
        case '{': case '[': ++depth; break;
        case '}': case ']':
            if (--depth < 0)
                broken(source, i, "a bracket closes that was never opened");
            if (depth == 0)
                return i + 1;
            break;
        case ',':
            if (depth == 0)
                return i;
            break;
        default:
            break;
        }
    }
    broken(source, text.size(), inString ? "a string is not closed" : "the text ends inside a value");
}

std::string serialize(const Record& record)
{
    return record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

TrackSummary summarize(const Record& record)
{
    TrackSummary summary;
    const std::string none;
    summary.audioPath = valueOr(record, field::kAudioPath, none);
    summary.title = valueOr(record, field::kTitle, none);
    if (summary.title.empty())
        summary.title = std::filesystem::path(summary.audioPath).stem().string();
    summary.artist = valueOr(record, field::kArtist, none);
    summary.genre = valueOr(record, field::kGenre, none);
    summary.key = valueOr(record, "key", none);
    if (const auto key = parseKey(summary.key))
        summary.key = key->name();  // "A# major" from another tool is the Bb major of this one
    summary.timeSignature = valueOr(record, "time_signature", none);
    summary.tempo = valueOr(record, "tempo", 0.0);
    summary.duration = valueOr(record, "duration", 0.0);
    summary.energy = valueOr(record, "energy", 0.0);
    summary.hasVocals = valueOr(record, "has_vocals", false);
    summary.included = valueOr(record, field::kIncluded, true);
    return summary;
}

std::vector<std::pair<std::size_t, std::size_t>> arrayElementSpans(const std::string& content, const std::string& source)
{
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::size_t at = skipSpace(content, 0);
    if (at >= content.size() || content[at] != '[')
        broken(source, at, "a dataset is a JSON array of records, starting with [");
    at = skipSpace(content, at + 1);
    if (at < content.size() && content[at] == ']')
        return spans;
    while (true) {
        const std::size_t end = valueEnd(content, at, source);
        spans.emplace_back(at, end);
        at = skipSpace(content, end);
        if (at >= content.size())
            broken(source, at, "the array is not closed");
        if (content[at] == ']')
            break;
        if (content[at] != ',')
            broken(source, at, "records must be separated by commas");
        at = skipSpace(content, at + 1);
    }
    if (skipSpace(content, at + 1) != content.size())
        broken(source, at + 1, "there is text after the array");
    return spans;
}

LibraryDataset LibraryDataset::load(const std::filesystem::path& path, const JobControl& control)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, "The dataset \"" + path.string() + "\" cannot be opened.");
    std::stringstream buffer;
    buffer << in.rdbuf();
    LibraryDataset dataset;
    dataset.m_text = std::make_shared<const std::string>(buffer.str());
    dataset.m_spans = arrayElementSpans(*dataset.m_text, path.string());
    dataset.m_summaries.reserve(dataset.m_spans.size());
    dataset.m_facts.reserve(dataset.m_spans.size());
    for (std::size_t i = 0; i < dataset.m_spans.size(); ++i) {
        Record record;
        try {
            const auto [begin, end] = dataset.m_spans[i];
            record = Record::parse(dataset.m_text->begin() + static_cast<long>(begin), dataset.m_text->begin() + static_cast<long>(end));
        } catch (const nlohmann::json::exception& e) {
            throw Error(ErrorKind::Corrupt, "The dataset \"" + path.string() + "\": record " + std::to_string(i + 1) + " is not valid JSON (" + e.what() + ").");
        }
        if (!record.is_object() || !record.contains(field::kAudioPath) || !record[field::kAudioPath].is_string())
            throw Error(ErrorKind::Corrupt, "The dataset \"" + path.string() + "\": record " + std::to_string(i + 1) + " is not an object with an audio_path.");
        dataset.m_summaries.push_back(summarize(record));
        dataset.m_facts.push_back(std::make_shared<const TrackFacts>(trackFacts(record)));
        if (i % 256 == 0) {
            control.throwIfCancelled();
            control.report("reading", static_cast<double>(i) / static_cast<double>(dataset.m_spans.size()));
        }
    }
    control.report("reading", 1.0);
    return dataset;
}

Record LibraryDataset::record(std::size_t index) const
{
    if (const auto found = m_edited.find(index); found != m_edited.end())
        return found->second;
    const auto [begin, end] = m_spans.at(index);
    return Record::parse(m_text->begin() + static_cast<long>(begin), m_text->begin() + static_cast<long>(end));
}

void LibraryDataset::setRecord(std::size_t index, Record record)
{
    m_summaries.at(index) = summarize(record);
    m_facts.at(index) = std::make_shared<const TrackFacts>(trackFacts(record));
    m_edited[index] = std::move(record);
    m_editVersion[index] = m_nextVersion++;
}

void LibraryDataset::save(const std::filesystem::path& path) const
{
    AtomicFile file(path);
    file.write("[\n");
    for (std::size_t i = 0; i < m_spans.size(); ++i) {
        if (const auto found = m_edited.find(i); found != m_edited.end())
            file.write(serialize(found->second));
        else
            file.write(std::string_view(*m_text).substr(m_spans[i].first, m_spans[i].second - m_spans[i].first));
        file.write(i + 1 < m_spans.size() ? ",\n" : "\n");
    }
    file.write("]\n");
    file.commit();
}

void LibraryDataset::markSaved(const LibraryDataset& saved)
{
    for (const auto& [index, version] : saved.m_editVersion) {
        const auto current = m_editVersion.find(index);
        if (current != m_editVersion.end() && current->second == version)
            m_editVersion.erase(current);  // the parsed record stays in m_edited: m_text still holds the old one
    }
}

void LibraryDataset::forgetUnsavedEdits()
{
    m_editVersion.clear();
}

}  // namespace muze
