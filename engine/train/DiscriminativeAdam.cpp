#include "train/DiscriminativeAdam.h"

#include "core/Error.h"
#include "model/ArchiveFile.h"

#include <torch/serialize.h>

#include <unordered_set>

namespace ulmfit {

DiscriminativeAdam::DiscriminativeAdam(const std::vector<std::vector<torch::Tensor>>& groups)
    : DiscriminativeAdam(groups, Options{}) {}

DiscriminativeAdam::DiscriminativeAdam(const std::vector<std::vector<torch::Tensor>>& groups, Options options,
                                       const std::vector<torch::Tensor>& noDecay)
    : m_beta1(options.beta1) {
    std::unordered_set<const void*> undecayedSet;
    for (const auto& p : noDecay)
        undecayedSet.insert(p.unsafeGetTensorImpl());
    const auto decays = [&](const torch::Tensor& p) {
        return noDecay.empty() ? p.dim() > 1 : undecayedSet.count(p.unsafeGetTensorImpl()) == 0;
    };
    std::vector<torch::optim::OptimizerParamGroup> adamGroups;
    for (const auto& group : groups) {
        std::vector<torch::Tensor> decayed, undecayed;
        for (const auto& p : group)
            (decays(p) ? decayed : undecayed).push_back(p);
        std::vector<std::size_t> slots;
        for (auto* params : {&decayed, &undecayed}) {
            if (params->empty())
                continue;
            auto adamOptions = std::make_unique<torch::optim::AdamWOptions>(1e-3);
            adamOptions->betas({options.beta1, options.beta2}).eps(options.eps);
            adamOptions->weight_decay(params == &decayed ? options.weightDecay : 0.0);
            slots.push_back(adamGroups.size());
            adamGroups.emplace_back(*params, std::move(adamOptions));
        }
        m_groupSlots.push_back(std::move(slots));
    }
    m_adam = std::make_unique<torch::optim::AdamW>(std::move(adamGroups), torch::optim::AdamWOptions(1e-3));
}

torch::optim::AdamWOptions& DiscriminativeAdam::groupOptions(std::size_t slot) const {
    return static_cast<torch::optim::AdamWOptions&>(m_adam->param_groups().at(slot).options());
}

void DiscriminativeAdam::setLearningRates(const std::vector<double>& rates) {
    if (rates.size() != m_groupSlots.size())
        throw Error("expected " + std::to_string(m_groupSlots.size()) + " learning rates, got " +
                    std::to_string(rates.size()));
    for (std::size_t g = 0; g < rates.size(); ++g)
        for (std::size_t slot : m_groupSlots[g])
            groupOptions(slot).lr(rates[g]);
}

double DiscriminativeAdam::learningRate(int group) const {
    const auto& slots = m_groupSlots.at(group);
    return slots.empty() ? 0.0 : groupOptions(slots.front()).lr();
}

void DiscriminativeAdam::setMomentum(double beta1) {
    m_beta1 = beta1;
    for (std::size_t slot = 0; slot < m_adam->param_groups().size(); ++slot) {
        auto& options = groupOptions(slot);
        options.betas({beta1, std::get<1>(options.betas())});
    }
}

void DiscriminativeAdam::step() {
    m_adam->step();
}

void DiscriminativeAdam::zeroGrad() {
    for (auto& group : m_adam->param_groups())
        for (auto& p : group.params())
            p.mutable_grad() = torch::Tensor();
}

std::vector<torch::Tensor> DiscriminativeAdam::parameters() const {
    std::vector<torch::Tensor> all;
    for (const auto& group : m_adam->param_groups())
        all.insert(all.end(), group.params().begin(), group.params().end());
    return all;
}

void DiscriminativeAdam::clearState() {
    m_adam->state().clear();
}

bool DiscriminativeAdam::hasState() const {
    return !m_adam->state().empty();
}

void DiscriminativeAdam::save(const std::string& path) const {
    torch::serialize::OutputArchive archive;
    m_adam->save(archive);
    writeArchiveFile(archive, path);
}

void DiscriminativeAdam::load(const std::string& path) {
    // The state goes where the parameters are: a run checkpointed on the GPU can resume on the
    // CPU (and the reverse).
    const auto params = parameters();
    torch::serialize::InputArchive archive;
    try {
        readArchiveFile(archive, path, params.empty() ? torch::Device(torch::kCPU) : params.front().device());
        m_adam->load(archive);
    } catch (const std::exception&) { // LibTorch's message is a multi-line trace: say what it means
        throw Error(
            "the optimizer state " + path +
            " is unreadable (truncated, corrupt or from another model); delete the checkpoint to start over");
    }
}

} // namespace ulmfit
