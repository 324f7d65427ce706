# LibTorch's headers dominate the build: every file that includes them spends 10-20 s parsing them.
# All targets share one precompiled header of them (built once, loaded in ~3 s): engine modules, the
# CLI, the bridge and the tests. A source that does not include LibTorch (directly or through the
# engine's model-side headers) skips it, since loading the 380 MB header costs more than it saves.
#
# GCC uses a precompiled header only when the flags that shape it match (-O level, -fPIC, the
# standard): every target using it is position-independent and built with the project's flags.
# CMake adds -Winvalid-pch, so a mismatch shows up as a warning in the build log.
add_library(ulmfit-torch-pch OBJECT ${CMAKE_CURRENT_LIST_DIR}/TorchPch.cpp)
target_link_libraries(ulmfit-torch-pch PRIVATE ${TORCH_LIBRARIES})
target_precompile_headers(ulmfit-torch-pch PRIVATE
    <torch/nn/module.h> <torch/nn/modules/linear.h> <torch/types.h> <string> <vector> <memory>)
set_target_properties(ulmfit-torch-pch PROPERTIES POSITION_INDEPENDENT_CODE ON AUTOMOC OFF)

# AUTOMOC for those targets runs moc without LibTorch's include folders (see the script).
if(TARGET Qt6::moc)
    get_target_property(ULMFIT_REAL_MOC Qt6::moc IMPORTED_LOCATION)
    list(TRANSFORM TORCH_INCLUDE_DIRS PREPEND "-I" OUTPUT_VARIABLE dropped)
    list(JOIN dropped "|" ULMFIT_MOC_DROPPED_INCLUDES)
    configure_file(${CMAKE_CURRENT_LIST_DIR}/moc-without-torch.sh.in ${CMAKE_BINARY_DIR}/moc-without-torch.sh
        @ONLY FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endif()

# What a source including LibTorch looks like: its own headers or the engine's folders above data/corpus.
set(ULMFIT_TORCH_INCLUDE
    "#include [<\"](torch/|ATen/|c10/|model/|train/|infer/|usecase/|pretrained/|check/|data/batch/|engine/(model|train|infer|usecase|pretrained|check|data/batch)/)")

# Makes `target` reuse the shared header for those of its sources that include LibTorch.
function(ulmfit_use_torch_pch target)
    get_target_property(sources ${target} SOURCES)
    get_target_property(source_dir ${target} SOURCE_DIR)
    set(uses_torch FALSE)
    foreach(source ${sources})
        if(NOT source MATCHES "\\.cpp$")
            continue()
        endif()
        if(NOT IS_ABSOLUTE ${source})
            set(source ${source_dir}/${source})
        endif()
        file(READ ${source} text)
        if(text MATCHES "${ULMFIT_TORCH_INCLUDE}")
            set(uses_torch TRUE)
        else()
            set_source_files_properties(${source} TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
        endif()
    endforeach()
    if(NOT uses_torch)
        return()
    endif()
    target_precompile_headers(${target} REUSE_FROM ulmfit-torch-pch)
    # -fPIC as in the header (GCC refuses a header built with other -fpic/-fpie settings); CMake would
    # give an executable -fPIE. Position-independent code links into an executable as usual.
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "EXECUTABLE")
        target_compile_options(${target} PRIVATE -fPIC)
    else()
        set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    endif()
    # AUTOMOC's mocs_compilation.cpp is empty when a file includes its own .moc (every test does),
    # yet loading the header would cost it seconds.
    get_target_property(automoc ${target} AUTOMOC)
    if(automoc)
        if(ULMFIT_REAL_MOC)
            set_target_properties(${target} PROPERTIES AUTOMOC_EXECUTABLE ${CMAKE_BINARY_DIR}/moc-without-torch.sh)
        endif()
        get_target_property(binary_dir ${target} BINARY_DIR)
        set_source_files_properties(${binary_dir}/${target}_autogen/mocs_compilation.cpp
            TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    endif()
endfunction()
