#include "infer/AttributionHtml.h"

#include "core/AtomicFile.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace ulmfit {
namespace {

struct Rgb {
    int r, g, b;
};

// Class colours (ColorBrewer RdBu ends for the usual two classes, then distinct hues); the
// GUI's AttributionView uses the same table.
const Rgb kClassColours[] = {{202, 0, 32},   {5, 113, 176}, {26, 152, 80},
                             {118, 42, 131}, {230, 97, 1},  {1, 133, 113}};
const Rgb kAgainst{110, 110, 110}; // "against the target" when there are more than two classes
constexpr double kStrongest = 0.8; // the largest |score| gets 80 % colour over white: text stays readable

Rgb classColour(std::size_t index) {
    return kClassColours[index % (sizeof kClassColours / sizeof *kClassColours)];
}

// The colour of the class a score pushes toward: the target when positive; when negative, the
// other class of a binary classifier, otherwise grey.
Rgb towardColour(const Attribution& a, float score) {
    if (score >= 0)
        return classColour(static_cast<std::size_t>(a.target));
    return a.labels.size() == 2 ? classColour(static_cast<std::size_t>(1 - a.target)) : kAgainst;
}

std::string hex(Rgb c, double strength) {
    const double s = std::clamp(strength, 0.0, 1.0) * kStrongest;
    const auto mix = [s](int channel) { return static_cast<int>(std::lround(255 + (channel - 255) * s)); };
    char out[8];
    std::snprintf(out, sizeof out, "#%02x%02x%02x", mix(c.r), mix(c.g), mix(c.b));
    return out;
}

std::string number(double value, const char* format = "%.4f") {
    char out[32];
    std::snprintf(out, sizeof out, format, value);
    return out;
}

std::string escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// Original text as HTML: escaped, with IMDb's "<br />" and real line breaks as <br>.
std::string displayText(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (text.compare(i, 6, "<br />") == 0 || text[i] == '\n') {
            out += "<br>";
            i += text[i] == '\n' ? 1 : 6;
        } else {
            out += escape(text.substr(i, 1));
            ++i;
        }
    }
    return out;
}

std::string tooltip(const Attribution& a, const AttributedWord& word) {
    std::string out;
    for (std::size_t t : word.tokens)
        out += (out.empty() ? "" : ", ") + a.tokens[t].token + " " + number(a.tokens[t].score, "%+.4f");
    if (word.tokens.size() > 1)
        out += " (sum " + number(word.score, "%+.4f") + ")";
    return escape(out);
}

void writeHeader(std::ostream& html, const Attribution& a) {
    html << "<h2>" << escape(a.labels[static_cast<std::size_t>(a.predicted)]) << " "
         << number(a.probabilities[static_cast<std::size_t>(a.predicted)]) << "</h2>\n<p class=\"probs\">";
    for (std::size_t c = 0; c < a.labels.size(); ++c)
        html << (c ? " &middot; " : "") << escape(a.labels[c]) << " " << number(a.probabilities[c]);
    const bool ig = a.method == AttributionMethod::IntegratedGradients;
    html << "<br>"
         << (ig ? "Integrated Gradients (" + std::to_string(a.steps) + " steps)" : "intrinsic attention")
         << " for <b>" << escape(a.labels[static_cast<std::size_t>(a.target)]) << "</b>";
    if (ig)
        html << "; completeness error " << number(100 * a.completenessError, "%.2f") << " %";
    html << "</p>\n";
}

void writeLegend(std::ostream& html, const Attribution& a, double scale) {
    const std::string target = escape(a.labels[static_cast<std::size_t>(a.target)]);
    const bool signedScores = a.method == AttributionMethod::IntegratedGradients;
    const std::string against = a.labels.size() == 2
                                    ? "toward " + escape(a.labels[static_cast<std::size_t>(1 - a.target)])
                                    : "against " + target;
    html << "<div class=\"legend\">";
    if (signedScores) {
        html << against << " ";
        for (double s : {1.0, 0.66, 0.33})
            html << "<span style=\"background:" << hex(towardColour(a, -1), s) << "\"></span>";
    } else {
        html << "0 ";
    }
    for (double s : {0.0, 0.33, 0.66, 1.0})
        html << "<span style=\"background:" << hex(towardColour(a, 1), s) << "\"></span>";
    html << " toward " << target << " <small>(strongest: |score| " << number(scale) << ")</small></div>\n";
}

void writeSection(std::ostream& html, const Attribution& a) {
    const auto words = attributedWords(a);
    double scale = 0;
    for (const auto& w : words)
        scale = std::max(scale, static_cast<double>(std::abs(w.score)));
    html << "<section>\n";
    writeHeader(html, a);
    writeLegend(html, a, scale);
    html << "<div class=\"text\">";
    std::size_t at = 0;
    for (const auto& w : words) {
        html << displayText(std::string_view(a.text).substr(at, w.start - at));
        const double strength = scale > 0 ? std::abs(w.score) / scale : 0;
        html << "<span class=\"w\" style=\"background:" << hex(towardColour(a, w.score), strength)
             << "\" title=\"" << tooltip(a, w) << "\">"
             << displayText(std::string_view(a.text).substr(w.start, w.length)) << "</span>";
        at = w.start + w.length;
    }
    html << displayText(std::string_view(a.text).substr(std::min(at, a.text.size())))
         << "</div>\n</section>\n";
}

} // namespace

std::vector<AttributedWord> attributedWords(const Attribution& attribution) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < attribution.tokens.size(); ++i)
        if (attribution.tokens[i].length > 0)
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return attribution.tokens[x].start < attribution.tokens[y].start;
    });
    std::vector<AttributedWord> words;
    for (std::size_t i : order) {
        const auto& t = attribution.tokens[i];
        if (!words.empty() && t.start < words.back().start + words.back().length) { // overlaps: same word
            auto& w = words.back();
            const std::size_t end = std::max(w.start + w.length, t.start + t.length);
            w.length = end - w.start;
            w.tokens.push_back(i);
            w.score += t.score;
            continue;
        }
        words.push_back({t.start, t.length, {i}, t.score});
    }
    return words;
}

std::string attributionHtml(const std::vector<Attribution>& attributions) {
    std::ostringstream html;
    html << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Word attributions</title>\n<style>"
            "body{font-family:sans-serif;max-width:52em;margin:2em auto;line-height:1.6;color:#222}"
            "section{margin-bottom:2em}h2{margin-bottom:0}.probs{margin-top:0;color:#555}"
            ".text{border:1px solid #ccc;border-radius:4px;padding:.8em}.w{border-radius:3px}"
            ".legend span{display:inline-block;width:1.5em;height:1em;vertical-align:middle}"
            "</style></head><body>\n";
    for (const auto& a : attributions)
        writeSection(html, a);
    html << "</body></html>\n";
    return html.str();
}

void writeAttributionHtml(const std::filesystem::path& file, const std::vector<Attribution>& attributions) {
    const std::string page = attributionHtml(attributions);
    writeFileAtomically(file, [&](std::ostream& out) { out << page; });
}

} // namespace ulmfit
