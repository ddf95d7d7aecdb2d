// lexer.cpp — tokenizer of the expression language (see lexer.hpp).
#include "actlab/expr/lexer.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace actlab::expr {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

std::string at(int column) { return " at column " + std::to_string(column); }

// Length in bytes of the UTF-8 sequence starting with byte c (1 for an invalid lead byte).
std::size_t utf8_length(unsigned char c) {
  if (c >= 0xF0 && c < 0xF8) return 4;
  if (c >= 0xE0) return c < 0xF0 ? 3 : 1;
  if (c >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::string describe(const Token& t) {
  if (t.kind == Tok::End) return "end of expression";
  return "\"" + t.text + "\"";
}

bool tokenize(std::string_view s, std::vector<Token>& out, Error& err) {
  out.clear();
  std::size_t i = 0;
  int col = 1;
  auto fail = [&](std::string msg, int c) {
    err = {std::move(msg), c};
    return false;
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      ++col;
      continue;
    }
    Token t{Tok::End, "", 0, col};
    std::size_t start = i;
    if (is_digit(c) || (c == '.' && i + 1 < s.size() && is_digit(s[i + 1]))) {
      while (i < s.size() && is_digit(s[i])) ++i;
      if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i;
      }
      bool bad = false;
      if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        // An exponent only if digits follow ("2e" alone is 2 juxtaposed with e: the parser says so).
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        if (j < s.size() && is_digit(s[j])) {
          i = j;
          while (i < s.size() && is_digit(s[i])) ++i;
        } else if (j > i + 1) {
          i = j;  // "1e+" / "1e-" with nothing after the sign
          bad = true;
        } else if (j >= s.size() || !is_name_char(s[j])) {
          i = j;  // "1e" at the end or before an operator: an exponent without digits
          bad = true;
        }
      }
      if (i < s.size() && s[i] == '.') {
        while (i < s.size() && (is_digit(s[i]) || s[i] == '.')) ++i;
        bad = true;
      }
      std::string text(s.substr(start, i - start));
      if (bad)
        return fail("malformed number \"" + text + "\"" + at(col) +
                        (text.back() == 'e' || text.back() == 'E' || text.back() == '+' || text.back() == '-'
                             ? " — an exponent needs digits, as in 1e-3"
                             : ""), col);
      errno = 0;
      float v = std::strtof(text.c_str(), nullptr);
      if (std::isinf(v)) return fail("number \"" + text + "\"" + at(col) + " is too large for a float (at most 3.4e38)", col);
      t.kind = Tok::Number;
      t.value = v;
      t.text = std::move(text);
    } else if (is_name_start(c)) {
      while (i < s.size() && is_name_char(s[i])) ++i;
      t.kind = Tok::Name;
      t.text = std::string(s.substr(start, i - start));
    } else {
      std::size_t len = 1;
      Tok k = Tok::End;
      char n = i + 1 < s.size() ? s[i + 1] : '\0';
      switch (c) {
        case '+': k = Tok::Plus; break;
        case '-': k = Tok::Minus; break;
        case '*':
          if (n == '*') return fail("\"**\"" + at(col) + " is not an operator — write \"^\" for a power", col);
          k = Tok::Star;
          break;
        case '/': k = Tok::Slash; break;
        case '^': k = Tok::Caret; break;
        case '(': k = Tok::LParen; break;
        case ')': k = Tok::RParen; break;
        case ',': k = Tok::Comma; break;
        case '?': k = Tok::Question; break;
        case ':': k = Tok::Colon; break;
        case '<': k = n == '=' ? Tok::Le : Tok::Lt; len = n == '=' ? 2 : 1; break;
        case '>': k = n == '=' ? Tok::Ge : Tok::Gt; len = n == '=' ? 2 : 1; break;
        case '=':
          if (n != '=') return fail("unexpected \"=\"" + at(col) + " — write \"==\" to compare", col);
          k = Tok::EqEq;
          len = 2;
          break;
        case '!':
          if (n != '=') return fail("unexpected \"!\"" + at(col) + " — write \"!=\" for not equal", col);
          k = Tok::Ne;
          len = 2;
          break;
        case '&':
        case '|':
          return fail("unexpected \"" + std::string(1, c) + "\"" + at(col) +
                          " — there are no logical operators; multiply conditions, or nest where(...)", col);
        default: {
          std::size_t ul = utf8_length(static_cast<unsigned char>(c));
          std::string ch(s.substr(i, std::min(ul, s.size() - i)));
          if (ch == "\xE2\x88\x92") return fail("\"\xE2\x88\x92\" (a typographic minus)" + at(col) + " — type \"-\"", col);
          if (ch == "\xC3\x97" || ch == "\xC2\xB7" || ch == "\xE2\x8B\x85")
            return fail("\"" + ch + "\"" + at(col) + " — type \"*\" for a product", col);
          if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            return fail("unexpected control character (code " + std::to_string(int(static_cast<unsigned char>(c))) +
                            ")" + at(col), col);
          return fail("unexpected character \"" + ch + "\"" + at(col), col);
        }
      }
      t.kind = k;
      t.text = std::string(s.substr(i, len));
      i += len;
    }
    col += count_columns(s.substr(start, i - start));
    out.push_back(std::move(t));
  }
  out.push_back({Tok::End, "", 0, col});
  return true;
}

}  // namespace actlab::expr
