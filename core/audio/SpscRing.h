#pragma once

#include <atomic>
#include <cstddef>
#include <memory>

namespace muze {

// A fixed-capacity ring for one producer thread and one consumer thread, without locks or
// allocation after construction: what an audio callback may touch. Slots are written and read in
// place, so large items (blocks of samples) are never copied through the ring.
//
// Thread contract: beginWrite/endWrite from the producer thread only, front/pop from the consumer
// thread only; size() from either.
template <class T, std::size_t Capacity>
class SpscRing {
    static_assert(Capacity > 0 && (Capacity & (Capacity - 1)) == 0, "capacity must be a power of two");

public:
    SpscRing() : m_slots(std::make_unique<T[]>(Capacity)) {}

    // The next free slot, or nullptr when the ring is full. The consumer sees it after endWrite().
    T* beginWrite()
    {
        const std::size_t write = m_write.load(std::memory_order_relaxed);
        if (write - m_read.load(std::memory_order_acquire) == Capacity)
            return nullptr;
        return &m_slots[write & (Capacity - 1)];
    }
    void endWrite() { m_write.store(m_write.load(std::memory_order_relaxed) + 1, std::memory_order_release); }

    // The oldest written slot, or nullptr when the ring is empty. It stays valid until pop().
    T* front()
    {
        const std::size_t read = m_read.load(std::memory_order_relaxed);
        if (read == m_write.load(std::memory_order_acquire))
            return nullptr;
        return &m_slots[read & (Capacity - 1)];
    }
    void pop() { m_read.store(m_read.load(std::memory_order_relaxed) + 1, std::memory_order_release); }

    std::size_t size() const { return m_write.load(std::memory_order_acquire) - m_read.load(std::memory_order_acquire); }
    static constexpr std::size_t capacity() { return Capacity; }

private:
    std::unique_ptr<T[]> m_slots;
    alignas(64) std::atomic<std::size_t> m_write{0};
    alignas(64) std::atomic<std::size_t> m_read{0};
};

}  // namespace muze
