#include "api/handler_io.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace mobilise::api {
namespace {

namespace json = boost::json;

struct Thing {
  std::string name;
  std::int64_t version = 0;
};

json::object ThingJson(const Thing& t) { return {{"name", t.name}, {"version", t.version}}; }

json::object ErrorOf(const http::Response& r) {
  return json::parse(r.body).as_object().at("error").as_object();
}

TEST(Updated, AnswersTheRecord) {
  const auto r = Updated(
      Result<Thing>(Thing{"new", 3}), [] { return Result<Thing>(); }, ThingJson);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(json::parse(r.body), json::parse(R"({"name":"new","version":3})"));
}

TEST(Updated, AStaleWriteCarriesTheCurrentRecord) {
  int reads = 0;
  const auto r = Updated(
      Result<Thing>(Fail(Error::Stale("thing", 5))),
      [&] {
        ++reads;
        return Result<Thing>(Thing{"theirs", 5});
      },
      ThingJson);
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(reads, 1);
  const auto e = ErrorOf(r);
  EXPECT_EQ(e.at("code"), "conflict");
  EXPECT_EQ(e.at("fields").at("version"), "stale: current version is 5");
  EXPECT_EQ(e.at("current"), json::parse(R"({"name":"theirs","version":5})"));
}

TEST(Updated, AStaleWriteWhoseRecordIsGoneIsAPlainConflict) {
  const auto r = Updated(
      Result<Thing>(Fail(Error::Stale("thing", 5))), [] { return std::optional<Thing>(); },
      ThingJson);
  EXPECT_EQ(r.status, 409);
  EXPECT_FALSE(ErrorOf(r).contains("current"));
}

TEST(Updated, OtherErrorsNamingVersionAreNotStale) {
  // Recognised by the error's marker, not by a field called "version".
  int reads = 0;
  auto read = [&] {
    ++reads;
    return Result<Thing>(Thing{"theirs", 5});
  };
  Error conflict = Error::Conflict("refused");
  conflict.fields["version"] = problem::NotAnInteger();
  auto r = Updated(Result<Thing>(Fail(conflict)), read, ThingJson);
  EXPECT_EQ(r.status, 409);
  EXPECT_FALSE(ErrorOf(r).contains("current"));
  r = Updated(Result<Thing>(Fail(Error::Field("version", problem::Required()))), read, ThingJson);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(reads, 0);
}

TEST(NoContent, AnswersNothingOrTheError) {
  EXPECT_EQ(NoContent(Status{}).status, 204);
  EXPECT_EQ(NoContent(Status{}).body, "");
  EXPECT_EQ(NoContent(Status(Fail(Error::NotFound("thing")))).status, 404);
}

http::Request JsonRequest(std::string body) {
  http::Request req;
  req.method = "PATCH";
  req.headers["content-type"] = "application/json";
  req.body = std::move(body);
  return req;
}

std::string ReadName(ObjectReader& r) { return r.RequiredString("name"); }

TEST(ReadVersioned, ReadsTheVersionAndTheRest) {
  auto in = ReadVersioned(JsonRequest(R"({"version": 4, "name": "x"})"), ReadName);
  ASSERT_TRUE(in) << in.error().message;
  EXPECT_EQ(in->version, 4);
  EXPECT_EQ(in->input, "x");
}

TEST(ReadVersioned, NamesEveryBadFieldAtOnce) {
  auto in = ReadVersioned(JsonRequest(R"({"extra": 1})"), ReadName);
  ASSERT_FALSE(in);
  EXPECT_EQ(in.error().code, ErrorCode::kValidation);
  EXPECT_TRUE(in.error().fields.count("version"));
  EXPECT_TRUE(in.error().fields.count("name"));
  EXPECT_TRUE(in.error().fields.count("extra"));
}

TEST(ParseBool, TrueFalseAbsentOrAnError) {
  EXPECT_EQ(*ParseBool(std::string("true"), "all"), std::optional<bool>(true));
  EXPECT_EQ(*ParseBool(std::string("false"), "all"), std::optional<bool>(false));
  EXPECT_EQ(*ParseBool(std::nullopt, "all"), std::optional<bool>());
  auto bad = ParseBool(std::string(""), "all");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.at("all"), "must be true or false");
}

struct DatedFilter {
  domain::PageRequest page;
  std::optional<std::string> area, from, to;
};

http::Request QueryRequest(std::initializer_list<std::pair<const char*, const char*>> params) {
  http::Request req;
  req.method = "GET";
  for (auto [k, v] : params) req.query.emplace(k, v);
  return req;
}

TEST(ReadListFilter, DatesMustBeDaysOfTheCalendar) {
  using F = DatedFilter;
  static constexpr QueryTextField<F> kTexts[] = {{"area", &F::area}};
  static constexpr QueryTextField<F> kDates[] = {{"from", &F::from}, {"to", &F::to}};
  auto ok =
      ReadListFilter<F>(QueryRequest({{"from", "2024-02-29"}, {"area", "x"}}), kTexts, kDates);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->from, "2024-02-29");
  EXPECT_EQ(ok->to, std::nullopt);
  EXPECT_EQ(ok->area, "x");
  for (const char* bad : {"2026-02-30", "garbage", "2026-13-01", "2026-1-01",
                          "2026-01-01T00:00:00Z", "2026-01-01' OR '1'='1"}) {
    auto r = ReadListFilter<F>(QueryRequest({{"from", bad}, {"to", "2025-02-29"}}), kTexts, kDates);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kValidation);
    EXPECT_EQ(r.error().fields.at("from").id(), "not_a_date") << bad;
    EXPECT_EQ(r.error().fields.at("to").id(), "not_a_date");
  }
}

TEST(QueryDates, InOrderAbsentAsNothing) {
  auto d = QueryDates(QueryRequest({{"to", "2026-12-31"}, {"from", ""}}), {"from", "to"});
  ASSERT_TRUE(d);
  EXPECT_EQ((*d)[0], std::nullopt);
  EXPECT_EQ((*d)[1], "2026-12-31");
  EXPECT_FALSE(QueryDates(QueryRequest({{"to", "2026-02-30"}}), {"from", "to"}));
}

}  // namespace
}  // namespace mobilise::api
