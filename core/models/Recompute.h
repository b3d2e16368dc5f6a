#pragma once

#include <torch/types.h>

namespace muze {

// Gradient checkpointing: a block that keeps no activations for its backward pass but its input,
// and runs its forward again when the gradient arrives. Trades about a third more compute for the
// memory of everything inside the block. ref: Chen et al. 2016, "Training Deep Nets with Sublinear
// Memory Cost"; PyTorch's torch.utils.checkpoint (its re-entrant variant).
class Recomputable {
public:
    virtual ~Recomputable() = default;
    // The block's computation; must give the same result when run twice on the same input (no
    // randomness), and the block must outlive the backward pass.
    virtual torch::Tensor compute(const torch::Tensor& input) = 0;
};

// `block.compute(input)`, checkpointed when gradients are being recorded and `input` needs one;
// otherwise simply run. The parameters' gradients accumulate as they would without it.
torch::Tensor checkpointed(Recomputable& block, const torch::Tensor& input);

}  // namespace muze
