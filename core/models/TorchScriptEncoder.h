#pragma once

#include "core/audio/AudioBuffer.h"

#include <torch/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace muze {

// A pretrained encoder the user supplies as a TorchScript file (torch.jit.save), for what no
// built-in model can give: a speaker encoder in place of the DSP voice embeddings, or CLAP. The
// studio never downloads one.
//
// What the file must provide (README, "Your own encoders"):
// - audio: `forward(waveform)` or, for CLAP, `encode_audio(waveform)`, taking a float32 tensor of
//   shape [1, samples] at `sampleRate` Hz, mono, and returning `size` numbers (any shape);
// - text (CLAP): `encode_text(text: str)` returning `size` numbers.
// Opening one loads it and runs it once on a second of silence (and, with a text method, on a
// word), so that a file that cannot be loaded, lacks the method or returns another size fails at
// once with Error(NotFound, Corrupt or Unsupported) naming the file and what is wrong, not on the
// first track.
//
// Thread contract: every thread loads its own copy on first use (TorchScript modules run
// concurrently this way without locks); one TorchScriptEncoder may be shared between threads.
class TorchScriptEncoder {
public:
    TorchScriptEncoder(std::filesystem::path file, std::size_t size, int sampleRate, std::string audioMethod = "forward",
                       bool encodesText = false);

    const std::filesystem::path& file() const { return m_file; }
    // The file's name and a hash of its bytes: records made by another file are stale.
    const std::string& identity() const { return m_identity; }

    std::vector<float> encodeAudio(const AudioBuffer& audio) const;
    std::vector<float> encodeText(const std::string& text) const;

private:
    std::filesystem::path m_file;
    std::size_t m_size;
    int m_sampleRate;
    std::string m_audioMethod;
    std::string m_identity;
};

// A text encoder the user supplies as a TorchScript file, in place of phase 3's built-in one: a T5
// encoder or a CLAP. Its method `encode_text(text: str)` returns either one vector [width] (CLAP's
// pooled embedding) or one per token [tokens, width] (T5's last hidden states). It is frozen: the
// diffusion model learns a projection of its output. Opening it runs it once on a word, so a file
// that cannot be loaded, lacks the method or returns another shape fails at once. Same thread
// contract as TorchScriptEncoder.
class TorchScriptTextEncoder {
public:
    explicit TorchScriptTextEncoder(std::filesystem::path file);

    const std::filesystem::path& file() const { return m_file; }
    const std::string& identity() const { return m_identity; }  // as TorchScriptEncoder's
    int width() const { return m_width; }

    // [tokens, width], float32 on the CPU; an empty text gives no call and no tokens.
    torch::Tensor encode(const std::string& text) const;

private:
    std::filesystem::path m_file;
    std::string m_identity;
    int m_width = 0;
};

}  // namespace muze
