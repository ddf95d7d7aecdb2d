#!/usr/bin/env bash
# fuzz.sh — builds and runs the fuzz targets of tests/fuzz/ (docs in tests/fuzz/README.md).
#
#   bash scripts/fuzz.sh build                     build every C++ target (libFuzzer, clang 14)
#   bash scripts/fuzz.sh run TARGET|all [SECONDS] [extra libFuzzer flags...]
#                                                  fuzz for SECONDS (default 60) each, growing
#                                                  a working corpus in build/fuzz/corpus/TARGET
#   bash scripts/fuzz.sh ci [SECONDS]              what CI runs: each target for SECONDS (default 8),
#                                                  seeded (-seed=1), over a copy of the committed
#                                                  corpus tests/fuzz/corpus/TARGET
#   npm run fuzz -- TARGET SECONDS                 the same as `run`
#
# C++ targets are tests/fuzz/<name>_fuzz.cpp (json, trainer, art, probe, expr, exercise; a target
# joins by adding <name>_fuzz.cpp and tests/fuzz/corpus/<name>/); url_state is a Node script,
# tests/fuzz/url_state.mjs. Each C++ target links the engine built with clang 14, -stdlib=libc++
# (clang 14 cannot compile the recursive JSON value type against GCC 12's libstdc++, TOOLCHAIN.md),
# and ASan + UBSan + float-cast-overflow. A crash leaves crash-* in build/fuzz/ and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=build/fuzz
mode=${1:-}
CXX=${CXX_FUZZ:-clang++-14}
SAN="-fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all"
FLAGS="-std=c++20 -stdlib=libc++ -O1 -g -ffp-contract=off -fno-omit-frame-pointer -Icpp"

cpp_targets() { for f in tests/fuzz/*_fuzz.cpp; do basename "$f" _fuzz.cpp; done; }
all_targets() { cpp_targets; echo url_state; }

build() {
  command -v "$CXX" >/dev/null || { echo "fuzz.sh: $CXX is missing (bash scripts/setup.sh installs clang)" >&2; exit 1; }
  mkdir -p "$out/obj"
  # The engine once, as objects with coverage instrumentation (-fsanitize=fuzzer-no-link).
  local objs=() pids=() n=0
  while IFS= read -r src; do
    local obj="$out/obj/$(echo "${src#cpp/}" | tr / _).o"
    objs+=("$obj")
    if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ -n "$(find cpp/actlab -name '*.hpp' -newer "$obj" -print -quit)" ]; then
      $CXX $FLAGS $SAN -fsanitize=fuzzer-no-link -c "$src" -o "$obj" &
      pids+=($!)
      n=$((n + 1))
      if [ $((n % 2)) -eq 0 ]; then wait "${pids[@]}"; pids=(); fi  # two at a time (2 cores)
    fi
  done < <(find cpp/actlab -name '*.cpp' | sort)
  [ ${#pids[@]} -eq 0 ] || wait "${pids[@]}"
  for t in $(cpp_targets); do
    # Debian's libFuzzer runtime is built against libstdc++ (its own std::__cxx11 symbols, apart
    # from libc++'s std::__1): link libstdc++ dynamically next to libc++.
    $CXX $FLAGS $SAN -fsanitize=fuzzer "tests/fuzz/${t}_fuzz.cpp" "${objs[@]}" -Wl,--push-state,-Bdynamic,-lstdc++,--pop-state \
      -o "$out/${t}_fuzz"
  done
  echo "fuzz.sh: built $(cpp_targets | tr '\n' ' ')in $out/"
}

# run_one TARGET SECONDS CORPUS_DIR [flags...]
run_one() {
  local t=$1 secs=$2 corpus=$3
  shift 3
  mkdir -p "$corpus"
  case "$corpus" in /*) ;; *) corpus="$root/$corpus" ;; esac
  if [ "$t" = url_state ]; then
    node tests/fuzz/url_state.mjs --seconds "$secs" --corpus "$corpus" "$@"
    return
  fi
  [ -x "$out/${t}_fuzz" ] || { echo "fuzz.sh: no target '$t' (accepted: $(all_targets | tr '\n' ' ')all)" >&2; exit 2; }
  local dict=() log="$out/$t.log" rc=0
  [ -f "tests/fuzz/$t.dict" ] && dict=("-dict=$root/tests/fuzz/$t.dict")
  (cd "$out" && "./${t}_fuzz" "$corpus" "${dict[@]}" -max_total_time="$secs" -timeout=10 -rss_limit_mb=3072 \
     -print_final_stats=1 "$@") >"$log" 2>&1 || rc=$?
  # The summary only (libFuzzer's progress lines stay in the log); a crash shows its report.
  grep -E "^(INFO: Seed|#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|.*Test unit written)" "$log" || true
  [ "$rc" -eq 0 ] || tail -40 "$log"
  return "$rc"
}

case "$mode" in
  build) build ;;
  run)
    what=${2:-}; secs=${3:-60}
    [ -n "$what" ] || { echo "usage: bash scripts/fuzz.sh run TARGET|all [SECONDS] [flags...]" >&2; exit 2; }
    shift $(( $# < 3 ? $# : 3 ))
    build >/dev/null
    targets=$what; [ "$what" = all ] && targets=$(all_targets)
    for t in $targets; do
      mkdir -p "$out/corpus/$t"
      cp -n tests/fuzz/corpus/"$t"/* "$out/corpus/$t/" 2>/dev/null || true
      echo "== fuzz $t for ${secs}s =="
      run_one "$t" "$secs" "$out/corpus/$t" "$@"
    done ;;
  ci)
    secs=${2:-8}
    build
    fail=0
    for t in $(all_targets); do
      work=$(mktemp -d)
      cp tests/fuzz/corpus/"$t"/* "$work/" 2>/dev/null || true
      echo "== fuzz $t: ${secs}s, seed 1, $(ls "$work" | wc -l) corpus files =="
      run_one "$t" "$secs" "$work" -seed=1 || { echo "fuzz $t FAILED" >&2; fail=1; }
      rm -rf "$work"
    done
    exit $fail ;;
  *) echo "usage: bash scripts/fuzz.sh build | run TARGET|all [SECONDS] | ci [SECONDS]" >&2; exit 2 ;;
esac
