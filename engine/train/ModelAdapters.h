#pragma once
#include "model/LanguageModel.h"
#include "model/TextClassifier.h"
#include "recipe/Recipe.h"
#include "train/LearnerModel.h"

namespace ulmfit {

/// The Learner's view of the AWD-LSTM language model (groups = fastai's awd_lstm_lm_split).
LearnerModel learnerModel(const LanguageModel& model);
/// ... and of the classifier (awd_lstm_clas_split); AR/TAR see the encoder's outputs as in fastai.
/// rowBlocks > 1 encodes each batch in that many blocks of rows on their own threads
/// (model/ParallelRows.h; an experiment of `bench train --row-blocks`, not what training runs).
LearnerModel learnerModel(const TextClassifier& model, int rowBlocks = 1);

/// The recipe's model sizes applied to fastai's LM / classifier configs with their drop_mult.
AwdLstmConfig recipeLmConfig(const Recipe& recipe, int64_t vocabSize);
AwdLstmConfig recipeClassifierConfig(const Recipe& recipe, int64_t vocabSize);

} // namespace ulmfit
