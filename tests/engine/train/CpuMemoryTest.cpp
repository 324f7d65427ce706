// The caching CPU allocator: large buffers come back from the cache (no fresh pages), small ones
// go to malloc, tensors made before it was installed still free cleanly, and threads may share it.
#include "train/CpuMemory.h"

#include <torch/torch.h>

#include <QtTest>

#include <thread>
#include <vector>

using namespace ulmfit;

class CpuMemoryTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() {
        m_before = torch::ones({1 << 20}); // 4 MiB from LibTorch's own allocator
        installCachingCpuAllocator();
        installCachingCpuAllocator(); // idempotent
        QVERIFY(cachingCpuAllocatorInstalled());
    }

    void aTensorMadeBeforeFreesCleanly() {
        QCOMPARE(m_before.sum().item<float>(), float(1 << 20));
        m_before = torch::Tensor();
    }

    void aFreedLargeBufferIsReused() {
        releaseCachedCpuMemory();
        const CpuMemoryStats start = cpuMemoryStats();
        QCOMPARE(start.cachedBytes, std::size_t(0));
        const void* first = nullptr;
        {
            auto logits = torch::empty({2304, 1000}); // ~9 MB: a decoder's output
            first = logits.data_ptr();
            QVERIFY(reinterpret_cast<std::uintptr_t>(first) % (2u << 20) == 0); // huge-page aligned
            QVERIFY(cpuMemoryStats().liveLargeBytes >= 2304u * 1000u * 4u);
        }
        QVERIFY(cpuMemoryStats().cachedBytes >= 2304u * 1000u * 4u);
        auto again = torch::empty({2304, 1000});
        QCOMPARE(again.data_ptr(), first);
        const CpuMemoryStats after = cpuMemoryStats();
        QCOMPARE(after.reuses, start.reuses + 1);
        QCOMPARE(after.freshBlocks, start.freshBlocks + 1);
        // A much smaller request does not take (and waste) the big block.
        auto small = torch::empty({300000}); // 1.2 MB
        QVERIFY(small.data_ptr() != again.data_ptr());
        QCOMPARE(cpuMemoryStats().freshBlocks, start.freshBlocks + 2);
    }

    void smallTensorsBypassTheCache() {
        const CpuMemoryStats start = cpuMemoryStats();
        for (int i = 0; i < 100; ++i)
            (void)torch::ones({1000}).sum();
        QCOMPARE(cpuMemoryStats().freshBlocks, start.freshBlocks);
        QCOMPARE(cpuMemoryStats().reuses, start.reuses);
    }

    // oneDNN's bfloat16 kernels allocate scratch memory as raw pointers: both sizes come back.
    void rawAllocationsAreFreedByTheirDeleter() {
        c10::Allocator* allocator = c10::GetAllocator(c10::DeviceType::CPU);
        QVERIFY(allocator->raw_deleter() != nullptr);
        const auto start = cpuMemoryStats();
        void* large = allocator->raw_allocate(3u << 20);
        void* small = allocator->raw_allocate(100);
        QVERIFY(large && small);
        QCOMPARE(cpuMemoryStats().liveLargeBytes, start.liveLargeBytes + (4u << 20));
        allocator->raw_deallocate(small);
        allocator->raw_deallocate(large);
        QCOMPARE(cpuMemoryStats().liveLargeBytes, start.liveLargeBytes);
        QCOMPARE(cpuMemoryStats().cachedBytes, start.cachedBytes + (4u << 20));
    }

    void releaseEmptiesTheCache() {
        { auto big = torch::empty({4 << 20}); }
        QVERIFY(cpuMemoryStats().cachedBytes > 0);
        releaseCachedCpuMemory();
        QCOMPARE(cpuMemoryStats().cachedBytes, std::size_t(0));
    }

    void threadsShareItSafely() {
        std::vector<std::thread> threads;
        std::atomic<int> wrong{0};
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([t, &wrong] {
                for (int i = 0; i < 50; ++i) {
                    auto x = torch::full({(1 << 18) * (1 + (i + t) % 5)}, float(t + i));
                    auto y = x * 2;
                    if (y[123].item<float>() != 2.0f * float(t + i))
                        ++wrong;
                }
            });
        for (auto& thread : threads)
            thread.join();
        QCOMPARE(wrong.load(), 0);
        QCOMPARE(cpuMemoryStats().liveLargeBytes, std::size_t(0));
    }

  private:
    torch::Tensor m_before;
};

QTEST_APPLESS_MAIN(CpuMemoryTest)
#include "CpuMemoryTest.moc"
