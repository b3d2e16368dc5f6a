#pragma once

#include "core/common/JobControl.h"
#include "core/dataset/DatasetStats.h"
#include "core/dataset/TrackRecord.h"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace muze {

// What the Library's table shows of a record, extracted once at load.
struct TrackSummary {
    std::string audioPath;
    std::string title;          // the title tag, or the file name without extension
    std::string artist;
    std::string genre;
    std::string key;            // "C major"; empty when unknown
    std::string timeSignature;
    double tempo = 0.0;         // 0 when unknown
    double duration = 0.0;      // seconds
    double energy = 0.0;
    bool hasVocals = false;
    bool included = true;       // include_in_training
};

TrackSummary summarize(const Record& record);

// A dataset as the Library edits it: tens of thousands of records, each kept as its JSON text and
// parsed only when shown in detail or edited, so memory stays near the file's size. Edited
// records are kept parsed until saved.
//
// Thread contract: not thread-safe; one thread (the GUI's) owns it. snapshot() gives an immutable
// copy, cheap because the original text is shared, that another thread may save.
class LibraryDataset {
public:
    // Reads and indexes a dataset file (see readDataset for what it refuses). Reports progress.
    static LibraryDataset load(const std::filesystem::path& path, const JobControl& control = {});

    std::size_t size() const { return m_summaries.size(); }
    const TrackSummary& summary(std::size_t index) const { return m_summaries[index]; }
    // What the statistics read of a record; immutable, so another thread may hold it past an edit.
    std::shared_ptr<const TrackFacts> facts(std::size_t index) const { return m_facts[index]; }
    Record record(std::size_t index) const;

    // Replaces a record (after an edit); its summary follows.
    void setRecord(std::size_t index, Record record);
    bool isModified() const { return !m_editVersion.empty(); }

    // The whole dataset, written atomically, one record per line; edits become part of the text.
    void save(const std::filesystem::path& path) const;
    void markSaved(const LibraryDataset& saved);  // forget edits that `saved` (a snapshot) wrote
    void forgetUnsavedEdits();                    // the user chose not to save them: no longer modified

    LibraryDataset snapshot() const { return *this; }

private:
    std::shared_ptr<const std::string> m_text;
    std::vector<std::pair<std::size_t, std::size_t>> m_spans;  // [begin, end) of each record in m_text
    std::vector<TrackSummary> m_summaries;
    std::vector<std::shared_ptr<const TrackFacts>> m_facts;
    std::map<std::size_t, Record> m_edited;
    std::map<std::size_t, std::uint64_t> m_editVersion;  // unsaved edits; bumped at each, so markSaved keeps newer ones
    std::uint64_t m_nextVersion = 1;
};

// The byte spans of a JSON array's elements, found by scanning strings and brackets without building
// the whole document. Throws Error(Corrupt) naming `source` and the byte where the syntax breaks.
std::vector<std::pair<std::size_t, std::size_t>> arrayElementSpans(const std::string& text, const std::string& source);

}  // namespace muze
