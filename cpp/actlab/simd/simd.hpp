// simd.hpp — picks the vector back end of this target and names it actlab::simd::Native.
//
// There is deliberately no silent scalar fallback: a target with neither SSE2 nor SIMD128
// fails to build. The scalar back end is always available too, as actlab::simd::Scalar,
// for the tests (scalar vs SIMD, bit for bit) and the benchmark's scalar column.
#pragma once

#include "actlab/simd/scalar.hpp"

#if defined(__wasm_simd128__)
#include "actlab/simd/wasm128.hpp"
namespace actlab::simd { using Native = Wasm128; }
#elif defined(__SSE2__)
#include "actlab/simd/sse2.hpp"
namespace actlab::simd { using Native = Sse2; }
#else
#error "Activation Lab needs SSE2 (x86-64) or WebAssembly SIMD128 (-msimd128)"
#endif
