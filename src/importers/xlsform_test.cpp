// XLSForm conversion through the real command (tools/xlsform/xls2xform, pyxform's command
// line): a workbook written by libxlsxwriter becomes an XForm; pyxform's refusal names the row;
// a converter past its time limit is killed; nothing is left in the temporary directory.
#include "importers/xlsform.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "importers/xlsx_test_support.hpp"

namespace mobilise::importers {
namespace {

namespace fs = std::filesystem;
using Rows = std::vector<std::vector<std::string>>;

const XlsFormConverter kConverter{MOBILISE_SOURCE_DIR "/tools/xlsform/xls2xform"};

void Sheet(lxw_workbook* workbook, const char* name, const Rows& rows) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name);
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[r].size(); ++c)
      worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                             rows[r][c].c_str(), nullptr);
}

std::string Form(const Rows& survey) {
  return testing::MakeXlsx([&](lxw_workbook* w) {
    Sheet(w, "survey", survey);
    Sheet(w, "choices", {{"list_name", "name", "label"}, {"yn", "yes", "Yes"}, {"yn", "no", "No"}});
    Sheet(w, "settings", {{"form_id", "form_title", "version"}, {"needs", "Needs", "7"}});
  });
}

class XlsFormTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* old = std::getenv("TMPDIR")) old_ = old;
    dir_ = testing::TempPath("_tmp");
    fs::create_directories(dir_);
    setenv("TMPDIR", dir_.c_str(), 1);
  }
  void TearDown() override {
    EXPECT_TRUE(fs::is_empty(dir_)) << "the conversion left files behind";
    if (old_)
      setenv("TMPDIR", old_->c_str(), 1);
    else
      unsetenv("TMPDIR");
    fs::remove_all(dir_);
  }
  std::string dir_;
  std::optional<std::string> old_;
};

TEST_F(XlsFormTest, AWorkbookBecomesAnXForm) {
  auto xml = ConvertXlsForm(Form({{"type", "name", "label", "required"},
                                  {"integer", "size", "Household size", "yes"},
                                  {"select_one yn", "water", "Safe water?", ""},
                                  {"begin_repeat", "person", "People", ""},
                                  {"text", "name", "Name", ""},
                                  {"end_repeat", "", "", ""}}),
                            kConverter);
  ASSERT_TRUE(xml) << xml.error().message;
  EXPECT_NE(xml->find("<h:title>Needs</h:title>"), std::string::npos);
  EXPECT_NE(xml->find("id=\"needs\""), std::string::npos);
  EXPECT_NE(xml->find("version=\"7\""), std::string::npos);
  EXPECT_NE(xml->find("<bind nodeset=\"/data/size\" type=\"int\" required=\"true()\"/>"),
            std::string::npos);
  EXPECT_NE(xml->find("<repeat nodeset=\"/data/person\">"), std::string::npos);
}

TEST_F(XlsFormTest, ARefusedFormNamesItsRow) {
  auto xml = ConvertXlsForm(
      Form({{"type", "name", "label"}, {"text", "village", "Village"}, {"txt", "age", "Age"}}),
      kConverter);
  ASSERT_FALSE(xml);
  EXPECT_EQ(xml.error().code, ErrorCode::kValidation);
  EXPECT_EQ(xml.error().fields.at("xlsform.row_3"), "[row : 3] Unknown question type 'txt'.");
}

TEST_F(XlsFormTest, AFileThatIsNoWorkbookIsRefused) {
  auto xml = ConvertXlsForm("not a workbook", kConverter);
  ASSERT_FALSE(xml);
  EXPECT_EQ(xml.error().code, ErrorCode::kValidation);
  EXPECT_TRUE(xml.error().fields.contains("xlsform"));
}

TEST_F(XlsFormTest, AConverterPastItsLimitIsKilled) {
  const std::string slow = testing::TempPath("_slow.sh");
  std::ofstream(slow) << "#!/bin/sh\nsleep 30\n";
  fs::permissions(slow, fs::perms::owner_all);
  auto xml = ConvertXlsForm("x", {slow, std::chrono::milliseconds(200)});
  fs::remove(slow);
  ASSERT_FALSE(xml);
  EXPECT_EQ(xml.error().fields.at("xlsform"), "the conversion took too long");
}

TEST(XlsFormErrorField, TakesTheRowFromPyxformsMessage) {
  EXPECT_EQ(XlsFormErrorField("[row : 12] Question or group with no name."), "xlsform.row_12");
  EXPECT_EQ(XlsFormErrorField("You must have a sheet named 'survey'."), "xlsform");
  EXPECT_EQ(XlsFormErrorField("[row : ] odd"), "xlsform");
}

}  // namespace
}  // namespace mobilise::importers
