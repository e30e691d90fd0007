#include "api/handler_io.hpp"

#include <map>

#include "core/clock.hpp"

namespace mobilise::api {

std::optional<std::string> QueryText(const http::Request& request, const char* key) {
  auto v = request.Query(key);
  if (v && !v->empty()) return std::string(*v);
  return std::nullopt;
}

std::optional<std::int64_t> ParseInt(std::string_view s) {
  if (s.empty() || s.size() > 12 || s.find_first_not_of("0123456789") != std::string_view::npos)
    return std::nullopt;
  return std::stoll(std::string(s));
}

Result<domain::PageRequest> ParsePage(const http::Request& req) {
  domain::PageRequest page;
  FieldProblems errors;
  if (auto l = req.Query("limit")) {
    auto v = ParseInt(*l);
    if (!v || *v < 1 || *v > 500)
      errors["limit"] = problem::WholeNumberRange(1, 500);
    else
      page.limit = static_cast<int>(*v);
  }
  if (auto o = req.Query("offset")) {
    auto v = ParseInt(*o);
    if (!v)
      errors["offset"] = problem::WholeNumberFrom(0);
    else
      page.offset = *v;
  }
  if (auto ok = FieldErrorsResult(errors); !ok) return Fail(ok.error());
  return page;
}

Result<std::vector<std::optional<std::string>>> QueryDates(
    const http::Request& request, std::initializer_list<const char*> keys) {
  std::vector<std::optional<std::string>> out;
  FieldProblems errors;
  for (const char* key : keys) {
    out.push_back(QueryText(request, key));
    if (out.back() && !IsValidDate(*out.back())) errors[key] = problem::NotADate();
  }
  if (auto ok = FieldErrorsResult(errors); !ok) return Fail(ok.error());
  return out;
}

Result<std::optional<bool>> ParseBool(const std::optional<std::string>& value, const char* key) {
  if (!value) return std::optional<bool>();
  if (*value == "true") return std::optional<bool>(true);
  if (*value == "false") return std::optional<bool>(false);
  return Fail(Error::Field(key, problem::NotABoolean()));
}

http::Response NoContent(const Status& done) {
  return done ? NoContent() : ErrorResponse(done.error());
}

}  // namespace mobilise::api
