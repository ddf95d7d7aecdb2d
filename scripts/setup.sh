#!/usr/bin/env bash
# setup.sh — installs what Activation Lab needs on a Debian machine, and nothing twice.
#
#   Debian packages: cmake g++ (native build), emscripten (wasm build; Debian's 3.1.6, never emsdk),
#                    catch2 (tests), chromium (Playwright's browser), wabt (wasm-objdump),
#                    clang + libc++-14-dev libc++abi-14-dev (the libFuzzer targets, scripts/fuzz.sh:
#                    clang 14 needs libc++ for the engine's recursive JSON value type)
#   npm packages:    from package-lock.json (npm ci), only when node_modules is missing or stale
#
# As root it installs with apt-get; otherwise it prints the exact command and stops.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v cmake >/dev/null || need+=(cmake)
command -v g++ >/dev/null || need+=(g++)
command -v em++ >/dev/null || need+=(emscripten)
[ -f /usr/include/catch2/catch.hpp ] || need+=(catch2)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v wasm-objdump >/dev/null || need+=(wabt)
command -v node >/dev/null || need+=(nodejs npm)
command -v clang++-14 >/dev/null || need+=(clang)
[ -f /usr/lib/llvm-14/include/c++/v1/vector ] || need+=(libc++-14-dev)
[ -f /usr/lib/llvm-14/lib/libc++abi.a ] || need+=(libc++abi-14-dev)

if [ ${#need[@]} -gt 0 ]; then
  cmd="apt-get update && apt-get install -y --no-install-recommends ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing Debian packages: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "setup: missing Debian packages. Run as root:" >&2
    echo "  sudo sh -c '$cmd'" >&2
    exit 1
  fi
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js >= 20 is needed (found $(node --version))." >&2
  exit 1
fi

# npm ci when node_modules is absent or older than the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
