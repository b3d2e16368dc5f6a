#include "core/audio/PlaybackEngine.h"

#include "core/common/Error.h"

#include <algorithm>
#include <chrono>
#include <cstring>

namespace muze {
namespace {

// How long the feeder sleeps when the ring is full: well under one block's duration while playing,
// so a drained ring is refilled before the device asks again.
constexpr auto kFeedIntervalPlaying = std::chrono::milliseconds(3);
constexpr auto kFeedIntervalIdle = std::chrono::milliseconds(50);

}  // namespace

PlaybackEngine::PlaybackEngine() : m_feeder([this] { feedLoop(); }) {}

PlaybackEngine::~PlaybackEngine()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_one();
    m_feeder.join();
}

void PlaybackEngine::setSource(std::shared_ptr<const AudioBuffer> source)
{
    if (source && (source->channels < 1 || source->channels > kMaxSourceChannels))
        throw Error(ErrorKind::Unsupported, "Playback takes mono or stereo audio, not " + std::to_string(source->channels) + " channels.");
    pause();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_source = std::move(source);
        m_length.store(m_source ? m_source->frames() : 0, std::memory_order_release);
        restartFeedAt(0);
    }
    m_wake.notify_one();
}

std::shared_ptr<const AudioBuffer> PlaybackEngine::source() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_source;
}

void PlaybackEngine::play()
{
    if (length() == 0)
        return;
    if (reachedEnd() || position() >= length())
        seek(0);
    m_playing.store(true, std::memory_order_release);
    m_wake.notify_one();
}

void PlaybackEngine::pause()
{
    m_playing.store(false, std::memory_order_release);
}

void PlaybackEngine::stop()
{
    pause();
    seek(0);
}

void PlaybackEngine::seek(std::int64_t frame)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        restartFeedAt(std::clamp<std::int64_t>(frame, 0, m_length.load(std::memory_order_acquire)));
    }
    m_wake.notify_one();
}

// Called with m_mutex held. The target is published before the generation, so a reader that sees
// the new generation also sees where it starts.
void PlaybackEngine::restartFeedAt(std::int64_t frame)
{
    m_feedPosition = frame;
    m_seekTarget.store(frame, std::memory_order_release);
    m_reachedEnd.store(false, std::memory_order_release);
    m_generation.fetch_add(1, std::memory_order_acq_rel);
}

std::int64_t PlaybackEngine::position() const
{
    const std::uint64_t generation = m_generation.load(std::memory_order_acquire);
    if (m_renderedGeneration.load(std::memory_order_acquire) != generation)
        return m_seekTarget.load(std::memory_order_acquire);
    return m_renderedPosition.load(std::memory_order_acquire);
}

std::int64_t PlaybackEngine::queuedUntil() const
{
    const std::uint64_t generation = m_generation.load(std::memory_order_acquire);
    if (m_queuedGeneration.load(std::memory_order_acquire) != generation)
        return m_seekTarget.load(std::memory_order_acquire);
    return m_queuedUntil.load(std::memory_order_acquire);
}

void PlaybackEngine::feedLoop()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_quit) {
        if (!feedOneBlock())
            m_wake.wait_for(lock, isPlaying() ? kFeedIntervalPlaying : kFeedIntervalIdle);
    }
}

// Called with m_mutex held. Returns whether it queued a block.
bool PlaybackEngine::feedOneBlock()
{
    if (!m_source)
        return false;
    const std::uint64_t generation = m_generation.load(std::memory_order_acquire);
    const std::int64_t length = m_source->frames();
    if (m_feedPosition >= length) {
        m_exhaustedGeneration.store(generation, std::memory_order_release);
        return false;
    }
    Block* block = m_ring.beginWrite();
    if (block == nullptr)
        return false;
    const int frames = static_cast<int>(std::min<std::int64_t>(kBlockFrames, length - m_feedPosition));
    const int channels = m_source->channels;
    std::memcpy(block->samples, m_source->samples.data() + m_feedPosition * channels,
                sizeof(float) * static_cast<std::size_t>(frames * channels));
    block->generation = generation;
    block->sourceFrame = m_feedPosition;
    block->frames = frames;
    block->channels = channels;
    m_ring.endWrite();
    m_feedPosition += frames;
    m_queuedUntil.store(m_feedPosition, std::memory_order_release);
    m_queuedGeneration.store(generation, std::memory_order_release);
    return true;
}

void PlaybackEngine::render(float* out, int frames, int outputChannels) noexcept
{
    const std::uint64_t generation = m_generation.load(std::memory_order_acquire);
    const bool playing = m_playing.load(std::memory_order_acquire);
    int written = 0;
    while (written < frames || !playing) {
        Block* block = m_ring.front();
        if (block != nullptr && block->generation != generation) {
            m_ring.pop();  // queued before a seek: never played
            m_blockOffset = 0;
            continue;
        }
        if (!playing)
            break;  // stale blocks are gone, so the feeder can queue from the new position meanwhile
        if (block == nullptr) {
            if (m_exhaustedGeneration.load(std::memory_order_acquire) == generation) {
                m_renderedPosition.store(m_length.load(std::memory_order_acquire), std::memory_order_release);
                m_renderedGeneration.store(generation, std::memory_order_release);
                m_reachedEnd.store(true, std::memory_order_release);
                m_playing.store(false, std::memory_order_release);
            } else {
                m_underruns.fetch_add(1, std::memory_order_relaxed);
            }
            break;
        }
        const int count = std::min(block->frames - m_blockOffset, frames - written);
        copyFromBlock(*block, m_blockOffset, out + static_cast<std::ptrdiff_t>(written) * outputChannels, count, outputChannels);
        m_blockOffset += count;
        written += count;
        m_renderedPosition.store(block->sourceFrame + m_blockOffset, std::memory_order_release);
        m_renderedGeneration.store(generation, std::memory_order_release);
        if (m_blockOffset == block->frames) {
            m_ring.pop();
            m_blockOffset = 0;
        }
    }
    std::fill(out + static_cast<std::ptrdiff_t>(written) * outputChannels, out + static_cast<std::ptrdiff_t>(frames) * outputChannels, 0.0f);
}

void PlaybackEngine::copyFromBlock(const Block& block, int offset, float* out, int frames, int outputChannels) noexcept
{
    const float* source = block.samples + offset * block.channels;
    for (int f = 0; f < frames; ++f) {
        const float* in = source + f * block.channels;
        float* target = out + f * outputChannels;
        if (outputChannels == 1 && block.channels == 2) {
            target[0] = 0.5f * (in[0] + in[1]);
            continue;
        }
        for (int c = 0; c < outputChannels; ++c)
            target[c] = block.channels == 1 ? in[0] : (c < block.channels ? in[c] : 0.0f);
    }
}

}  // namespace muze
