// The one place that tells LibTorch how many threads to use; kept apart so that only this file of
// core/common pays for LibTorch's headers.
#include "core/common/Parallel.h"

#include <ATen/Parallel.h>

#include <dlfcn.h>

#include <mutex>

namespace muze {

void configureComputeThreads(int threads)
{
    setEngineThreads(threads);
    // LibTorch starts with a single intra-op thread here; training and sampling want every core.
    at::set_num_threads(computeThreads());
    // Inter-op parallelism would run independent operators at once on the same cores; nothing here
    // has such graphs, and it can only be set before the first parallel work.
    static std::once_flag interOp;
    std::call_once(interOp, [] { at::set_num_interop_threads(1); });
    // OpenBLAS (Debian's libblas.so.3 with libopenblas0-pthread) keeps a pool of its own, one thread
    // per core, beside LibTorch's OpenMP threads, and the two fight over the cores: phase 1 training
    // ran 2.7 steps/s that way and 3.8 with OpenBLAS on one thread. LibTorch parallelises around its
    // BLAS calls itself.
    // The environment variable would be read too early to set from here, hence the call.
    using SetBlasThreads = void (*)(int);
    if (auto setBlasThreads = reinterpret_cast<SetBlasThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        setBlasThreads(1);
}

void prepareComputeThread()
{
    at::init_num_threads();
}

}  // namespace muze
