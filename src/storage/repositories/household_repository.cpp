#include "storage/dialect.hpp"
#include "storage/repositories/registry_repositories.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

using domain::Household;

// A household member's band and poor flag as its household has them (membership.member_band,
// member_poor: the indicators read them from the membership_area index), and the condition that
// they differ (a band set's change rewrites only the memberships whose band it changed).
constexpr const char* kMemberBandFromHousehold =
    "member_band = (SELECT h.poverty_band FROM household h WHERE h.id = membership.household_id), "
    "member_poor = COALESCE((SELECT h.poor FROM household h WHERE h.id = membership.household_id), "
    "0)";
constexpr const char* kMemberBandDiffers =
    "EXISTS (SELECT 1 FROM household h WHERE h.id = membership.household_id AND "
    "(COALESCE(h.poverty_band, '') <> COALESCE(membership.member_band, '') OR h.poor <> "
    "membership.member_poor))";

// The day a household counts as registered (household.registered_on): the earlier of its
// poverty survey and its record's creation.
std::string RegisteredOn(const Household& h) {
  std::string created = h.created_at.substr(0, 10);
  return h.psc_date && *h.psc_date < created ? *h.psc_date : created;
}

constexpr const char* kColumns =
    "h.id, h.area_id, h.area_path, a.name AS area_name, h.code, h.head_name, h.head_father_name, "
    "h.head_person_id, h.name_key, h.address, h.latitude, h.longitude, h.phone, h.national_id, "
    "h.psc_score, h.psc_date, h.psc_source, h.poverty_band, h.poor, h.flags, h.person_count, "
    "h.membership_count, h.merged_into_id, h.version, h.created_at, h.created_by, h.updated_at, "
    "h.updated_by";
constexpr const char* kFrom = " FROM household h JOIN area a ON a.id = h.area_id";

std::string FlagsText(const std::vector<std::string>& flags) {
  std::string s = " ";
  for (const auto& f : flags) s += f + " ";
  return flags.empty() ? "" : s;
}

// The columns that Insert and Update both write, and their values in that order.
constexpr const char* kWritten =
    "area_id, area_path, code, head_name, head_father_name, head_person_id, name_key, address, "
    "latitude, longitude, phone, national_id, psc_score, psc_date, psc_source, poverty_band, "
    "poor, flags";

std::vector<Param> Written(const Household& h) {
  return {h.area_id,
          h.area_path,
          OptParam(h.code),
          h.head_name,
          OptParam(h.head_father_name),
          OptParam(h.head_person_id),
          h.name_key,
          OptParam(h.address),
          OptParam(h.latitude),
          OptParam(h.longitude),
          OptParam(h.phone),
          OptParam(h.national_id),
          OptParam(h.psc_score),
          OptParam(h.psc_date),
          OptParam(h.psc_source),
          OptParam(h.poverty_band),
          std::int64_t{h.poor ? 1 : 0},
          FlagsText(h.flags)};
}

Household Read(const ResultSet::Row& r) {
  Household h;
  h.id = r.Str("id");
  h.area_id = r.Str("area_id");
  h.area_path = r.Str("area_path");
  h.area_name = r.Str("area_name");
  h.code = r.OptText("code");
  h.head_name = r.Str("head_name");
  h.head_father_name = r.OptText("head_father_name");
  h.head_person_id = r.OptText("head_person_id");
  h.name_key = r.Str("name_key");
  h.address = r.OptText("address");
  h.latitude = r.OptReal("latitude");
  h.longitude = r.OptReal("longitude");
  h.phone = r.OptText("phone");
  h.national_id = r.OptText("national_id");
  h.psc_score = r.OptReal("psc_score");
  h.psc_date = r.OptText("psc_date");
  h.psc_source = r.OptText("psc_source");
  h.poverty_band = r.OptText("poverty_band");
  h.poor = r.Bool("poor");
  h.flags = SplitWords(r.Text("flags"));
  h.person_count = r.Int("person_count");
  h.membership_count = r.Int("membership_count");
  h.merged_into_id = r.OptText("merged_into_id");
  ReadVersioned(r, h);
  return h;
}

domain::HouseholdKey ReadKey(const ResultSet::Row& r) {
  return {r.Str("id"), r.Str("area_id"), r.Str("name_key")};
}

std::vector<Household> Many(Connection& conn, const std::string& where, std::vector<Param> p) {
  return ReadRows(conn.Query(std::string("SELECT ") + kColumns + kFrom + " WHERE " + where, p),
                  Read);
}

}  // namespace

std::optional<Household> SqlHouseholdRepository::Get(const std::string& id) {
  return FirstOf(Many(conn_, "h.id = ? AND h.deleted_at IS NULL", {id}));
}

std::optional<Household> SqlHouseholdRepository::GetByCode(const std::string& code) {
  // Deleted and merged households keep their code: it stays taken.
  return FirstOf(Many(conn_, "h.code = ?", {code}));
}

domain::Page<Household> SqlHouseholdRepository::List(const domain::HouseholdQuery& q) {
  SqlWhere w;
  w.AndInScope("h.area_path", q.scope);
  w.And("h.deleted_at IS NULL");
  if (q.band) {
    if (*q.band == "none")
      w.And("h.poverty_band IS NULL");
    else
      w.And("h.poverty_band = ?", {*q.band});
  }
  if (q.flag) w.And(std::string("h.flags LIKE ?") + kLikeEscape, {WordPattern(*q.flag)});
  if (q.organised) w.And(*q.organised ? "h.membership_count > 0" : "h.membership_count = 0");
  if (q.text)
    w.AndAnyContains(conn_.dialect(), {"h.head_name", "h.head_father_name", "h.code", "h.phone"},
                     *q.text);
  // The total from the covering index when every filter is in it (SQLite's planner would pick
  // the list index and read every row of a province otherwise).
  const bool covered = !q.text && !q.flag;
  return ReadPage(conn_,
                  std::string("SELECT COUNT(*) FROM household h") +
                      (covered ? IndexedBy(conn_.dialect(), "household_area") : ""),
                  std::string("SELECT ") + kColumns + kFrom, w, "h.area_path, h.id", q.page, Read);
}

std::vector<Household> SqlHouseholdRepository::ByNationalId(const std::string& national_id) {
  return Many(conn_, "h.national_id = ? AND h.deleted_at IS NULL", {national_id});
}

namespace {
// The values of `column` among `values`, in IN queries of 500.
std::set<std::string> Taken(Connection& conn, const std::string& column, const std::string& extra,
                            const std::vector<std::string>& values) {
  std::set<std::string> out;
  for (std::size_t at = 0; at < values.size(); at += 500) {
    std::vector<Param> params;
    std::string in;
    for (std::size_t i = at; i < values.size() && i < at + 500; ++i) {
      params.emplace_back(values[i]);
      in += in.empty() ? "?" : ",?";
    }
    auto rs = conn.Query(
        "SELECT " + column + " FROM household WHERE " + column + " IN (" + in + ")" + extra,
        params);
    for (std::size_t i = 0; i < rs.size(); ++i) out.insert(rs[i].Str(column));
  }
  return out;
}
}  // namespace

std::set<std::string> SqlHouseholdRepository::TakenCodes(const std::vector<std::string>& codes) {
  return Taken(conn_, "code", "", codes);
}

std::set<std::string> SqlHouseholdRepository::TakenNationalIds(
    const std::vector<std::string>& ids) {
  return Taken(conn_, "national_id", " AND deleted_at IS NULL", ids);
}

std::vector<domain::HouseholdKey> SqlHouseholdRepository::KeysInArea(const std::string& area_id) {
  auto rs = conn_.Query(
      "SELECT id, area_id, name_key FROM household WHERE area_id = ? AND deleted_at IS NULL",
      {area_id});
  return ReadRows(rs, ReadKey);
}

Status SqlHouseholdRepository::Insert(const Household& h) {
  return InsertUniqueRow(
      conn_, "household",
      std::string("id, ") + kWritten +
          ", person_count, membership_count, version, created_at, created_by, updated_at, "
          "updated_by, registered_on",
      Concat(Concat({h.id}, Written(h)),
             {h.person_count, h.membership_count, h.version, h.created_at, OptParam(h.created_by),
              h.updated_at, OptParam(h.updated_by), RegisteredOn(h)}),
      "a household with this code already exists");
}

bool SqlHouseholdRepository::Update(const Household& h, std::int64_t expected_version) {
  const bool ok = UpdateVersionedRow(
      conn_, "household",
      std::string(kWritten) + ", merged_into_id, version, updated_at, updated_by, registered_on",
      Concat(Written(h), {OptParam(h.merged_into_id), h.version, h.updated_at,
                          OptParam(h.updated_by), RegisteredOn(h)}),
      h.id, expected_version);
  // Its memberships carry its band (the membership_area index's copy): rewritten only when it
  // changed.
  if (ok)
    conn_.Execute(
        "UPDATE membership SET member_band = ?, member_poor = ? WHERE household_id = ? AND "
        "(COALESCE(member_band, '') <> COALESCE(?, '') OR member_poor <> ?)",
        {OptParam(h.poverty_band), std::int64_t{h.poor ? 1 : 0}, h.id, OptParam(h.poverty_band),
         std::int64_t{h.poor ? 1 : 0}});
  return ok;
}

void SqlHouseholdRepository::SoftDelete(const std::string& id, const std::string& at) {
  conn_.Execute("UPDATE household SET deleted_at = ? WHERE id = ?", {at, id});
  conn_.Execute("UPDATE person SET deleted_at = ? WHERE household_id = ? AND deleted_at IS NULL",
                {at, id});
}

void SqlHouseholdRepository::RefreshCounts(const std::string& id) {
  conn_.Execute(
      "UPDATE household SET person_count = (SELECT COUNT(*) FROM person p WHERE p.household_id = "
      "? AND p.deleted_at IS NULL), membership_count = (SELECT COUNT(*) FROM membership m WHERE "
      "m.household_id = ? AND m.left_on IS NULL) WHERE id = ?",
      {id, id, id});
}

void SqlHouseholdRepository::RecomputeBands(const std::vector<domain::PovertyBandSet>& sets) {
  // One UPDATE per band of each set, over the households whose survey date falls in the set's
  // period (the oldest set also takes undated and earlier scores).
  for (std::size_t s = 0; s < sets.size(); ++s) {
    const auto& set = sets[s];
    std::string period = "psc_date >= ?";
    std::vector<Param> period_params{set.effective_from};
    if (s > 0) {
      period += " AND psc_date < ?";
      period_params.emplace_back(sets[s - 1].effective_from);
    }
    if (s + 1 == sets.size())
      period = "(" + period + " OR psc_date IS NULL OR psc_date < ?)",
      period_params.emplace_back(set.effective_from);
    for (std::size_t b = 0; b < set.bands.size(); ++b) {
      const auto& band = set.bands[b];
      std::vector<Param> p{band.code, std::int64_t{band.poor ? 1 : 0}, band.lower_bound};
      std::string range = "psc_score >= ?";
      if (b + 1 < set.bands.size()) {
        range += " AND psc_score < ?";
        p.emplace_back(set.bands[b + 1].lower_bound);
      }
      for (auto& x : period_params) p.push_back(x);
      conn_.Execute(
          "UPDATE household SET poverty_band = ?, poor = ? WHERE psc_score IS NOT NULL "
          "AND " +
              range + " AND " + period,
          p);
    }
  }
  conn_.Execute(std::string("UPDATE membership SET ") + kMemberBandFromHousehold +
                " WHERE household_id IS NOT NULL AND " + kMemberBandDiffers);
}

std::vector<std::pair<std::string, std::string>> SqlHouseholdRepository::SameNationalIdPairs(
    const std::vector<domain::PathRange>& scope, int limit) {
  std::vector<Param> params;
  const auto a = ScopeSql("a.area_path", scope, params);
  params.emplace_back(std::int64_t{limit});
  auto rs = conn_.Query(
      "SELECT a.id AS first_id, b.id AS second_id FROM household a JOIN household b ON "
      "b.national_id = a.national_id AND "
      "b.id > a.id AND b.deleted_at IS NULL WHERE a.national_id IS NOT NULL AND a.deleted_at IS "
      "NULL AND (" +
          a + ") ORDER BY a.id, b.id LIMIT ?",
      params);
  return ReadPairs(rs, "first_id", "second_id");
}

std::vector<domain::HouseholdKey> SqlHouseholdRepository::KeysInScope(
    const std::vector<domain::PathRange>& scope) {
  std::vector<Param> params;
  const auto where = ScopeSql("area_path", scope, params);
  auto rs = conn_.Query(
      "SELECT id, area_id, name_key FROM household WHERE (" + where + ") AND deleted_at IS NULL",
      params);
  return ReadRows(rs, ReadKey);
}

void SqlHouseholdRepository::MoveMembersTo(const std::string& from, const std::string& to,
                                           const std::string& to_area_path) {
  conn_.Execute(
      "UPDATE person SET household_id = ?, area_path = ? WHERE household_id = ? AND "
      "deleted_at IS NULL",
      {to, to_area_path, from});
  conn_.Execute("UPDATE membership SET household_id = ? WHERE household_id = ?", {to, from});
  conn_.Execute(
      std::string("UPDATE membership SET ") + kMemberBandFromHousehold + " WHERE household_id = ?",
      {to});
  MarkRepeatedMembers(conn_, "household_id", to);
}

void MoveRegistryPaths(Connection& conn, const std::string& old_path, const std::string& new_path) {
  const auto range = domain::SubtreeRange(old_path);
  // Every table that copies its area's path for scope, except the audit trail and the change
  // feed, which keep where a change was made.
  for (const char* table : {"institution",        "household",      "person",
                            "membership",         "assessment",     "feedback",
                            "activity",           "book_rule",      "book_meeting",
                            "member_loan",        "ledger_entry",   "supervision_visit",
                            "supervision_action", "review_meeting", "work_plan",
                            "work_plan_item",     "diary",          "training_need",
                            "training_plan",      "target",         "report",
                            "submission"})
    conn.Execute(std::string("UPDATE ") + table +
                     " SET area_path = ? || substr(area_path, ?) WHERE area_path >= ? AND "
                     "area_path < ?",
                 {new_path, static_cast<std::int64_t>(old_path.size() + 1), range.lo, range.hi});
}

}  // namespace mobilise::storage
