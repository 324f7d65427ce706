#pragma once
// The one buffer every forwarder uses between the engine's threads and the UI: values collect on
// the producing thread and are handed over at most once per interval, each hand-over carrying
// every value since the previous one (~15 updates a second, none lost).
#include <QElapsedTimer>
#include <QVector>

#include <utility>

template <class T> class ThrottledBuffer {
  public:
    /// `capacity` > 0 keeps only the newest values when nobody takes them (a stalled UI).
    explicit ThrottledBuffer(int intervalMs, int capacity = 0)
        : m_intervalMs(intervalMs), m_capacity(capacity) {
        m_sinceTake.start();
    }

    /// Adds a value; true when the interval since the last take() has passed: time to hand over.
    bool push(T value) {
        if (m_capacity > 0 && m_values.size() >= m_capacity) {
            m_values.removeFirst();
            ++m_dropped;
        }
        m_values.push_back(std::move(value));
        return m_sinceTake.elapsed() >= m_intervalMs;
    }

    /// Everything since the last take, in order; restarts the interval.
    QVector<T> take() {
        m_sinceTake.restart();
        return std::exchange(m_values, {});
    }

    bool isEmpty() const { return m_values.isEmpty(); }
    int dropped() const { return m_dropped; }

  private:
    int m_intervalMs;
    int m_capacity;
    int m_dropped = 0;
    QElapsedTimer m_sinceTake;
    QVector<T> m_values;
};
