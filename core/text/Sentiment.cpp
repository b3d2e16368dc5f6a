#include "core/text/Sentiment.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

namespace muze {
namespace {

const std::set<std::string>& positiveWords()
{
    static const std::set<std::string> words = {
        "love", "loved", "loving", "lovely", "joy", "joyful", "happy", "happiness", "smile", "smiling", "laugh", "laughing",
        "sun", "sunshine", "sunny", "bright", "light", "shine", "shining", "glow", "gold", "golden", "dream", "dreams",
        "hope", "hopeful", "free", "freedom", "alive", "dance", "dancing", "sing", "singing", "celebrate", "party",
        "beautiful", "beauty", "sweet", "kiss", "kisses", "heaven", "paradise", "peace", "peaceful", "calm", "warm",
        "together", "forever", "friend", "friends", "trust", "faith", "believe", "strong", "brave", "win", "winning",
        "victory", "glory", "bless", "blessed", "grace", "wonderful", "amazing", "fantastic", "great", "good", "best",
        "fun", "wild", "fire", "high", "fly", "flying", "rise", "rising", "shining", "star", "stars", "summer", "spring",
        "home", "safe", "gentle", "tender", "kind", "care", "embrace", "hold", "heart", "honey", "darling", "baby",
        "yes", "yeah", "alright", "okay", "better", "new", "young", "fresh", "sparkle", "magic", "miracle", "heal",
        "healing", "rescue", "save", "saved", "proud", "thankful", "grateful", "glad", "delight", "pleasure", "bliss",
        "radiant", "vibrant", "energy", "together", "unite", "union", "promise", "wish", "lucky", "rainbow", "smiles",
    };
    return words;
}

const std::set<std::string>& negativeWords()
{
    static const std::set<std::string> words = {
        "sad", "sadness", "cry", "crying", "cried", "tears", "tear", "lonely", "alone", "lost", "lose", "losing", "pain",
        "painful", "hurt", "hurts", "hurting", "broken", "break", "breaking", "heartbreak", "die", "dying", "dead",
        "death", "kill", "killing", "dark", "darkness", "cold", "rain", "storm", "fear", "afraid", "scared", "hate",
        "hated", "angry", "anger", "rage", "fight", "war", "blood", "bleed", "bleeding", "goodbye", "leave", "leaving",
        "gone", "end", "ending", "never", "nothing", "empty", "hollow", "fall", "falling", "fell", "sorrow", "grief",
        "miss", "missing", "regret", "sorry", "shame", "guilt", "lie", "lies", "liar", "cheat", "betray", "wrong", "bad",
        "worst", "sick", "tired", "weak", "cruel", "hell", "devil", "demon", "ghost", "grave", "blue", "gray", "grey",
        "shadow", "shadows", "night", "lonesome", "burn", "burning", "ashes", "dust", "chains", "prison", "cage",
        "trouble", "worry", "anxious", "panic", "scream", "screaming", "suffer", "suffering", "misery", "despair",
        "hopeless", "helpless", "useless", "worthless", "fake", "poison", "wound", "wounds", "scar", "scars", "cut",
        "drown", "drowning", "sink", "sinking", "bitter", "desperate", "dead", "kills", "lonely", "sorrows", "tragedy",
    };
    return words;
}

bool isNegation(const std::string& word)
{
    static const std::set<std::string> negations = {"not", "no", "never", "dont", "don't", "cant", "can't", "won't", "wont", "ain't", "aint"};
    return negations.count(word) != 0;
}

}  // namespace

double sentimentScore(const std::string& lyrics)
{
    int positive = 0;
    int negative = 0;
    bool negated = false;
    std::istringstream stream(lyrics);
    for (std::string raw; stream >> raw;) {
        std::string word;
        for (char c : raw)
            if (std::isalpha(static_cast<unsigned char>(c)) || c == '\'')
                word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (word.empty())
            continue;
        if (isNegation(word)) {
            negated = true;
            continue;
        }
        const bool isPositive = positiveWords().count(word) != 0;
        const bool isNegative = negativeWords().count(word) != 0;
        if (isPositive != isNegative) {
            const bool counted = isPositive != negated;
            (counted ? positive : negative) += 1;
        }
        negated = false;
    }
    return static_cast<double>(positive - negative) / static_cast<double>(positive + negative + 1);
}

std::optional<std::string> lyricSentiment(const std::string& lyrics)
{
    if (std::all_of(lyrics.begin(), lyrics.end(), [](unsigned char c) { return std::isspace(c); }))
        return std::nullopt;
    const double score = sentimentScore(lyrics);
    if (score > 0.2)
        return "positive";
    if (score < -0.2)
        return "negative";
    return "neutral";
}

}  // namespace muze
