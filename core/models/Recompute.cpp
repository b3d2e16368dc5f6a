#include "core/models/Recompute.h"

#include <torch/autograd.h>

namespace muze {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

class RecomputeInBackward : public torch::autograd::Function<RecomputeInBackward> {
public:
    // Runs without recording (autograd functions' forward passes do), so nothing inside is kept.
    static torch::Tensor forward(AutogradContext* context, const torch::Tensor& input, std::int64_t blockAddress)
    {
        context->save_for_backward({input});
        context->saved_data["block"] = blockAddress;
        return block(context).compute(input);
    }

    // The block's forward again, recorded this time, and its backward from the gradient that
    // arrived: the parameters' gradients accumulate in place, the input's is returned.
    static variable_list backward(AutogradContext* context, variable_list outputGradients)
    {
        const torch::Tensor input = context->get_saved_variables()[0].detach().requires_grad_(true);
        torch::Tensor output;
        {
            torch::AutoGradMode recording(true);
            output = block(context).compute(input);
        }
        torch::autograd::backward({output}, {outputGradients[0]});
        return {input.grad(), torch::Tensor()};
    }

private:
    static Recomputable& block(AutogradContext* context)
    {
        return *reinterpret_cast<Recomputable*>(context->saved_data["block"].toInt());
    }
};

}  // namespace

torch::Tensor checkpointed(Recomputable& block, const torch::Tensor& input)
{
    if (!torch::GradMode::is_enabled() || !input.requires_grad())
        return block.compute(input);
    return RecomputeInBackward::apply(input, static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(&block)));
}

}  // namespace muze
