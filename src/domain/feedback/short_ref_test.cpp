// The short reference against the vectors the web app's test reads too, and its rules.
#include "domain/feedback/short_ref.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/id.hpp"

namespace mobilise::domain {
namespace {

// web/src/short_ref_vectors.json, found beside this source file or above the working directory
// (ctest runs in the build tree; __FILE__ may be relative to it).
std::string VectorsText() {
  namespace fs = std::filesystem;
  const fs::path rel = fs::path("web") / "src" / "short_ref_vectors.json";
  std::vector<fs::path> candidates = {fs::path(__FILE__).parent_path() / "../../.." / rel};
  for (fs::path dir = fs::current_path(); !dir.empty(); dir = dir.parent_path()) {
    candidates.push_back(dir / rel);
    if (dir == dir.root_path()) break;
  }
  for (const auto& file : candidates) {
    std::ifstream in(file);
    if (!in) continue;
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  return "";
}

TEST(ShortRef, MatchesTheSharedVectors) {
  const std::string text = VectorsText();
  const std::regex pair("\"id\":\\s*\"([^\"]*)\",\\s*\"ref\":\\s*\"([^\"]*)\"");
  int n = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), pair), end; it != end; ++it, ++n)
    EXPECT_EQ(ShortRef((*it)[1].str()), (*it)[2].str()) << (*it)[1].str();
  EXPECT_GE(n, 5) << "no vectors read from web/src/short_ref_vectors.json";
}

TEST(ShortRef, OnlyUuidsHaveOne) {
  EXPECT_EQ(ShortRef(""), "");
  EXPECT_EQ(ShortRef("not-a-uuid"), "");
  EXPECT_EQ(ShortRef("019b0a3c-5e21-7c4d-8a9e-0123456789ag"), "");
}

TEST(ShortRef, UsesEightCharactersOfTheAlphabetAndVaries) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string ref = ShortRef(NewId());
    ASSERT_EQ(ref.size(), 8u);
    for (char c : ref) EXPECT_NE(kShortRefAlphabet.find(c), std::string_view::npos) << ref;
    seen.insert(ref);
  }
  EXPECT_GT(seen.size(), 195u);
  for (char c : std::string("01ILO")) EXPECT_EQ(kShortRefAlphabet.find(c), std::string_view::npos);
}

TEST(ShortRef, DisplayAndNormaliseRoundTrip) {
  EXPECT_EQ(DisplayShortRef("K7QM4XPD"), "K7QM-4XPD");
  EXPECT_EQ(NormaliseShortRef("k7qm-4xpd"), "K7QM4XPD");
  EXPECT_EQ(NormaliseShortRef(" K7QM 4XPD"), "K7QM4XPD");
  EXPECT_EQ(NormaliseShortRef(DisplayShortRef("22DGAHRX")), "22DGAHRX");
  EXPECT_EQ(NormaliseShortRef("K7QM-4XP"), "");    // too short
  EXPECT_EQ(NormaliseShortRef("K7QM-4XPDD"), "");  // too long
  EXPECT_EQ(NormaliseShortRef("K7QM-4XP0"), "");   // 0 is not in the alphabet
  EXPECT_EQ(NormaliseShortRef("water pump"), "");
}

}  // namespace
}  // namespace mobilise::domain
