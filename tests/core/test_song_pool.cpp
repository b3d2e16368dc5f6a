// The training songs' pool: every pass visits each song once, within the memory budget, in chunks
// that follow from the seed and their index alone.

#include <torch/torch.h>

#include "core/training/SongPool.h"

#include <QtTest>

#include <atomic>
#include <map>
#include <set>

using namespace muze;

namespace {

// Songs of the sizes given whose mel holds their own index, and a count of the loads.
struct SizedSongs {
    std::vector<std::int64_t> bytes;
    std::atomic<int> loads{0};

    SongPool::Loader loader()
    {
        return [this](std::size_t song) {
            ++loads;
            SongData data;
            data.mel = torch::full({1, 1}, static_cast<float>(song));
            return data;
        };
    }
};

std::vector<std::size_t> songsIn(const std::vector<SongData>& chunk)
{
    std::vector<std::size_t> songs;
    for (const SongData& song : chunk)
        songs.push_back(static_cast<std::size_t>(song.mel.item<float>()));
    return songs;
}

}  // namespace

class SongPoolTest : public QObject {
    Q_OBJECT

private slots:
    void aDatasetThatFitsIsReadOnce()
    {
        SizedSongs songs{{100, 200, 300}};
        SongPool pool(songs.bytes, songs.loader(), 10000, 1);
        QCOMPARE(pool.chunksPerPass(), std::int64_t(1));
        for (std::int64_t chunk : {0, 1, 7, 2})
            QCOMPARE(pool.chunk(chunk).size(), std::size_t(3));
        QCOMPARE(songs.loads.load(), 3);
    }

    void eachPassVisitsEverySongOnceWithinTheBudget()
    {
        SizedSongs songs;
        for (int i = 0; i < 40; ++i)
            songs.bytes.push_back(50 + (i * 37) % 100);  // 50 to 149 bytes each, about 4,000 in all
        const std::int64_t budget = 1000;
        SongPool pool(songs.bytes, songs.loader(), budget, 7);
        QVERIFY(pool.chunksPerPass() >= 8);
        std::vector<std::vector<std::size_t>> firstPass;
        for (int pass = 0; pass < 2; ++pass) {
            std::multiset<std::size_t> seen;
            for (std::int64_t within = 0; within < pool.chunksPerPass(); ++within) {
                const std::vector<std::size_t> chunk = songsIn(pool.chunk(pass * pool.chunksPerPass() + within));
                std::int64_t bytes = 0;
                for (std::size_t song : chunk)
                    bytes += songs.bytes[song];
                QVERIFY2(bytes <= budget / 2 + 150, qPrintable(QString::number(bytes)));  // half the budget, give or take a song
                seen.insert(chunk.begin(), chunk.end());
                if (pass == 0)
                    firstPass.push_back(chunk);
            }
            QCOMPARE(seen.size(), std::size_t(40));
            QCOMPARE(std::set<std::size_t>(seen.begin(), seen.end()).size(), std::size_t(40));
        }
        // Another pool with the same seed, starting in the middle (as a resumed run does), sees the same chunk.
        SizedSongs again{songs.bytes};
        SongPool resumed(again.bytes, again.loader(), budget, 7);
        QCOMPARE(songsIn(resumed.chunk(3)), firstPass[3]);
        SizedSongs other{songs.bytes};
        SongPool reseeded(other.bytes, other.loader(), budget, 8);
        QVERIFY(songsIn(reseeded.chunk(3)) != firstPass[3]);
    }

    void aSongThatFailsToLoadFailsItsChunk()
    {
        const std::vector<std::int64_t> bytes(10, 100);
        SongPool pool(bytes, [](std::size_t song) -> SongData {
            if (song == 4)
                throw std::runtime_error("song 4 is damaged");
            SongData data;
            data.mel = torch::zeros({1, 1});
            return data;
        }, 400, 3);
        bool failed = false;
        for (std::int64_t chunk = 0; chunk < pool.chunksPerPass(); ++chunk) {
            try {
                pool.chunk(chunk);
            } catch (const std::runtime_error& error) {
                QCOMPARE(QString(error.what()), QString("song 4 is damaged"));
                failed = true;
            }
        }
        QVERIFY(failed);
    }
};

QTEST_GUILESS_MAIN(SongPoolTest)
#include "test_song_pool.moc"
