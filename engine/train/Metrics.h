#pragma once
#include <torch/types.h>

namespace ulmfit {

/// Counts argmax hits over flattened predictions (fastai's accuracy, flat for the LM).
class AccuracyMetric {
public:
    void reset() { m_correct = m_total = 0; }
    void accumulate(const torch::Tensor& logits, const torch::Tensor& target);
    double value() const { return m_total ? static_cast<double>(m_correct) / m_total : 0.0; }
    long long total() const { return m_total; }

private:
    long long m_correct = 0, m_total = 0;
};

/// Mean of per-batch values weighted by batch size (fastai's AvgLoss).
class WeightedMean {
public:
    void reset() { m_sum = m_weight = 0; }
    void add(double value, double weight) {
        m_sum += value * weight;
        m_weight += weight;
    }
    double value() const { return m_weight > 0 ? m_sum / m_weight : 0.0; }

private:
    double m_sum = 0, m_weight = 0;
};

/// Debiased exponential moving average of the loss (fastai's AvgSmoothLoss, beta 0.98).
class SmoothLoss {
public:
    explicit SmoothLoss(double beta = 0.98) : m_beta(beta) {}
    void reset() { m_value = 0, m_count = 0; }
    double add(double loss);
    double value() const;

private:
    double m_beta, m_value = 0;
    int m_count = 0;
};

} // namespace ulmfit
