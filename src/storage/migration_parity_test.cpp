// Migration parity: an empty SQLite and an empty PostgreSQL database, both migrated, must hold
// the same schema: tables, columns (normalised type, nullability, default), primary keys,
// indexes (table, key columns in order, uniqueness, partial or not) and the byte-order collation
// of the area path columns that subtree range scans rely on. A forgotten index or COLLATE "C" on
// one side fails here at once instead of showing up as slowness. What differs by design is
// listed in kKnown* below, each with its reason.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "test_databases.hpp"

namespace mobilise::storage {
namespace {

// Free-text search of areas (migrations 0002): an FTS5 trigram table (with its shadow tables)
// kept in step by triggers on SQLite; a pg_trgm GIN expression index on PostgreSQL.
const std::set<std::string> kKnownSqliteOnly = {
    "table area_search",          "table area_search_config",   "table area_search_data",
    "table area_search_docsize",  "table area_search_idx",      "trigger area_search_delete",
    "trigger area_search_insert", "trigger area_search_update",
};
const std::set<std::string> kKnownPostgresOnly = {"index area_search"};

// Columns that subtree scans read as ranges of their text ([path, path0)): the range is only
// right, and only an index range scan, in byte order: BINARY on SQLite, COLLATE "C" on
// PostgreSQL. Other text columns keep PostgreSQL's default collation (equality lookups do not
// depend on it).
bool IsPathColumn(const std::string& column) {
  return column == "path" || (column.size() >= 5 && column.ends_with("_path"));
}

struct Column {
  std::string type;  // normalised: text, integer, real, blob
  bool not_null = false;
  std::string default_value;  // normalised; "" when none
  int pk = 0;                 // position in the primary key, 0 when not in it
  bool operator==(const Column&) const = default;
};

struct Index {
  std::string table;
  std::vector<std::string> columns;     // key columns in order; "(expression)" for expressions
  std::vector<std::string> collations;  // per key column: "bytes" or "default"
  bool unique = false;
  bool partial = false;
  bool operator==(const Index&) const = default;
};

struct Schema {
  std::map<std::string, std::map<std::string, Column>> tables;
  std::map<std::string, Index> indexes;  // by name; UNIQUE constraints by "unique(table: cols)"
  std::set<std::string> triggers;
};

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Both dialects' declared types as the storage classes the code reads them as. Booleans are
// 0/1 integers on SQLite (ResultSet reads PostgreSQL's t/f as 1/0).
std::string NormalType(const std::string& declared) {
  std::string t = Lower(declared);
  if (auto paren = t.find('('); paren != std::string::npos) t.resize(paren);
  while (!t.empty() && t.back() == ' ') t.pop_back();
  static const std::map<std::string, std::string> kTypes = {
      {"text", "text"},        {"character varying", "text"},
      {"varchar", "text"},     {"character", "text"},
      {"jsonb", "text"},       {"json", "text"},
      {"integer", "integer"},  {"bigint", "integer"},
      {"smallint", "integer"}, {"boolean", "integer"},
      {"real", "real"},        {"double precision", "real"},
      {"numeric", "real"},     {"blob", "blob"},
      {"bytea", "blob"}};
  auto it = kTypes.find(t);
  return it == kTypes.end() ? "?" + t : it->second;
}

// 'x'::text -> 'x', (0) -> 0, false -> 0.
std::string NormalDefault(const std::optional<std::string>& value) {
  if (!value) return "";
  std::string v = *value;
  for (;;) {
    auto cast = v.rfind("::");
    if (cast == std::string::npos || v.find('\'', cast) != std::string::npos) break;
    v.resize(cast);
  }
  while (v.size() >= 2 && v.front() == '(' && v.back() == ')') v = v.substr(1, v.size() - 2);
  const std::string lower = Lower(v);
  if (lower == "false") return "0";
  if (lower == "true") return "1";
  if (lower == "null") return "";
  return v;
}

Schema ReadSqlite(Connection& conn) {
  Schema s;
  auto objects = conn.Query(
      "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY "
      "name");
  for (std::size_t i = 0; i < objects.size(); ++i) {
    const auto o = objects[i];
    if (o.Text("type") == "trigger") s.triggers.insert(o.Str("name"));
    if (o.Text("type") != "table") continue;
    const std::string table = o.Str("name");
    auto& columns = s.tables[table];
    auto cols = conn.Query(
        "SELECT name, type, \"notnull\" AS not_null, dflt_value, pk FROM pragma_table_info(?)",
        {table});
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const auto r = cols[c];
      const int pk = static_cast<int>(r.Int("pk"));
      columns[r.Str("name")] = {NormalType(r.Str("type")), r.Bool("not_null") || pk > 0,
                                NormalDefault(r.OptText("dflt_value")), pk};
    }
    auto list = conn.Query(
        "SELECT name, \"unique\" AS is_unique, origin, partial FROM pragma_index_list(?)", {table});
    for (std::size_t x = 0; x < list.size(); ++x) {
      const auto r = list[x];
      if (r.Text("origin") == "pk") continue;  // compared as the columns' pk positions
      Index index{table, {}, {}, r.Bool("is_unique"), r.Bool("partial")};
      auto keys = conn.Query(
          "SELECT cid, name, coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno",
          {r.Str("name")});
      for (std::size_t k = 0; k < keys.size(); ++k) {
        const bool expression = keys[k].Int("cid") == -2;
        index.columns.push_back(expression ? "(expression)" : keys[k].Str("name"));
        index.collations.push_back(Lower(keys[k].Str("coll")) == "binary" ? "bytes" : "other");
      }
      std::string key = r.Str("name");
      if (r.Text("origin") == "u") {
        key = "unique(" + table + ":";
        for (const auto& c : index.columns) key += " " + c;
        key += ")";
      }
      s.indexes[key] = std::move(index);
    }
  }
  return s;
}

Schema ReadPostgres(Connection& conn) {
  Schema s;
  auto cols = conn.Query(
      "SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default FROM "
      "information_schema.columns c JOIN information_schema.tables t ON t.table_schema = "
      "c.table_schema AND t.table_name = c.table_name WHERE c.table_schema = current_schema() AND "
      "t.table_type = 'BASE TABLE'");
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const auto r = cols[i];
    s.tables[r.Str("table_name")][r.Str("column_name")] = {
        NormalType(r.Str("data_type")), r.Text("is_nullable") == "NO",
        NormalDefault(r.OptText("column_default")), 0};
  }
  auto keys = conn.Query(
      "SELECT ic.relname AS index_name, tc.relname AS table_name, i.indisunique AS is_unique, "
      "i.indisprimary AS is_primary, i.indpred IS NOT NULL AS partial, EXISTS (SELECT 1 FROM "
      "pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype = 'u') AS is_constraint, "
      "n.k AS position, a.attname AS column_name, "
      "co.collname AS collation FROM pg_index i JOIN pg_class ic ON ic.oid = "
      "i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid JOIN pg_namespace ns ON ns.oid = "
      "tc.relnamespace CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) AS n(k) LEFT JOIN "
      "pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[n.k - 1] AND "
      "i.indkey[n.k - 1] <> 0 LEFT JOIN pg_collation co ON co.oid = i.indcollation[n.k - 1] "
      "WHERE ns.nspname = current_schema() ORDER BY index_name, position");
  std::map<std::string, bool> constraint_backed;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto r = keys[i];
    const std::string table = r.Str("table_name");
    if (r.Bool("is_primary")) {
      s.tables[table][r.Str("column_name")].pk = static_cast<int>(r.Int("position"));
      continue;
    }
    auto& index = s.indexes[r.Str("index_name")];
    index.table = table;
    index.unique = r.Bool("is_unique");
    index.partial = r.Bool("partial");
    index.columns.push_back(r.IsNull("column_name") ? "(expression)" : r.Str("column_name"));
    const std::string collation = r.Str("collation");
    index.collations.push_back(collation == "C" || collation == "POSIX" ? "bytes" : "default");
    constraint_backed[r.Str("index_name")] = r.Bool("is_constraint");
  }
  for (const auto& [name, is_constraint] : constraint_backed) {
    if (!is_constraint) continue;
    auto node = s.indexes.extract(name);
    std::string key = "unique(" + node.mapped().table + ":";
    for (const auto& c : node.mapped().columns) key += " " + c;
    s.indexes[key + ")"] = std::move(node.mapped());
  }
  auto triggers = conn.Query(
      "SELECT DISTINCT trigger_name FROM information_schema.triggers WHERE trigger_schema = "
      "current_schema()");
  for (std::size_t i = 0; i < triggers.size(); ++i) s.triggers.insert(triggers[i].Str(0));
  return s;
}

std::string Describe(const Column& c) {
  return c.type + (c.not_null ? " NOT NULL" : "") +
         (c.default_value.empty() ? "" : " DEFAULT " + c.default_value) +
         (c.pk ? " PK#" + std::to_string(c.pk) : "");
}

std::string Describe(const Index& x) {
  std::string s = std::string(x.unique ? "UNIQUE " : "") + "ON " + x.table + " (";
  for (std::size_t i = 0; i < x.columns.size(); ++i)
    s += (i ? ", " : "") + x.columns[i] + (x.collations[i] == "bytes" ? "" : " [default]");
  return s + ")" + (x.partial ? " WHERE ..." : "");
}

// Byte order on both sides for the path columns; otherwise SQLite's BINARY and PostgreSQL's
// default collation count as the same.
std::vector<std::string> CollationProblems(const std::string& name, const Index& x, bool postgres) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < x.columns.size(); ++i) {
    const bool bytes = x.collations[i] == "bytes";
    if ((IsPathColumn(x.columns[i]) && !bytes) || (!postgres && !bytes)) {
      out.push_back(std::string(postgres ? "postgres" : "sqlite") + ": index " + name + " orders " +
                    x.columns[i] + " by a collation other than byte order");
    }
  }
  return out;
}

// Every difference between the two schemas that is not a known one, as a readable line.
std::vector<std::string> Differences(const Schema& lite, const Schema& pg) {
  std::vector<std::string> out;
  auto one_side = [&](const std::string& what, bool in_lite, bool in_pg) {
    if (in_lite && !in_pg && !kKnownSqliteOnly.contains(what))
      out.push_back("only on sqlite: " + what);
    if (in_pg && !in_lite && !kKnownPostgresOnly.contains(what))
      out.push_back("only on postgres: " + what);
  };
  std::set<std::string> tables;
  for (const auto& [t, _] : lite.tables) tables.insert(t);
  for (const auto& [t, _] : pg.tables) tables.insert(t);
  for (const auto& t : tables) {
    const bool l = lite.tables.contains(t), p = pg.tables.contains(t);
    one_side("table " + t, l, p);
    if (!l || !p) continue;
    std::set<std::string> columns;
    for (const auto& [c, _] : lite.tables.at(t)) columns.insert(c);
    for (const auto& [c, _] : pg.tables.at(t)) columns.insert(c);
    for (const auto& c : columns) {
      auto a = lite.tables.at(t).find(c), b = pg.tables.at(t).find(c);
      const bool in_l = a != lite.tables.at(t).end(), in_p = b != pg.tables.at(t).end();
      one_side("column " + t + "." + c, in_l, in_p);
      if (in_l && in_p && !(a->second == b->second))
        out.push_back("column " + t + "." + c + ": sqlite " + Describe(a->second) + ", postgres " +
                      Describe(b->second));
    }
  }
  std::set<std::string> names;
  for (const auto& [n, _] : lite.indexes) names.insert(n);
  for (const auto& [n, _] : pg.indexes) names.insert(n);
  for (const auto& n : names) {
    auto a = lite.indexes.find(n), b = pg.indexes.find(n);
    const bool l = a != lite.indexes.end(), p = b != pg.indexes.end();
    one_side("index " + n, l, p);
    if (l)
      for (auto& e : CollationProblems(n, a->second, false)) out.push_back(e);
    if (p)
      for (auto& e : CollationProblems(n, b->second, true)) out.push_back(e);
    if (!l || !p) continue;
    Index x = a->second, y = b->second;
    x.collations = y.collations = {};  // compared above
    if (!(x == y))
      out.push_back("index " + n + ": sqlite " + Describe(a->second) + ", postgres " +
                    Describe(b->second));
  }
  std::set<std::string> triggers = lite.triggers;
  triggers.insert(pg.triggers.begin(), pg.triggers.end());
  for (const auto& t : triggers)
    one_side("trigger " + t, lite.triggers.contains(t), pg.triggers.contains(t));
  return out;
}

TEST(MigrationParity, SqliteAndPostgresSchemasMatch) {
  auto lite_db = test::FreshDatabase(Dialect::kSqlite, 1);
  auto pg_db = test::FreshDatabase(Dialect::kPostgres, 1);
  auto lite_conn = lite_db->Acquire();
  auto pg_conn = pg_db->Acquire();
  const Schema lite = ReadSqlite(*lite_conn), pg = ReadPostgres(*pg_conn);
  ASSERT_GT(lite.tables.size(), 20u);
  ASSERT_GT(pg.indexes.size(), 20u);
  const auto differences = Differences(lite, pg);
  std::string all;
  for (const auto& d : differences) all += "\n  " + d;
  EXPECT_TRUE(differences.empty()) << differences.size() << " differences:" << all;
  // The known differences are still there (else the lists above are stale).
  for (const auto& known : kKnownSqliteOnly) {
    const auto space = known.find(' ');
    const std::string kind = known.substr(0, space), name = known.substr(space + 1);
    EXPECT_TRUE(kind == "table" ? lite.tables.contains(name) : lite.triggers.contains(name))
        << known;
  }
  for (const auto& known : kKnownPostgresOnly)
    EXPECT_TRUE(pg.indexes.contains(known.substr(known.find(' ') + 1))) << known;
}

// The comparison itself: a dropped index, a lost collation and a changed column are reported.
TEST(MigrationParity, DifferencesAreReported) {
  Schema a, b;
  a.tables["t"]["area_path"] = b.tables["t"]["area_path"] = {"text", true, "", 0};
  a.tables["t"]["n"] = {"integer", true, "0", 0};
  b.tables["t"]["n"] = {"integer", false, "0", 0};
  a.indexes["t_path"] = {"t", {"area_path"}, {"bytes"}, false, true};
  b.indexes["t_path"] = {"t", {"area_path"}, {"default"}, false, true};
  a.indexes["t_n"] = {"t", {"n"}, {"bytes"}, false, false};
  const auto d = Differences(a, b);
  ASSERT_EQ(d.size(), 3u) << ::testing::PrintToString(d);
  EXPECT_EQ(d[0], "column t.n: sqlite integer NOT NULL DEFAULT 0, postgres integer DEFAULT 0");
  EXPECT_EQ(d[1], "only on sqlite: index t_n");
  EXPECT_EQ(d[2], "postgres: index t_path orders area_path by a collation other than byte order");
  EXPECT_EQ(NormalDefault(std::string("'draft'::text")), "'draft'");
  EXPECT_EQ(NormalDefault(std::string("false")), "0");
  EXPECT_EQ(NormalType("DOUBLE PRECISION"), "real");
  EXPECT_EQ(NormalType("character varying(20)"), "text");
}

}  // namespace
}  // namespace mobilise::storage
