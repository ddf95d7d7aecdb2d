// nn_json_test.cpp — the strict JSON reader/writer (util/json.hpp): valid documents round-trip,
// floats survive write/parse exactly, and every kind of malformed input is rejected.
#include <cmath>
#include <cstring>
#include <string>

#include "actlab/simd/bits.hpp"
#include "actlab/util/json.hpp"
#include "catch2/catch.hpp"

using namespace actlab;

TEST_CASE("json parses and writes valid documents", "[json]") {
  json::Value v;
  std::string e;
  REQUIRE(json::parse(R"( {"a": [1, -2.5e3, true, false, null, "x\u00e9\n\"\\/"], "b": {}, "c": []} )", v, e));
  CHECK(e.empty());
  REQUIRE(v.is_object());
  CHECK(v.find("a")->arr.size() == 6);
  CHECK(v.find("a")->arr[1].num == -2500.0);
  CHECK(v.find("a")->arr[5].str == "x\xc3\xa9\n\"\\/");
  CHECK(json::write(v) == R"({"a":[1,-2500,true,false,null,"xé\n\"\\/"],"b":{},"c":[]})");
  json::Value w;
  REQUIRE(json::parse(json::write(v, 2), w, e));
  CHECK(json::write(w) == json::write(v));
  REQUIRE(json::parse("\"\\ud83d\\ude00\"", w, e));
  CHECK(w.str == "\xf0\x9f\x98\x80");
}

TEST_CASE("json floats round-trip exactly through 9 digits", "[json]") {
  const float samples[] = {0.1f, 1.0f / 3.0f, -1e-38f, 1e-45f, 3.4028235e38f, -0.0f, 16777217.0f, 0.30000001f, 1.17549435e-38f};
  for (float f : samples) {
    json::Value a = json::Value::array();
    a.push(json::float_value(f));
    json::Value b;
    std::string e;
    REQUIRE(json::parse(json::write(a), b, e));
    float g = static_cast<float>(b.arr[0].num);
    CHECK(actlab::bit_cast<std::uint32_t>(g) == actlab::bit_cast<std::uint32_t>(f));  // -0 stays -0
  }
}

TEST_CASE("json rejects malformed input with a position", "[json]") {
  const char* bad[] = {"", " ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "[01]", "[1.]", "[.5]", "[1e]", "[-]",
                       "[NaN]", "[Infinity]", "[1e999]", "\"abc", "\"\\x\"", "\"\\ud800\"", "\"\\udc00x\"", "[tru]", "nul",
                       "[1] 2", "{\"a\":1,\"a\":2}", "\"\x01\"", "\"\xff\"", "\"\xc0\xaf\"", "// c\n1", "[1,,2]"};
  for (const char* s : bad) {
    json::Value v;
    std::string e;
    INFO("input: " << s);
    CHECK_FALSE(json::parse(s, v, e));
    CHECK(e.find("line ") == 0);
  }
  std::string deep(65, '[');
  deep += std::string(65, ']');
  json::Value v;
  std::string e;
  CHECK_FALSE(json::parse(deep, v, e));
  CHECK(e.find("nesting") != std::string::npos);
  CHECK(json::parse(std::string(64, '[') + std::string(64, ']'), v, e));
}
