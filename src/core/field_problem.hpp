// Why a field was refused, as a code from one catalogue (core/field_problems.def) with its
// parameters, so that a client can say it in the user's language; the English text is rendered
// from the catalogue's template. A FieldProblem is made only through the constructors below
// (problem::Required(), problem::OutOfRange(0, 120), ...): there is no conversion from a string,
// so a reason cannot be invented outside the catalogue.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mobilise {

// The catalogue's codes, in the order of field_problems.def.
enum class ProblemCode : std::uint16_t {
#define FP0(Name, code, text) k##Name,
#define FP1(Name, code, text, a) k##Name,
#define FP2(Name, code, text, a, b) k##Name,
#define FP3(Name, code, text, a, b, c) k##Name,
#include "core/field_problems.def"
#undef FP0
#undef FP1
#undef FP2
#undef FP3
};

// A parameter's value: a string (numbers in Latin digits), or a list of strings.
using ProblemParam = std::variant<std::string, std::vector<std::string>>;
using ProblemParams = std::map<std::string, ProblemParam, std::less<>>;

// An argument of a problem constructor: text, a number or a list.
struct ProblemArg {
  ProblemParam value;
  ProblemArg(std::string s) : value(std::move(s)) {}  // NOLINT: implicit by design
  ProblemArg(const char* s) : value(std::string(s)) {}
  ProblemArg(std::string_view s) : value(std::string(s)) {}
  ProblemArg(int n) : value(std::to_string(n)) {}
  ProblemArg(long n) : value(std::to_string(n)) {}
  ProblemArg(long long n) : value(std::to_string(n)) {}
  ProblemArg(unsigned long n) : value(std::to_string(n)) {}
  ProblemArg(double n);  // shortest form: 0.5, 120, 1e+12
  ProblemArg(std::vector<std::string> list) : value(std::move(list)) {}
  ProblemArg(std::span<const std::string_view> list);
};

// One catalogue entry: its code, English template and parameter names.
struct ProblemEntry {
  ProblemCode code;
  std::string_view id;                   // "out_of_range"
  std::string_view text;                 // "must be between {min} and {max}"
  std::vector<std::string_view> params;  // {"min", "max"}
};

// Every entry, in catalogue order (the OpenAPI document publishes them).
std::span<const ProblemEntry> ProblemCatalogue();
const ProblemEntry& EntryOf(ProblemCode code);

class FieldProblem {
 public:
  // "is not valid" (a map's default value; the services always say more).
  FieldProblem() = default;
  // `params` must name exactly the entry's parameters: otherwise it is a bug in the caller and
  // std::logic_error is thrown (field_problem_test walks the catalogue).
  FieldProblem(ProblemCode code, ProblemParams params);

  ProblemCode code() const { return code_; }
  std::string_view id() const { return EntryOf(code_).id; }
  const ProblemParams& params() const { return params_; }
  // The English text: the template with each {param} replaced (a list joined with ", ").
  std::string Text() const;

  friend bool operator==(const FieldProblem&, const FieldProblem&) = default;
  // Tests compare a problem with its English text (EXPECT_EQ(errors.at("age"), "...")).
  friend bool operator==(const FieldProblem& p, std::string_view text) { return p.Text() == text; }
  // Its English text (test failure messages, logs).
  friend std::ostream& operator<<(std::ostream& out, const FieldProblem& p);

 private:
  ProblemCode code_ = ProblemCode::kInvalid;
  ProblemParams params_;
};

// Renders `text` with `params` ({name} -> value). A placeholder without a value is a bug:
// std::logic_error.
std::string RenderTemplate(std::string_view text, const ProblemParams& params);

// Field path -> problem, e.g. {"people[0].age", problem::OutOfRange(0, 120)}.
using FieldProblems = std::map<std::string, FieldProblem>;
// Field path -> English text of each problem.
std::map<std::string, std::string> FieldTexts(const FieldProblems& problems);

// The constructors, one per catalogue entry, named as in field_problems.def.
namespace problem {
#define FP0(Name, code, text) FieldProblem Name();
#define FP1(Name, code, text, a) FieldProblem Name(ProblemArg a);
#define FP2(Name, code, text, a, b) FieldProblem Name(ProblemArg a, ProblemArg b);
#define FP3(Name, code, text, a, b, c) FieldProblem Name(ProblemArg a, ProblemArg b, ProblemArg c);
#include "core/field_problems.def"
#undef FP0
#undef FP1
#undef FP2
#undef FP3
}  // namespace problem

}  // namespace mobilise
