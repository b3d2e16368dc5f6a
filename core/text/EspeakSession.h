#pragma once

#include <mutex>
#include <string>

namespace muze {

// espeak-ng keeps one global state: every use holds this lock, which starts espeak-ng on first use
// (with phoneme events, in IPA) and selects `voice` ("en", "pl", "en+f3"). Throws Error(Unsupported)
// when espeak-ng cannot start or has no such voice.
class EspeakSession {
public:
    explicit EspeakSession(const std::string& voice);
    int sampleRate() const { return m_sampleRate; }

private:
    std::unique_lock<std::mutex> m_lock;
    int m_sampleRate = 0;
};

}  // namespace muze
