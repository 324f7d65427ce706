#pragma once
#include <torch/optim/adamw.h>
#include <torch/types.h>

#include <memory>
#include <vector>

namespace ulmfit {

/// Adam with fastai's defaults (betas 0.9/0.99, eps 1e-5, true weight decay 0.01) and one
/// learning rate per model parameter group. Each model group becomes two AdamW groups: decayed
/// parameters, and those fastai's wd_bn_bias=False leaves undecayed (`noDecay`: norm layers and
/// modules' `bias`; when it is not given, every 1-d tensor). Parameters whose grad is undefined
/// (frozen ones) are skipped by the step.
class DiscriminativeAdam {
public:
    struct Options {
        double beta1 = 0.9, beta2 = 0.99, eps = 1e-5, weightDecay = 0.01;
    };

    explicit DiscriminativeAdam(const std::vector<std::vector<torch::Tensor>>& groups);
    DiscriminativeAdam(const std::vector<std::vector<torch::Tensor>>& groups, Options options,
                       const std::vector<torch::Tensor>& noDecay = {});

    int groupCount() const { return static_cast<int>(m_groupSlots.size()); }
    void setLearningRates(const std::vector<double>& rates); // one per model group
    double learningRate(int group) const;
    void setMomentum(double beta1); // fastai cycles Adam's beta1 as "momentum"
    double momentum() const { return m_beta1; }

    void step();
    /// Sets every gradient to undefined so frozen parameters stay out of the next step.
    void zeroGrad();
    std::vector<torch::Tensor> parameters() const;
    /// Forgets Adam's moments and step counts, as fastai's Learner.freeze_to does (opt.clear_state()):
    /// each gradual-unfreezing stage starts its optimizer afresh.
    void clearState();
    bool hasState() const;

    void save(const std::string& path) const;
    void load(const std::string& path);

private:
    torch::optim::AdamWOptions& groupOptions(std::size_t slot) const;

    std::unique_ptr<torch::optim::AdamW> m_adam;
    std::vector<std::vector<std::size_t>> m_groupSlots; // model group -> AdamW group indices
    double m_beta1;
};

} // namespace ulmfit
