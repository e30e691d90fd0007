#include "storage/repositories/profile_repository.hpp"

#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

using domain::ProfileContent;

constexpr const char* kItemColumns =
    "profile_id, section, position, kind, name, detail, organisation, contact, value, source, "
    "dated_on, status, institution_id, latitude, longitude";

// One entry as its row: every column of kItemColumns after profile_id, section, position.
struct ItemRow {
  std::optional<std::string> kind;
  std::string name;
  std::optional<std::string> detail, organisation, contact;
  std::optional<double> value;
  std::optional<std::string> source, dated_on, status, institution_id;
  std::optional<double> latitude, longitude;
};

void InsertItem(Connection& conn, const std::string& id, const std::string& section, int position,
                const ItemRow& x) {
  InsertRow(conn, "community_profile_item", kItemColumns,
            {id, section, std::int64_t{position}, OptParam(x.kind), x.name, OptParam(x.detail),
             OptParam(x.organisation), OptParam(x.contact), OptParam(x.value), OptParam(x.source),
             OptParam(x.dated_on), OptParam(x.status), OptParam(x.institution_id),
             OptParam(x.latitude), OptParam(x.longitude)});
}

std::vector<std::pair<std::string, ItemRow>> ItemsOf(const ProfileContent& c) {
  std::vector<std::pair<std::string, ItemRow>> out;
  for (const auto& f : c.figures)
    out.push_back(
        {"figure", {.name = f.name, .value = f.value, .source = f.source, .dated_on = f.dated_on}});
  for (const auto& f : c.facilities)
    out.push_back({"facility",
                   {.kind = f.type,
                    .name = f.name,
                    .status = f.status,
                    .latitude = f.latitude,
                    .longitude = f.longitude}});
  for (const auto& p : c.personnel)
    out.push_back({"person",
                   {.name = p.name,
                    .detail = p.position,
                    .organisation = p.organisation,
                    .contact = p.contact}});
  for (const auto& k : c.institutions)
    out.push_back({"institution",
                   {.name = k.name,
                    .detail = k.note,
                    .institution_id = k.institution_id,
                    .latitude = k.latitude,
                    .longitude = k.longitude}});
  for (const auto& h : c.hazards) out.push_back({"hazard", {.name = h}});
  for (const auto& [quadrant, texts] :
       {std::pair{"strength", &c.swot.strengths}, std::pair{"weakness", &c.swot.weaknesses},
        std::pair{"opportunity", &c.swot.opportunities}, std::pair{"threat", &c.swot.threats}})
    for (const auto& t : *texts) out.push_back({"swot", {.kind = quadrant, .name = t}});
  return out;
}

void AddItem(ProfileContent& c, const ResultSet::Row& r) {
  const auto section = r.Str("section");
  const auto kind = r.Str("kind");
  if (section == "figure") {
    c.figures.push_back({r.Str("name"), r.Real("value"), r.Str("source"), r.Str("dated_on")});
  } else if (section == "facility") {
    c.facilities.push_back(
        {kind, r.Str("name"), r.Str("status"), r.OptReal("latitude"), r.OptReal("longitude")});
  } else if (section == "person") {
    c.personnel.push_back(
        {r.Str("name"), r.Str("detail"), r.Str("organisation"), r.OptText("contact")});
  } else if (section == "institution") {
    c.institutions.push_back({r.Str("institution_id"), r.Str("current_name"),
                              r.Str("institution_type"), r.OptText("detail"), r.OptReal("latitude"),
                              r.OptReal("longitude")});
  } else if (section == "hazard") {
    c.hazards.push_back(r.Str("name"));
  } else if (section == "swot") {
    auto& list = kind == "strength"      ? c.swot.strengths
                 : kind == "weakness"    ? c.swot.weaknesses
                 : kind == "opportunity" ? c.swot.opportunities
                                         : c.swot.threats;
    list.push_back(r.Str("name"));
  } else {
    throw DatabaseError("community_profile_item.section holds an unknown value '" + section + "'");
  }
}

}  // namespace

std::vector<domain::ProfileVersionRef> SqlProfileRepository::Versions(const std::string& area_id) {
  auto rs = conn_.Query(
      "SELECT p.id, p.as_of, p.created_at, u.full_name FROM community_profile p LEFT JOIN "
      "app_user u ON u.id = p.created_by WHERE p.area_id = ? ORDER BY p.as_of, p.created_at, p.id",
      {area_id});
  return ReadRows(rs, [](const ResultSet::Row& r) {
    return domain::ProfileVersionRef{r.Str("id"), r.Str("as_of"), r.Str("created_at"),
                                     r.OptText("full_name")};
  });
}

std::optional<domain::ProfileVersion> SqlProfileRepository::Get(const std::string& id) {
  auto head = conn_.Query(
      "SELECT p.id, p.area_id, p.as_of, p.note, p.created_at, p.created_by, u.full_name FROM "
      "community_profile p LEFT JOIN app_user u ON u.id = p.created_by WHERE p.id = ?",
      {id});
  if (head.empty()) return std::nullopt;
  domain::ProfileVersion v;
  v.id = head[0].Str("id");
  v.area_id = head[0].Str("area_id");
  v.as_of = head[0].Str("as_of");
  v.note = head[0].OptText("note");
  v.created_at = head[0].Str("created_at");
  v.created_by = head[0].OptText("created_by");
  v.created_by_name = head[0].OptText("full_name");
  auto items = conn_.Query(
      "SELECT x.section, x.position, x.kind, x.name, x.detail, x.organisation, x.contact, "
      "x.value, x.source, x.dated_on, x.status, x.institution_id, x.latitude, x.longitude, "
      "COALESCE(i.name, x.name) AS current_name, i.type_code AS institution_type FROM "
      "community_profile_item x LEFT JOIN institution i ON i.id = x.institution_id WHERE "
      "x.profile_id = ? ORDER BY x.section, x.position",
      {id});
  for (std::size_t i = 0; i < items.size(); ++i) AddItem(v.content, items[i]);
  return v;
}

void SqlProfileRepository::Insert(const domain::ProfileVersion& v) {
  InsertRow(conn_, "community_profile", "id, area_id, as_of, note, created_at, created_by",
            {v.id, v.area_id, v.as_of, OptParam(v.note), v.created_at, OptParam(v.created_by)});
  int position = 0;
  for (const auto& [section, row] : ItemsOf(v.content))
    InsertItem(conn_, v.id, section, ++position, row);
}

std::vector<domain::ProfileInstitution> SqlProfileRepository::Institutions(
    const std::vector<std::string>& ids, const std::string& path) {
  if (ids.empty()) return {};
  std::vector<Param> params(ids.begin(), ids.end());
  SqlWhere w;
  w.And("id IN (" + Placeholders(ids.size()) + ")", params);
  w.AndInScope("area_path", {domain::SubtreeRange(path)});
  auto rs = conn_.Query("SELECT id, name, type_code FROM institution" + w.sql, w.params);
  return ReadRows(rs, [](const ResultSet::Row& r) {
    domain::ProfileInstitution k;
    k.institution_id = r.Str("id");
    k.name = r.Str("name");
    k.type = r.Str("type_code");
    return k;
  });
}

}  // namespace mobilise::storage
