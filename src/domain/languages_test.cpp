#include "domain/languages.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

TEST(Languages, TheAppSpeaksSixLanguagesThreeOfThemRightToLeft) {
  EXPECT_EQ(AppLanguages(), (std::vector<std::string>{"en", "ps", "uk", "mr", "prs", "ur"}));
  for (const auto& l : AppLanguages()) EXPECT_TRUE(IsAppLanguage(l)) << l;
  EXPECT_FALSE(IsAppLanguage("fa"));
  EXPECT_FALSE(IsAppLanguage(""));
  EXPECT_TRUE(IsRightToLeft("ps"));
  EXPECT_TRUE(IsRightToLeft("prs"));
  EXPECT_TRUE(IsRightToLeft("ur"));
  EXPECT_FALSE(IsRightToLeft("mr"));
  EXPECT_FALSE(IsRightToLeft("uk"));
}

TEST(Languages, ALocaleIsALanguageWithTheDigitsTheUserPicked) {
  EXPECT_TRUE(IsSupportedLocale("mr"));
  EXPECT_TRUE(IsSupportedLocale("prs-u-nu-latn"));
  EXPECT_TRUE(IsSupportedLocale("ur-u-nu-arabext"));
  EXPECT_TRUE(IsSupportedLocale("en-u-nu-deva"));
  EXPECT_EQ(LocaleLanguage("ps-u-nu-arab"), "ps");
  EXPECT_EQ(LocaleLanguage("uk"), "uk");
}

TEST(Languages, OtherLocalesAreRefused) {
  for (const char* bad : {"", "fa", "fa-AF", "mr-IN", "mr-u-nu-", "mr-u-nu-thai", "mr-u-nu-latn-x",
                          "MR", "mr-u-ca-persian", "-u-nu-latn", "mr-"})
    EXPECT_FALSE(IsSupportedLocale(bad)) << bad;
}

TEST(Languages, AnExportIsInTheAskedLanguageWhenTheAppSpeaksIt) {
  EXPECT_EQ(ExportLanguage("prs"), "prs");
  EXPECT_EQ(ExportLanguage("ur"), "ur");
  EXPECT_EQ(ExportLanguage("mr"), "mr");
  EXPECT_EQ(ExportLanguage("fa"), "en");
  EXPECT_EQ(ExportLanguage(std::nullopt), "en");
}

}  // namespace
}  // namespace mobilise::domain
