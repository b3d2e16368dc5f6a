#pragma once

// Data-parallel training over PyTorch's c10d engine with Gloo: every rank holds the whole model,
// trains on its own share of each step's batch, and takes the same step, because its gradients
// are averaged with every other rank's after each backward pass (bucketed, as DDP does).

#include "core/training/DistributedOptions.h"

#include <torch/nn/module.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace muze {

// One rank's link to the others. Joining blocks until every rank has joined (rank 0 serves the
// store at master_addr:master_port), and throws Error(Io) saying which address could not be
// reached when the timeout passes. A collective step throws Error(Io) when another rank has died
// or stopped answering within the timeout.
class ProcessGroup {
public:
    explicit ProcessGroup(const DistributedOptions& options);
    ~ProcessGroup();
    ProcessGroup(const ProcessGroup&) = delete;
    ProcessGroup& operator=(const ProcessGroup&) = delete;

    int rank() const { return m_options.rank; }
    int worldSize() const { return m_options.worldSize; }

    // Rank 0's parameters and buffers to every rank.
    void broadcastFromFirst(torch::nn::Module& module);
    // Every parameter's gradient replaced by the ranks' mean, in buckets of about kBucketBytes.
    void averageGradients(torch::nn::Module& module);
    // The ranks' means of some numbers (the same count on every rank).
    std::vector<double> average(const std::vector<double>& values);
    // The ranks' largest of some numbers.
    std::vector<double> maximum(const std::vector<double>& values);

    static constexpr std::int64_t kBucketBytes = std::int64_t(25) << 20;

private:
    struct Engine;
    std::vector<double> reduce(const std::vector<double>& values, bool mean);

    DistributedOptions m_options;
    std::unique_ptr<Engine> m_engine;
};

}  // namespace muze
