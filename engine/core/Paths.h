#pragma once
#include <filesystem>

namespace ulmfit {

/// Per-user data folder (like fastai's ~/.fastai/data): $ULMFIT_DATA_DIR, else
/// $XDG_DATA_HOME/ulmfit-studio, else ~/.local/share/ulmfit-studio. Created on demand.
std::filesystem::path userDataDir();

/// Per-user folder of pretrained models (like fastai's ~/.fastai/models), one subfolder per model
/// (`models/wt103-fwd/`): $ULMFIT_MODELS_DIR, else userDataDir()/models. Created on demand.
std::filesystem::path userModelsDir();

} // namespace ulmfit
