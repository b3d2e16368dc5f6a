#include "core/training/Distributed.h"

#include "core/common/Error.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/torch.h>

namespace muze {
namespace {

std::string where(const DistributedOptions& options)
{
    return options.masterAddress + ":" + std::to_string(options.masterPort);
}

// A collective step, with what went wrong said in the studio's terms.
template <class Step>
void collectively(const DistributedOptions& options, const char* what, Step step)
{
    try {
        step();
    } catch (const std::exception& e) {
        throw Error(ErrorKind::Io, "Rank " + std::to_string(options.rank) + " of " + std::to_string(options.worldSize) + " could not " + what +
                                       ": another rank has stopped or cannot be reached (" + std::string(e.what()).substr(0, 300) +
                                       "). The last checkpoint is kept; resume the run with --resume on every rank.");
    }
}

// Tensors grouped into buckets of at most `bytes` each (a larger tensor alone in its own).
std::vector<std::vector<torch::Tensor>> buckets(const std::vector<torch::Tensor>& tensors, std::int64_t bytes)
{
    std::vector<std::vector<torch::Tensor>> out;
    std::int64_t filled = bytes;
    for (const torch::Tensor& tensor : tensors) {
        const std::int64_t size = tensor.numel() * static_cast<std::int64_t>(tensor.element_size());
        if (filled + size > bytes) {
            out.emplace_back();
            filled = 0;
        }
        out.back().push_back(tensor);
        filled += size;
    }
    return out;
}

}  // namespace

struct ProcessGroup::Engine {
    c10::intrusive_ptr<c10d::TCPStore> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;

    void allReduce(std::vector<torch::Tensor>& tensors, c10d::ReduceOp op = c10d::ReduceOp::SUM)
    {
        c10d::AllreduceOptions options;
        options.reduceOp = op;
        group->allreduce(tensors, options)->wait();
    }
};

ProcessGroup::ProcessGroup(const DistributedOptions& options) : m_options(options), m_engine(std::make_unique<Engine>())
{
    if (options.worldSize < 1 || options.rank < 0 || options.rank >= options.worldSize)
        throw Error(ErrorKind::InvalidArgument, "Rank " + std::to_string(options.rank) + " is not one of the " + std::to_string(options.worldSize) +
                                                    " ranks (0 to world size - 1).");
    if (options.masterPort < 1 || options.masterPort > 65535)
        throw Error(ErrorKind::InvalidArgument, "The master port " + std::to_string(options.masterPort) + " is not a port (1 to 65535).");
    try {
        c10d::TCPStoreOptions storeOptions;
        storeOptions.port = static_cast<std::uint16_t>(options.masterPort);
        storeOptions.isServer = options.rank == 0;
        storeOptions.numWorkers = static_cast<std::size_t>(options.worldSize);
        storeOptions.timeout = options.timeout;
        m_engine->store = c10::make_intrusive<c10d::TCPStore>(options.masterAddress, storeOptions);
        auto groupOptions = c10d::ProcessGroupGloo::Options::create(options.timeout);
        groupOptions->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname(options.masterAddress));
        m_engine->group = c10::make_intrusive<c10d::ProcessGroupGloo>(m_engine->store, options.rank, options.worldSize, groupOptions);
    } catch (const std::exception& e) {
        throw Error(ErrorKind::Io, "Rank " + std::to_string(options.rank) + " could not meet the other ranks at " + where(options) + " within " +
                                       std::to_string(options.timeout.count()) + " s (" + std::string(e.what()).substr(0, 300) +
                                       "). Start every rank with the same --master_addr, --master_port and --world_size, rank 0 on that address.");
    }
}

ProcessGroup::~ProcessGroup() = default;

void ProcessGroup::broadcastFromFirst(torch::nn::Module& module)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> tensors = module.parameters();
    for (const torch::Tensor& buffer : module.buffers())
        tensors.push_back(buffer);
    collectively(m_options, "receive the first rank's weights", [&] {
        for (torch::Tensor& tensor : tensors) {
            std::vector<torch::Tensor> one{tensor};
            m_engine->group->broadcast(one)->wait();
        }
    });
}

void ProcessGroup::averageGradients(torch::nn::Module& module)
{
    std::vector<torch::Tensor> gradients;
    for (torch::Tensor& parameter : module.parameters()) {
        if (!parameter.requires_grad())
            continue;
        if (!parameter.grad().defined())  // unused in this step on this rank: zeros, so every rank sends the same buckets
            parameter.mutable_grad() = torch::zeros_like(parameter);
        gradients.push_back(parameter.grad());
    }
    torch::NoGradGuard noGrad;
    collectively(m_options, "average the gradients", [&] {
        for (const std::vector<torch::Tensor>& bucket : buckets(gradients, kBucketBytes)) {
            std::vector<torch::Tensor> flat{torch::cat([&] {
                std::vector<torch::Tensor> pieces;
                for (const torch::Tensor& gradient : bucket)
                    pieces.push_back(gradient.reshape({-1}));
                return pieces;
            }())};
            m_engine->allReduce(flat);
            flat[0].div_(m_options.worldSize);
            std::int64_t at = 0;
            for (const torch::Tensor& gradient : bucket) {
                gradient.copy_(flat[0].narrow(0, at, gradient.numel()).view_as(gradient));
                at += gradient.numel();
            }
        }
    });
}

std::vector<double> ProcessGroup::reduce(const std::vector<double>& values, bool mean)
{
    std::vector<torch::Tensor> tensor{torch::tensor(values, torch::kFloat64)};
    collectively(m_options, "agree on the step", [&] { m_engine->allReduce(tensor, mean ? c10d::ReduceOp::SUM : c10d::ReduceOp::MAX); });
    if (mean)
        tensor[0].div_(m_options.worldSize);
    const torch::Tensor result = tensor[0].contiguous();
    return {result.data_ptr<double>(), result.data_ptr<double>() + result.numel()};
}

std::vector<double> ProcessGroup::average(const std::vector<double>& values)
{
    return reduce(values, true);
}

std::vector<double> ProcessGroup::maximum(const std::vector<double>& values)
{
    return reduce(values, false);
}

}  // namespace muze
