// The recipe reader on any text: a recipe, or an Error naming the field.
#include "FuzzSupport.h"

#include "core/Error.h"
#include "recipe/RecipeJson.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const ulmfit::Recipe recipe = ulmfit::recipeFromJsonText(std::string(ulmfit::fuzz::view(data, size)), "fuzz");
        // What was accepted writes back and reads back as the same recipe.
        if (!(ulmfit::recipeFromJsonText(ulmfit::recipeToJsonText(recipe), "again") == recipe))
            std::abort();
    } catch (const ulmfit::Error&) {
    }
    return 0;
}
