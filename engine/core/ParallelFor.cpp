#include "core/ParallelFor.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace ulmfit {

int defaultThreadCount() {
    return std::max(1u, std::thread::hardware_concurrency());
}

void parallelFor(std::size_t n, int threads, std::size_t chunk,
                 const std::function<void(std::size_t, std::size_t, int)>& body) {
    if (n == 0)
        return;
    chunk = std::max<std::size_t>(1, chunk);
    const int workers = std::max(1, std::min<int>(threads > 0 ? threads : defaultThreadCount(),
                                                  static_cast<int>((n + chunk - 1) / chunk)));
    std::atomic<std::size_t> next{0};
    std::exception_ptr firstError;
    std::mutex errorMutex;
    auto work = [&](int worker) {
        try {
            for (std::size_t begin; (begin = next.fetch_add(chunk)) < n;)
                body(begin, std::min(n, begin + chunk), worker);
        } catch (...) {
            std::lock_guard lock(errorMutex);
            if (!firstError)
                firstError = std::current_exception();
            next.store(n); // stop the other workers at their next chunk
        }
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < workers; ++w)
        pool.emplace_back(work, w);
    work(0);
    for (auto& t : pool)
        t.join();
    if (firstError)
        std::rethrow_exception(firstError);
}

} // namespace ulmfit
