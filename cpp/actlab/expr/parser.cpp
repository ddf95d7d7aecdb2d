// parser.cpp — recursive-descent parser of the expression language (see parser.hpp).
#include "actlab/expr/parser.hpp"

#include <algorithm>
#include <cctype>

#include "actlab/expr/lexer.hpp"
#include "actlab/expr/limits.hpp"

namespace actlab::expr {

std::vector<ParamDecl> default_params() {
  return {{"alpha", 0.25f, true, "\\alpha"}, {"beta", 1.0f, true, "\\beta"}};
}

namespace {

std::string at(int column) { return " at column " + std::to_string(column); }

int edit_distance(std::string_view a, std::string_view b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = int(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = int(i);
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = char(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

// Names people reach for that the language spells differently.
const char* alias_hint(std::string_view name) {
  if (name == "ln") return "write log(...) for the natural logarithm";
  if (name == "sgn") return "write sign(...)";
  if (name == "pow") return "write a^b for a power";
  if (name == "gelu") return "write x * Phi(x) for GELU";
  if (name == "swish" || name == "silu") return "write x * sigmoid(x) for Swish/SiLU";
  if (name == "heaviside") return "write step(...)";
  if (name == "if") return "write where(condition, a, b) or condition ? a : b";
  return nullptr;
}

class Parser {
 public:
  Parser(std::vector<Token> toks, Expression& e) : t_(std::move(toks)), e_(e), g_(*e.graph) {}

  bool run(Error& err) {
    int r = expr();
    if (!err_ && peek().kind != Tok::End) fail("unexpected " + describe(peek()) + at(peek().column), peek().column);
    if (err_) {
      err = err_;
      return false;
    }
    if (g_.overflowed()) {
      err = {"expression too large (more than " + std::to_string(kMaxGraphNodes) + " nodes)", 0};
      return false;
    }
    e_.root = r;
    return true;
  }

 private:
  const Token& peek() const { return t_[pos_]; }
  const Token& next() { return t_[pos_ < t_.size() - 1 ? pos_++ : pos_]; }
  const Token& previous() const { return t_[pos_ > 0 ? pos_ - 1 : 0]; }
  bool failed() const { return bool(err_); }
  int fail(std::string msg, int column) {
    if (!err_) err_ = {std::move(msg), column};
    return 0;
  }
  // Counts one typed item (number, name, operator, call) against kMaxParseNodes.
  bool count(int column) {
    if (++items_ > kMaxParseNodes) {
      fail("expression too large: more than " + std::to_string(kMaxParseNodes) + " numbers, names and operators" +
               at(column), column);
      return false;
    }
    return true;
  }
  struct Depth {
    Parser& p;
    bool ok;
    Depth(Parser& parser, int column) : p(parser), ok(++p.depth_ <= kMaxDepth) {
      if (!ok) p.fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels" + at(column), column);
    }
    ~Depth() { --p.depth_; }
  };

  int expr() {
    Depth d(*this, peek().column);
    if (!d.ok) return 0;
    int c = comparison();
    if (failed() || peek().kind != Tok::Question) return c;
    Token q = next();
    if (!count(q.column)) return 0;
    int a = expr();
    if (failed()) return 0;
    if (peek().kind != Tok::Colon) {
      if (peek().kind == Tok::End) return fail("missing \":\" for the \"?\"" + at(q.column), q.column);
      return fail("unexpected " + describe(peek()) + at(peek().column) + " — expected \":\" for the \"?\"" +
                      at(q.column), peek().column);
    }
    next();
    int b = expr();
    if (failed()) return 0;
    return g_.make(Op::Where, c, a, b);
  }

  static bool is_comparison(Tok k) {
    return k == Tok::Lt || k == Tok::Le || k == Tok::Gt || k == Tok::Ge || k == Tok::EqEq || k == Tok::Ne;
  }

  int comparison() {
    int l = sum();
    if (failed() || !is_comparison(peek().kind)) return l;
    Token op = next();
    if (!count(op.column)) return 0;
    int r = sum();
    if (failed()) return 0;
    if (is_comparison(peek().kind))
      return fail("unexpected " + describe(peek()) + at(peek().column) +
                      " — comparisons cannot be chained; write (a < b) * (b < c)", peek().column);
    Op o = op.kind == Tok::Lt ? Op::Lt : op.kind == Tok::Le ? Op::Le : op.kind == Tok::Gt ? Op::Gt
         : op.kind == Tok::Ge ? Op::Ge : op.kind == Tok::EqEq ? Op::Eq : Op::Ne;
    return g_.make(o, l, r);
  }

  int sum() {
    int l = product();
    while (!failed() && (peek().kind == Tok::Plus || peek().kind == Tok::Minus)) {
      Token op = next();
      if (!count(op.column)) return 0;
      int r = product();
      if (failed()) return 0;
      l = g_.make(op.kind == Tok::Plus ? Op::Add : Op::Sub, l, r);
    }
    return l;
  }

  bool juxtaposed() {
    Tok k = peek().kind;
    if (k != Tok::Number && k != Tok::Name && k != Tok::LParen) return false;
    const Token& left = previous();
    fail("missing \"*\" between " + describe(left) + " and " + describe(peek()) + at(peek().column) +
             " — write \"" + left.text + "*" + peek().text + "\"", peek().column);
    return true;
  }

  int product() {
    int l = unary();
    while (!failed()) {
      if (juxtaposed()) return 0;
      if (peek().kind != Tok::Star && peek().kind != Tok::Slash) break;
      Token op = next();
      if (!count(op.column)) return 0;
      int r = unary();
      if (failed()) return 0;
      l = g_.make(op.kind == Tok::Star ? Op::Mul : Op::Div, l, r);
    }
    return l;
  }

  int unary() {
    Depth d(*this, peek().column);
    if (!d.ok) return 0;
    if (peek().kind == Tok::Minus || peek().kind == Tok::Plus) {
      Token op = next();
      if (!count(op.column)) return 0;
      int a = unary();
      if (failed()) return 0;
      return op.kind == Tok::Minus ? g_.make(Op::Neg, a) : a;
    }
    return power();
  }

  int power() {
    int base = primary();
    if (failed() || peek().kind != Tok::Caret) return base;
    Token op = next();
    if (!count(op.column)) return 0;
    int ex = unary();
    if (failed()) return 0;
    return g_.make(Op::Pow, base, ex);
  }

  std::vector<std::string> names() const {
    std::vector<std::string> n = {"x", "z", "pi", "e"};
    for (const ParamDecl& p : e_.params) n.push_back(p.name);
    return n;
  }
  static std::vector<std::string> functions() {
    std::vector<std::string> f;
    for (int i = 0; i < int(Op::Count); ++i)
      if (op_info(Op(i)).callable) f.push_back(op_info(Op(i)).name);
    return f;
  }
  static std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  }
  int find_param(const std::string& name) const {
    for (std::size_t i = 0; i < e_.params.size(); ++i)
      if (e_.params[i].name == name) return int(i);
    return -1;
  }
  static Op find_function(const std::string& name) {
    for (int i = 0; i < int(Op::Count); ++i)
      if (op_info(Op(i)).callable && name == op_info(Op(i)).name) return Op(i);
    return Op::Count;
  }
  bool is_value_name(const std::string& n) const {
    return n == "x" || n == "z" || n == "pi" || n == "e" || find_param(n) >= 0;
  }

  int name_value(const Token& t) {
    const std::string& n = t.text;
    if (n == "x" || n == "z") {
      char c = n[0];
      if (input_column_ == 0) {
        input_column_ = t.column;
        e_.input_name = c;
      } else if (e_.input_name != c) {
        return fail("\"" + n + "\"" + at(t.column) + ": this expression already uses \"" +
                        std::string(1, e_.input_name) + "\" as its input — use one name", t.column);
      }
      return g_.input();
    }
    if (n == "pi") return g_.constant(3.14159265358979f, ConstName::Pi);
    if (n == "e") return g_.constant(2.71828182845905f, ConstName::E);
    int p = find_param(n);
    if (p >= 0) {
      e_.param_used[std::size_t(p)] = 1;
      return g_.param(p);
    }
    if (find_function(n) != Op::Count)
      return fail("\"" + n + "\"" + at(t.column) + " is a function — write " + n + "(" +
                      std::string(1, e_.input_name) + ")", t.column);
    if (const char* hint = alias_hint(n)) return fail("unknown name \"" + n + "\"" + at(t.column) + " — " + hint, t.column);
    std::string s = suggest(n, names());
    if (s.empty()) s = suggest(n, functions());
    if (!s.empty()) return fail("unknown name \"" + n + "\" — did you mean \"" + s + "\"?", t.column);
    return fail("unknown name \"" + n + "\"" + at(t.column) + " (names: " + join(names()) + ")", t.column);
  }

  int call(const Token& name) {
    const Token open = next();  // "("
    Depth d(*this, open.column);
    if (!d.ok) return 0;
    Op op = find_function(name.text);
    if (op == Op::Count) {
      if (is_value_name(name.text))
        return fail("\"" + name.text + "\"" + at(name.column) + " is not a function — write \"" + name.text +
                        "*(\" for a product", name.column);
      if (const char* hint = alias_hint(name.text))
        return fail("unknown function \"" + name.text + "\"" + at(name.column) + " — " + hint, name.column);
      std::string s = suggest(name.text, functions());
      if (!s.empty()) return fail("unknown function \"" + name.text + "\" — did you mean \"" + s + "\"?", name.column);
      return fail("unknown function \"" + name.text + "\"" + at(name.column) + " (functions: " + join(functions()) + ")",
                  name.column);
    }
    std::vector<int> args;
    if (peek().kind != Tok::RParen) {
      for (;;) {
        int a = expr();
        if (failed()) return 0;
        args.push_back(a);
        if (peek().kind == Tok::Comma) {
          next();
          continue;
        }
        break;
      }
    }
    if (peek().kind != Tok::RParen) {
      if (peek().kind == Tok::End) return fail("missing \")\" for the \"(\"" + at(open.column), open.column);
      return fail("unexpected " + describe(peek()) + at(peek().column), peek().column);
    }
    next();
    const int want = op_info(op).arity;
    if (int(args.size()) != want) {
      std::string example = op == Op::Where ? "where(condition, a, b)"
                                            : name.text + (want == 2 ? "(a, b)" : "(" + std::string(1, e_.input_name) + ")");
      return fail("\"" + name.text + "\" takes " + std::to_string(want) + (want == 1 ? " argument" : " arguments") +
                      ", got " + std::to_string(args.size()) + at(name.column) + " — write " + example, name.column);
    }
    return g_.make(op, args[0], want > 1 ? args[1] : -1, want > 2 ? args[2] : -1);
  }

  int primary() {
    const Token& t = peek();
    switch (t.kind) {
      case Tok::Number: {
        Token n = next();
        if (!count(n.column)) return 0;
        return g_.constant(n.value);
      }
      case Tok::Name: {
        Token n = next();
        if (!count(n.column)) return 0;
        if (peek().kind == Tok::LParen) return call(n);
        return name_value(n);
      }
      case Tok::LParen: {
        Token open = next();
        Depth d(*this, open.column);
        if (!d.ok) return 0;
        int e = expr();
        if (failed()) return 0;
        if (peek().kind != Tok::RParen) {
          if (peek().kind == Tok::End) return fail("missing \")\" for the \"(\"" + at(open.column), open.column);
          return fail("unexpected " + describe(peek()) + at(peek().column), peek().column);
        }
        next();
        return e;
      }
      case Tok::End: {
        const Token& prev = previous();
        return fail("missing operand after " + describe(prev) + at(prev.column), prev.column);
      }
      default: return fail("unexpected " + describe(t) + at(t.column), t.column);
    }
  }

  std::vector<Token> t_;
  std::size_t pos_ = 0;
  Expression& e_;
  Graph& g_;
  Error err_;
  int depth_ = 0;
  std::size_t items_ = 0;
  int input_column_ = 0;
};

}  // namespace

std::string suggest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string lw = lower(word);
  for (const std::string& c : candidates)
    if (lower(c) == lw) return c;
  const int limit = word.size() <= 2 ? 0 : word.size() <= 4 ? 1 : 2;
  std::string best;
  int best_d = limit + 1;
  for (const std::string& c : candidates) {
    int d = edit_distance(lw, lower(c));
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best_d <= limit ? best : "";
}

ParseResult parse(std::string_view text, const std::vector<ParamDecl>& params) {
  ParseResult r;
  r.expr.text = std::string(text);
  r.expr.params = params;
  r.expr.param_used.assign(params.size(), 0);
  r.expr.graph = std::make_shared<Graph>(kMaxGraphNodes);
  if (params.size() > kMaxParams) {
    r.error = {"too many parameters: " + std::to_string(params.size()) + " (limit " + std::to_string(kMaxParams) + ")", 0};
    return r;
  }
  if (text.size() > 4 * kMaxLength || std::size_t(count_columns(text)) > kMaxLength) {
    r.error = {"expression too long: " + std::to_string(count_columns(text)) + " characters (limit " +
                   std::to_string(kMaxLength) + ")", 0};
    return r;
  }
  std::vector<Token> toks;
  if (!tokenize(text, toks, r.error)) return r;
  if (toks.size() == 1) {
    r.error = {"empty expression", 1};
    return r;
  }
  Parser p(std::move(toks), r.expr);
  p.run(r.error);
  return r;
}

}  // namespace actlab::expr
