#pragma once
// A tiny HTTP/1.1 server on 127.0.0.1 (ephemeral port) for download tests: serves one body with
// Range support and can misbehave on request (404, dropped connection, stall, ignored Range, slow).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

class TestHttpServer {
public:
    enum class Mode { Normal, NotFound, DropAfter, Stall, IgnoreRange, Slow };

    explicit TestHttpServer(std::string body) : m_body(std::move(body)) {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        const int yes = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0; // the kernel picks a free port
        socklen_t len = sizeof addr;
        if (::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), len) != 0 || ::listen(m_listen, 8) != 0 ||
            ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
            throw std::runtime_error("test server: cannot listen on 127.0.0.1");
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~TestHttpServer() {
        m_stop = true;
        m_thread.join();
        ::close(m_listen);
    }

    void setMode(Mode mode, std::size_t dropAfter = 0) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_mode = mode;
        m_dropAfter = dropAfter;
    }
    std::string url(const std::string& path = "/imdb_sample.tgz") const {
        return "http://127.0.0.1:" + std::to_string(m_port) + path;
    }
    /// The Range header value of each request so far ("" when the request had none).
    std::vector<std::string> ranges() const {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_ranges;
    }

private:
    void serve() {
        while (!m_stop) {
            pollfd pfd{m_listen, POLLIN, 0};
            if (::poll(&pfd, 1, 20) <= 0)
                continue;
            const int client = ::accept(m_listen, nullptr, nullptr);
            if (client < 0)
                continue;
            handle(client);
            ::close(client);
        }
    }

    static std::string readRequest(int fd) {
        timeval timeout{5, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        std::string request;
        char buffer[4096];
        while (request.find("\r\n\r\n") == std::string::npos) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            request.append(buffer, std::size_t(n));
        }
        return request;
    }

    static std::string rangeOf(const std::string& request) {
        const auto at = request.find("\r\nRange: ");
        if (at == std::string::npos)
            return "";
        const auto start = at + 9;
        return request.substr(start, request.find("\r\n", start) - start);
    }

    static bool sendAll(int fd, const char* data, std::size_t size) {
        while (size > 0) {
            const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL); // no SIGPIPE when a client aborts
            if (n <= 0)
                return false;
            data += n, size -= std::size_t(n);
        }
        return true;
    }

    void handle(int fd) {
        const std::string range = rangeOf(readRequest(fd));
        Mode mode;
        std::size_t dropAfter;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_ranges.push_back(range);
            mode = m_mode;
            dropAfter = m_dropAfter;
        }
        if (mode == Mode::NotFound)
            return respond(fd, "404 Not Found", "", "no such file\n", Mode::Normal, 0);
        unsigned long long start = 0;
        const bool ranged = mode != Mode::IgnoreRange && std::sscanf(range.c_str(), "bytes=%llu-", &start) == 1;
        const std::string total = std::to_string(m_body.size());
        if (ranged && start >= m_body.size())
            return respond(fd, "416 Range Not Satisfiable", "Content-Range: bytes */" + total + "\r\n", "",
                           Mode::Normal, 0);
        if (ranged)
            return respond(fd, "206 Partial Content",
                           "Content-Range: bytes " + std::to_string(start) + "-" +
                               std::to_string(m_body.size() - 1) + "/" + total + "\r\n",
                           m_body.substr(start), mode, dropAfter);
        respond(fd, "200 OK", "", m_body, mode, dropAfter);
    }

    void respond(int fd, const std::string& status, const std::string& headers, const std::string& body, Mode mode,
                 std::size_t dropAfter) {
        const std::string head = "HTTP/1.1 " + status + "\r\nContent-Length: " + std::to_string(body.size()) +
                                 "\r\nContent-Type: application/octet-stream\r\n" + headers +
                                 "Connection: close\r\n\r\n";
        if (!sendAll(fd, head.data(), head.size()))
            return;
        const bool cut = mode == Mode::DropAfter || mode == Mode::Stall;
        const std::size_t size = cut ? std::min(dropAfter, body.size()) : body.size();
        const std::size_t chunk = mode == Mode::Slow ? 8192 : size;
        for (std::size_t sent = 0; sent < size && !m_stop; sent += chunk) {
            if (!sendAll(fd, body.data() + sent, std::min(chunk, size - sent)))
                return;
            if (mode == Mode::Slow)
                std::this_thread::sleep_for(std::chrono::milliseconds(3));
        }
        if (mode == Mode::Stall) { // keep the connection open, silent, until the client gives up
            pollfd pfd{fd, POLLIN, 0};
            ::poll(&pfd, 1, 5000);
        }
    }

    std::string m_body;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    mutable std::mutex m_mutex;
    Mode m_mode = Mode::Normal;
    std::size_t m_dropAfter = 0;
    std::vector<std::string> m_ranges;
    std::thread m_thread;
};
