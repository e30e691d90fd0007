// Shapes write and describe the same fields; a recording reader describes what a reader reads.
#include "api/schema.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "api/json_io.hpp"

namespace mobilise::api {
namespace {

namespace json = boost::json;

struct Item {
  std::string code;
};
struct Record {
  std::string id;
  std::optional<std::string> note;
  std::int64_t version = 1;
  double score = 0;
  bool done = false;
  std::vector<std::string> tags;
  std::vector<Item> items;
  std::optional<std::int64_t> count;
};

constexpr std::string_view kCodes[] = {"a", "b"};

const Shape<Item>& ItemShape() {
  static const auto shape = Shape<Item>("Item").Field("code", &Item::code, kCodes);
  return shape;
}

const Shape<Record>& RecordShape() {
  static const auto shape =
      Shape<Record>("Record")
          .Field("id", &Record::id)
          .Field("note", &Record::note)
          .Field("version", &Record::version)
          .Field("score", &Record::score)
          .Field("done", &Record::done)
          .Field("tags", &Record::tags)
          .Nested("items", ItemShape(), [](const Record& r) { return r.items; })
          .WhenPresent("count", [](const Record& r) { return r.count; });
  return shape;
}

TEST(Shape, WritesEveryFieldItDescribes) {
  Record r{"x", std::nullopt, 3, 1.5, true, {"t"}, {{"a"}}, std::nullopt};
  EXPECT_EQ(json::serialize(RecordShape().Write(r)),
            R"({"id":"x","note":null,"version":3,"score":1.5E0,"done":true,"tags":["t"],)"
            R"("items":[{"code":"a"}]})");
  r.count = 4;
  EXPECT_EQ(RecordShape().Write(r).at("count").as_int64(), 4);
}

TEST(Shape, DescribesTypesFromTheCppTypes) {
  const auto s = RecordShape().Schema();
  const auto& p = s.at("properties").as_object();
  EXPECT_EQ(p.at("id"), (json::object{{"type", "string"}}));
  EXPECT_EQ(p.at("note"), (json::object{{"type", "string"}, {"nullable", true}}));
  EXPECT_EQ(p.at("version"), (json::object{{"type", "integer"}}));
  EXPECT_EQ(p.at("score"), (json::object{{"type", "number"}}));
  EXPECT_EQ(p.at("done"), (json::object{{"type", "boolean"}}));
  EXPECT_EQ(p.at("tags").at("items"), (json::object{{"type", "string"}}));
  EXPECT_EQ(p.at("items").at("items").at("$ref"), "#/components/schemas/Item");
  EXPECT_EQ(s.at("additionalProperties"), false);
  // Written only when present: described, not required.
  EXPECT_TRUE(p.contains("count"));
  EXPECT_EQ(s.at("required").as_array().size(), 7u);
  ASSERT_EQ(RecordShape().Refs().size(), 1u);
  EXPECT_EQ(RecordShape().Refs()[0]->name(), "Item");
  EXPECT_EQ(ItemShape().Schema().at("properties").at("code").at("enum"), (json::array{"a", "b"}));
}

TEST(RecordingReader, DescribesWhatTheReaderAsksFor) {
  auto r = ObjectReader::Recording();
  r.RequiredInt("version");
  r.ClearableString("name");
  r.OptionalStrings("topics");
  ReadObjects<int>(r, "counts", r.OptionalArray("counts"), [](ObjectReader& o) {
    o.RequiredString("sex");
    return 0;
  });
  const auto s = r.RecordedSchema();
  const auto& p = s.at("properties").as_object();
  EXPECT_EQ(s.at("required"), (json::array{"version"}));
  EXPECT_EQ(p.at("name"), (json::object{{"type", "string"}, {"nullable", true}}));
  EXPECT_EQ(p.at("topics").at("items"), (json::object{{"type", "string"}}));
  EXPECT_EQ(p.at("counts").at("items").at("required"), (json::array{"sex"}));
}

}  // namespace
}  // namespace mobilise::api
