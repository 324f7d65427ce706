# Precompiled headers, shared between targets. LibTorch's headers dominate the build (10-20 s of
# parsing per file that includes them) and Qt Test's come next (about 4 s per test), so:
#   ulmfit-torch-pch       LibTorch: engine modules, the CLI, the bridge
#   ulmfit-torch-test-pch  LibTorch + Qt Test: the tests that include LibTorch (tests/CMakeLists.txt)
#   ulmfit-qt-test-pch     Qt Test: the other engine and CLI tests
# Each is built once and loaded in about 3 s (LibTorch) or well under a second (Qt Test).
#
# GCC uses a precompiled header only when what shaped it matches: the -O level, -fpic/-fpie, the
# standard, and every macro the headers test (QT_GUI_LIB, say). Every target using one is built
# with -fPIC and the project's flags; CMake adds -Winvalid-pch, so a mismatch shows up as a warning
# in the build log (the file is then compiled as usual, just slower).

# ulmfit_precompiled_header(NAME HEADERS h... LIBS lib...): an object library holding the header,
# compiled with the usage requirements (definitions, include folders) of LIBS.
function(ulmfit_precompiled_header name)
    cmake_parse_arguments(ARG "" "" "HEADERS;LIBS" ${ARGN})
    add_library(${name} OBJECT ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/PrecompiledHeader.cpp)
    target_link_libraries(${name} PRIVATE ${ARG_LIBS})
    target_precompile_headers(${name} PRIVATE ${ARG_HEADERS})
    set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON AUTOMOC OFF)
endfunction()

set(ULMFIT_TORCH_HEADERS <torch/nn/module.h> <torch/nn/modules/linear.h> <torch/types.h> <string> <vector> <memory>)
ulmfit_precompiled_header(ulmfit-torch-pch HEADERS ${ULMFIT_TORCH_HEADERS} LIBS ${TORCH_LIBRARIES})

# What a source including LibTorch looks like: its own headers or the engine's folders above data/corpus.
set(ULMFIT_TORCH_INCLUDE
    "#include [<\"](torch/|ATen/|c10/|model/|train/|infer/|usecase/|pretrained/|check/|data/batch/|engine/(model|train|infer|usecase|pretrained|check|data/batch)/)")

# AUTOMOC for targets that include LibTorch runs moc without LibTorch's include folders (see the script).
if(TARGET Qt6::moc)
    get_target_property(ULMFIT_REAL_MOC Qt6::moc IMPORTED_LOCATION)
    list(TRANSFORM TORCH_INCLUDE_DIRS PREPEND "-I" OUTPUT_VARIABLE dropped)
    list(JOIN dropped "|" ULMFIT_MOC_DROPPED_INCLUDES)
    configure_file(${CMAKE_CURRENT_LIST_DIR}/moc-without-torch.sh.in ${CMAKE_BINARY_DIR}/moc-without-torch.sh
        @ONLY FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endif()

# Splits `target`'s .cpp files (absolute paths) into those that include LibTorch and the others.
function(ulmfit_split_torch_sources target with_torch without_torch)
    get_target_property(sources ${target} SOURCES)
    get_target_property(source_dir ${target} SOURCE_DIR)
    set(with)
    set(without)
    foreach(source ${sources})
        if(NOT source MATCHES "\\.cpp$")
            continue()
        endif()
        if(NOT IS_ABSOLUTE ${source})
            set(source ${source_dir}/${source})
        endif()
        file(READ ${source} text)
        if(text MATCHES "${ULMFIT_TORCH_INCLUDE}")
            list(APPEND with ${source})
        else()
            list(APPEND without ${source})
        endif()
    endforeach()
    set(${with_torch} ${with} PARENT_SCOPE)
    set(${without_torch} ${without} PARENT_SCOPE)
endfunction()

# True when one of `target`'s sources includes LibTorch.
function(ulmfit_includes_torch target result)
    ulmfit_split_torch_sources(${target} with without)
    if(with)
        set(${result} TRUE PARENT_SCOPE)
    else()
        set(${result} FALSE PARENT_SCOPE)
    endif()
endfunction()

# ulmfit_reuse_pch(target pch [TORCH_ONLY]): `target` compiles with the precompiled header `pch`.
# TORCH_ONLY (for a LibTorch header): only the sources that include LibTorch do, since loading a
# 380 MB header costs the others more than it saves; nothing happens when none does.
function(ulmfit_reuse_pch target pch)
    cmake_parse_arguments(ARG "TORCH_ONLY" "" "" ${ARGN})
    ulmfit_split_torch_sources(${target} with_torch without_torch)
    if(ARG_TORCH_ONLY)
        if(NOT with_torch)
            return()
        endif()
        if(without_torch)
            set_source_files_properties(${without_torch} TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
        endif()
    endif()
    target_precompile_headers(${target} REUSE_FROM ${pch})
    # -fPIC as in the header; CMake would give an executable -fPIE. Position-independent code links
    # into an executable as usual.
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "EXECUTABLE")
        target_compile_options(${target} PRIVATE -fPIC)
    else()
        set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    endif()
    get_target_property(automoc ${target} AUTOMOC)
    if(automoc)
        # AUTOMOC's mocs_compilation.cpp is empty when a file includes its own .moc (every test
        # does), yet loading the header would cost it seconds.
        get_target_property(binary_dir ${target} BINARY_DIR)
        set_source_files_properties(${binary_dir}/${target}_autogen/mocs_compilation.cpp
            TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
        if(with_torch AND ULMFIT_REAL_MOC)
            set_target_properties(${target} PROPERTIES AUTOMOC_EXECUTABLE ${CMAKE_BINARY_DIR}/moc-without-torch.sh)
        endif()
    endif()
endfunction()
