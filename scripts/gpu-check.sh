#!/usr/bin/env bash
# The CUDA check for a GPU server (no Qt needed): builds the engine and `ulmfit` against the
# LibTorch inside the local PyTorch, then runs, most telling first: an A/B of a small training with
# and without the old library load order (on the CPU and on the GPU), `check --device cuda` (a toy
# run of the whole training path, compared with the CPU), the quick recipe on a dataset with
# `--device cuda`, `bench train --device cuda` (mixed precision and float32) and, where Qt Core
# and Test are found, the engine and CLI tests.
#
#   scripts/gpu-check.sh DATA [BUILD_DIR]      DATA: a dataset folder or .tgz (e.g. imdb_sample.tgz)
#
# Environment: ULMFIT_EXTRA_PREFIX=DIR  where spdlog/libarchive/libcurl/... live when they are not
# installed system-wide (scripts/pack-device-deps.sh packs them on a Debian 12 machine; their lib
# folder is also put on the run-time search path);
# ULMFIT_GPU_DEBUG=1  builds with debug information and runs the training under gdb (cuda-gdb when
# there is one), logging every checkpoint save and validation pass and printing a backtrace if it
# crashes (also when the crash is a call through a null pointer, which leaves no frame of its own).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:?usage: scripts/gpu-check.sh DATA [BUILD_DIR]}
build=${2:-build-cuda}
export PATH=/usr/local/cuda/bin:$PATH

torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
torch_version=$(python3 -c 'import torch; print(torch.__version__.split("+")[0])')
# LibTorch 2.11 and later need C++20; Debian's 1.13 builds as C++17.
standard=17
if python3 -c "import sys; v=tuple(map(int,'$torch_version'.split('.')[:2])); sys.exit(0 if v >= (2, 11) else 1)"; then
    standard=20
fi
prefix=$torch_prefix
link_flags=""
if [[ -n ${ULMFIT_EXTRA_PREFIX:-} ]]; then
    lib=$(dirname "$(find "$ULMFIT_EXTRA_PREFIX" -name 'libspdlog.so*' | head -1)")
    # What the server has itself comes from the server, so that only the libraries the engine
    # links directly, and what the server lacks, come from the carried folder.
    for so in "$lib"/*.so.*; do
        name=$(basename "$so")
        case $name in libspdlog*|libfmt*|libarchive*|libcurl*|libssl*|libcrypto*|libz.so*) continue ;; esac
        if ldconfig -p | grep -q "^[[:space:]]$name "; then rm -f "$so"; fi
    done
    echo "== carried libraries used: $(cd "$lib" && ls *.so.* | tr '\n' ' ')"
    prefix="$torch_prefix;$ULMFIT_EXTRA_PREFIX"
    link_flags="-L$lib -Wl,-rpath-link,$lib -Wl,-rpath,$lib"
    export LD_LIBRARY_PATH=$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
fi
build_type=Release
if [[ ${ULMFIT_GPU_DEBUG:-0} == 1 ]]; then build_type=RelWithDebInfo; fi
# The engine and CLI tests need only Qt Core and Test (carried by pack-device-deps.sh); they are
# built and run last, against this server's CUDA LibTorch. ULMFIT_GPU_TESTS=0 skips them.
tests=${ULMFIT_GPU_TESTS:-1}
data_dir=$(dirname "$(realpath "$data")")

echo "== LibTorch $torch_version, C++$standard, $build_type"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=$build_type -DCMAKE_CXX_STANDARD=$standard \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_EXE_LINKER_FLAGS="$link_flags" -DULMFIT_BUILD_GUI=OFF \
    -DULMFIT_BUILD_TESTS=$([[ $tests == 1 ]] && echo ON || echo OFF) -DULMFIT_SHARED_DATA_DIR="$data_dir"
cmake --build "$build" --parallel "$(nproc)" --target ulmfit
ulmfit=$build/app/ulmfit
"$ulmfit" info
# PyTorch's LibTorch exports a statically linked copy of libstdc++'s std::filesystem (PyTorch issue
# 133437), the suspected cause of the CUDA training crash; the build links libstdc++ first so the
# engine keeps using libstdc++'s ("Filesystem:" in `info` above says which one it got).
torch_lib=$(python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')
echo "== std::filesystem functions exported by libtorch_cpu.so:" \
    "$(nm -D --defined-only "$torch_lib/libtorch_cpu.so" 2>/dev/null | grep -c ' _ZNSt10filesystem' || true)"
echo "== load order of ulmfit: $(readelf -d "$ulmfit" | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p' | head -4 | tr '\n' ' ')"

out=$(mktemp -d)

# A/B for the suspected cause of the CUDA crash: the same small training, 2 LM epochs so the
# second checkpoint removes the first, once as built (libstdc++ first) and once with
# libtorch_cpu.so preloaded ahead of libstdc++, which restores the old load order. If PyTorch
# issue 133437 was the cause, only the preloaded runs crash, on the CPU as on the GPU.
cat > "$out/ab.json" <<'JSON'
{"name": "ab", "emb_size": 32, "hidden_size": 32, "n_layers": 2, "max_vocab": 2000, "lm_max_docs": 400,
 "lm_bs": 32, "classifier_bs": 32, "seq_len": 72, "max_doc_tokens": 300,
 "stages": [{"model": "lm", "unfreeze": true, "epochs": 2, "lr": 0.01},
            {"model": "classifier", "freeze_to": -1, "epochs": 1, "lr": 0.02}]}
JSON
echo "== with libtorch_cpu.so preloaded: $(LD_PRELOAD=$torch_lib/libtorch_cpu.so "$ulmfit" info | grep Filesystem)"
for preload in "" "$torch_lib/libtorch_cpu.so"; do
    for device in cpu cuda; do
        log="$out/ab-$device${preload:+-preloaded}.log"
        rc=0
        LD_PRELOAD=$preload timeout 120 "$ulmfit" train --recipe "$out/ab.json" --data "$data" \
            --out "$out/ab-$device${preload:+-preloaded}" --device $device > "$log" 2>&1 || rc=$?
        echo "== A/B ${preload:+libtorch_cpu.so preloaded, }$device: exit $rc" \
            "($(grep -c '^ *[0-9]' "$log" || true) epoch rows)$(grep -m1 -o 'warning: std::filesystem[^:]*' "$log" | sed 's/^/, /')"
    done
done

if [[ ${ULMFIT_GPU_DEBUG:-0} == 1 ]]; then
    debugger=$(command -v cuda-gdb || command -v gdb)
    commands=$(mktemp)
    cat > "$commands" <<'GDB'
set pagination off
set print thread-events off
set breakpoint pending on
break ulmfit::TrainingCheckpoint::save
commands
silent
printf "[gdb] checkpoint save\n"
continue
end
break ulmfit::Learner::runValidate
commands
silent
printf "[gdb] validation\n"
continue
end
run
printf "[gdb] stopped: pc %p, sp %p\n", $pc, $sp
info symbol $pc
# A call through a null (or freed) function pointer lands at a bad address with the caller's
# return address on top of the stack: return to the caller by hand so the backtrace has frames.
if $pc < 4096
  printf "[gdb] call through a null pointer, returning to the caller by hand\n"
  set $pc = *(void**)$sp
  set $sp = $sp + 8
end
bt 40
info threads
x/12i $pc - 24
GDB
    echo "== check --device cuda under $debugger"
    timeout 240 "$debugger" -q -batch -x "$commands" --args "$ulmfit" check --device cuda || true
    echo "== train --recipe quick --device cuda on $data under $debugger"
    timeout 420 "$debugger" -q -batch -x "$commands" --args \
        "$ulmfit" train --recipe quick --data "$data" --out "$out" --device cuda
else
    echo "== check --device cuda"
    "$ulmfit" check --device cuda || echo "== check failed (exit $?)"
    echo "== train --recipe quick --device cuda on $data"
    if "$ulmfit" train --recipe quick --data "$data" --out "$out" --device cuda; then
        "$ulmfit" predict --model "$out/classifier" --device cuda "A wonderful, moving film." "Dull and far too long."
    else
        echo "== train failed (exit $?)"
    fi
fi

echo "== bench train --device cuda"
"$ulmfit" bench train --device cuda --batches 20 || echo "== bench failed (exit $?)"
"$ulmfit" bench train --device cuda --batches 20 --config quick --fp32 || echo "== bench failed (exit $?)"

if [[ $tests == 1 ]]; then
    echo "== engine and CLI tests (the engine's CUDA cases run here; the slow end-to-end test is left out)"
    cmake --build "$build" --parallel "$(nproc)" > "$out/test-build.log" 2>&1 || { echo "== test build failed"; tail -20 "$out/test-build.log"; }
    ctest --test-dir "$build" -L "engine|cli" -LE slow --output-on-failure -j "$(nproc)" > "$out/ctest.log" 2>&1 || true
    grep -E "tests passed|tests failed|\*\*\*|Not Run" "$out/ctest.log" || tail -20 "$out/ctest.log"
    grep -E -A12 "^FAIL!" "$out/ctest.log" | head -60 || true
    for test in DeviceCheckTest OptimizerTest; do
        echo "== $test"
        "$build/tests/$test" 2>&1 | grep -E "^(PASS|FAIL|SKIP|Totals)" || true
    done
fi
