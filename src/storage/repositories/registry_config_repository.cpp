
#include "storage/repositories/registry_repositories.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

std::optional<int> OptInt(const ResultSet::Row& r, std::string_view col) {
  if (r.IsNull(col)) return std::nullopt;
  return static_cast<int>(r.Int(col));
}

Param OptIntParam(const std::optional<int>& v) { return v ? Param(std::int64_t{*v}) : Param(); }

domain::InstitutionType ReadType(const ResultSet::Row& r) {
  domain::InstitutionType t;
  t.code = r.Str("code");
  t.name = r.Str("name");
  t.name_local = r.OptText("name_local");
  t.tier = static_cast<int>(r.Int("tier"));
  t.parent_types = SplitWords(r.Text("parent_types"));
  t.member_kind =
      domain::ParseMemberKind(r.Text("member_kind")).value_or(domain::MemberKind::kHousehold);
  t.size_min = OptInt(r, "size_min");
  t.size_max = OptInt(r, "size_max");
  t.position = static_cast<int>(r.Int("position"));
  return t;
}

// The checklist a row's checklist_code names, or null.
domain::Checklist* ChecklistOf(domain::RegistryConfig& c, const ResultSet::Row& r) {
  for (auto& cl : c.checklists)
    if (cl.code == r.Text("checklist_code")) return &cl;
  return nullptr;
}

}  // namespace

domain::RegistryConfig SqlRegistryConfigRepository::Load() {
  domain::RegistryConfig c;
  c.types = ReadRows(conn_.Query("SELECT code, name, name_local, tier, parent_types, member_kind, "
                                 "size_min, size_max, position FROM institution_type ORDER BY "
                                 "position, code"),
                     ReadType);
  auto bands = conn_.Query(
      "SELECT effective_from, source, code, name, name_local, lower_bound, poor FROM poverty_band "
      "ORDER BY effective_from DESC, lower_bound");
  for (std::size_t i = 0; i < bands.size(); ++i) {
    auto r = bands[i];
    if (c.band_sets.empty() || c.band_sets.back().effective_from != r.Text("effective_from"))
      c.band_sets.push_back({r.Str("effective_from"), r.OptText("source"), {}});
    c.band_sets.back().bands.push_back({r.Str("code"), r.Str("name"), r.OptText("name_local"),
                                        r.Real("lower_bound"), r.Bool("poor")});
  }
  auto lists =
      conn_.Query("SELECT code, name, institution_types, purpose FROM checklist ORDER BY code");
  for (std::size_t i = 0; i < lists.size(); ++i)
    c.checklists.push_back({lists[i].Str("code"),
                            lists[i].Str("name"),
                            SplitWords(lists[i].Text("institution_types")),
                            {},
                            {},
                            lists[i].Str("purpose")});
  auto items = conn_.Query(
      "SELECT checklist_code, code, name, max_score, section FROM checklist_item ORDER BY "
      "checklist_code, position");
  for (std::size_t i = 0; i < items.size(); ++i)
    if (auto* cl = ChecklistOf(c, items[i]))
      cl->items.push_back({items[i].Str("code"), items[i].Str("name"),
                           static_cast<int>(items[i].Int("max_score")),
                           items[i].OptText("section")});
  auto grades = conn_.Query(
      "SELECT checklist_code, grade, min_percent FROM checklist_grade ORDER BY checklist_code, "
      "min_percent DESC");
  for (std::size_t i = 0; i < grades.size(); ++i)
    if (auto* cl = ChecklistOf(c, grades[i]))
      cl->grades.push_back({grades[i].Str("grade"), grades[i].Real("min_percent")});
  auto options = conn_.Query(
      "SELECT list, code, name, name_local FROM registry_option ORDER BY list, position");
  for (std::size_t i = 0; i < options.size(); ++i) {
    domain::RegistryOption o{options[i].Str("code"), options[i].Str("name"),
                             options[i].OptText("name_local")};
    const auto list = options[i].Text("list");
    if (list == "member_role")
      c.member_roles.push_back(std::move(o));
    else if (list == "vulnerability")
      c.vulnerability_flags.push_back(std::move(o));
    else if (list == "activity_type")
      c.activity_types.push_back(std::move(o));
    else if (list == "topic")
      c.topics.push_back(std::move(o));
    else if (list == "facility_type")
      c.facility_types.push_back(std::move(o));
    else if (list == "risk_category")
      c.risk_categories.push_back(std::move(o));
  }
  return c;
}

void SqlRegistryConfigRepository::SaveType(const domain::InstitutionType& t) {
  conn_.Execute(
      "INSERT INTO institution_type (code, name, name_local, tier, parent_types, member_kind, "
      "size_min, size_max, position) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (code) DO UPDATE SET "
      "name = excluded.name, name_local = excluded.name_local, tier = excluded.tier, "
      "parent_types = excluded.parent_types, member_kind = excluded.member_kind, "
      "size_min = excluded.size_min, size_max = excluded.size_max",
      {t.code, t.name, OptParam(t.name_local), std::int64_t{t.tier}, JoinWords(t.parent_types),
       std::string(domain::MemberKindId(t.member_kind)), OptIntParam(t.size_min),
       OptIntParam(t.size_max), std::int64_t{t.position}});
}

void SqlRegistryConfigRepository::SaveBandSet(const domain::PovertyBandSet& s) {
  conn_.Execute("DELETE FROM poverty_band WHERE effective_from = ?", {s.effective_from});
  for (std::size_t i = 0; i < s.bands.size(); ++i) {
    const auto& b = s.bands[i];
    InsertRow(conn_, "poverty_band",
              "effective_from, code, name, name_local, lower_bound, poor, position, source",
              {s.effective_from, b.code, b.name, OptParam(b.name_local), b.lower_bound,
               std::int64_t{b.poor ? 1 : 0}, static_cast<std::int64_t>(i + 1), OptParam(s.source)});
  }
}

void SqlRegistryConfigRepository::SaveChecklist(const domain::Checklist& c) {
  conn_.Execute(
      "INSERT INTO checklist (code, name, institution_types, purpose) VALUES (?,?,?,?) ON "
      "CONFLICT (code) DO UPDATE SET name = excluded.name, institution_types = "
      "excluded.institution_types, purpose = excluded.purpose",
      {c.code, c.name, JoinWords(c.institution_types), c.purpose});
  conn_.Execute("DELETE FROM checklist_item WHERE checklist_code = ?", {c.code});
  conn_.Execute("DELETE FROM checklist_grade WHERE checklist_code = ?", {c.code});
  for (std::size_t i = 0; i < c.items.size(); ++i)
    InsertRow(conn_, "checklist_item", "checklist_code, position, code, name, max_score, section",
              {c.code, static_cast<std::int64_t>(i + 1), c.items[i].code, c.items[i].name,
               std::int64_t{c.items[i].max_score}, OptParam(c.items[i].section)});
  for (const auto& g : c.grades)
    InsertRow(conn_, "checklist_grade", "checklist_code, grade, min_percent",
              {c.code, g.grade, g.min_percent});
}

void SqlRegistryConfigRepository::SaveOptions(const std::string& list,
                                              const std::vector<domain::RegistryOption>& options) {
  conn_.Execute("DELETE FROM registry_option WHERE list = ?", {list});
  for (std::size_t i = 0; i < options.size(); ++i)
    InsertRow(conn_, "registry_option", "list, code, name, name_local, position",
              {list, options[i].code, options[i].name, OptParam(options[i].name_local),
               static_cast<std::int64_t>(i + 1)});
}

}  // namespace mobilise::storage
