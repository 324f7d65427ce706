#pragma once
#include <filesystem>

namespace ulmfit {

/// Per-user data folder (like fastai's ~/.fastai/data): $ULMFIT_DATA_DIR, else
/// $XDG_DATA_HOME/ulmfit-studio, else ~/.local/share/ulmfit-studio. Created on demand.
std::filesystem::path userDataDir();

} // namespace ulmfit
