#include "infer/Explainer.h"

#include "core/Error.h"
#include "data/text/TokenSpans.h"
#include "infer/Predictor.h"

#include <ATen/ATen.h>
#include <torch/autograd.h>
#include <torch/utils.h>

#include <algorithm>
#include <cmath>

namespace ulmfit {
namespace {

/// One layer's weights in at::lstm's order, detached: the explanation differentiates with
/// respect to the input only. On CUDA they are views of one buffer, as cuDNN wants.
std::vector<torch::Tensor> layerWeights(LstmLayer& layer) {
    const auto named = layer->named_parameters(/*recurse=*/true);
    std::vector<torch::Tensor> params;
    for (const char* name : {"weight_ih_l0", "weight_hh_l0.raw", "bias_ih_l0", "bias_hh_l0"})
        params.push_back(named[name].detach());
    if (!params.front().is_cuda())
        return params;
    std::vector<torch::Tensor> flat;
    for (const auto& p : params)
        flat.push_back(p.reshape({-1}));
    auto buffer = at::cat(flat);
    std::vector<torch::Tensor> views;
    int64_t offset = 0;
    for (const auto& p : params) {
        views.push_back(buffer.narrow(0, offset, p.numel()).view(p.sizes()));
        offset += p.numel();
    }
    return views;
}

/// The eval-mode LSTM step of LstmLayer, called with train=true: cuDNN only differentiates
/// through a recurrence run in training mode (fastai v1 switches the model to train() for
/// intrinsic_attention for the same reason). With one layer and dropout 0 the flag changes
/// nothing else.
torch::Tensor runLayer(const torch::Tensor& input, LstmLayerState& state,
                       const std::vector<torch::Tensor>& weights) {
    auto [output, h, c] =
        at::lstm(input, {state.h, state.c}, weights, /*has_biases=*/true, /*num_layers=*/1,
                 /*dropout=*/0.0, /*train=*/true, /*bidirectional=*/false, /*batch_first=*/true);
    state = {h, c};
    return output;
}

/// First position the SentenceEncoder pools for one unpadded document (its chunk plan: chunks
/// start at multiples of seqLen, and a chunk is pooled when the document ends within maxLen of
/// its start).
int64_t firstPooledPosition(const std::vector<int32_t>& ids, int64_t padIdx, int64_t seqLen, int64_t maxLen) {
    int64_t end = 0;
    for (int64_t i = 0; i < static_cast<int64_t>(ids.size()); ++i)
        if (ids[static_cast<size_t>(i)] != padIdx)
            end = i + 1;
    if (end <= maxLen)
        return 0;
    return (end - maxLen + seqLen - 1) / seqLen * seqLen;
}

} // namespace

/// What one explanation runs on: the pooled tokens' embeddings and the state before them.
struct Explainer::Pass {
    int64_t pooledStart = 0;
    torch::Tensor embedded;     // [pooled, emb], detached
    torch::Tensor padEmbedding; // [emb]
    torch::Tensor mask;         // [1, pooled], true = xxpad (ignored by the pooling)
    LstmState context;          // batch 1, after the unpooled tokens (zeros when none)
    std::vector<std::vector<torch::Tensor>> weights;
};

Explainer::Explainer(const std::filesystem::path& bundleDir, torch::Device device)
    : Explainer(loadClassifierBundle(bundleDir, device), device) {}

Explainer::Explainer(LoadedClassifier classifier, torch::Device device)
    : m_model(std::move(classifier.model)), m_vocab(std::move(classifier.vocab)),
      m_labels(std::move(classifier.labels)), m_device(device), m_direction(classifier.direction) {
    m_model->to(device);
    m_model->eval();
}

Explainer::Explainer(const Predictor& predictor)
    : m_model(predictor.model()), m_vocab(predictor.vocab()), m_labels(predictor.labels()),
      m_device(predictor.device()), m_direction(predictor.direction()) {}

int Explainer::labelIndex(std::string_view label) const {
    for (size_t i = 0; i < m_labels.size(); ++i)
        if (m_labels[i] == label)
            return static_cast<int>(i);
    std::string known;
    for (const auto& l : m_labels)
        known += (known.empty() ? "" : ", ") + l;
    throw Error("unknown class '" + std::string(label) + "': the model's classes are " + known);
}

torch::Tensor Explainer::logitsFrom(const torch::Tensor& embedded, const torch::Tensor& mask,
                                    const Pass& pass) {
    const int64_t rows = embedded.size(0);
    torch::Tensor x = embedded;
    for (size_t l = 0; l < pass.weights.size(); ++l) {
        LstmLayerState state{pass.context[l].h.expand({1, rows, -1}).contiguous(),
                             pass.context[l].c.expand({1, rows, -1}).contiguous()};
        x = runLayer(x, state, pass.weights[l]);
    }
    return m_model->head->forward(x, mask.expand({rows, -1}));
}

Attribution Explainer::explain(std::string_view text, const ExplainOptions& options) {
    if (options.target >= static_cast<int>(m_labels.size()))
        throw Error("class index " + std::to_string(options.target) + " is out of range: the model has " +
                    std::to_string(m_labels.size()) + " classes");
    if (options.method == AttributionMethod::IntegratedGradients && options.steps < 1)
        throw Error("Integrated Gradients needs at least 1 step");
    const auto tokens = m_tokenizer.tokenize(text);
    auto ids = m_vocab.encode(tokens);
    const bool reversed = m_direction == Direction::Backward; // the model reads the ids right to left
    if (reversed)
        std::reverse(ids.begin(), ids.end());
    auto& awd = m_model->encoder->module;
    const auto& config = m_model->config();
    const auto& clas = m_model->options();

    Pass pass;
    pass.pooledStart = firstPooledPosition(ids, config.padToken, clas.seqLen, clas.maxLen);
    const auto weight = awd->encoder->weight.detach();
    auto idTensor = torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()), at::kLong).to(m_device);
    const int64_t pooled = idTensor.size(0) - pass.pooledStart;
    pass.embedded = weight.index_select(0, idTensor.narrow(0, pass.pooledStart, pooled));
    pass.padEmbedding = weight[config.padToken];
    pass.mask = (idTensor.narrow(0, pass.pooledStart, pooled) == config.padToken).unsqueeze(0);
    pass.context = awd->zeroState(1);
    for (auto& layer : awd->rnns)
        pass.weights.push_back(layerWeights(layer));
    if (pass.pooledStart > 0) { // the unpooled chunks: run once, no graph, as the encoder does
        torch::NoGradGuard noGrad;
        auto x = weight.index_select(0, idTensor.narrow(0, 0, pass.pooledStart)).unsqueeze(0);
        for (size_t l = 0; l < pass.weights.size(); ++l)
            x = runLayer(x, pass.context[l], pass.weights[l]);
    }

    Attribution out;
    out.text = std::string(text);
    out.method = options.method;
    out.labels = m_labels;
    if (options.method == AttributionMethod::IntegratedGradients)
        integratedGradients(out, pass, options);
    else
        attention(out, pass, options.target);
    if (reversed) // scores came in the model's order: back to the text's
        std::reverse(out.tokens.begin(), out.tokens.end());

    const auto spans = text::alignTokens(text, tokens);
    for (size_t i = 0; i < tokens.size(); ++i) {
        TokenAttribution& t = out.tokens[i];
        t.token = tokens[i];
        t.start = spans[i].start;
        t.length = spans[i].length;
    }
    return out;
}

namespace {

void setPrediction(Attribution& out, const torch::Tensor& inputLogits, int requestedTarget) {
    auto probs = at::softmax(inputLogits.to(at::kFloat), 0).cpu().contiguous();
    out.probabilities.assign(probs.data_ptr<float>(), probs.data_ptr<float>() + probs.numel());
    out.predicted = static_cast<int>(std::max_element(out.probabilities.begin(), out.probabilities.end()) -
                                     out.probabilities.begin());
    out.target = requestedTarget >= 0 ? requestedTarget : out.predicted;
}

void setScores(Attribution& out, int64_t pooledStart, const torch::Tensor& scores) {
    auto cpu = scores.to(at::kFloat).cpu().contiguous();
    out.tokens.assign(static_cast<size_t>(pooledStart + cpu.numel()), {});
    for (int64_t i = 0; i < pooledStart; ++i) {
        out.tokens[static_cast<size_t>(i)].pooled = false;
        out.tokens[static_cast<size_t>(i)].score = 0;
    }
    const float* data = cpu.data_ptr<float>();
    for (int64_t i = 0; i < cpu.numel(); ++i)
        out.tokens[static_cast<size_t>(pooledStart + i)].score = data[i];
}

} // namespace

void Explainer::integratedGradients(Attribution& out, const Pass& pass, const ExplainOptions& options) {
    const int64_t steps = options.steps;
    // Rows: the input, the baseline, then the path points at the interval midpoints.
    std::vector<float> alphas{1.f, 0.f};
    for (int64_t k = 0; k < steps; ++k)
        alphas.push_back(static_cast<float>((static_cast<double>(k) + 0.5) / static_cast<double>(steps)));
    const int64_t total = static_cast<int64_t>(alphas.size());
    const int64_t perPass = options.stepsPerPass > 0 ? std::max<int64_t>(3, options.stepsPerPass) : total;
    const auto alphaTensor = torch::tensor(alphas, at::kFloat).to(m_device);
    const auto delta = pass.embedded - pass.padEmbedding; // [pooled, emb]
    auto gradientSum = at::zeros_like(pass.embedded);
    int target = options.target;
    for (int64_t begin = 0; begin < total; begin += perPass) {
        const int64_t rows = std::min(perPass, total - begin);
        auto points =
            (pass.padEmbedding + alphaTensor.narrow(0, begin, rows).view({rows, 1, 1}) * delta.unsqueeze(0))
                .detach()
                .requires_grad_(true);
        auto logits = logitsFrom(points, pass.mask, pass);
        if (begin == 0) {
            setPrediction(out, logits[0].detach(), target);
            target = out.target;
            out.targetLogit = logits[0][target].item<double>();
            out.baselineLogit = logits[1][target].item<double>();
        }
        const int64_t firstStep = std::max<int64_t>(0, 2 - begin); // rows before it are the end points
        if (firstStep >= rows)
            continue;
        auto objective = logits.narrow(0, firstStep, rows - firstStep).select(1, target).sum();
        auto grad = torch::autograd::grad({objective}, {points})[0];
        gradientSum += grad.narrow(0, firstStep, rows - firstStep).sum(0);
    }
    auto scores = (delta * gradientSum / static_cast<double>(steps)).sum(1);
    setScores(out, pass.pooledStart, scores);
    out.steps = options.steps;
    out.attributionSum = scores.sum().item<double>();
    const double difference = out.targetLogit - out.baselineLogit;
    out.completenessError = std::abs(out.attributionSum - difference) / std::max(std::abs(difference), 1e-6);
}

void Explainer::attention(Attribution& out, const Pass& pass, int target) {
    auto input = pass.embedded.unsqueeze(0).detach().requires_grad_(true);
    auto logits = logitsFrom(input, pass.mask, pass);
    setPrediction(out, logits[0].detach(), target);
    auto probability = at::softmax(logits, 1)[0][out.target];
    auto grad = torch::autograd::grad({probability}, {input})[0][0];
    auto scores = grad.abs().sum(1);
    const double top = scores.max().item<double>();
    if (top > 0)
        scores = scores / top;
    setScores(out, pass.pooledStart, scores);
}

} // namespace ulmfit
