// `ulmfit explain --model DIR [--method ig|attention] [--class NAME] [--steps N] [--top K]
// [--html FILE] TEXT...`: why the classifier chose its label. Per text: the label and every
// label's probability, the method (and for Integrated Gradients how well the scores add up to
// the logit difference), then the tokens by decreasing |score|: score, token, original characters.
#include "CommandRegistry.h"

#include "infer/AttributionHtml.h"
#include "infer/Explainer.h"
#include "train/Device.h"

#include <cstdio>
#include <iostream>
#include <memory>

namespace ulmfit::cli {
namespace {

struct ExplainArgs {
    std::string model;
    std::string device = "auto";
    std::string method = "ig";
    std::string className;
    int steps = 32;
    int top = 10;
    std::string html;
    std::vector<std::string> texts;
};

// The original characters on one line: line breaks and tabs shown as \n and \t.
std::string oneLine(std::string_view text) {
    std::string out;
    for (char c : text)
        out += c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" : std::string(1, c);
    return out;
}

void printAttribution(const Attribution& a, int top) {
    std::printf("label: %s", a.labels[static_cast<size_t>(a.predicted)].c_str());
    for (size_t c = 0; c < a.labels.size(); ++c)
        std::printf("\t%s=%.4f", a.labels[c].c_str(), a.probabilities[c]);
    std::printf("\nexplains: %s (%s", a.labels[static_cast<size_t>(a.target)].c_str(),
                attributionMethodName(a.method));
    if (a.method == AttributionMethod::IntegratedGradients)
        std::printf(", %d steps)\ncompleteness error: %.6f (attributions %+.4f, logit difference %+.4f)\n",
                    a.steps, a.completenessError, a.attributionSum, a.targetLogit - a.baselineLogit);
    else
        std::printf(")\n");
    const auto order = rankByInfluence(a);
    const size_t shown = top > 0 ? std::min(order.size(), static_cast<size_t>(top)) : order.size();
    for (size_t i = 0; i < shown; ++i) {
        const TokenAttribution& t = a.tokens[order[i]];
        std::printf("%+.4f\t%s\t%s\n", t.score, oneLine(t.token).c_str(),
                    oneLine(std::string_view(a.text).substr(t.start, t.length)).c_str());
    }
}

void runExplain(const ExplainArgs& args) {
    ExplainOptions options;
    options.method = parseAttributionMethod(args.method); // before loading: a typo fails fast
    options.steps = args.steps;
    configureCpu();
    Explainer explainer(args.model, chooseDevice(args.device));
    if (!args.className.empty())
        options.target = explainer.labelIndex(args.className);
    std::vector<Attribution> attributions;
    for (size_t i = 0; i < args.texts.size(); ++i) {
        attributions.push_back(explainer.explain(args.texts[i], options));
        if (i > 0)
            std::printf("\n");
        printAttribution(attributions.back(), args.top);
    }
    std::fflush(stdout);
    if (!args.html.empty())
        writeAttributionHtml(args.html, attributions);
}

const CommandRegistration explainCommandRegistration("explain", [](CLI::App& app) {
    auto args = std::make_shared<ExplainArgs>();
    auto* cmd = app.add_subcommand("explain", "Show which words made a classifier choose its label");
    cmd->add_option("--model", args->model, "Classifier folder (model.pt, vocab.txt, config.json)")
        ->required();
    cmd->add_option("--method", args->method,
                    "ig (Integrated Gradients) or attention (fastai's intrinsic attention)")
        ->check(CLI::IsMember({"ig", "attention"}));
    cmd->add_option("--class", args->className, "Class to explain (default: the predicted one)");
    cmd->add_option("--steps", args->steps, "Integrated Gradients steps")->check(CLI::Range(1, 4096));
    cmd->add_option("--top", args->top, "Tokens to list per text, most influential first (0 = all)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--html", args->html, "Also write the coloured texts to this HTML file");
    cmd->add_option("--device", args->device, "auto, cpu or cuda");
    cmd->add_option("texts", args->texts, "Texts to explain")->required();
    cmd->callback([args] { runExplain(*args); });
});

} // namespace
} // namespace ulmfit::cli
