// golden.hpp — the expressions and text of tests/golden/expr.golden (same bits on both targets).
//
// The native build writes, for each expression of golden_expressions() (every operation of the
// language at least once) and each x of the registry's golden_inputs(), the bits of f(x) and
// f'(x) computed by the compiled tape; the wasm suite reads them back and compares bit for bit.
// The format is activations.golden's (parse_golden reads it), with ids "expr0", "expr1", ...
#pragma once

#include <iosfwd>
#include <vector>

namespace actlab::expr {

const std::vector<const char*>& golden_expressions();
void write_golden(std::ostream& out);

}  // namespace actlab::expr
