#include "core/Paths.h"

#include <cstdlib>

namespace ulmfit {

std::filesystem::path userDataDir() {
    std::filesystem::path dir;
    if (const char* explicitDir = std::getenv("ULMFIT_DATA_DIR"); explicitDir && *explicitDir)
        dir = explicitDir;
    else if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        dir = std::filesystem::path(xdg) / "ulmfit-studio";
    else if (const char* home = std::getenv("HOME"); home && *home)
        dir = std::filesystem::path(home) / ".local/share/ulmfit-studio";
    else
        dir = std::filesystem::temp_directory_path() / "ulmfit-studio";
    std::filesystem::create_directories(dir);
    return dir;
}

std::filesystem::path userModelsDir() {
    std::filesystem::path dir;
    if (const char* explicitDir = std::getenv("ULMFIT_MODELS_DIR"); explicitDir && *explicitDir)
        dir = explicitDir;
    else
        dir = userDataDir() / "models";
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace ulmfit
