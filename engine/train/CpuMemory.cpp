#include "train/CpuMemory.h"

#include <c10/core/CPUAllocator.h>
#include <c10/util/Exception.h>

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <unordered_map>

namespace ulmfit {
namespace {

constexpr std::size_t kHugePage = std::size_t(2) << 20;
constexpr std::size_t kSmallAlignment = 64; // what LibTorch's own CPU allocator guarantees

std::size_t physicalMemory() {
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long pageSize = ::sysconf(_SC_PAGE_SIZE);
    return pages > 0 && pageSize > 0 ? std::size_t(pages) * std::size_t(pageSize) : std::size_t(8) << 30;
}

/// Freed large blocks by size. A request takes the smallest cached block that fits and wastes at
/// most a quarter of it. The cache holds at most as much as the most ever in use at once (a training
/// step's working set comes back every batch; blocks of one-off sizes, such as an explanation of an
/// unusually long review, do not pile up), at least 256 MiB, at most a quarter of the RAM; the
/// largest blocks go first.
class BlockCache {
  public:
    BlockCache() : m_ceiling(std::min(physicalMemory() / 4, std::size_t(6) << 30)) {}

    void* take(std::size_t bytes) {
        const std::size_t size = roundUp(bytes);
        std::lock_guard<std::mutex> lock(m_mutex);
        auto it = m_free.lower_bound(size);
        if (it != m_free.end() && it->first - size <= it->first / 4) {
            void* block = it->second;
            m_live.emplace(block, it->first);
            m_stats.cachedBytes -= it->first;
            m_stats.liveLargeBytes += it->first;
            m_peakLive = std::max(m_peakLive, m_stats.liveLargeBytes);
            ++m_stats.reuses;
            m_free.erase(it);
            return block;
        }
        // Room for a new block: drop cached ones that did not fit, largest first.
        while (!m_free.empty() && m_stats.cachedBytes + size > limit())
            dropLargest();
        void* block = nullptr;
        if (::posix_memalign(&block, kHugePage, size) != 0 || !block) {
            while (!m_free.empty()) // the cache may be what stands in the way
                dropLargest();
            if (::posix_memalign(&block, kHugePage, size) != 0 || !block)
                TORCH_CHECK(false, "out of memory: could not allocate ", size, " bytes on the CPU");
        }
        ::madvise(block, size, MADV_HUGEPAGE); // a hint: ignored where THP is off
        m_live.emplace(block, size);
        m_stats.liveLargeBytes += size;
        m_peakLive = std::max(m_peakLive, m_stats.liveLargeBytes);
        ++m_stats.freshBlocks;
        return block;
    }

    void give(void* block) {
        std::lock_guard<std::mutex> lock(m_mutex);
        const auto it = m_live.find(block);
        if (it == m_live.end()) { // not ours: a raw small block (or null) from raw_deallocate
            std::free(block);
            return;
        }
        const std::size_t size = it->second;
        m_live.erase(it);
        m_stats.liveLargeBytes -= size;
        m_free.emplace(size, block);
        m_stats.cachedBytes += size;
        while (m_stats.cachedBytes > limit())
            dropLargest();
    }

    void release() {
        std::lock_guard<std::mutex> lock(m_mutex);
        while (!m_free.empty())
            dropLargest();
    }

    CpuMemoryStats stats() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_stats;
    }

  private:
    std::size_t limit() const { return std::min(m_ceiling, std::max(std::size_t(256) << 20, m_peakLive)); }
    static std::size_t roundUp(std::size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }

    void dropLargest() { // with m_mutex held
        auto last = std::prev(m_free.end());
        std::free(last->second);
        m_stats.cachedBytes -= last->first;
        m_free.erase(last);
    }

    std::mutex m_mutex;
    std::multimap<std::size_t, void*> m_free;
    std::unordered_map<void*, std::size_t> m_live;
    std::size_t m_ceiling;
    std::size_t m_peakLive = 0;
    CpuMemoryStats m_stats;
};

BlockCache& cache() {
    static BlockCache* instance = new BlockCache; // never destroyed: tensors may die after main returns
    return *instance;
}

void freeSmall(void* data) {
    std::free(data);
}

/// Back to the cache, which frees with std::free whatever it does not hold (a small block, or
/// null): so it also serves raw pointers, which do not say where they came from.
void freeLarge(void* data) {
    cache().give(data);
}

class CachingCpuAllocator final : public c10::Allocator {
  public:
    c10::DataPtr allocate(std::size_t bytes) const override {
        const c10::Device cpu(c10::DeviceType::CPU);
        if (bytes == 0)
            return {nullptr, nullptr, &freeSmall, cpu};
        if (bytes >= kCachedBlockMinimum) {
            void* block = cache().take(bytes);
            return {block, block, &freeLarge, cpu};
        }
        void* data = nullptr;
        if (::posix_memalign(&data, kSmallAlignment, bytes) != 0 || !data)
            TORCH_CHECK(false, "out of memory: could not allocate ", bytes, " bytes on the CPU");
        return {data, data, &freeSmall, cpu};
    }
    // oneDNN (LibTorch's bfloat16 matmuls) allocates its scratch memory through raw_allocate,
    // which needs this.
    c10::DeleterFnPtr raw_deleter() const override { return &freeLarge; }
};

std::atomic<bool> g_installed{false};

} // namespace

void installCachingCpuAllocator() {
    static CachingCpuAllocator allocator;
    static std::once_flag once;
    std::call_once(once, [] {
        c10::SetCPUAllocator(&allocator, /*priority=*/1);
        g_installed = true;
    });
}

bool cachingCpuAllocatorInstalled() {
    return g_installed;
}

void releaseCachedCpuMemory() {
    cache().release();
}

CpuMemoryStats cpuMemoryStats() {
    return cache().stats();
}

} // namespace ulmfit
