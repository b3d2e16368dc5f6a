// The one place that tells LibTorch how many threads to use; kept apart so that only this file of
// core/common pays for LibTorch's headers.
#include "core/common/Parallel.h"

#include <ATen/Parallel.h>

namespace muze {

void configureComputeThreads(int threads)
{
    setEngineThreads(threads);
    // LibTorch starts with a single intra-op thread here; training and sampling want every core.
    at::set_num_threads(computeThreads());
}

}  // namespace muze
