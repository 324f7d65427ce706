#include "data/text/Tokenizer.h"
#include "data/text/Unicode.h"
#include "core/ParallelFor.h"

#include <atomic>
#include <chrono>
#include <mutex>

namespace ulmfit::text {
namespace {

constexpr std::string_view kSpaceMark = "\xE2\x96\x81"; // fastai's replace_space: ' ' -> '▁'

void replaceSpaces(std::string& token) {
    for (std::size_t i; (i = token.find(' ')) != std::string::npos;)
        token.replace(i, 1, kSpaceMark);
}

// Serialises and throttles progress reports from the workers (at most ~10 per second).
class ProgressReporter {
public:
    ProgressReporter(Observer* observer, std::size_t total) : m_observer(observer), m_total(total) {}

    void add(std::size_t docs) {
        const std::size_t done = m_done.fetch_add(docs) + docs;
        if (!m_observer)
            return;
        std::lock_guard lock(m_mutex);
        const auto now = Clock::now();
        if (done < m_total && now - m_lastReport < std::chrono::milliseconds(100))
            return;
        m_lastReport = now;
        const double seconds = std::chrono::duration<double>(now - m_start).count();
        Progress p{"tokenize", double(done), double(m_total), seconds > 0 ? double(done) / seconds : 0.0, "docs", {}};
        m_observer->onProgress(p);
    }

private:
    using Clock = std::chrono::steady_clock;
    Observer* m_observer;
    std::size_t m_total;
    std::atomic<std::size_t> m_done{0};
    std::mutex m_mutex;
    Clock::time_point m_start = Clock::now();
    Clock::time_point m_lastReport{};
};

} // namespace

void Tokenizer::tokenize(std::string_view text, std::vector<std::string>& out) const {
    thread_local std::string ruled, scratch;
    if (unicode::isValidUtf8(text)) {
        applyRules(text, ruled, scratch);
    } else {
        applyRules(unicode::sanitizeUtf8(text), ruled, scratch);
    }
    splitWords(ruled, out);
    for (std::string& token : out)
        if (token.find(' ') != std::string::npos)
            replaceSpaces(token);
}

std::vector<std::string> Tokenizer::tokenize(std::string_view text) const {
    std::vector<std::string> out;
    tokenize(text, out);
    return out;
}

std::vector<std::vector<std::string>> Tokenizer::tokenizeAll(const std::vector<std::string>& texts, int threads,
                                                             Observer* observer, const CancelToken* cancel) const {
    std::vector<std::vector<std::string>> result(texts.size());
    ProgressReporter progress(observer, texts.size());
    report(observer, Progress{"tokenize", 0, double(texts.size()), 0, "docs", {}});
    parallelFor(texts.size(), threads, 64, [&](std::size_t begin, std::size_t end, int) {
        throwIfCancelled(cancel);
        for (std::size_t i = begin; i < end; ++i)
            tokenize(texts[i], result[i]);
        progress.add(end - begin);
    });
    return result;
}

} // namespace ulmfit::text
