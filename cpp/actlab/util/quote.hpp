// quote.hpp — user text inside a message: quoted, cut to a few dozen bytes (at a UTF-8
// boundary, with the full length said) and with control bytes escaped, so that a 50 MB token
// or a terminal escape sequence in a name never reaches stderr as it was written.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace actlab::util {

// Escapes bytes < 0x20 and 0x7f as \xNN (and a backslash as \\); keeps UTF-8 text as it is.
inline std::string escape_control(std::string_view t) {
  std::string o;
  o.reserve(t.size());
  for (unsigned char c : t) {
    if (c < 0x20 || c == 0x7f) {
      char b[8];
      std::snprintf(b, sizeof b, "\\x%02x", c);
      o += b;
    } else {
      o += static_cast<char>(c);
    }
  }
  return o;
}

// "'abc'" — or "'<first max bytes>...' (N bytes)" when longer; control bytes escaped.
inline std::string quoted(std::string_view t, std::size_t max = 40) {
  std::size_t n = t.size();
  if (n > max) {
    n = max;
    while (n > 0 && (static_cast<unsigned char>(t[n]) & 0xC0) == 0x80) --n;  // not inside a UTF-8 sequence
  }
  std::string o = "'" + escape_control(t.substr(0, n));
  if (n < t.size()) return o + "...' (" + std::to_string(t.size()) + " bytes)";
  return o + "'";
}

}  // namespace actlab::util
