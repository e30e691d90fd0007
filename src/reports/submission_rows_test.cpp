// Submissions as Central lays them out: the columns of the root and repeat tables worked by hand,
// KEY and PARENT_KEY down nested repeats, geopoints split in four, values of other form versions
// left out; then through Export as a zip of CSVs (read back with unzip) and as a workbook (read
// back with the importers' XLSX reader), one sheet per repeat.
#include "reports/submission_rows.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "importers/xlsx_reader.hpp"
#include "reports/export.hpp"
#include "reports/reports_test_support.hpp"

namespace mobilise::reports {
namespace {

using Strings = std::vector<std::string>;

// households: a name, a location, a group "hh" with a size, a repeat "person" (name, age) with a
// nested repeat "phone" (number), and meta/instanceID.
std::vector<FormField> Fields() {
  return {{"/data/name", "string"},
          {"/data/location", "geopoint"},
          {"/data/hh", ""},
          {"/data/hh/size", "int"},
          {"/data/person", "", true},
          {"/data/person/name", "string"},
          {"/data/person/age", "int"},
          {"/data/person/phone", "", true},
          {"/data/person/phone/number", "string"},
          {"/data/meta", ""},
          {"/data/meta/instanceID", "string"}};
}

SubmissionMeta Meta(const std::string& id) {
  SubmissionMeta m;
  m.submission_date = "2026-12-01T10:00:00.000Z";
  m.instance_id = id;
  m.submitter_id = "u1";
  m.submitter_name = "Gul";
  m.review_state = "approved";
  m.form_version = "3";
  m.attachments_present = 1;
  m.attachments_expected = 2;
  m.edits = 1;
  return m;
}

InstanceValues Values(const std::string& id) {
  return {{"/data/name", "=cmd"},
          {"/data/location", "34.01 71.5 330 5"},
          {"/data/hh/size", "2"},
          {"/data/person[1]/name", "Amina, \"Ami\""},
          {"/data/person[1]/age", "30"},
          {"/data/person[1]/phone[1]/number", "0700"},
          {"/data/person[1]/phone[2]/number", "0701"},
          {"/data/person[2]/name", "Bilal"},
          {"/data/person[2]/age", ""},
          {"/data/old_question", "gone"},
          {"/data/meta/instanceID", id}};
}

class Collect final : public RowWriter {
 public:
  Status Row(std::size_t table, const std::vector<std::string>& cells) override {
    rows.emplace_back(table, cells);
    return {};
  }
  std::vector<std::pair<std::size_t, Strings>> rows;
};

TEST(SubmissionTables, ColumnsAreCentralsWithGroupsJoinedAndGeopointSplit) {
  const SubmissionTables t("hh_survey", Fields());
  ASSERT_EQ(t.tables().size(), 3u);
  EXPECT_EQ(t.tables()[0].name, "hh_survey");
  EXPECT_EQ(t.tables()[0].columns,
            (Strings{"SubmissionDate", "name", "location-Latitude", "location-Longitude",
                     "location-Altitude", "location-Accuracy", "hh-size", "meta-instanceID", "KEY",
                     "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected",
                     "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"}));
  EXPECT_EQ(t.tables()[0].numeric,
            (std::vector<bool>{false, false, true, true, true, true, true, false, false, false,
                               false, true, true, false, false, false, true, false}));
  EXPECT_EQ(t.tables()[1].name, "hh_survey-person");
  EXPECT_EQ(t.tables()[1].columns, (Strings{"name", "age", "PARENT_KEY", "KEY"}));
  EXPECT_EQ(t.tables()[2].name, "hh_survey-phone");
  EXPECT_EQ(t.tables()[2].columns, (Strings{"number", "PARENT_KEY", "KEY"}));
}

TEST(SubmissionTables, RowsCarryKeysDownNestedRepeats) {
  const SubmissionTables t("hh_survey", Fields());
  Collect out;
  ASSERT_TRUE(t.Write(out, Meta("uuid:a"), Values("uuid:a")));
  ASSERT_EQ(out.rows.size(), 5u);
  EXPECT_EQ(out.rows[0].first, 0u);
  EXPECT_EQ(out.rows[0].second,
            (Strings{"2026-12-01T10:00:00.000Z", "=cmd", "34.01", "71.5", "330", "5", "2", "uuid:a",
                     "uuid:a", "u1", "Gul", "1", "2", "", "approved", "", "1", "3"}));
  EXPECT_EQ(out.rows[1], (std::pair<std::size_t, Strings>{
                             1, {"Amina, \"Ami\"", "30", "uuid:a", "uuid:a/person[1]"}}));
  EXPECT_EQ(out.rows[2], (std::pair<std::size_t, Strings>{
                             2, {"0700", "uuid:a/person[1]", "uuid:a/person[1]/phone[1]"}}));
  EXPECT_EQ(out.rows[3], (std::pair<std::size_t, Strings>{
                             2, {"0701", "uuid:a/person[1]", "uuid:a/person[1]/phone[2]"}}));
  EXPECT_EQ(out.rows[4],
            (std::pair<std::size_t, Strings>{1, {"Bilal", "", "uuid:a", "uuid:a/person[2]"}}));
}

TEST(SubmissionTables, AShortGeopointLeavesItsMissingPartsEmpty) {
  const SubmissionTables t("f", {{"/data/p", "geopoint"}});
  Collect out;
  ASSERT_TRUE(t.Write(out, Meta("uuid:b"), {{"/data/p", "1.5 2.5"}}));
  EXPECT_EQ(Strings(out.rows[0].second.begin() + 1, out.rows[0].second.begin() + 5),
            (Strings{"1.5", "2.5", "", ""}));
}

// Writes two submissions through Export in `format` and answers the file's path.
std::string ExportTwo(const SubmissionTables& t, const std::string& format) {
  Exportable e;
  e.name = "hh_survey";
  e.formats = {ExportFormat::kCsvZip, ExportFormat::kXlsx};
  e.row_tables = t.tables();
  e.rows = [&](RowWriter& out) -> Status {
    for (const auto* id : {"uuid:a", "uuid:b"})
      if (auto done = t.Write(out, Meta(id), Values(id)); !done) return done;
    return {};
  };
  auto file = Export(e, format);
  EXPECT_TRUE(file) << (file ? "" : file.error().message);
  if (!file) return "";
  EXPECT_EQ(file->file_name, "hh_survey." + format);
  return file->path;
}

TEST(SubmissionExport, CsvZipHoldsOneCsvPerTable) {
  const SubmissionTables t("hh_survey", Fields());
  const auto path = ExportTwo(t, "csv.zip");
  ASSERT_FALSE(path.empty());
  EXPECT_EQ(testing::Shell("unzip -Z1 '" + path + "'"),
            "hh_survey.csv\nhh_survey-person.csv\nhh_survey-phone.csv\n");
  const auto root = testing::Shell("unzip -p '" + path + "' hh_survey.csv");
  EXPECT_EQ(root.substr(0, root.find("\r\n")),
            "SubmissionDate,name,location-Latitude,location-Longitude,location-Altitude,"
            "location-Accuracy,hh-size,meta-instanceID,KEY,SubmitterID,SubmitterName,"
            "AttachmentsPresent,AttachmentsExpected,Status,ReviewState,DeviceID,Edits,"
            "FormVersion");
  EXPECT_NE(root.find("\r\n2026-12-01T10:00:00.000Z,'=cmd,34.01,71.5,330,5,2,uuid:a,uuid:a,u1,"
                      "Gul,1,2,,approved,,1,3\r\n"),
            std::string::npos);
  EXPECT_EQ(testing::Shell("unzip -p '" + path + "' hh_survey-person.csv"),
            "name,age,PARENT_KEY,KEY\r\n"
            "\"Amina, \"\"Ami\"\"\",30,uuid:a,uuid:a/person[1]\r\n"
            "Bilal,,uuid:a,uuid:a/person[2]\r\n"
            "\"Amina, \"\"Ami\"\"\",30,uuid:b,uuid:b/person[1]\r\n"
            "Bilal,,uuid:b,uuid:b/person[2]\r\n");
  std::filesystem::remove(path);
}

TEST(SubmissionExport, XlsxHasOneSheetPerRepeatAndReadsBack) {
  const SubmissionTables t("hh_survey", Fields());
  const auto path = ExportTwo(t, "xlsx");
  ASSERT_FALSE(path.empty());
  const auto bytes = testing::Slurp(path);
  auto sheets = importers::ListXlsxSheets(bytes, {});
  ASSERT_TRUE(sheets);
  EXPECT_EQ(*sheets, (Strings{"hh_survey", "hh_survey-person", "hh_survey-phone"}));
  auto phones = importers::ReadXlsx(bytes, {}, "hh_survey-phone");
  ASSERT_TRUE(phones);
  EXPECT_EQ(phones->header, (Strings{"number", "PARENT_KEY", "KEY"}));
  ASSERT_EQ(phones->rows.size(), 4u);
  EXPECT_EQ(phones->rows[3], (Strings{"0701", "uuid:b/person[1]", "uuid:b/person[1]/phone[2]"}));
  auto root = importers::ReadXlsx(bytes, {}, "hh_survey");
  ASSERT_TRUE(root);
  ASSERT_EQ(root->rows.size(), 2u);
  EXPECT_EQ(root->rows[1][1], "=cmd");    // a string cell, never a formula
  EXPECT_EQ(root->rows[1][2], "34.01");   // a number
  EXPECT_EQ(root->rows[1][8], "uuid:b");  // KEY
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace mobilise::reports
