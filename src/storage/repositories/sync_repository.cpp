#include "storage/repositories/sync_repository.hpp"

#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

constexpr const char* kFeedColumns = "seq, entity, entity_id, area_path, old_area_path, kind";

std::string InList(const std::vector<std::string>& values, std::vector<Param>& params) {
  std::string out = "(";
  for (const auto& v : values) {
    out += out.size() > 1 ? ",?" : "?";
    params.emplace_back(v);
  }
  return out + ")";
}

// " AND entity IN (...)" when the scope names its entities.
std::string EntityFilter(const std::vector<domain::SyncEntity>& entities,
                         std::vector<Param>& params) {
  if (entities.empty()) return "";
  std::vector<std::string> names;
  for (auto e : entities) names.emplace_back(domain::SyncEntityName(e));
  return " AND entity IN " + InList(names, params);
}

// One select of the feed after the cursor, restricted by `where` (already holding its params).
std::string Part(const std::string& where, std::vector<Param>& params, std::int64_t after,
                 std::int64_t up_to, int limit, const std::vector<domain::SyncEntity>& entities) {
  const std::string only = EntityFilter(entities, params);
  params.emplace_back(after);
  params.emplace_back(up_to);
  std::string sql = std::string("SELECT ") + kFeedColumns + " FROM change_feed WHERE " + where +
                    only + " AND seq > ? AND seq <= ?";
  if (limit <= 0) return sql;
  params.emplace_back(std::int64_t{limit});
  return "SELECT * FROM (" + sql + " ORDER BY seq LIMIT ?) AS part";
}

// The rows of the scope: by path and by old path (a record that left), the rows without a path
// (everyone's), and the ancestors' area rows. By exact path each part is a range scan of
// (area_path, seq) per path; by ranges (scopes of many areas) one scan of seq.
std::string FeedSql(const domain::FeedScope& s, std::vector<Param>& p, std::int64_t after,
                    std::int64_t up_to, int limit) {
  std::vector<std::string> parts;
  if (!s.ranges.empty()) {
    std::vector<Param> w;
    std::string where = "(" + ScopeSql("area_path", s.ranges, w) + " OR " +
                        ScopeSql("old_area_path", s.ranges, w) + " OR area_path IS NULL";
    if (!s.ancestor_paths.empty())
      where += " OR (entity = 'areas' AND area_path IN " + InList(s.ancestor_paths, w) + ")";
    p.insert(p.end(), w.begin(), w.end());
    parts.push_back(Part(where + ")", p, after, up_to, limit, s.entities));
  } else {
    if (!s.paths.empty()) {
      parts.push_back(
          Part("area_path IN " + InList(s.paths, p), p, after, up_to, limit, s.entities));
      parts.push_back(
          Part("old_area_path IN " + InList(s.paths, p), p, after, up_to, limit, s.entities));
    }
    parts.push_back(Part("area_path IS NULL", p, after, up_to, limit, s.entities));
    if (!s.ancestor_paths.empty())
      parts.push_back(Part("entity = 'areas' AND area_path IN " + InList(s.ancestor_paths, p), p,
                           after, up_to, limit, s.entities));
  }
  std::string sql;
  for (const auto& part : parts) sql += (sql.empty() ? "" : " UNION ") + part;
  return sql;
}

}  // namespace

std::int64_t SqlSyncRepository::HighWater() {
  auto rs = conn_.Query("SELECT COALESCE(MAX(seq), 0) FROM change_feed");
  return rs[0].Int(0);
}

std::vector<domain::Change> SqlSyncRepository::Since(std::int64_t after, std::int64_t up_to,
                                                     const domain::FeedScope& scope, int limit) {
  std::vector<Param> params;
  std::string sql = FeedSql(scope, params, after, up_to, limit) + " ORDER BY seq LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  auto rs = conn_.Query(sql, params);
  std::vector<domain::Change> out;
  for (std::size_t i = 0; i < rs.size(); ++i) {
    const auto r = rs[i];
    auto entity = domain::ParseSyncEntity(r.Str("entity"));
    if (!entity) continue;
    out.push_back({r.Int("seq"), *entity, r.Str("entity_id"), r.OptText("area_path"),
                   r.OptText("old_area_path"), r.Str("kind") == "delete"});
  }
  return out;
}

std::int64_t SqlSyncRepository::CountSince(std::int64_t after, std::int64_t up_to,
                                           const domain::FeedScope& scope) {
  std::vector<Param> params;
  const std::string sql =
      "SELECT COUNT(*) FROM (" + FeedSql(scope, params, after, up_to, 0) + ") AS feed";
  return conn_.Query(sql, params)[0].Int(0);
}

std::vector<std::string> SqlSyncRepository::AreaPaths(const std::vector<domain::PathRange>& ranges,
                                                      int limit) {
  std::vector<Param> params;
  const std::string where = ScopeSql("path", ranges, params);
  params.emplace_back(std::int64_t{limit});
  auto rs = conn_.Query("SELECT path FROM area WHERE " + where + " LIMIT ?", params);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < rs.size(); ++i) out.push_back(rs[i].Str(0));
  return out;
}

namespace {

// The table and condition of one entity's records in a first sync.
std::pair<std::string, std::string> SnapshotWhere(domain::SyncEntity e,
                                                  const domain::SnapshotScope& s,
                                                  std::vector<Param>& p) {
  using E = domain::SyncEntity;
  switch (e) {
    case E::kAreas: {
      std::string where = "(" + ScopeSql("path", s.ranges, p);
      if (!s.ancestor_paths.empty()) where += " OR path IN " + InList(s.ancestor_paths, p);
      return {"area", where + ")"};
    }
    case E::kCourses:
      return {"course", "1=1"};
    case E::kInstitutions:
      return {"institution", "deleted_at IS NULL AND (" + ScopeSql("area_path", s.ranges, p) + ")"};
    case E::kHouseholds:
      return {"household", "deleted_at IS NULL AND merged_into_id IS NULL AND (" +
                               ScopeSql("area_path", s.ranges, p) + ")"};
    case E::kMemberships:
      return {"membership", "left_on IS NULL AND (" + ScopeSql("area_path", s.ranges, p) + ")"};
    case E::kActivities: {
      std::string where = "(" + ScopeSql("area_path", s.ranges, p) + ") AND held_on >= ?";
      p.emplace_back(s.since);
      return {"activity", where};
    }
    case E::kFeedback: {
      std::string where = "((" + ScopeSql("area_path", s.ranges, p) + ") AND sensitive = 0) OR ((";
      where += ScopeSql("area_path", s.sensitive, p) + ") AND sensitive = 1)";
      p.emplace_back(s.since);
      return {"feedback", "(" + where + ") AND (received_on >= ? OR status <> 'closed')"};
    }
  }
  return {"area", "1=0"};
}

}  // namespace

std::vector<std::string> SqlSyncRepository::SnapshotIds(domain::SyncEntity entity,
                                                        const domain::SnapshotScope& scope,
                                                        const std::string& after_id, int limit) {
  std::vector<Param> params;
  auto [table, where] = SnapshotWhere(entity, scope, params);
  params.emplace_back(after_id);
  params.emplace_back(std::int64_t{limit});
  auto rs = conn_.Query(
      "SELECT id FROM " + table + " WHERE " + where + " AND id > ? ORDER BY id LIMIT ?", params);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < rs.size(); ++i) out.push_back(rs[i].Str(0));
  return out;
}

std::int64_t SqlSyncRepository::SnapshotCount(domain::SyncEntity entity,
                                              const domain::SnapshotScope& scope) {
  std::vector<Param> params;
  auto [table, where] = SnapshotWhere(entity, scope, params);
  return conn_.Query("SELECT COUNT(*) FROM " + table + " WHERE " + where, params)[0].Int(0);
}

}  // namespace mobilise::storage
