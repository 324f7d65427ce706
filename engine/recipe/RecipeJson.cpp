// Recipe <-> JSON. Every failure names the field ("recipe field 'stages[1].lr': expected a number").
#include "recipe/RecipeJson.h"

#include "core/Error.h" // header-only: the recipe library stays a leaf
#include "recipe/RecipePresets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

namespace ulmfit {

using nlohmann::json;

namespace {
[[noreturn]] void fieldError(const std::string& field, const std::string& problem) {
    throw Error("recipe field '" + field + "': " + problem);
}

template <class T> const char* expected() {
    if constexpr (std::is_same_v<T, bool>)
        return "expected true or false";
    else if constexpr (std::is_integral_v<T>)
        return "expected a whole number";
    else if constexpr (std::is_arithmetic_v<T>)
        return "expected a number";
    else
        return "expected a string";
}

template <class T> void read(const json& object, const std::string& prefix, const char* key, T& out) {
    if (!object.contains(key))
        return;
    const json& value = object.at(key);
    const bool ok = std::is_same_v<T, bool>   ? value.is_boolean()
                    : std::is_integral_v<T>   ? value.is_number_integer()
                    : std::is_arithmetic_v<T> ? value.is_number()
                                              : value.is_string();
    if (!ok)
        fieldError(prefix + key, expected<T>());
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        // A whole number outside T's range would wrap (found by RecipeJsonFuzz: 2e28 epochs).
        const bool fits = value.is_number_unsigned()
                              ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<T>::max())
                              : value.get<std::int64_t>() >= static_cast<std::int64_t>(std::numeric_limits<T>::min()) &&
                                    value.get<std::int64_t>() <= static_cast<std::int64_t>(std::numeric_limits<T>::max());
        if (!fits)
            fieldError(prefix + key, "out of range");
    }
    out = value.get<T>();
}

void rejectUnknown(const json& object, const std::string& prefix, const std::set<std::string>& known) {
    for (const auto& item : object.items()) {
        if (known.count(item.key()))
            continue;
        std::string names; // a misspelt field is the usual cause: say which ones exist
        for (const auto& name : known)
            names += (names.empty() ? "" : ", ") + name;
        fieldError(prefix + item.key(), "unknown field (the fields here: " + names + ")");
    }
}

LearningRate readRate(const json& object, const std::string& prefix) {
    if (object.contains("slice")) {
        const json& s = object.at("slice");
        if (!s.is_array() || s.empty() || s.size() > 2 || !s.front().is_number() || !s.back().is_number())
            fieldError(prefix + "slice", "expected [lo, hi] or [hi] (numbers)");
        return s.size() == 2 ? LearningRate::slice(s[0].get<double>(), s[1].get<double>())
                             : LearningRate::slice(0.0, s[0].get<double>());
    }
    if (!object.contains("lr"))
        fieldError(prefix + "lr", "missing (give \"lr\": 0.01 or \"slice\": [lo, hi])");
    double lr = 0;
    read(object, prefix, "lr", lr);
    if (!(lr > 0))
        fieldError(prefix + "lr", "must be positive");
    return LearningRate::plain(lr);
}

RecipeStage readStage(const json& object, const std::string& prefix) {
    if (!object.is_object())
        fieldError(prefix.substr(0, prefix.size() - 1), "expected an object");
    rejectUnknown(object, prefix, {"model", "freeze_to", "unfreeze", "epochs", "lr", "slice"});
    RecipeStage stage;
    std::string model = "lm";
    read(object, prefix, "model", model);
    if (model != "lm" && model != "classifier")
        fieldError(prefix + "model", "expected \"lm\" or \"classifier\", got \"" + model + "\"");
    stage.model = model == "lm" ? RecipeStage::Model::LanguageModel : RecipeStage::Model::Classifier;
    bool unfreezeAll = false;
    read(object, prefix, "unfreeze", unfreezeAll);
    stage.freezeTo = unfreezeAll ? 0 : -1;
    read(object, prefix, "freeze_to", stage.freezeTo);
    read(object, prefix, "epochs", stage.epochs);
    if (stage.epochs < 1)
        fieldError(prefix + "epochs", "must be at least 1");
    stage.lr = readRate(object, prefix);
    return stage;
}

json stageJson(const RecipeStage& stage) {
    json j{{"model", stage.model == RecipeStage::Model::LanguageModel ? "lm" : "classifier"},
           {"epochs", stage.epochs}};
    if (stage.freezeTo == 0)
        j["unfreeze"] = true;
    else
        j["freeze_to"] = stage.freezeTo;
    if (!stage.lr.isSlice)
        j["lr"] = stage.lr.hi;
    else
        j["slice"] = stage.lr.lo > 0 ? json::array({stage.lr.lo, stage.lr.hi}) : json::array({stage.lr.hi});
    return j;
}

const std::set<std::string> kRecipeKeys = {"name",
                                           "emb_size",
                                           "hidden_size",
                                           "n_layers",
                                           "lm_drop_mult",
                                           "classifier_drop_mult",
                                           "max_vocab",
                                           "min_freq",
                                           "lm_bs",
                                           "classifier_bs",
                                           "lm_seq_len",
                                           "seq_len",
                                           "max_doc_tokens",
                                           "lm_valid_pct",
                                           "lm_max_docs",
                                           "seed",
                                           "wd",
                                           "clip",
                                           "checkpoint_minutes",
                                           "ar_alpha",
                                           "tar_beta",
                                           "device",
                                           "mixed_precision",
                                           "pretrained",
                                           "pretrained_encoder",
                                           "directions",
                                           "stages"};
} // namespace

void to_json(json& j, const Recipe& r) {
    j = json{{"name", r.name},
             {"emb_size", r.embSize},
             {"hidden_size", r.hiddenSize},
             {"n_layers", r.nLayers},
             {"lm_drop_mult", r.lmDropMult},
             {"classifier_drop_mult", r.classifierDropMult},
             {"max_vocab", r.vocab.maxVocab},
             {"min_freq", r.vocab.minFreq},
             {"lm_bs", r.lmBatchSize},
             {"classifier_bs", r.classifierBatchSize},
             {"lm_seq_len", r.lmSeqLen},
             {"seq_len", r.seqLen},
             {"max_doc_tokens", r.maxDocTokens},
             {"lm_valid_pct", r.lmValidPct},
             {"lm_max_docs", r.lmMaxDocs},
             {"seed", r.seed},
             {"wd", r.weightDecay},
             {"clip", r.clip},
             {"checkpoint_minutes", r.checkpointMinutes},
             {"ar_alpha", r.arAlpha},
             {"tar_beta", r.tarBeta},
             {"device", r.device},
             {"mixed_precision", r.mixedPrecision},
             {"pretrained", r.pretrained}};
    json directions = json::array();
    for (const auto d : r.directions)
        directions.push_back(directionName(d));
    j["directions"] = directions;
    json stages = json::array();
    for (const auto& stage : r.stages)
        stages.push_back(stageJson(stage));
    j["stages"] = stages;
}

void from_json(const json& j, Recipe& r) {
    if (!j.is_object())
        throw Error("recipe: expected a JSON object at the top level");
    rejectUnknown(j, "", kRecipeKeys);
    read(j, "", "name", r.name);
    read(j, "", "emb_size", r.embSize);
    read(j, "", "hidden_size", r.hiddenSize);
    read(j, "", "n_layers", r.nLayers);
    read(j, "", "lm_drop_mult", r.lmDropMult);
    read(j, "", "classifier_drop_mult", r.classifierDropMult);
    read(j, "", "max_vocab", r.vocab.maxVocab);
    read(j, "", "min_freq", r.vocab.minFreq);
    read(j, "", "lm_bs", r.lmBatchSize);
    read(j, "", "classifier_bs", r.classifierBatchSize);
    read(j, "", "seq_len", r.seqLen);
    // Recipe files from before lm_seq_len used seq_len for both models: keep them training as they did.
    if (!j.contains("lm_seq_len") && j.contains("seq_len"))
        r.lmSeqLen = r.seqLen;
    read(j, "", "lm_seq_len", r.lmSeqLen);
    read(j, "", "max_doc_tokens", r.maxDocTokens);
    read(j, "", "lm_valid_pct", r.lmValidPct);
    read(j, "", "lm_max_docs", r.lmMaxDocs);
    read(j, "", "seed", r.seed);
    read(j, "", "wd", r.weightDecay);
    read(j, "", "clip", r.clip);
    read(j, "", "checkpoint_minutes", r.checkpointMinutes);
    if (r.checkpointMinutes < 0)
        fieldError("checkpoint_minutes", "expected 0 (only after epochs) or a positive number of minutes");
    read(j, "", "ar_alpha", r.arAlpha);
    read(j, "", "tar_beta", r.tarBeta);
    read(j, "", "device", r.device);
    if (r.device != "auto" && r.device != "cpu" && r.device != "cuda")
        fieldError("device", "expected \"auto\", \"cpu\" or \"cuda\", got \"" + r.device + "\"");
    read(j, "", "mixed_precision", r.mixedPrecision);
    read(j, "", "pretrained_encoder", r.pretrained); // the field's name before "pretrained"
    read(j, "", "pretrained", r.pretrained);
    if (j.contains("directions")) {
        const auto& list = j.at("directions");
        if (!list.is_array() || list.empty() || list.size() > 2)
            fieldError("directions", "expected [\"fwd\"], [\"bwd\"] or [\"fwd\", \"bwd\"]");
        r.directions.clear();
        for (const auto& item : list) {
            const auto d = item.is_string() ? directionFromName(item.get<std::string>()) : std::nullopt;
            if (!d)
                fieldError("directions", "expected \"fwd\" or \"bwd\", got " + item.dump());
            if (std::find(r.directions.begin(), r.directions.end(), *d) != r.directions.end())
                fieldError("directions", std::string("\"") + directionName(*d) + "\" is listed twice");
            r.directions.push_back(*d);
        }
    }
    for (auto [field, value] : {std::pair{"emb_size", r.embSize},
                                {"hidden_size", r.hiddenSize},
                                {"n_layers", r.nLayers},
                                {"lm_bs", r.lmBatchSize},
                                {"classifier_bs", r.classifierBatchSize},
                                {"seq_len", r.seqLen},
                                {"lm_seq_len", r.lmSeqLen}})
        if (value < 1)
            fieldError(field, "must be at least 1");
    if (!j.contains("stages"))
        return;
    if (!j.at("stages").is_array())
        fieldError("stages", "expected an array of stages");
    r.stages.clear();
    for (std::size_t i = 0; i < j.at("stages").size(); ++i)
        r.stages.push_back(readStage(j.at("stages")[i], "stages[" + std::to_string(i) + "]."));
}

std::string recipeToJsonText(const Recipe& recipe) {
    return json(recipe).dump(2) + "\n";
}

Recipe recipeFromJsonText(const std::string& text, const std::string& source) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) { // a syntax error, or a number too large for a double
        throw Error("recipe " + source + " is not valid JSON: " + e.what());
    }
    try {
        return j.get<Recipe>();
    } catch (const Error& e) {
        throw Error(source + ": " + e.what());
    }
}

Recipe loadRecipe(const std::string& nameOrPath) {
    if (auto preset = presetRecipe(nameOrPath))
        return *preset;
    std::ifstream in(nameOrPath, std::ios::binary);
    if (!in)
        throw Error("cannot open recipe '" + nameOrPath + "' (use book, quick or a JSON file)");
    std::ostringstream text;
    text << in.rdbuf();
    return recipeFromJsonText(text.str(), nameOrPath);
}

} // namespace ulmfit
