#include "core/field_problem.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <stdexcept>

#include "core/error.hpp"

namespace mobilise {
namespace {

// The {name} placeholders of a template.
std::set<std::string> Placeholders(std::string_view text) {
  std::set<std::string> out;
  const std::string s(text);
  const std::regex re("\\{([a-z_]+)\\}");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

TEST(FieldProblem, EveryCodeIsSnakeCaseAndUniqueAndInEnumOrder) {
  std::set<std::string_view> ids;
  const auto catalogue = ProblemCatalogue();
  ASSERT_GT(catalogue.size(), 20u);
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    const auto& e = catalogue[i];
    EXPECT_EQ(static_cast<std::size_t>(e.code), i) << e.id;
    EXPECT_TRUE(std::regex_match(std::string(e.id), std::regex("[a-z][a-z0-9]*(_[a-z0-9]+)*")))
        << e.id;
    EXPECT_TRUE(ids.insert(e.id).second) << e.id << " twice";
    EXPECT_FALSE(e.text.empty()) << e.id;
  }
}

TEST(FieldProblem, EveryTemplateUsesExactlyItsParams) {
  for (const auto& e : ProblemCatalogue()) {
    const std::set<std::string> declared(e.params.begin(), e.params.end());
    EXPECT_EQ(Placeholders(e.text), declared) << e.id << ": " << e.text;
  }
}

TEST(FieldProblem, EveryCodeRendersWithItsParamsSubstituted) {
  for (const auto& e : ProblemCatalogue()) {
    ProblemParams params;
    for (auto p : e.params) params.emplace(std::string(p), "<" + std::string(p) + ">");
    const FieldProblem problem(e.code, params);
    const std::string text = problem.Text();
    EXPECT_TRUE(Placeholders(text).empty()) << e.id << ": " << text;
    for (auto p : e.params)
      EXPECT_NE(text.find("<" + std::string(p) + ">"), std::string::npos) << e.id;
    EXPECT_EQ(problem.id(), e.id);
  }
}

TEST(FieldProblem, ConstructorsGiveTheCatalogueCodeAndTheTextsOfToday) {
  EXPECT_EQ(problem::Required().id(), "required");
  EXPECT_EQ(problem::Required().Text(), "is required");
  const auto range = problem::OutOfRange(0, 120);
  EXPECT_EQ(range.id(), "out_of_range");
  EXPECT_EQ(range.Text(), "must be between 0 and 120");
  EXPECT_EQ(range.params(), (ProblemParams{{"min", "0"}, {"max", "120"}}));
  // Numbers in their shortest form, with Latin digits.
  EXPECT_EQ(problem::OutOfRange(-90.0, 90.0).Text(), "must be between -90 and 90");
  EXPECT_EQ(problem::OutOfRange(0.0, 1e12).Text(), "must be between 0 and 1e+12");
  // A list stays a list in the params and is joined in English.
  const auto one_of = problem::OneOf(std::vector<std::string>{"f", "m", "x"});
  EXPECT_EQ(one_of.Text(), "must be one of f, m, x");
  EXPECT_EQ(one_of.params().at("allowed"), ProblemParam(std::vector<std::string>{"f", "m", "x"}));
  // A `what` names a kind of thing by a code; English shows it with spaces.
  const auto no_such = problem::NoSuch("report_template");
  EXPECT_EQ(no_such.Text(), "no such report template");
  EXPECT_EQ(no_such.params().at("what"), ProblemParam(std::string("report_template")));
  EXPECT_EQ(problem::NoSuchInScope("staff_member").Text(), "no such staff member in your areas");
  // Other params are shown as given (a field name keeps its underscore).
  EXPECT_EQ(problem::GoesWith("left_on").Text(), "goes with left_on");
  EXPECT_EQ(problem::UnknownNamed("topic", "hygiene_x").Text(), "unknown topic hygiene_x");
}

TEST(FieldProblem, AnUnknownOrMissingParamIsABug) {
  EXPECT_THROW(FieldProblem(ProblemCode::kOutOfRange, {{"lo", "0"}, {"hi", "1"}}),
               std::logic_error);
  EXPECT_THROW(FieldProblem(ProblemCode::kOutOfRange, {{"min", "0"}}), std::logic_error);
  EXPECT_THROW(FieldProblem(ProblemCode::kRequired, {{"min", "0"}}), std::logic_error);
  EXPECT_NO_THROW(FieldProblem(ProblemCode::kOutOfRange, {{"min", "0"}, {"max", "1"}}));
  // A template naming a param that was not given cannot render.
  EXPECT_THROW(RenderTemplate("must be between {min} and {max}", {{"min", "0"}}), std::logic_error);
  EXPECT_EQ(RenderTemplate("at most {max}", {{"max", "3"}}), "at most 3");
  // Braces around anything but a param name are text.
  EXPECT_EQ(problem::RoleObject().Text(), "must be an object {role, area_id}");
}

TEST(FieldProblem, ADefaultProblemIsInvalid) {
  EXPECT_EQ(FieldProblem().id(), "invalid");
  EXPECT_EQ(FieldProblem().Text(), "is not valid");
}

TEST(FieldProblem, AnErrorCarriesProblemsAndSaysThemInEnglish) {
  const Error e = Error::Field("people[0].age", problem::OutOfRange(0, 120));
  EXPECT_EQ(e.message, "people[0].age: must be between 0 and 120");
  EXPECT_EQ(e.fields.at("people[0].age").id(), "out_of_range");
  EXPECT_EQ(FieldTexts(e.fields),
            (std::map<std::string, std::string>{{"people[0].age", "must be between 0 and 120"}}));
}

}  // namespace
}  // namespace mobilise
