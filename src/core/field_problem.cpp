#include "core/field_problem.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <stdexcept>

namespace mobilise {

ProblemArg::ProblemArg(double n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", n);
  value = std::string(buf);
}

ProblemArg::ProblemArg(std::span<const std::string_view> list) {
  std::vector<std::string> out;
  for (auto s : list) out.emplace_back(s);
  value = std::move(out);
}

namespace {

const std::vector<ProblemEntry>& Entries() {
  static const std::vector<ProblemEntry> entries = {
#define FP0(Name, code, text) {ProblemCode::k##Name, code, text, {}},
#define FP1(Name, code, text, a) {ProblemCode::k##Name, code, text, {#a}},
#define FP2(Name, code, text, a, b) {ProblemCode::k##Name, code, text, {#a, #b}},
#define FP3(Name, code, text, a, b, c) {ProblemCode::k##Name, code, text, {#a, #b, #c}},
#include "core/field_problems.def"
#undef FP0
#undef FP1
#undef FP2
#undef FP3
  };
  return entries;
}

bool IsParamName(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

// A `what` or `action` value is a snake_case code; English shows it with spaces.
bool IsTermParam(std::string_view name) { return name == "what" || name == "action"; }

std::string Joined(const ProblemParam& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  std::string out;
  for (const auto& item : std::get<std::vector<std::string>>(value))
    out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

std::span<const ProblemEntry> ProblemCatalogue() { return Entries(); }

const ProblemEntry& EntryOf(ProblemCode code) {
  return Entries().at(static_cast<std::size_t>(code));
}

FieldProblem::FieldProblem(ProblemCode code, ProblemParams params)
    : code_(code), params_(std::move(params)) {
  const auto& entry = EntryOf(code);
  bool same = entry.params.size() == params_.size();
  for (auto name : entry.params) same = same && params_.contains(name);
  if (!same)
    throw std::logic_error("field problem " + std::string(entry.id) +
                           " given parameters other than its catalogue entry's");
}

std::string RenderTemplate(std::string_view text, const ProblemParams& params) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto open = text.find('{', i);
    const auto close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      out += text.substr(i);
      break;
    }
    const auto name = text.substr(open + 1, close - open - 1);
    // Only {a_name} is a placeholder; other braces are text ("an object {role, area_id}").
    if (!IsParamName(name)) {
      out += text.substr(i, close + 1 - i);
      i = close + 1;
      continue;
    }
    const auto it = params.find(name);
    if (it == params.end())
      throw std::logic_error("no value for {" + std::string(name) + "} in \"" + std::string(text) +
                             "\"");
    out += text.substr(i, open - i);
    std::string value = Joined(it->second);
    if (IsTermParam(name))
      for (auto& c : value)
        if (c == '_') c = ' ';
    out += value;
    i = close + 1;
  }
  return out;
}

std::string FieldProblem::Text() const { return RenderTemplate(EntryOf(code_).text, params_); }

std::ostream& operator<<(std::ostream& out, const FieldProblem& p) {
  return out << p.id() << " \"" << p.Text() << "\"";
}

std::map<std::string, std::string> FieldTexts(const FieldProblems& problems) {
  std::map<std::string, std::string> out;
  for (const auto& [path, p] : problems) out.emplace(path, p.Text());
  return out;
}

namespace problem {
#define FP0(Name, code, text) \
  FieldProblem Name() { return FieldProblem(ProblemCode::k##Name, {}); }
#define FP1(Name, code, text, a) \
  FieldProblem Name(ProblemArg a) { return FieldProblem(ProblemCode::k##Name, {{#a, a.value}}); }
#define FP2(Name, code, text, a, b)                                            \
  FieldProblem Name(ProblemArg a, ProblemArg b) {                              \
    return FieldProblem(ProblemCode::k##Name, {{#a, a.value}, {#b, b.value}}); \
  }
#define FP3(Name, code, text, a, b, c)                                                        \
  FieldProblem Name(ProblemArg a, ProblemArg b, ProblemArg c) {                               \
    return FieldProblem(ProblemCode::k##Name, {{#a, a.value}, {#b, b.value}, {#c, c.value}}); \
  }
#include "core/field_problems.def"
#undef FP0
#undef FP1
#undef FP2
#undef FP3
}  // namespace problem

}  // namespace mobilise
