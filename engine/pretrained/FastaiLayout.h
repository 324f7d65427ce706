#pragma once
#include "model/AwdLstm.h"
#include "model/AwdLstmConfig.h"
#include "model/LanguageModel.h"
#include "pretrained/StateDict.h"

#include <string>

namespace ulmfit {

/// fastai's AWD-LSTM state-dict layout (fastai v2 text/models/awdlstm.py; v1 the same plus a
/// copy of each raw weight):
///   <p>encoder.weight, <p>encoder_dp.emb.weight           the embedding (one tensor, twice)
///   <p>rnns.<i>.weight_hh_l0_raw                          WeightDropout's raw weight
///   <p>rnns.<i>.module.{weight_ih_l0,bias_ih_l0,bias_hh_l0}  the LSTM's own parameters
///   <p>rnns.<i>.module.weight_hh_l0                       fastai v1 only: a copy, ignored
///   1.decoder.weight, 1.decoder.bias                      language model only (weight tied)
/// with <p> = "0." in a language model (SequentialRNN(encoder, decoder)) and "" in the encoder
/// file of save_encoder / load_encoder.
namespace fastai {
constexpr const char* kLanguageModelPrefix = "0.";
constexpr const char* kEncoderPrefix = "";
constexpr const char* kEmbeddingKey = "0.encoder.weight";
constexpr const char* kEmbeddingDropoutKey = "0.encoder_dp.emb.weight";
constexpr const char* kDecoderWeightKey = "1.decoder.weight";
constexpr const char* kDecoderBiasKey = "1.decoder.bias";
} // namespace fastai

/// The sizes a fastai state dict implies (vocabulary and embedding from the embedding, hidden
/// size from layer 0, the number of layers from the rnns.<i> keys); dropouts are `base`'s.
/// Throws ulmfit::Error when the embedding or the first layer is missing.
AwdLstmConfig configFromFastaiStateDict(const StateDict& stateDict, const std::string& prefix,
                                        AwdLstmConfig base);

/// Checks every tensor of `stateDict` against `model`'s configuration, then copies them in.
/// Nothing is copied unless all of them fit: a missing or unexpected tensor, or one whose
/// shape differs ("0.rnns.1.module.weight_ih_l0 is [4608, 1152] in the file but this model
/// needs [4600, 1150]"), throws ulmfit::Error first. Like PyTorch's load_state_dict on fastai's
/// tied model, the decoder weight is loaded last and so is the embedding the model keeps.
void loadFastaiLanguageModel(const LanguageModel& model, const StateDict& stateDict);
/// The same for an encoder file (fastai's save_encoder: keys without the "0." prefix).
void loadFastaiEncoder(const AwdLstm& encoder, const StateDict& stateDict);

/// The model's weights as fastai v2's language model state dict, in its order (fastai's
/// load_pretrained matches by position); the embedding, its dropout copy and the decoder weight
/// are one tensor. Tensors share memory with the model.
StateDict fastaiLanguageModelStateDict(const LanguageModel& model);
/// The encoder as fastai's save_encoder writes it (what load_encoder reads).
StateDict fastaiEncoderStateDict(const AwdLstm& encoder);

} // namespace ulmfit
