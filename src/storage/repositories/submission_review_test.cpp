// The submissions review and the indicators over a form's questions, over real SQLite and
// PostgreSQL. Golden figures worked by hand from the submissions below (form "needs"):
//   A  D1  2026-10-31T23:59:59Z  size 4  village Kot
//   B  D1  2026-11-01T00:00:00Z  size 3  village Kot    (the next month: a month boundary)
//   C  D2  2026-10-15            size 5  village Dag    edited on 2026-11-02 as C2: size 6
//   D  D2  2026-10-20            size 10 village Zor    rejected: never counted
//   E  D1  2026-10-05            size 2  village Kot    another form ("other")
// October at the province: 2 submissions (A, C counted once, at C's first date, with C2's
// values), households' size 4 + 6 = 10, 2 villages (Kot, Dag); by district D1 1 / 4, D2 1 / 6.
// November: 1 submission (B), size 3.
#include "domain/forms/submission_review.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "domain/forms/xform_service.hpp"
#include "domain/indicators/indicator_service.hpp"
#include "storage/repositories/service_test_support.hpp"
#include "storage/repositories/submission_answers_json.hpp"

using mobilise::test::AllDialects;
using mobilise::test::DialectParamName;

namespace mobilise::storage {
namespace {

using namespace domain;

class MemoryBlobs final : public BlobStore {
 public:
  std::string Put(std::string_view bytes) override {
    const std::string key = "h" + std::to_string(files.size());
    files[key] = std::string(bytes);
    return key;
  }
  std::optional<std::string> Get(const std::string& key) override {
    auto it = files.find(key);
    if (it == files.end()) return std::nullopt;
    return it->second;
  }
  std::map<std::string, std::string> files;
};

class SubmissionReviewTest : public test::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    AddAreas({{&province_, "P"}, {&d1_, "P-D1", &province_}, {&d2_, "P-D2", &province_}});
    admin_ = User("admin", Role::kAdmin, province_);
    field_ = User("field", Role::kMobiliser, d1_);
    auto uow = uow_->Begin(true);
    for (const auto* id : {"needs", "other"}) {
      XForm f;
      f.id = std::string("form-") + id;
      f.xml_form_id = id;
      f.title = id;
      f.created_at = f.updated_at = "2026-10-01T00:00:00.000Z";
      ASSERT_TRUE(uow->XForms().Insert(f));
    }
    Add(*uow, "A", "needs", d1_, "2026-10-31T23:59:59.000Z", "4", "Kot");
    Add(*uow, "B", "needs", d1_, "2026-11-01T00:00:00.000Z", "3", "Kot");
    Add(*uow, "C", "needs", d2_, "2026-10-15T08:00:00.000Z", "5", "Dag");
    uow->Submissions().MarkReplaced("C");
    Add(*uow, "C2", "needs", d2_, "2026-11-02T08:00:00.000Z", "6", "Dag", "C");
    Add(*uow, "D", "needs", d2_, "2026-10-20T08:00:00.000Z", "10", "Zor");
    ASSERT_TRUE(uow->SubmissionReviews().SetReviewState("D", ReviewState::kRejected, 1));
    Add(*uow, "E", "other", d1_, "2026-10-05T08:00:00.000Z", "2", "Kot");
    uow->Commit();
  }

  void Add(UnitOfWork& uow, const std::string& id, const std::string& form, const Area& area,
           const std::string& at, const std::string& size, const std::string& village,
           const std::string& root = "") {
    const std::string xml = "<data id=\"" + form + "\"><size>" + size + "</size><village>" +
                            village + "</village><meta><instanceID>uuid:" + id +
                            "</instanceID></meta></data>";
    Submission s;
    s.id = id;
    s.root_id = root.empty() ? id : root;
    s.form_id = "form-" + form;
    s.instance_id = "uuid:" + id;
    s.xml_hash = blobs_.Put(xml);
    s.xml_sha256 = *s.xml_hash;
    s.user_id = field_.user_id;
    s.area_id = area.id;
    s.area_path = area.path;
    s.submitted_at = at;
    if (!root.empty()) s.review_state = ReviewState::kEdited;
    uow.Submissions().Insert(s);
    uow.SubmissionReviews().SaveAnswers(id, {{"/data/size", size},
                                             {"/data/village", village},
                                             {"/data/person[1]/name", "in a repeat: left out"},
                                             {"/data/meta/instanceID", "uuid:" + id}});
  }

  std::vector<std::string> Ids(const std::vector<SubmissionRow>& rows) {
    std::vector<std::string> ids;
    for (const auto& r : rows) ids.push_back(r.submission.id);
    return ids;
  }

  // The indicator's October (or `period`) figures at the province: total, then per district.
  std::vector<std::optional<double>> Figures(const std::string& measure,
                                             std::optional<std::string> field,
                                             const std::string& period = "2026-10") {
    IndicatorService indicators(*uow_, clock_);
    IndicatorInput in;
    in.code = "F_" + measure + "_" + std::to_string(++made_);
    std::transform(in.code->begin(), in.code->end(), in.code->begin(), ::toupper);
    in.name = "Form figure";
    in.record = "submission";
    in.measure = measure;
    in.field = std::move(field);
    in.filters = std::vector<IndicatorFilter>{{"form", {"needs"}}};
    in.dims = std::vector<std::string>{"form"};
    auto made = indicators.Create(system_, in);
    EXPECT_TRUE(made) << (made ? "" : made.error().message);
    auto values =
        indicators.Values(system_, *in.code, province_.id, period, {"child_area"}, false, "en");
    EXPECT_TRUE(values) << (values ? "" : values.error().message);
    if (!values) return {};
    std::vector<std::optional<double>> out{values->second.total.period};
    std::map<std::string, std::optional<double>> by_area;
    for (const auto& row : values->second.rows) by_area[row.keys.at(0)] = row.period;
    out.push_back(by_area[d1_.id]);
    out.push_back(by_area[d2_.id]);
    return out;
  }

  MemoryBlobs blobs_;
  Area province_, d1_, d2_;
  Actor admin_, field_;
  int made_ = 0;
};

TEST_P(SubmissionReviewTest, TheListIsNewestFirstInTheReadersScopeAndPagedByCursor) {
  SubmissionReviewService review(*uow_, clock_, blobs_);
  auto all = review.List(admin_, "form-needs", std::nullopt, std::nullopt, std::nullopt);
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(Ids(all->items), (std::vector<std::string>{"C2", "B", "A", "D"}));  // C replaced
  EXPECT_EQ(all->items[0].edits, 1);
  EXPECT_EQ(all->items[0].user_name, "Full field");
  auto first = review.List(admin_, "form-needs", std::nullopt, std::nullopt, std::nullopt, 3);
  ASSERT_TRUE(first && first->next_cursor);
  auto second = review.List(admin_, "form-needs", std::nullopt, std::nullopt, first->next_cursor);
  ASSERT_TRUE(second);
  EXPECT_EQ(Ids(second->items), (std::vector<std::string>{"D"}));
  EXPECT_FALSE(second->next_cursor);
  auto mine = review.List(field_, "form-needs", std::nullopt, std::nullopt, std::nullopt);
  ASSERT_TRUE(mine);
  EXPECT_EQ(Ids(mine->items), (std::vector<std::string>{"B", "A"}));  // D1 only
  auto rejected = review.List(admin_, "form-needs", ReviewState::kRejected, d2_.id, std::nullopt);
  ASSERT_TRUE(rejected);
  EXPECT_EQ(Ids(rejected->items), (std::vector<std::string>{"D"}));
  EXPECT_EQ(review.List(admin_, "form-needs", std::nullopt, std::nullopt, "garbage")
                .error()
                .fields.count("cursor"),
            1u);
  EXPECT_EQ(review.Get(field_, "D").error().code, ErrorCode::kNotFound);  // out of scope
}

TEST_P(SubmissionReviewTest, AReviewSetsTheStateAddsTheCommentAndRefusesAStaleVersion) {
  SubmissionReviewService review(*uow_, clock_, blobs_);
  auto done = review.Review(admin_, "A", 1, {ReviewState::kHasIssues, "Size looks low"});
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->row.submission.review_state, ReviewState::kHasIssues);
  EXPECT_EQ(done->row.submission.version, 2);
  ASSERT_EQ(done->comments.size(), 1u);
  EXPECT_EQ(done->comments[0].comment.body, "Size looks low");
  EXPECT_EQ(done->comments[0].comment.review_state, "has_issues");
  EXPECT_EQ(done->comments[0].user_name, "Full admin");
  ASSERT_TRUE(done->xml);
  EXPECT_NE(done->xml->find("<size>4</size>"), std::string::npos);
  auto stale = review.Review(admin_, "A", 1, {ReviewState::kApproved, std::nullopt});
  ASSERT_FALSE(stale);
  EXPECT_TRUE(stale.error().stale);
  EXPECT_EQ(review.Review(field_, "A", 2, {ReviewState::kApproved, std::nullopt}).error().code,
            ErrorCode::kForbidden);  // a mobiliser reads but does not review
  auto empty = review.Review(admin_, "A", 2, {});
  EXPECT_EQ(empty.error().fields.count("review_state"), 1u);
  EXPECT_EQ(review.Get(admin_, "A")->row.submission.version, 2);  // nothing changed
}

TEST_P(SubmissionReviewTest, TheExportWalksEveryCurrentSubmissionOnceWithItsStoredAnswers) {
  SubmissionReviewService review(*uow_, clock_, blobs_);
  std::vector<std::string> seen;
  ASSERT_TRUE(review.ForEach(admin_, "form-needs", [&](const ExportedSubmission& s) -> Status {
    seen.push_back(s.row.submission.id);
    EXPECT_FALSE(s.xml) << "the XML is not read again";
    EXPECT_TRUE(s.row.answers);
    if (s.row.answers) EXPECT_EQ(s.row.answers->size(), 4u);
    return {};
  }));
  EXPECT_EQ(seen, (std::vector<std::string>{"C2", "B", "A", "D"}));
}

// A reader's form list (and one form) counts the submissions they may read, not the form's
// total: the field mobiliser of D1 reads A and B of the four current ones.
TEST_P(SubmissionReviewTest, AReadersFormCountsTheSubmissionsInTheirAreasOnly) {
  XFormService forms(*uow_, clock_);
  auto theirs = forms.List(field_);
  ASSERT_TRUE(theirs) << theirs.error().message;
  auto needs = std::find_if(theirs->begin(), theirs->end(),
                            [](const XForm& f) { return f.id == "form-needs"; });
  ASSERT_NE(needs, theirs->end());
  EXPECT_EQ(needs->submissions, 2);
  auto one = forms.Get(field_, "form-needs");
  ASSERT_TRUE(one) << one.error().message;
  EXPECT_EQ(one->submissions, 2);
  auto all = forms.List(admin_);
  ASSERT_TRUE(all);
  for (const auto& f : *all)
    if (f.id == "form-needs") EXPECT_EQ(f.submissions, 4);
}

// The answers read back byte for byte, in document order, the first value of a path kept; a
// sum reads JSON numbers only and a distinct count leaves empty values out.
TEST_P(SubmissionReviewTest, AnswersReadBackAsStoredAndOnlyNumbersAreSummed) {
  const SubmissionAnswers answers = {
      {"/data/size", "1.5"},
      {"/data/village", "quote \" back\\slash, comma\nline \x01 \u067e\u069a\u062a\u0648"},
      {"/data/size", "99"},  // a second value of a path: the first counts
      {"/data/person[1]/name", ""},
      {"/data/person[2]/name", "Zar"},
      {"/data/z", "not a number"}};
  for (const char* id : {"X1", "X2", "X3"}) {
    auto uow = uow_->Begin(true);
    Add(*uow, id, "other", d1_, "2026-10-06T08:00:00.000Z", "0", "none");
    uow->Commit();
  }
  {
    auto uow = uow_->Begin(true);
    uow->SubmissionReviews().SaveAnswers("X1", answers);
    uow->SubmissionReviews().SaveAnswers("X2", {{"/data/size", "abc"}, {"/data/village", ""}});
    uow->SubmissionReviews().SaveAnswers("X3", {{"/data/size", "-2e1"}, {"/data/village", ""}});
    uow->Commit();
  }
  SubmissionReviewService review(*uow_, clock_, blobs_);
  std::map<std::string, SubmissionAnswers> read;
  ASSERT_TRUE(review.ForEach(admin_, "form-other", [&](const ExportedSubmission& s) -> Status {
    if (s.row.answers) read[s.row.submission.id] = *s.row.answers;
    return {};
  }));
  SubmissionAnswers first_kept = answers;
  first_kept.erase(first_kept.begin() + 2);
  EXPECT_EQ(read["X1"], first_kept);
  using F = std::vector<std::optional<double>>;
  auto figures = [&](const std::string& measure, const std::string& field) {
    IndicatorService indicators(*uow_, clock_);
    IndicatorInput in;
    in.code = "O_" + std::to_string(++made_);
    in.name = "Other";
    in.record = "submission";
    in.measure = measure;
    in.field = field;
    in.filters = std::vector<IndicatorFilter>{{"form", {"other"}}};
    EXPECT_TRUE(indicators.Create(system_, in));
    auto values = indicators.Values(system_, *in.code, province_.id, "2026-10", {}, false, "en");
    EXPECT_TRUE(values);
    return values ? F{values->second.total.period} : F{};
  };
  EXPECT_EQ(figures("sum", "/data/size"), (F{2 + 1.5 - 20}));   // E, X1, X3; "abc" left out
  EXPECT_EQ(figures("distinct", "/data/village"), (F{2}));      // E's and X1's; "" left out
  EXPECT_EQ(figures("distinct", "/data/person/name"), (F{0}));  // in a repeat: not a question
}

TEST_P(SubmissionReviewTest, CountSumAndDistinctOverAFormsQuestion) {
  using F = std::vector<std::optional<double>>;
  EXPECT_EQ(Figures("count", std::nullopt), (F{2, 1, 1}));
  EXPECT_EQ(Figures("sum", "/data/size"), (F{10, 4, 6}));
  EXPECT_EQ(Figures("distinct", "/data/village"), (F{2, 1, 1}));
  // November: D2 has records since the start (C), none in the month.
  EXPECT_EQ(Figures("count", std::nullopt, "2026-11"), (F{1, 1, 0}));
  EXPECT_EQ(Figures("sum", "/data/size", "2026-11"), (F{3, 3, 0}));
}

// Submissions stored before 0024 (their values in submission_value rows, as 0021 made them):
// after the migration the indicators give the same figures, the answers hold the same values,
// and the export reads their XML (the old rows had neither repeats nor empty values).
TEST_P(SubmissionReviewTest, Migration0024MovesTheOldValueRowsOver) {
  // The SQL after the new columns: the old rows copied into `answers`, the table dropped.
  const std::string sql = test::MigrationSql(GetParam(), 24, "UPDATE submission");
  ASSERT_FALSE(sql.empty());
  const std::map<std::string, std::pair<std::string, std::string>> old = {
      {"A", {"4", "Kot"}},  {"B", {"3", "Kot"}},  {"C", {"5", "Dag"}},
      {"C2", {"6", "Dag"}}, {"D", {"10", "Zor"}}, {"E", {"2", "Kot"}}};
  {
    auto conn = db_->Acquire();
    conn->ExecuteScript(
        "CREATE TABLE submission_value (submission_id TEXT NOT NULL REFERENCES submission(id) "
        "ON DELETE CASCADE, path TEXT NOT NULL, value TEXT NOT NULL, number REAL, "
        "PRIMARY KEY (submission_id, path))");
    conn->Execute("UPDATE submission SET answers = NULL, answers_whole = 0");
    for (const auto& [id, v] : old) {
      const std::string insert = "INSERT INTO submission_value VALUES (?, ?, ?, ?)";
      conn->Execute(insert, {id, std::string("/data/size"), v.first, std::stod(v.first)});
      conn->Execute(insert, {id, std::string("/data/village"), v.second, Param{}});
    }
    conn->ExecuteScript(sql);
    auto rs = conn->Query("SELECT id, answers, answers_whole FROM submission ORDER BY id");
    ASSERT_EQ(rs.size(), old.size());
    for (std::size_t i = 0; i < rs.size(); ++i) {
      const auto row = rs[i];
      const auto& [size, village] = old.at(row.Str("id"));
      EXPECT_EQ(row.Int("answers_whole"), 0);
      const auto answers = DecodeAnswers(row.Str("answers"));
      ASSERT_TRUE(answers) << row.Str("answers");
      EXPECT_EQ(*answers, (SubmissionAnswers{{"/data/size", size}, {"/data/village", village}}));
    }
    EXPECT_THROW(conn->Query("SELECT COUNT(*) FROM submission_value"), DatabaseError);
  }
  using F = std::vector<std::optional<double>>;
  EXPECT_EQ(Figures("count", std::nullopt), (F{2, 1, 1}));
  EXPECT_EQ(Figures("sum", "/data/size"), (F{10, 4, 6}));
  EXPECT_EQ(Figures("distinct", "/data/village"), (F{2, 1, 1}));
  EXPECT_EQ(Figures("sum", "/data/size", "2026-11"), (F{3, 3, 0}));
  SubmissionReviewService review(*uow_, clock_, blobs_);
  int with_xml = 0;
  ASSERT_TRUE(review.ForEach(admin_, "form-needs", [&](const ExportedSubmission& s) -> Status {
    EXPECT_FALSE(s.row.answers);
    with_xml += s.xml ? 1 : 0;
    return {};
  }));
  EXPECT_EQ(with_xml, 4);
}

INSTANTIATE_TEST_SUITE_P(Backends, SubmissionReviewTest, testing::ValuesIn(AllDialects()),
                         DialectParamName());

}  // namespace
}  // namespace mobilise::storage
