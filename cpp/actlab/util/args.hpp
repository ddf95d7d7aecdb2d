// args.hpp — a small strict command-line flag reader for the `actlab` subcommands.
//
// Flags are declared up front (name, whether it takes a value, help text); `--name value` and
// `--name=value` are accepted; anything undeclared is an error that lists the accepted flags.
// Typed getters check the whole string parses and the value is in range, and name the flag and
// the accepted values in their message. Nothing here prints or exits: callers do.
#pragma once

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include "actlab/util/quote.hpp"

namespace actlab::util {

struct FlagSpec {
  const char* name;   // without the dashes: "epochs"
  bool takes_value;
  const char* help;
};

class Args {
 public:
  // Parses; returns "" or a message. Arguments not starting with "--" are positionals.
  std::string parse(std::span<char* const> args, const std::vector<FlagSpec>& specs) {
    specs_ = specs;
    for (std::size_t i = 0; i < args.size(); ++i) {
      std::string a = args[i];
      if (a.rfind("--", 0) != 0 || a.size() == 2) {
        positionals_.push_back(a);
        continue;
      }
      std::string name = a.substr(2), value;
      bool has_eq = false;
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
        has_eq = true;
      }
      const FlagSpec* s = find(name);
      if (!s) return "unknown flag " + util::quoted("--" + name) + " (accepted: " + accepted() + ")";
      if (s->takes_value && !has_eq) {
        if (i + 1 >= args.size()) return "flag --" + name + " needs a value";
        value = args[++i];
      } else if (!s->takes_value && has_eq) {
        return "flag --" + name + " takes no value";
      }
      for (auto& kv : values_)
        if (kv.first == name) return "flag --" + name + " given twice";
      values_.emplace_back(name, value);
    }
    return "";
  }

  bool has(const std::string& name) const { return raw(name) != nullptr; }
  const std::string* raw(const std::string& name) const {
    for (const auto& kv : values_)
      if (kv.first == name) return &kv.second;
    return nullptr;
  }
  const std::vector<std::string>& positionals() const { return positionals_; }

  // Each getter leaves `out` unchanged when the flag is absent; returns "" or a message.
  // A decimal number as JSON writes it, with an optional leading '+': digits, an optional
  // fraction and exponent. No spaces, hex floats, nan or inf (strtod alone accepts all of them).
  static bool is_decimal(const std::string& s) {
    std::size_t i = 0, n = s.size();
    if (i < n && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t d0 = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
    std::size_t digits = i - d0;
    if (i < n && s[i] == '.') {
      ++i;
      std::size_t f0 = i;
      while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
      digits += i - f0;
    }
    if (digits == 0) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
      ++i;
      if (i < n && (s[i] == '-' || s[i] == '+')) ++i;
      std::size_t e0 = i;
      while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
      if (i == e0) return false;
    }
    return i == n;
  }
  static bool is_integer_text(const std::string& s) {
    std::size_t i = s.size() > 0 && s[0] == '-' ? 1 : 0;
    if (i >= s.size()) return false;
    for (; i < s.size(); ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  }

  std::string get_double(const std::string& name, double lo, double hi, double& out) const {
    const std::string* v = raw(name);
    if (!v) return "";
    errno = 0;
    double d = is_decimal(*v) ? std::strtod(v->c_str(), nullptr) : NAN;
    if (errno == ERANGE || !std::isfinite(d) || d < lo || d > hi)
      return "flag --" + name + ": expected a number in [" + fmt(lo) + ", " + fmt(hi) + "], got " + util::quoted(*v);
    out = d;
    return "";
  }
  std::string get_float(const std::string& name, double lo, double hi, float& out) const {
    double d = out;
    std::string e = get_double(name, lo, hi, d);
    if (e.empty()) out = static_cast<float>(d);
    return e;
  }
  std::string get_int(const std::string& name, long lo, long hi, long& out) const {
    const std::string* v = raw(name);
    if (!v) return "";
    errno = 0;
    long long d = is_integer_text(*v) ? std::strtoll(v->c_str(), nullptr, 10) : 0;
    if (!is_integer_text(*v) || errno == ERANGE || d < lo || d > hi)
      return "flag --" + name + ": expected an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " + util::quoted(*v);
    out = static_cast<long>(d);
    return "";
  }
  std::string get_int(const std::string& name, int lo, int hi, int& out) const {
    long l = out;
    std::string e = get_int(name, static_cast<long>(lo), static_cast<long>(hi), l);
    if (e.empty()) out = static_cast<int>(l);
    return e;
  }
  std::string get_seed(const std::string& name, std::uint64_t& out) const {
    long l = 0;
    if (!has(name)) return "";
    std::string e = get_int(name, 0L, 9007199254740991L, l);
    if (e.empty()) out = static_cast<std::uint64_t>(l);
    return e;
  }
  std::string get_choice(const std::string& name, const std::vector<std::string>& choices, std::string& out) const {
    const std::string* v = raw(name);
    if (!v) return "";
    for (const auto& c : choices)
      if (c == *v) { out = c; return ""; }
    return "flag --" + name + ": " + util::quoted(*v) + " is not accepted (accepted: " + join(choices) + ")";
  }
  // Comma-separated list (empty items rejected).
  std::string get_list(const std::string& name, std::vector<std::string>& out) const {
    const std::string* v = raw(name);
    if (!v) return "";
    std::vector<std::string> items;
    std::string cur;
    for (char c : *v + ",") {
      if (c == ',') {
        if (cur.empty()) return "flag --" + name + ": empty item in " + util::quoted(*v);
        items.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    out = items;
    return "";
  }

  std::string help() const {
    std::string o;
    for (const auto& s : specs_) {
      std::string left = std::string("  --") + s.name + (s.takes_value ? " V" : "");
      if (left.size() < 24) left.append(24 - left.size(), ' ');
      o += left + " " + s.help + "\n";
    }
    return o;
  }

  static std::string join(const std::vector<std::string>& v) {
    std::string o;
    for (const auto& s : v) o += (o.empty() ? "" : ", ") + s;
    return o;
  }

 private:
  const FlagSpec* find(const std::string& name) const {
    for (const auto& s : specs_)
      if (name == s.name) return &s;
    return nullptr;
  }
  std::string accepted() const {
    std::string o;
    for (const auto& s : specs_) o += (o.empty() ? "--" : ", --") + std::string(s.name);
    return o;
  }
  static std::string fmt(double d) {
    char b[32];
    std::snprintf(b, sizeof b, "%g", d);
    return b;
  }
  std::vector<FlagSpec> specs_;
  std::vector<std::pair<std::string, std::string>> values_;
  std::vector<std::string> positionals_;
};

}  // namespace actlab::util
