#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS [TARGETS]] — builds the libFuzzer targets of tests/fuzz with clang, AddressSanitizer
# and UBSan into ./build-fuzz, then runs every target for SECONDS (default 600), as many at once as
# there are cores, starting from the committed seeds in tests/fuzz/seeds. Prints runs, executions
# per second and findings per target; exits non-zero when any target found a crash, a leak, a
# sanitizer report or a hang (the input is kept in build-fuzz/findings/TARGET/).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
only="${2:-}" # a space-separated subset of the targets, e.g. "RecipeJsonFuzz TokenizerFuzz"

need=()
for pkg in clang-14 libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
fi
packaging/install-deps.sh

cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
      -DULMFIT_FUZZ=ON >/dev/null
targets=$(sed -n 's/^ *\([A-Za-z]*Fuzz\):.*/\1/p' tests/fuzz/CMakeLists.txt)
cmake --build build-fuzz --parallel "$(nproc)" --target $targets fuzz-make-seeds

generated=build-fuzz/generated-seeds
build-fuzz/tests/fuzz/fuzz-make-seeds "$generated" >/dev/null
export ULMFIT_FUZZ_BUNDLE="$PWD/$generated/bundle"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
# LibTorch 1.13's zip reader leaks the buffers of an archive it rejects (inside libtorch_cpu.so, not
# ours): suppressed, so that leaks in the engine's own readers still count.
export LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

mkdir -p build-fuzz/logs
run_one() {
  local target=$1
  local corpus=build-fuzz/corpus/$target findings=build-fuzz/findings/$target
  rm -rf "$findings" # this run's findings only (the corpus grows from run to run)
  mkdir -p "$corpus" "$findings"
  local seeds=()
  [ -d "tests/fuzz/seeds/$target" ] && seeds+=("tests/fuzz/seeds/$target")
  [ -d "$generated/$target" ] && seeds+=("$generated/$target")
  # -timeout: an input that takes 10 s is a hang; -rss_limit_mb: a runaway allocation is a finding.
  "build-fuzz/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 \
      -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" "${seeds[@]}" \
      >"build-fuzz/logs/$target.log" 2>&1 || true
}
export -f run_one
export seconds generated
[ -n "$only" ] && targets="$only"
printf '%s\n' $targets | xargs -P "$(nproc)" -I{} bash -c 'run_one {}'

status=0
printf '%-18s %12s %10s %8s %s\n' target runs exec/s corpus findings
for target in $targets; do
  log=build-fuzz/logs/$target.log
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  size=$(ls build-fuzz/corpus/$target | wc -l)
  found=$(ls build-fuzz/findings/$target | wc -l)
  printf '%-18s %12s %10s %8s %s\n' "$target" "${runs:-?}" "${speed:-?}" "$size" "$found"
  if [ "$found" -gt 0 ] || [ -z "$runs" ]; then
    status=1
    echo "  see $log" >&2
  fi
done
exit $status
