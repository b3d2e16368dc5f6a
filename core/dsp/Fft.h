#pragma once

#include <complex>
#include <cstddef>
#include <memory>
#include <new>
#include <vector>

namespace muze {

// Memory aligned as FFTW's SIMD code wants it; every buffer handed to RealFft comes from here.
void* fftAlignedAllocate(std::size_t bytes);
void fftAlignedFree(void* memory) noexcept;

template <class T>
struct FftAllocator {
    using value_type = T;
    FftAllocator() = default;
    template <class U>
    FftAllocator(const FftAllocator<U>&) noexcept {}
    T* allocate(std::size_t count) { return static_cast<T*>(fftAlignedAllocate(count * sizeof(T))); }
    void deallocate(T* memory, std::size_t) noexcept { fftAlignedFree(memory); }
    template <class U>
    bool operator==(const FftAllocator<U>&) const noexcept { return true; }
    template <class U>
    bool operator!=(const FftAllocator<U>&) const noexcept { return false; }
};

template <class T>
using AlignedVector = std::vector<T, FftAllocator<T>>;

// A real FFT of one size through FFTW (single precision), planned once per size per process.
//
// Thread contract: forward() and inverse() may run concurrently on one RealFft from any number of
// threads, each with its own buffers; construction is serialised internally (FFTW's planner is not
// thread-safe). Buffers must come from AlignedVector.
class RealFft {
public:
    explicit RealFft(int size);
    ~RealFft();

    int size() const { return m_size; }
    int bins() const { return m_size / 2 + 1; }

    // `input`: size() samples; `output`: bins() values. No scaling.
    void forward(const float* input, std::complex<float>* output) const;
    // `input`: bins() values, overwritten (FFTW's complex-to-real destroys its input);
    // `output`: size() samples, scaled by size() as FFTW leaves them.
    void inverse(std::complex<float>* input, float* output) const;

private:
    struct Plans;
    static std::shared_ptr<const Plans> plansFor(int size);

    int m_size;
    std::shared_ptr<const Plans> m_plans;
};

}  // namespace muze
