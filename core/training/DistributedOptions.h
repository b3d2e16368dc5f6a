#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace muze {

// Which part of a step's batch of `perRank` examples on each rank this rank trains on: the
// examples [first, first + perRank) of the batch drawn for all ranks together.
struct BatchShare {
    int rank = 0;
    int worldSize = 1;

    std::int64_t whole(std::int64_t perRank) const { return perRank * worldSize; }
    std::int64_t first(std::int64_t perRank) const { return perRank * rank; }
};

// Where a rank is in a distributed run, as torchrun says it (--world_size, --rank, --master_addr,
// --master_port, or WORLD_SIZE, RANK, MASTER_ADDR, MASTER_PORT). One rank alone is not distributed.
struct DistributedOptions {
    int worldSize = 1;
    int rank = 0;
    std::string masterAddress = "127.0.0.1";
    int masterPort = 29500;
    std::chrono::seconds timeout{1800};  // for meeting, and for any rank's turn in a collective step (rank 0 validates alone)

    bool distributed() const { return worldSize > 1; }
    bool writes() const { return rank == 0; }  // checkpoints, logs and previews
    BatchShare share() const { return {rank, worldSize}; }
};

}  // namespace muze
