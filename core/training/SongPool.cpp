#include "core/training/SongPool.h"

#include "core/dataset/SourceFingerprint.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <numeric>
#include <random>

namespace muze {

SongPool::SongPool(std::vector<std::int64_t> songBytes, Loader load, std::int64_t budgetBytes, std::uint64_t seed)
    : m_songBytes(std::move(songBytes)), m_load(std::move(load)), m_seed(seed)
{
    const std::int64_t total = std::accumulate(m_songBytes.begin(), m_songBytes.end(), std::int64_t(0));
    const std::int64_t perChunk = std::max<std::int64_t>(1, budgetBytes / 2);  // this chunk and the next
    m_chunksPerPass = std::clamp<std::int64_t>((total + perChunk - 1) / perChunk, 1, std::max<std::size_t>(1, m_songBytes.size()));
}

SongPool::~SongPool()
{
    if (m_next.valid())
        m_next.wait();
}

std::vector<std::size_t> SongPool::songsOfChunk(std::int64_t index) const
{
    std::vector<std::size_t> order(m_songBytes.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    if (m_chunksPerPass == 1)
        return order;
    const std::int64_t pass = index / m_chunksPerPass;
    const std::int64_t within = index % m_chunksPerPass;
    std::mt19937_64 random(stableHash(std::to_string(m_seed) + "/pass/" + std::to_string(pass)));
    std::shuffle(order.begin(), order.end(), random);
    // A song belongs to the chunk its first byte falls in, counting bytes along the pass's order.
    const double total = static_cast<double>(std::accumulate(m_songBytes.begin(), m_songBytes.end(), std::int64_t(0)));
    std::vector<std::size_t> songs;
    std::int64_t before = 0;
    for (std::size_t song : order) {
        if (static_cast<std::int64_t>(static_cast<double>(before) / total * static_cast<double>(m_chunksPerPass)) == within)
            songs.push_back(song);
        before += m_songBytes[song];
    }
    return songs;
}

std::future<std::vector<SongData>> SongPool::loadAhead(std::int64_t index) const
{
    return std::async(std::launch::async, [this, songs = songsOfChunk(index)] {
        at::init_num_threads();
        std::vector<SongData> loaded;
        loaded.reserve(songs.size());
        for (std::size_t song : songs)
            loaded.push_back(m_load(song));
        return loaded;
    });
}

const std::vector<SongData>& SongPool::chunk(std::int64_t index)
{
    if (index == m_currentIndex || (m_chunksPerPass == 1 && m_currentIndex >= 0))
        return m_current;
    if (m_nextIndex != index) {
        if (m_next.valid())
            m_next.wait();
        m_next = loadAhead(index);
    }
    m_current.clear();  // before the next chunk arrives: two chunks at most in memory
    m_current = m_next.get();
    m_currentIndex = index;
    if (m_chunksPerPass > 1) {
        m_nextIndex = index + 1;
        m_next = loadAhead(m_nextIndex);
    }
    return m_current;
}

}  // namespace muze
