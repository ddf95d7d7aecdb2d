// error.cpp — caret display of an expression error (see error.hpp).
#include "actlab/expr/error.hpp"

namespace actlab::expr {

int count_columns(std::string_view text) {
  int n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;  // every byte that does not continue a UTF-8 sequence
  return n;
}

std::string format_error(std::string_view text, const Error& e) {
  if (e.column <= 0) return e.message;
  std::string out = e.message;
  out += "\n  ";
  for (char c : text) out += (c == '\n' || c == '\t' || c == '\r') ? ' ' : c;
  out += "\n  ";
  out.append(std::size_t(e.column - 1), ' ');
  out += '^';
  return out;
}

}  // namespace actlab::expr
