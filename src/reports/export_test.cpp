// The export entry point: each format gives a file of its media type and name, photos reach the
// document only for the formats that show them and are removed afterwards, and a format not
// offered is a validation error on `format`.
#include "reports/export.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "reports/reports_test_support.hpp"

namespace mobilise::reports {
namespace {

namespace fs = std::filesystem;

// Photos by id: "png" a PNG, "pdf" a stored PDF (not a photo), anything else unreadable. Counts
// the reads.
class FakePhotos final : public PhotoSource {
 public:
  std::optional<PhotoFile> Read(const std::string& id) const override {
    ++reads;
    if (id == "png") return PhotoFile{"image/png", testing::MakeImage(40, 30, "png")};
    if (id == "pdf") return PhotoFile{"application/pdf", "%PDF-1.4"};
    return std::nullopt;
  }
  mutable int reads = 0;
};

// Points $TMPDIR at a fresh directory for the test, so that what is left there can be checked.
class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* old = std::getenv("TMPDIR")) old_tmpdir_ = old;
    dir_ = testing::OutputPath("export_tmp");
    fs::create_directories(dir_);
    setenv("TMPDIR", dir_.c_str(), 1);
  }
  void TearDown() override {
    if (old_tmpdir_)
      setenv("TMPDIR", old_tmpdir_->c_str(), 1);
    else
      unsetenv("TMPDIR");
    fs::remove_all(dir_);
  }
  std::vector<std::string> Left() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().string());
    return names;
  }

  Exportable Sample(PhotoPaths* seen = nullptr) {
    Exportable e;
    e.name = "MPR-2026/02 draft";
    e.formats = {ExportFormat::kCsv, ExportFormat::kXlsx, ExportFormat::kPdf,
                 ExportFormat::kDhis2Json, ExportFormat::kAdx};
    e.document = [seen](const PhotoPaths& photos) {
      if (seen) *seen = photos;
      Document d = testing::EnglishDocument("", "");
      d.sections.back().photos.clear();
      for (const auto& [id, path] : photos) d.sections.back().photos.push_back({id, path});
      return d;
    };
    e.photo_ids = {"png", "pdf", "gone", "png"};
    e.photo_source = &photos_;
    e.data_values = [](bool) {
      DataValueSet set;
      set.data_set = "DS";
      set.exported_at = "2026-03-02T08:30:00.000Z";
      set.groups.push_back({"OU", "202602", "2026-02-01/P1M", {{"DE", "", {}, "12", ""}}});
      return Result<DataValueSet>(set);
    };
    return e;
  }

  FakePhotos photos_;
  std::string dir_;
  std::optional<std::string> old_tmpdir_;
};

TEST_F(ExportTest, EachFormatGivesAFileOfItsMediaTypeAndName) {
  struct Case {
    const char *format, *media_type, *file_name, *starts_with;
  };
  const Case cases[] = {
      {"csv", "text/csv; charset=utf-8", "MPR-2026_02_draft.csv", "\xEF\xBB\xBF"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
       "MPR-2026_02_draft.xlsx", "PK"},
      {"pdf", "application/pdf", "MPR-2026_02_draft.pdf", "%PDF"},
      {"dhis2", "application/json", "MPR-2026_02_draft.dhis2.json", "{"},
      {"adx", "application/adx+xml", "MPR-2026_02_draft.adx.xml", "<"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.format);
    auto file = Export(Sample(), c.format);
    ASSERT_TRUE(file) << file.error().message;
    EXPECT_EQ(file->media_type, c.media_type);
    EXPECT_EQ(file->file_name, c.file_name);
    EXPECT_EQ(fs::path(file->path).parent_path(), fs::path(dir_));
    EXPECT_EQ(testing::Slurp(file->path).rfind(c.starts_with, 0), 0u);
    // The export file is all that is left: the photos' temporary files are gone.
    EXPECT_EQ(Left(), std::vector<std::string>{file->path});
    fs::remove(file->path);
  }
}

TEST_F(ExportTest, AFormatNotOfferedIsAValidationErrorOnFormat) {
  auto file = Export(Sample(), "docx");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().code, ErrorCode::kValidation);
  EXPECT_EQ(file.error().fields.at("format"), "one of csv, xlsx, pdf, dhis2, adx");
  Exportable list = Sample();
  list.formats = {ExportFormat::kCsv, ExportFormat::kXlsx};
  file = Export(list, "pdf");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().fields.at("format"), "one of csv, xlsx");
  EXPECT_TRUE(Left().empty());
  EXPECT_EQ(photos_.reads, 0);
}

TEST_F(ExportTest, OnlyReadableImagesReachTheDocumentAndOnlyForXlsxAndPdf) {
  PhotoPaths seen;
  auto csv = Export(Sample(&seen), "csv");
  ASSERT_TRUE(csv) << csv.error().message;
  EXPECT_TRUE(seen.empty());
  EXPECT_EQ(photos_.reads, 0);
  auto pdf = Export(Sample(&seen), "pdf");
  ASSERT_TRUE(pdf) << pdf.error().message;
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen.count("png"), 1u);
  EXPECT_EQ(fs::path(seen["png"]).parent_path(), fs::path(dir_));
  EXPECT_FALSE(fs::exists(seen["png"]));  // removed once rendered
  EXPECT_EQ(photos_.reads, 3);            // each id once: png, pdf, gone
}

TEST_F(ExportTest, TheDataValuesErrorsAreTheExportsAndLeaveNoFile) {
  Exportable e = Sample();
  e.data_values = [](bool adx) -> Result<DataValueSet> {
    return Fail(Error::Field("format",
                             adx ? problem::AdxNeedsDataSet() : problem::Dhis2NoPeriod("2026Q3")));
  };
  auto file = Export(e, "adx");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().fields.at("format"), problem::AdxNeedsDataSet());
  // ADX's own checks (the renderer's) also fail the export and remove its file.
  e = Sample();
  e.data_values = [](bool) { return Result<DataValueSet>(DataValueSet{}); };
  file = Export(e, "adx");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().code, ErrorCode::kValidation);
  EXPECT_TRUE(Left().empty());
}

}  // namespace
}  // namespace mobilise::reports
