// lexer.hpp — splits expression text into tokens (numbers, names, operators), with columns.
//
// Numbers: 1, 1.702, .5, 1e-3, 2.5E+4 (stored as the nearest float). Names: a letter or '_'
// followed by letters, digits or '_'. Operators: + - * / ^ ( ) , ? : < <= > >= == !=.
// Anything else is an error naming the character and its column, with a hint for the usual
// look-alikes (Unicode minus and times signs, "**", "=", "&&").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "actlab/expr/error.hpp"

namespace actlab::expr {

enum class Tok { Number, Name, Plus, Minus, Star, Slash, Caret, LParen, RParen, Comma, Question, Colon,
                 Lt, Le, Gt, Ge, EqEq, Ne, End };

struct Token {
  Tok kind;
  std::string text;  // as typed
  float value = 0;   // Number only
  int column = 1;    // 1-based, in characters
};

// Tokens of `text`, ending with Tok::End (whose column is one past the last character).
// On a lexical error returns false and fills `err`.
bool tokenize(std::string_view text, std::vector<Token>& out, Error& err);

// How a token is quoted in messages: the text typed, or "end of expression".
std::string describe(const Token& t);

}  // namespace actlab::expr
