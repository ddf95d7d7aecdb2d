// error.hpp — what a parse or build error carries: the message, the column and a caret display.
//
// Columns count characters (Unicode code points) from 1, so the caret lines up under what the
// learner typed. The message is one sentence such as `unexpected ")" at column 7`; format()
// adds the text and a caret line under it.
#pragma once

#include <string>
#include <string_view>

namespace actlab::expr {

struct Error {
  std::string message;  // empty when there is no error
  int column = 0;       // 1-based; 0 when the error is not about one place (e.g. a size limit)

  explicit operator bool() const { return !message.empty(); }
};

// "message\n  text\n  ^" (the caret under `column`); just the message when column is 0.
std::string format_error(std::string_view text, const Error& e);

// Number of code points in UTF-8 text (invalid bytes count one each).
int count_columns(std::string_view text);

}  // namespace actlab::expr
