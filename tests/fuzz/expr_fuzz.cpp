// expr_fuzz.cpp — libFuzzer target for the expression engine: any bytes as expression text go
// through parse, derivatives, TeX, the tapes and the cheat-sheet row (selfcheck.hpp); a broken
// invariant aborts, so does any sanitizer report. Self-contained: its own corpus
// (tests/fuzz/corpus/expr/) and dictionary (tests/fuzz/expr.dict). Build and run (docs/expr.md):
//
//   mkdir -p build/fuzz && clang++ -std=c++20 -O1 -g -ffp-contract=off -fsanitize=fuzzer,address,undefined \
//     -fno-sanitize-recover=undefined -Icpp tests/fuzz/expr_fuzz.cpp cpp/actlab/expr/{error,lexer,graph,parser,eval,\
//     derivative,tex,tape,compiled,analysis,selfcheck}.cpp -o build/fuzz/expr_fuzz
//   nice -n 19 build/fuzz/expr_fuzz -runs=1000000 -timeout=2 -rss_limit_mb=1024 -max_len=1100 \
//     -dict=tests/fuzz/expr.dict build/fuzz/corpus-expr tests/fuzz/corpus/expr
//
// (The first corpus folder receives new inputs; the committed one is only read.)
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "actlab/expr/selfcheck.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string broken = actlab::expr::selfcheck(text);
  if (!broken.empty()) {
    std::fprintf(stderr, "expr_fuzz: invariant broken: %s\n", broken.c_str());
    std::abort();
  }
  return 0;
}
