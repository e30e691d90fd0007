// Engine tests: the same cases on SQLite and on the real PostgreSQL test server.
#include "storage/database.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <limits>
#include <thread>

#include "test_databases.hpp"

namespace mobilise::storage {
namespace {

using Kind = ConstraintViolation::Kind;

class StorageEngineTest : public test::BackendTest {
 protected:
  void SetUp() override {
    auto conn = db().Acquire();
    conn->ExecuteScript(
        "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, note TEXT, "
        "amount BIGINT, ratio DOUBLE PRECISION, parent_id INTEGER REFERENCES item(id), "
        "qty INTEGER CHECK (qty >= 0));"
        "CREATE TABLE counter (n INTEGER NOT NULL);");
  }

  std::int64_t Count(Connection& conn, const std::string& table = "item") {
    return conn.Query("SELECT COUNT(*) FROM " + table)[0].Int(0);
  }

  // Runs `statement` expecting a ConstraintViolation of `kind` whose message hides `secret`.
  void ExpectViolation(Connection& conn, std::string_view sql, std::initializer_list<Param> params,
                       Kind kind, const std::string& secret) {
    try {
      conn.Execute(sql, params);
      ADD_FAILURE() << "no violation for " << sql;
    } catch (const ConstraintViolation& e) {
      EXPECT_EQ(e.kind, kind) << e.what();
      EXPECT_EQ(std::string(e.what()).find(secret), std::string::npos) << e.what();
    }
  }
};

TEST_P(StorageEngineTest, CrudRoundTrip) {
  auto conn = db().Acquire();
  EXPECT_EQ(GetParam(), conn->dialect());
  EXPECT_EQ(conn->Execute("INSERT INTO item (id, name, note, amount, ratio, qty) VALUES "
                          "(?, ?, ?, ?, ?, ?)",
                          {std::int64_t{1}, std::string("first"), std::string("a note"),
                           std::int64_t{42}, 0.25, std::int64_t{3}}),
            1);
  auto rs = conn->Query("SELECT id, name, note, amount, ratio, qty FROM item WHERE id = ?",
                        {std::int64_t{1}});
  ASSERT_EQ(rs.size(), 1u);
  ASSERT_EQ(rs.columns(),
            (std::vector<std::string>{"id", "name", "note", "amount", "ratio", "qty"}));
  EXPECT_EQ(rs[0].Int(0), 1);
  EXPECT_EQ(rs[0].Str(1), "first");
  EXPECT_EQ(rs[0].Text(2), "a note");
  EXPECT_EQ(rs[0].Text(3), "42");
  EXPECT_EQ(rs[0].Real(4), 0.25);
  EXPECT_EQ(rs[0].Text(4), "0.25");
  EXPECT_EQ(conn->Execute("UPDATE item SET name = ? WHERE id = ?",
                          {std::string("renamed"), std::int64_t{1}}),
            1);
  EXPECT_EQ(conn->Query("SELECT name FROM item")[0].Str(0), "renamed");
  EXPECT_EQ(conn->Execute("UPDATE item SET name = 'x' WHERE id = 99"), 0);
  EXPECT_EQ(conn->Execute("SELECT * FROM item"), 0);
  EXPECT_EQ(conn->Execute("DELETE FROM item WHERE id = ?", {std::int64_t{1}}), 1);
  EXPECT_TRUE(conn->Query("SELECT * FROM item").empty());
}

TEST_P(StorageEngineTest, ReturningRows) {
  auto conn = db().Acquire();
  auto rs = conn->Query("INSERT INTO item (id, name) VALUES (?, ?) RETURNING id, name",
                        {std::int64_t{7}, std::string("seven")});
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].Int(0), 7);
  EXPECT_EQ(rs[0].Str(1), "seven");
}

TEST_P(StorageEngineTest, Nulls) {
  auto conn = db().Acquire();
  conn->Execute("INSERT INTO item (id, name, note, amount) VALUES (?, ?, ?, ?)",
                {std::int64_t{1}, std::string("n"), std::monostate{}, std::monostate{}});
  auto rs = conn->Query("SELECT note, amount, ratio FROM item");
  EXPECT_TRUE(rs[0].IsNull(0));
  EXPECT_EQ(rs[0].OptText(0), std::nullopt);
  EXPECT_EQ(rs[0].Text(0), "");
  EXPECT_EQ(rs[0].Int(1), 0);
  EXPECT_EQ(rs[0].Real(2), 0.0);
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM item WHERE note IS NULL")[0].Int(0), 1);
}

TEST_P(StorageEngineTest, UnicodeText) {
  auto conn = db().Acquire();
  const std::string pashto = "د ټولنې جرګه";  // Pashto: community council
  const std::string ukrainian =
      "Громада Львівської області";  // Ukrainian: a hromada in Lviv oblast
  const std::string mixed = "नमस्ते 🌍 ' \" \\ ; -- ?";
  std::int64_t id = 0;
  for (const auto& text : {pashto, ukrainian, mixed}) {
    conn->Execute("INSERT INTO item (id, name) VALUES (?, ?)", {++id, text});
    auto rs = conn->Query("SELECT name, length(name) FROM item WHERE name = ?", {text});
    ASSERT_EQ(rs.size(), 1u);
    EXPECT_EQ(rs[0].Str(0), text);
  }
  EXPECT_EQ(conn->Query("SELECT length(name) FROM item WHERE id = 2")[0].Int(0), 26);
}

TEST_P(StorageEngineTest, LargeIntegersAndReals) {
  auto conn = db().Acquire();
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const std::int64_t min = std::numeric_limits<std::int64_t>::min();
  conn->Execute("INSERT INTO item (id, name, amount, ratio) VALUES (1, 'max', ?, ?)", {max, 1e300});
  conn->Execute("INSERT INTO item (id, name, amount, ratio) VALUES (2, 'min', ?, ?)", {min, -0.1});
  auto rs = conn->Query("SELECT amount, ratio FROM item ORDER BY id");
  EXPECT_EQ(rs[0].Int(0), max);
  EXPECT_EQ(rs[0].Text(0), "9223372036854775807");
  EXPECT_EQ(rs[0].Real(1), 1e300);
  EXPECT_EQ(rs[1].Int(0), min);
  EXPECT_EQ(rs[1].Real(1), -0.1);
  EXPECT_EQ(
      conn->Query("SELECT SUM(amount) FROM item WHERE amount > ?", {std::int64_t{0}})[0].Int(0),
      max);
}

TEST_P(StorageEngineTest, ConstraintViolationsAreMappedWithoutValues) {
  auto conn = db().Acquire();
  conn->Execute("INSERT INTO item (id, name) VALUES (1, 'Secret Name 1')");
  ExpectViolation(*conn, "INSERT INTO item (id, name) VALUES (?, ?)",
                  {std::int64_t{2}, std::string("Secret Name 1")}, Kind::kUnique, "Secret Name");
  ExpectViolation(*conn, "INSERT INTO item (id, name) VALUES (?, ?)",
                  {std::int64_t{1}, std::string("other")}, Kind::kUnique, "other");
  ExpectViolation(*conn, "INSERT INTO item (id, name, parent_id) VALUES (?, ?, ?)",
                  {std::int64_t{3}, std::string("Secret Child"), std::int64_t{987654}},
                  Kind::kForeignKey, "987654");
  ExpectViolation(*conn, "INSERT INTO item (id, name, qty) VALUES (?, ?, ?)",
                  {std::int64_t{4}, std::string("Secret Qty"), std::int64_t{-31337}}, Kind::kCheck,
                  "31337");
  ExpectViolation(*conn, "INSERT INTO item (id, name) VALUES (?, ?)",
                  {std::int64_t{5}, std::monostate{}}, Kind::kNotNull, "Secret");
  EXPECT_EQ(Count(*conn), 1);
}

TEST_P(StorageEngineTest, OtherErrorsAreDatabaseErrors) {
  auto conn = db().Acquire();
  EXPECT_THROW(conn->Query("SELECT * FROM no_such_table"), DatabaseError);
  EXPECT_THROW(conn->Query("SELEKT 1"), DatabaseError);
  EXPECT_THROW(conn->Query("SELECT ?", {}), DatabaseError);  // parameter count mismatch
  EXPECT_THROW(conn->Query("SELECT 1", {std::int64_t{1}}), DatabaseError);
  try {
    conn->Query("SELECT * FROM no_such_table");
  } catch (const ConstraintViolation&) {
    ADD_FAILURE() << "not a constraint violation";
  } catch (const DatabaseError&) {
  }
  // The connection is still usable.
  EXPECT_EQ(conn->Query("SELECT 1")[0].Int(0), 1);
}

TEST_P(StorageEngineTest, QuestionMarkInsideLiteralIsNotAPlaceholder) {
  auto conn = db().Acquire();
  auto rs = conn->Query("SELECT CAST(? AS TEXT) || '?' || CAST(? AS TEXT) || 'it''s?'",
                        {std::string("a"), std::string("b")});
  EXPECT_EQ(rs[0].Str(0), "a?bit's?");
  conn->Execute("INSERT INTO item (id, name, note) VALUES (?, 'why?', ?)",
                {std::int64_t{1}, std::string("because?")});
  rs = conn->Query("SELECT name, note FROM item WHERE name = 'why?' AND id = ?", {std::int64_t{1}});
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].Str(1), "because?");
}

TEST_P(StorageEngineTest, TransactionRollsBackOnDestruction) {
  auto conn = db().Acquire();
  {
    Transaction tx(*conn, true);
    conn->Execute("INSERT INTO item (id, name) VALUES (1, 'gone')");
    EXPECT_EQ(Count(*conn), 1);
  }
  EXPECT_EQ(Count(*conn), 0);
  {
    Transaction tx(*conn, true);
    conn->Execute("INSERT INTO item (id, name) VALUES (2, 'kept')");
    tx.Commit();
  }
  {
    Transaction tx(*conn, false);
    EXPECT_EQ(Count(*conn), 1);
  }
  EXPECT_EQ(Count(*conn), 1);
}

TEST_P(StorageEngineTest, OpenTransactionIsRolledBackWhenReturnedToPool) {
  {
    auto conn = db().Acquire();
    conn->Begin(true);
    conn->Execute("INSERT INTO item (id, name) VALUES (1, 'abandoned')");
  }
  auto conn = db().Acquire();
  EXPECT_EQ(Count(*conn), 0);
  Transaction tx(*conn, true);  // no "transaction already in progress"
  tx.Commit();
}

TEST_P(StorageEngineTest, ConcurrentAcquireFromThreads) {
  auto pooled = test::FreshDatabase(GetParam(), /*pool_size=*/2);
  pooled->Acquire()->ExecuteScript("CREATE TABLE counter (n INTEGER NOT NULL)");
  constexpr int kThreads = 6;
  constexpr int kWrites = 10;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        for (int i = 0; i < kWrites; ++i) {
          auto conn = pooled->Acquire();
          Transaction tx(*conn, true);
          conn->Execute("INSERT INTO counter (n) VALUES (?)", {std::int64_t{t * 100 + i}});
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
          tx.Commit();
        }
      } catch (const std::exception& e) {
        ++failures;
        ADD_FAILURE() << e.what();
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures, 0);
  const PoolStats stats = pooled->Stats();
  EXPECT_LE(stats.size, 2);
  EXPECT_EQ(stats.in_use, 0);
  EXPECT_GT(stats.waits, 0);
  auto conn = pooled->Acquire();
  EXPECT_EQ(Count(*conn, "counter"), kThreads * kWrites);
  EXPECT_EQ(pooled->Stats().in_use, 1);
}

TEST_P(StorageEngineTest, TryAcquireNeverWaits) {
  auto pooled = test::FreshDatabase(GetParam(), /*pool_size=*/2);
  auto first = pooled->Acquire();
  auto second = pooled->TryAcquire();  // opened now: the pool has room for it
  ASSERT_TRUE(second);
  EXPECT_EQ(second->Query("SELECT 1").size(), 1u);
  EXPECT_FALSE(pooled->TryAcquire());  // both borrowed: null at once, not a wait
  EXPECT_EQ(pooled->Stats().waits, 0);
  second.reset();
  EXPECT_TRUE(pooled->TryAcquire());  // given back: free again
  EXPECT_EQ(pooled->Stats().in_use, 1);
}

TEST_P(StorageEngineTest, ExecuteScriptRunsSeveralStatements) {
  auto conn = db().Acquire();
  conn->ExecuteScript(
      "INSERT INTO item (id, name) VALUES (1, 'a; b');\n"
      "-- a comment with a ? and a ;\n"
      "INSERT INTO item (id, name) VALUES (2, 'c');");
  EXPECT_EQ(Count(*conn), 2);
  EXPECT_THROW(conn->ExecuteScript("INSERT INTO item (id, name) VALUES (1, 'dup')"),
               ConstraintViolation);
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageEngineTest, testing::ValuesIn(test::AllDialects()),
                         test::DialectParamName());

}  // namespace
}  // namespace mobilise::storage
