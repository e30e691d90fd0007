// The choice-list pages (the built-in XForms' CSV media) on SQLite and PostgreSQL: rows of one
// subtree only, living rows only, and pages that meet without a gap or an overlap.
#include "storage/repositories/choice_list_repository.hpp"

#include <gtest/gtest.h>

#include <set>

#include "service_test_support.hpp"

namespace mobilise::test {
namespace {

using ChoiceListTest = ServiceTest;

// Every row of the range through `read`, `page` rows at a time.
template <class Read>
std::vector<domain::ChoiceRow> All(Read read, const domain::PathRange& range, int page) {
  std::vector<domain::ChoiceRow> out;
  domain::ChoiceCursor after;
  for (;;) {
    auto rows = read(range, after, page);
    out.insert(out.end(), rows.begin(), rows.end());
    if (static_cast<int>(rows.size()) < page) return out;
    after = {rows.back().area_path, rows.back().id};
  }
}

TEST_P(ChoiceListTest, PagesCoverOneSubtreeExactlyOnce) {
  const auto p = Add(std::nullopt, "P");
  const auto d1 = Add(p.id, "D1");
  const auto v1 = Add(d1.id, "V1");
  const auto v2 = Add(d1.id, "V2");
  const auto d2 = Add(p.id, "D2");
  const auto v3 = Add(d2.id, "V3");
  std::set<std::string> inside;
  for (int i = 0; i < 7; ++i) {
    const auto& v = i % 2 ? v1 : v2;
    auto h = Household(v, {{.name = "Head " + std::to_string(i), .sex = "f", .relation = "head"},
                           {.name = "Son " + std::to_string(i), .sex = "m", .relation = "son"}});
    ASSERT_TRUE(h) << h.error().message;
    for (const auto& person : h->people) inside.insert(person.id);
  }
  ASSERT_TRUE(Household(v3, {{.name = "Elsewhere", .sex = "m", .relation = "head"}}));
  auto gone = Household(v1, {{.name = "Gone", .sex = "m", .relation = "head"}});
  ASSERT_TRUE(gone);
  ASSERT_TRUE(domain::HouseholdService(*uow_, clock_).Delete(system_, gone->household.id));
  ASSERT_TRUE(NewInstitution("CO", v1, "Women's CO", "2025-01-01"));
  ASSERT_TRUE(NewInstitution("CO", v3, "Other CO", "2025-01-01"));

  auto conn = db_->Acquire();
  storage::SqlChoiceListRepository lists(*conn);
  const auto range = domain::SubtreeRange(d1.path);
  using domain::ChoiceCursor, domain::PathRange;
  const auto people =
      All([&](const PathRange& r, const ChoiceCursor& c, int n) { return lists.People(r, c, n); },
          range, 3);
  std::set<std::string> seen;
  for (const auto& row : people) {
    EXPECT_TRUE(seen.insert(row.id).second) << "listed twice: " << row.name;
    EXPECT_TRUE(row.area_id == v1.id || row.area_id == v2.id) << row.name;
    EXPECT_EQ(row.detail.rfind("Head ", 0), 0u) << "the household's head: " << row.detail;
  }
  EXPECT_EQ(seen, inside);

  const auto areas =
      All([&](const PathRange& r, const ChoiceCursor& c, int n) { return lists.Areas(r, c, n); },
          range, 2);
  ASSERT_EQ(areas.size(), 3u) << "D1 and its two villages";
  EXPECT_EQ(areas[0].id, d1.id);

  const auto institutions = lists.Institutions(range, {}, 100);
  ASSERT_EQ(institutions.size(), 1u);
  EXPECT_EQ(institutions[0].name, "Women's CO");
  EXPECT_EQ(institutions[0].detail, "CO");
  EXPECT_EQ(institutions[0].area_id, v1.id);
}

INSTANTIATE_TEST_SUITE_P(Backends, ChoiceListTest, testing::ValuesIn(AllDialects()),
                         DialectParamName());

}  // namespace
}  // namespace mobilise::test
