#include <map>

#include "storage/repositories/form_repositories.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

using domain::XForm;
using domain::XFormMedia;
using domain::XFormVersion;

constexpr const char* kColumns =
    "id, xml_form_id, title, kind, state, published_version, created_by, created_at, "
    "updated_at, version";
constexpr const char* kVersionColumns =
    "form_id, version, xml_hash, md5, source_hash, fields_json, created_at, published_at";

XForm ReadForm(const ResultSet::Row& r) {
  XForm f;
  f.id = r.Str("id");
  f.xml_form_id = r.Str("xml_form_id");
  f.title = r.Str("title");
  f.kind = ReadEnum<domain::FormKind>(r, "xform", "kind", domain::kFormKinds);
  f.state = ReadEnum<domain::FormState>(r, "xform", "state", domain::kFormStates);
  f.published_version = r.OptText("published_version");
  f.created_by = r.OptText("created_by");
  f.created_at = r.Str("created_at");
  f.updated_at = r.Str("updated_at");
  f.version = r.Int("version");
  return f;
}

XFormVersion ReadVersion(const ResultSet::Row& r) {
  return XFormVersion{r.Str("form_id"),    r.Str("version"),         r.Str("xml_hash"),
                      r.Str("md5"),        r.OptText("source_hash"), r.Str("fields_json"),
                      r.Str("created_at"), r.OptText("published_at")};
}

XFormMedia ReadMedia(const ResultSet::Row& r) {
  return XFormMedia{r.Str("form_id"),      r.Str("version"),   r.Str("name"),
                    r.Str("content_type"), r.Str("blob_hash"), r.Str("md5")};
}

}  // namespace

std::vector<XForm> SqlXFormRepository::Read(const std::string& where,
                                            const std::vector<Param>& params) {
  auto forms = ReadRows(conn_.Query("SELECT " + std::string(kColumns) + " FROM xform " + where +
                                        " ORDER BY title, id",
                                    params),
                        ReadForm);
  if (forms.empty()) return forms;
  std::map<std::string, XForm*> by_id;
  std::vector<Param> ids;
  for (XForm& f : forms) {
    by_id[f.id] = &f;
    ids.emplace_back(f.id);
  }
  const std::string in = " IN (" + Placeholders(ids.size()) + ")";
  auto versions =
      conn_.Query("SELECT " + std::string(kVersionColumns) + " FROM xform_version WHERE form_id" +
                      in + " ORDER BY created_at, version",
                  ids);
  for (XFormVersion& v : ReadRows(versions, ReadVersion)) by_id[v.form_id]->versions.push_back(v);
  auto assigned =
      conn_.Query("SELECT form_id, device_id, area_id FROM xform_assignment WHERE form_id" + in +
                      " ORDER BY device_id, area_id",
                  ids);
  for (std::size_t i = 0; i < assigned.size(); ++i) {
    XForm* f = by_id[assigned[i].Str("form_id")];
    if (auto device = assigned[i].OptText("device_id")) f->device_ids.push_back(*device);
    if (auto area = assigned[i].OptText("area_id")) f->area_ids.push_back(*area);
  }
  auto counts =
      conn_.Query("SELECT form_id, COUNT(*) AS n FROM submission WHERE current = 1 AND form_id" +
                      in + " GROUP BY form_id",
                  ids);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    by_id[counts[i].Str("form_id")]->submissions = counts[i].Int("n");
  }
  return forms;
}

std::vector<XForm> SqlXFormRepository::List() { return Read("", {}); }

std::optional<XForm> SqlXFormRepository::Get(const std::string& id) {
  return FirstOf(Read("WHERE id = ?", {id}));
}

std::optional<XForm> SqlXFormRepository::GetByXmlFormId(const std::string& xml_form_id) {
  return FirstOf(Read("WHERE xml_form_id = ?", {xml_form_id}));
}

Status SqlXFormRepository::Insert(const XForm& f) {
  return InsertUniqueRow(conn_, "xform", kColumns,
                         {f.id, f.xml_form_id, f.title, std::string(ToString(f.kind)),
                          std::string(ToString(f.state)), OptParam(f.published_version),
                          OptParam(f.created_by), f.created_at, f.updated_at, f.version},
                         "a form with this xml_form_id exists");
}

bool SqlXFormRepository::Update(const XForm& f, std::int64_t expected_version) {
  return UpdateVersionedRow(conn_, "xform", "title, state, published_version, updated_at, version",
                            {f.title, std::string(ToString(f.state)), OptParam(f.published_version),
                             f.updated_at, expected_version + 1},
                            f.id, expected_version);
}

Status SqlXFormRepository::InsertVersion(const XFormVersion& v) {
  return InsertUniqueRow(conn_, "xform_version", kVersionColumns,
                         {v.form_id, v.version, v.xml_hash, v.md5, OptParam(v.source_hash),
                          v.fields_json, v.created_at, OptParam(v.published_at)},
                         "the form has this version already");
}

std::optional<XFormVersion> SqlXFormRepository::GetVersion(const std::string& form_id,
                                                           const std::string& version) {
  return ReadFirst(conn_.Query("SELECT " + std::string(kVersionColumns) +
                                   " FROM xform_version WHERE form_id = ? AND version = ?",
                               {form_id, version}),
                   ReadVersion);
}

void SqlXFormRepository::SetPublishedAt(const std::string& form_id, const std::string& version,
                                        const std::string& at) {
  conn_.Execute(
      "UPDATE xform_version SET published_at = ? WHERE form_id = ? AND version = ? AND "
      "published_at IS NULL",
      {at, form_id, version});
}

std::vector<XFormMedia> SqlXFormRepository::Media(const std::string& form_id,
                                                  const std::string& version) {
  return ReadRows(conn_.Query("SELECT form_id, version, name, content_type, blob_hash, md5 FROM "
                              "xform_media WHERE form_id = ? AND version = ? ORDER BY name",
                              {form_id, version}),
                  ReadMedia);
}

void SqlXFormRepository::UpsertMedia(const XFormMedia& m) {
  conn_.Execute(
      "INSERT INTO xform_media (form_id, version, name, content_type, blob_hash, md5) VALUES "
      "(?,?,?,?,?,?) ON CONFLICT (form_id, version, name) DO UPDATE SET content_type = "
      "excluded.content_type, blob_hash = excluded.blob_hash, md5 = excluded.md5",
      {m.form_id, m.version, m.name, m.content_type, m.blob_hash, m.md5});
}

void SqlXFormRepository::SetAssignments(const std::string& form_id,
                                        const std::vector<std::string>& devices,
                                        const std::vector<std::string>& areas) {
  conn_.Execute("DELETE FROM xform_assignment WHERE form_id = ?", {form_id});
  for (const std::string& device : devices) {
    conn_.Execute("INSERT INTO xform_assignment (form_id, device_id, area_id) VALUES (?,?,NULL)",
                  {form_id, device});
  }
  for (const std::string& area : areas) {
    conn_.Execute("INSERT INTO xform_assignment (form_id, device_id, area_id) VALUES (?,NULL,?)",
                  {form_id, area});
  }
}

bool SqlXFormRepository::AssignedTo(const std::string& form_id, const std::string& device_id,
                                    const std::vector<std::string>& area_paths) {
  // An area assignment covers a user's area when the assigned area's path is a prefix of it.
  std::string sql =
      "SELECT 1 FROM xform_assignment x LEFT JOIN area a ON a.id = x.area_id WHERE x.form_id = ? "
      "AND (x.device_id = ?";
  std::vector<Param> params = {form_id, device_id};
  for (const std::string& path : area_paths) {
    sql += " OR substr(?, 1, length(a.path)) = a.path";
    params.emplace_back(path);
  }
  sql += ") LIMIT 1";
  return !conn_.Query(sql, params).empty();
}

}  // namespace mobilise::storage
