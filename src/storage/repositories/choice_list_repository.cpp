#include "storage/repositories/choice_list_repository.hpp"

namespace mobilise::storage {
namespace {

// `select` must name id, name, detail, area_id and area_path; `path` is its area path column
// and `id` its id column. Rows in the range after the cursor, in (path, id) order.
std::vector<domain::ChoiceRow> Page(Connection& conn, const std::string& select,
                                    const std::string& path, const std::string& id,
                                    const domain::PathRange& range,
                                    const domain::ChoiceCursor& after, int limit) {
  const std::string sql = select + " AND " + path + " >= ? AND " + path + " < ? AND (" + path +
                          " > ? OR (" + path + " = ? AND " + id + " > ?)) ORDER BY " + path + ", " +
                          id + " LIMIT ?";
  const Param params[] = {range.lo,        range.hi, after.area_path,
                          after.area_path, after.id, std::int64_t{limit}};
  auto rs = conn.Query(sql, params);
  std::vector<domain::ChoiceRow> out;
  out.reserve(rs.size());
  for (std::size_t i = 0; i < rs.size(); ++i) {
    const auto r = rs[i];
    out.push_back({std::string(r.Text("id")), std::string(r.Text("name")),
                   std::string(r.Text("detail")), std::string(r.Text("area_id")),
                   std::string(r.Text("area_path"))});
  }
  return out;
}

}  // namespace

std::vector<domain::ChoiceRow> SqlChoiceListRepository::Areas(const domain::PathRange& range,
                                                              const domain::ChoiceCursor& after,
                                                              int limit) {
  return Page(conn_,
              "SELECT id, name, '' AS detail, id AS area_id, path AS area_path FROM area "
              "WHERE 1=1",
              "path", "id", range, after, limit);
}

std::vector<domain::ChoiceRow> SqlChoiceListRepository::Institutions(
    const domain::PathRange& range, const domain::ChoiceCursor& after, int limit) {
  return Page(conn_,
              "SELECT id, name, type_code AS detail, area_id, area_path FROM institution "
              "WHERE deleted_at IS NULL AND status NOT IN ('dissolved', 'merged')",
              "area_path", "id", range, after, limit);
}

std::vector<domain::ChoiceRow> SqlChoiceListRepository::People(const domain::PathRange& range,
                                                               const domain::ChoiceCursor& after,
                                                               int limit) {
  return Page(conn_,
              "SELECT p.id AS id, p.name AS name, h.head_name AS detail, h.area_id AS area_id, "
              "p.area_path AS area_path FROM person p JOIN household h ON h.id = p.household_id "
              "WHERE p.deleted_at IS NULL AND h.deleted_at IS NULL",
              "p.area_path", "p.id", range, after, limit);
}

}  // namespace mobilise::storage
