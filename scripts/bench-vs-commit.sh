#!/usr/bin/env bash
# bench-vs-commit.sh [COMMIT] [PAIRS] — issue 9's epoch (2-8-8-1 tanh, circle, 250 samples an
# epoch, batch 10, SGD), this tree against an older commit's engine built from that commit's own
# sources and build files — not a path kept inside today's build, whose shared kernels (tanh, the
# checks) have become faster since. COMMIT defaults to 1e3d946, the last commit before issue 9's
# first engine change; PAIRS (default 5) alternating rounds, so both builds see the same load.
#   native (SSE2): cpp/bench/tools/epoch_driver.cpp linked against each tree's engine library,
#     `Trainer::run_epoch`, the two executables run in turn;
#   wasm SIMD: each tree's Embind module for Node (actlab_node.js), `Trainer.stepEpochs(1)` as the
#     playground's worker calls it, both loaded into one Node process (web/bench/epoch-vs-commit.mjs).
#     Not the driver: wasm-opt inlines every function with one caller, and in a one-call program
#     that folds the whole step into a 48 KB run_epoch that V8 runs ~15 % slower than the engine in
#     the page or the bench.
# Prints the best samples/s of each build, the ratio, and each build's loss after 10 epochs, which
# must agree to 1e-6 (the same computation; not the same bits: issue 14's exp core, 7552888,
# changed the sigmoid head's last bits after 1e3d946). Needs the git history (a clone). The old
# tree and its builds stay in /tmp/actlab-vs-commit (ACTLAB_VS_DIR) for the next run; the first
# run builds the old engine and its bindings (~4 min on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten needs acorn from here (TOOLCHAIN.md)
commit=${1:-1e3d946}
pairs=${2:-5}
jobs=$(nproc)
work=${ACTLAB_VS_DIR:-/tmp/actlab-vs-commit}
old="$work/$(git rev-parse --short "$commit")"
mkdir -p "$work"

# The old tree, once per commit (kept between runs: its build is the slow part).
if [ ! -f "$old/CMakeLists.txt" ]; then
  mkdir -p "$old"
  git archive "$commit" | tar -x -C "$old"
fi

engine() {  # engine SOURCE_DIR BUILD_DIR native|wasm
  local src=$1 dir=$2 target=$3
  if [ "$target" = wasm ]; then
    cmake -S "$src" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DACTLAB_TARGET_NAME=wasm \
      -DCMAKE_TOOLCHAIN_FILE=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake \
      -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node >/dev/null
  else
    cmake -S "$src" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DACTLAB_TARGET_NAME=native >/dev/null
  fi
  cmake --build "$dir" -j "$jobs" --target actlab_engine >/dev/null
}
# The native driver with the flags the bench is built with (CMakeLists.txt), against one tree's engine.
driver() {  # driver SOURCE_DIR BUILD_DIR OUT
  g++ -std=c++20 -O2 -ffp-contract=off -fno-fast-math -I"$1/cpp" -Icpp/bench cpp/bench/tools/epoch_driver.cpp \
    "$2/libactlab_engine.a" -o "$3"
}

echo "bench-vs-commit: building $commit ($old) and this tree's engines, native and wasm ..."
engine "$old" "$old/build/native" native
engine "$PWD" "$PWD/build/native" native
driver "$old" "$old/build/native" "$work/old-native"
driver "$PWD" "$PWD/build/native" "$work/new-native"
engine "$old" "$old/build/wasm" wasm
engine "$PWD" "$PWD/build/wasm" wasm
cmake --build "$old/build/wasm" -j "$jobs" --target actlab_node >/dev/null
cmake --build "$PWD/build/wasm" -j "$jobs" --target actlab_node >/dev/null

field() { sed -E "s/.*\"$1\":([^,}]*).*/\1/"; }
best() { awk -v a="$1" -v b="$2" 'BEGIN{print (b > a) ? b : a}'; }
report() {  # report TARGET OLD_JSON NEW_JSON BEST_OLD BEST_NEW
  local lo ln
  lo=$(field loss_after_10 <<<"$2") ln=$(field loss_after_10 <<<"$3")
  printf '%-7s %-40s %-40s %sx\n' "$1" "$4 ($lo)" "$5 ($ln)" "$(awk -v a="$4" -v b="$5" 'BEGIN{printf "%.2f", b / a}')"
  if ! awk -v a="$lo" -v b="$ln" 'BEGIN{d = a - b; exit !(d * d <= 1e-12 * a * a)}'; then
    echo "bench-vs-commit: the two builds' losses differ by more than 1e-6 on $1: not the same computation" >&2
    exit 1
  fi
}

printf '%-7s %-40s %-40s %s\n' target "$commit samples/s (loss after 10)" "this tree samples/s (loss after 10)" ratio
bo=0 bn=0
for ((p = 0; p < pairs; ++p)); do
  o=$("$work/old-native" 1) n=$("$work/new-native" 1)
  bo=$(best "$bo" "$(field samples_per_s <<<"$o")") bn=$(best "$bn" "$(field samples_per_s <<<"$n")")
done
report native "$o" "$n" "$bo" "$bn"

out=$(node web/bench/epoch-vs-commit.mjs "$old/build/wasm/actlab_node.js" build/wasm/actlab_node.js "$pairs")
o=$(grep '"old"' <<<"$out") n=$(grep '"new"' <<<"$out")
report wasm "$o" "$n" "$(field samples_per_s <<<"$o")" "$(field samples_per_s <<<"$n")"
