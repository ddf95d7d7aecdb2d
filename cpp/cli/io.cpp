// io.cpp — bounded file reading and sanitised error printing for the CLI (io.hpp).
#include "io.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "actlab/util/quote.hpp"

namespace actlab::cli {

std::string read_bounded(const std::string& path, std::size_t max, std::string& out) {
  const std::string name = util::quoted(path, 80);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "cannot read " + name + ": " + std::strerror(errno);
  if (S_ISDIR(st.st_mode)) return "cannot read " + name + ": it is a directory";
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return "cannot read " + name + ": " + std::strerror(errno);
  std::string data;
  char buf[1 << 16];
  std::string err;
  while (true) {
    std::size_t got = std::fread(buf, 1, sizeof buf, f);
    if (got > 0) {
      if (data.size() + got > max) {
        err = "cannot read " + name + ": it is larger than " +
              (max >= (1u << 20) ? std::to_string(max >> 20) + " MiB" : std::to_string(max) + " bytes");
        break;
      }
      data.append(buf, got);
    }
    if (got < sizeof buf) {
      if (std::ferror(f)) err = "cannot read " + name + ": " + std::strerror(errno ? errno : EIO);
      break;
    }
  }
  std::fclose(f);
  if (!err.empty()) return err;
  out = std::move(data);
  return "";
}

int print_error(const char* command, const std::string& message) {
  constexpr std::size_t kMax = 2000;
  std::string m = util::escape_control(message.size() > kMax ? message.substr(0, kMax) : message);
  if (message.size() > kMax) m += "... (message cut at 2000 bytes)";
  std::fprintf(stderr, "actlab %s: %s\n", command, m.c_str());
  return 2;
}

}  // namespace actlab::cli
