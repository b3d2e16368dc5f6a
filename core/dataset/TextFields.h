#pragma once

#include "core/dataset/TrackRecord.h"
#include "core/text/PhonemeTiming.h"

#include <string>
#include <vector>

namespace muze {

class TorchScriptEncoder;

// The record's phoneme_timestamps for these phonemes, times rounded to the millisecond.
nlohmann::ordered_json phonemeTimestampsJson(const std::vector<TimedPhoneme>& phonemes);

// After the user replaced the lyrics: phonemes_ipa, phoneme_timestamps and text_sentiment from the
// record's `lyrics`. The user's text carries no timing, so its phonemes are spread over the
// record's vocal_regions and the segments lose their `lyrics` slices. Throws Error(Unsupported) when espeak-ng has no voice for `language`.
void refreshLyricFields(Record& record, const std::string& language);

// After the user replaced the prompt: clap_text_embedding from the record's `prompt` by `clap`;
// null without one (the next build with a CLAP encoder computes it).
void refreshPromptFields(Record& record, const TorchScriptEncoder* clap);

}  // namespace muze
