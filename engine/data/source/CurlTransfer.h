#pragma once
#include "core/CancelToken.h"
#include "core/Observer.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

namespace ulmfit {

struct DownloadOptions;

/// What one HTTP GET attempt ended with; Downloader turns it into a result or an Error.
struct TransferOutcome {
    int curlCode = 0;               // CURLcode
    long httpStatus = 0;            // of the final response (after redirects)
    std::string statusText;         // reason phrase, e.g. "Not Found"
    std::int64_t rangeStart = -1;   // from Content-Range: bytes START-END/TOTAL
    std::int64_t rangeTotal = -1;   // TOTAL of Content-Range (also of `bytes */TOTAL` in a 416)
    std::int64_t expectedTotal = 0; // size of the whole file when known
    std::uintmax_t fileBytes = 0;   // size of the partial file afterwards
    bool restarted = false;         // a 200 answered our Range request: the file was rewritten from 0
    bool rangeMismatch = false;     // a 206 that does not start where our partial file ends
    bool cancelled = false;
    int diskErrno = 0;              // set when writing the partial file failed
    std::string curlMessage;        // libcurl's error buffer
};

/// One libcurl GET of `options.url` appended to `partial` from byte `offset` (a Range request when
/// offset > 0). Reports task "download" progress and polls `cancel` in libcurl's progress callback.
class CurlTransfer {
public:
    CurlTransfer(const DownloadOptions& options, std::filesystem::path partial, std::uintmax_t offset,
                 Observer* observer, const CancelToken* cancel);
    ~CurlTransfer();
    CurlTransfer(const CurlTransfer&) = delete;
    CurlTransfer& operator=(const CurlTransfer&) = delete;

    TransferOutcome run();

private:
    static std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* self);
    static std::size_t onBody(char* data, std::size_t size, std::size_t count, void* self);
    static int onProgress(void* self, std::int64_t total, std::int64_t now, std::int64_t, std::int64_t);
    void configure();
    void parseHeader(const std::string& line);
    bool startBody();
    void closeFile();

    const DownloadOptions& m_options;
    std::filesystem::path m_partial;
    std::uintmax_t m_offset;
    Observer* m_observer;
    const CancelToken* m_cancel;
    void* m_curl = nullptr;
    std::FILE* m_file = nullptr;
    bool m_bodyStarted = false;
    bool m_discardBody = false;
    TransferOutcome m_outcome;
    char m_errorBuffer[256] = {};
    std::chrono::steady_clock::time_point m_start, m_lastReport;
};

} // namespace ulmfit
