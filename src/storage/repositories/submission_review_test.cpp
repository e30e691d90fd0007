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

#include <map>

#include "domain/indicators/indicator_service.hpp"
#include "storage/repositories/service_test_support.hpp"

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
    uow.SubmissionReviews().SaveValues(
        id, QuestionValues({{"/data/size", size},
                            {"/data/village", village},
                            {"/data/person[1]/name", "in a repeat: left out"},
                            {"/data/meta/instanceID", "uuid:" + id}}));
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

TEST_P(SubmissionReviewTest, TheExportWalksEveryCurrentSubmissionOnce) {
  SubmissionReviewService review(*uow_, clock_, blobs_);
  std::vector<std::string> seen;
  ASSERT_TRUE(review.ForEach(admin_, "form-needs", [&](const ExportedSubmission& s) -> Status {
    seen.push_back(s.row.submission.id);
    EXPECT_TRUE(s.xml);
    return {};
  }));
  EXPECT_EQ(seen, (std::vector<std::string>{"C2", "B", "A", "D"}));
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

INSTANTIATE_TEST_SUITE_P(Backends, SubmissionReviewTest, testing::ValuesIn(AllDialects()),
                         DialectParamName());

}  // namespace
}  // namespace mobilise::storage
