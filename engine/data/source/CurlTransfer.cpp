#include "data/source/CurlTransfer.h"

#include "core/Error.h"
#include "data/source/Downloader.h"

#include <cerrno>
#include <cstring>
#include <curl/curl.h>
#include <mutex>
#include <unistd.h>

namespace ulmfit {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

void initCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool startsWithNoCase(const std::string& line, const char* prefix) {
    return ::strncasecmp(line.c_str(), prefix, std::strlen(prefix)) == 0;
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\r' || text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}
} // namespace

CurlTransfer::CurlTransfer(const DownloadOptions& options, fs::path partial, std::uintmax_t offset,
                           Observer* observer, const CancelToken* cancel)
    : m_options(options), m_partial(std::move(partial)), m_offset(offset), m_observer(observer), m_cancel(cancel) {
    initCurlOnce();
    m_curl = curl_easy_init();
    if (!m_curl)
        throw Error("libcurl could not be initialised");
    m_file = std::fopen(m_partial.c_str(), offset > 0 ? "ab" : "wb");
    if (!m_file)
        throw Error("cannot write " + m_partial.string() + ": " + std::strerror(errno) +
                    " (is the folder writable?)");
}

CurlTransfer::~CurlTransfer() {
    closeFile();
    curl_easy_cleanup(static_cast<CURL*>(m_curl));
}

void CurlTransfer::configure() {
    CURL* curl = static_cast<CURL*>(m_curl);
    curl_easy_setopt(curl, CURLOPT_URL, m_options.url.c_str());
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 10L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L); // we run on worker threads
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "ulmfit-studio");
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, m_options.connectTimeoutSeconds);
    // A stalled transfer fails instead of hanging forever; the .part file lets the next run resume.
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, m_options.stallBytesPerSecond);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, m_options.stallSeconds);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, m_errorBuffer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &CurlTransfer::onHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &CurlTransfer::onBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &CurlTransfer::onProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, this);
    const std::string range = std::to_string(m_offset) + "-";
    // CURLOPT_RANGE (not RESUME_FROM) so a 200 reply is ours to handle: we restart from zero.
    curl_easy_setopt(curl, CURLOPT_RANGE, m_offset > 0 ? range.c_str() : nullptr);
}

TransferOutcome CurlTransfer::run() {
    configure();
    m_start = Clock::now();
    const CURLcode code = curl_easy_perform(static_cast<CURL*>(m_curl));
    m_outcome.curlCode = code;
    curl_easy_getinfo(static_cast<CURL*>(m_curl), CURLINFO_RESPONSE_CODE, &m_outcome.httpStatus);
    m_outcome.curlMessage = m_errorBuffer[0] ? m_errorBuffer : curl_easy_strerror(code);
    closeFile();
    std::error_code ec;
    m_outcome.fileBytes = fs::file_size(m_partial, ec);
    return m_outcome;
}

void CurlTransfer::closeFile() {
    if (!m_file)
        return;
    if (std::fflush(m_file) != 0 && !m_outcome.diskErrno)
        m_outcome.diskErrno = errno;
    ::fsync(::fileno(m_file));
    std::fclose(m_file);
    m_file = nullptr;
}

void CurlTransfer::parseHeader(const std::string& line) {
    if (startsWithNoCase(line, "HTTP/")) { // a new response (after a redirect or 100 Continue)
        const auto space = line.find(' ');
        const auto reason = space == std::string::npos ? space : line.find(' ', space + 1);
        m_outcome.statusText = reason == std::string::npos ? "" : trimmed(line.substr(reason + 1));
        m_outcome.rangeStart = m_outcome.rangeTotal = -1;
    } else if (startsWithNoCase(line, "Content-Range:")) {
        long long start = -1, end = -1, total = -1;
        if (std::sscanf(line.c_str() + 14, " bytes %lld-%lld/%lld", &start, &end, &total) == 3)
            m_outcome.rangeStart = start, m_outcome.rangeTotal = total;
        else if (std::sscanf(line.c_str() + 14, " bytes */%lld", &total) == 1)
            m_outcome.rangeTotal = total;
    }
}

std::size_t CurlTransfer::onHeader(char* data, std::size_t size, std::size_t count, void* self) {
    static_cast<CurlTransfer*>(self)->parseHeader(std::string(data, size * count));
    return size * count;
}

/// Decides, on the first body bytes, what to do with them. Returns false to abort the transfer.
bool CurlTransfer::startBody() {
    m_bodyStarted = true;
    long status = 0;
    curl_easy_getinfo(static_cast<CURL*>(m_curl), CURLINFO_RESPONSE_CODE, &status);
    m_discardBody = status >= 300; // error pages are not the file
    if (m_offset > 0 && status == 200) { // the server ignored our Range: start over
        if (::ftruncate(::fileno(m_file), 0) != 0 || std::fseek(m_file, 0, SEEK_SET) != 0)
            return m_outcome.diskErrno = errno, false;
        m_outcome.restarted = true;
        m_offset = 0;
    }
    if (status == 206 && m_outcome.rangeStart != std::int64_t(m_offset))
        return m_outcome.rangeMismatch = true, false;
    return true;
}

std::size_t CurlTransfer::onBody(char* data, std::size_t size, std::size_t count, void* self) {
    auto* transfer = static_cast<CurlTransfer*>(self);
    const std::size_t bytes = size * count;
    if (!transfer->m_bodyStarted && !transfer->startBody())
        return 0;
    if (transfer->m_discardBody)
        return bytes;
    if (std::fwrite(data, 1, bytes, transfer->m_file) != bytes) {
        transfer->m_outcome.diskErrno = errno ? errno : EIO;
        return 0;
    }
    return bytes;
}

int CurlTransfer::onProgress(void* self, std::int64_t total, std::int64_t now, std::int64_t, std::int64_t) {
    auto* transfer = static_cast<CurlTransfer*>(self);
    if (transfer->m_cancel && transfer->m_cancel->cancelled())
        return transfer->m_outcome.cancelled = true, 1;
    const auto time = Clock::now();
    if (total > 0 && !transfer->m_discardBody)
        transfer->m_outcome.expectedTotal = std::int64_t(transfer->m_offset) + total;
    if (!transfer->m_observer || time - transfer->m_lastReport < kProgressReportInterval)
        return 0;
    transfer->m_lastReport = time;
    const double seconds = std::chrono::duration<double>(time - transfer->m_start).count();
    transfer->m_observer->onProgress({"download", double(transfer->m_offset + std::uintmax_t(now)),
                                      double(transfer->m_outcome.expectedTotal), seconds > 0 ? now / seconds : 0,
                                      "B", transfer->m_options.url});
    return 0;
}

} // namespace ulmfit
