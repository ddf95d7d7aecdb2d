#!/usr/bin/env bash
# test.sh — every test suite, in order, each printing its counts:
#   1. Catch2 natively (CTest)           2. the same suite compiled to wasm, run by Node (CTest)
#   3. the SIMD opcodes are really in the wasm kernels (wasm-objdump)
#   4. tsc --noEmit over every TypeScript file (strict; the build itself does not type-check)
#   5. Vitest (TypeScript API against the Node module and the golden file)
#   6. Playwright in Debian's Chromium against the built site
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs

bash scripts/build.sh all

echo "== Catch2, native =="
ctest --preset native --no-tests=error -j 2
echo "== Catch2, wasm under Node =="
ctest --preset wasm --no-tests=error -j 2

echo "== SIMD opcodes in the wasm engine =="
count=$(wasm-objdump -d web/src/engine/generated/actlab_web.wasm | grep -c 'f32x4\.' || true)
echo "f32x4 instructions in actlab_web.wasm: $count"
if [ "$count" -lt 100 ]; then echo "expected the SIMD kernels in the wasm build" >&2; exit 1; fi

echo "== TypeScript (tsc --noEmit: pages, course build, tests) =="
npx tsc --noEmit -p .

echo "== Vitest =="
npx vitest run --config web/vitest.config.ts

echo "== Playwright (Debian Chromium) =="
npx playwright test --config tests/e2e/playwright.config.ts
