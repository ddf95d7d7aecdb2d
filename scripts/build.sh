#!/usr/bin/env bash
# build.sh [native|wasm|engine|site|all] — builds the engine (both targets) and the static site.
#   native: build/native (CLI, tests, benchmark)     wasm: build/wasm + web/src/engine/generated
#   engine: native + wasm                            site: engine + `vite build` into dist/
#   all (default): the same as site
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten needs acorn from here (TOOLCHAIN.md)
what=${1:-all}
jobs=$(nproc)

build_native() {
  cmake --preset native >/dev/null
  cmake --build --preset native -j "$jobs"
}
build_wasm() {
  cmake --preset wasm >/dev/null
  cmake --build --preset wasm -j "$jobs"
}
build_site() {
  npx vite build --config web/vite.config.ts --logLevel warn
  node web/tools/site-size.mjs   # the build report: site and per-page sizes as a host serves them
}

case "$what" in
  native) build_native ;;
  wasm) build_wasm ;;
  engine) build_native; build_wasm ;;
  site|all) build_native; build_wasm; build_site ;;
  *) echo "build.sh: unknown target '$what' (accepted: native, wasm, engine, site, all)" >&2; exit 2 ;;
esac
