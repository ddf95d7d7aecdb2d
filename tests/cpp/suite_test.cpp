// suite_test.cpp — checks on the test suite itself.
#include <string>

#include "catch2/catch.hpp"

// CTest's Catch2 discovery (catch_discover_tests) splits a test name at a semicolon: such a case
// runs under ctest as two names that match nothing and fails there, while passing when run directly.
TEST_CASE("test names hold no semicolon (CTest's discovery would split them)", "[suite]") {
  const auto& all = Catch::getAllTestCasesSorted(*Catch::getCurrentContext().getConfig());
  REQUIRE(all.size() > 100);
  for (const Catch::TestCase& t : all) {
    INFO(t.name);
    CHECK(t.name.find(';') == std::string::npos);
  }
}
