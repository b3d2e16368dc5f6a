#pragma once

#include <optional>
#include <string>

namespace muze {

// The reference's text_sentiment of lyrics: "positive", "negative" or "neutral", from a built-in
// English lexicon of about 250 clearly positive and negative words (love, joy, bright / cry, lonely,
// pain, ...), negations flipping the next word. score = (positive - negative) / (positive +
// negative + 1); above 0.2 is positive, below -0.2 negative. Nothing for empty lyrics.
std::optional<std::string> lyricSentiment(const std::string& lyrics);

// The score itself, for tests and tuning.
double sentimentScore(const std::string& lyrics);

}  // namespace muze
