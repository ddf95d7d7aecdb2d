// io.hpp — the CLI's file reading and error printing, shared by its commands.
//
// read_bounded() checks while reading: a directory, a device that never ends (/dev/zero) or a
// file past the limit is refused with a message after at most `max` + 1 bytes, and a read error
// is an error, never a short file. print_error() is the one way a command writes a message: it
// escapes control bytes and cuts a message at 2,000 bytes, whatever it quotes.
#pragma once

#include <cstddef>
#include <string>

namespace actlab::cli {

// "" and `out` filled, or why not ("'x.json' is a directory", "... is larger than 64 MiB").
std::string read_bounded(const std::string& path, std::size_t max, std::string& out);

// "actlab <command>: <message>\n" on stderr; returns 2 (bad input) for `return print_error(...)`.
int print_error(const char* command, const std::string& message);

}  // namespace actlab::cli
