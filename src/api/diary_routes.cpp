// /diaries (+ /{id}/review) and /team/tally.
#include "api/record_handlers.hpp"
#include "api/routes.hpp"
#include "api/work_plan_json.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

// The service holds only the database and the clock: made per request.
domain::DiaryService Diaries(Services& s) { return domain::DiaryService(s.db, s.clock); }

json::object DiaryJson(const domain::Diary& d) { return DiaryShape().Write(d); }

Result<domain::DiaryFilter> ReadFilter(const http::Request& request) {
  using F = domain::DiaryFilter;
  return ReadListFilter<F>(request, {{"user", &F::user_id}}, {{"from", &F::from}, {"to", &F::to}});
}

http::Response ListDiaries(Services& s, Call& c) {
  auto f = ReadFilter(c.request);
  if (!f) return ErrorResponse(f.error());
  return ReplyPage(Diaries(s).List(c.actor(), *f), f->page, DiaryJson);
}

http::Response GetDiary(Services& s, Call& c) {
  return Reply(Diaries(s).Get(c.actor(), c.param("id")), 200, DiaryJson);
}

http::Response CreateDiary(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadDiary);
  if (!in) return ErrorResponse(in.error());
  return Reply(Diaries(s).Create(c.actor(), *in), 201, DiaryJson);
}

http::Response UpdateDiary(Services& s, Call& c) {
  auto in = ReadVersioned(c.request, ReadDiary);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  return Updated(
      Diaries(s).Update(c.actor(), id, in->version, in->input),
      [&] { return Diaries(s).Get(c.actor(), id); }, DiaryJson);
}

http::Response ReviewDiary(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadDiaryReview);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  return Updated(
      Diaries(s).Review(c.actor(), id, in->version, in->comment, in->accept),
      [&] { return Diaries(s).Get(c.actor(), id); }, DiaryJson);
}

http::Response GetTeamTally(Services& s, Call& c) {
  return Reply(Diaries(s).Tally(c.actor(), QueryText(c.request, "month").value_or(""),
                                QueryText(c.request, "user")),
               200, [](const auto& t) { return TeamTallyShape().Write(t); });
}

}  // namespace

void AddDiaryRoutes(RouteTable& t, Services& s) {
  // clang-format off
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/diaries", ListDiaries},
      {"POST", "/api/v1/diaries", CreateDiary, Create::kJson, GetDiary},
      {"GET", "/api/v1/diaries/{id}", GetDiary},
      {"PATCH", "/api/v1/diaries/{id}", UpdateDiary},
      {"POST", "/api/v1/diaries/{id}/review", ReviewDiary},
      {"GET", "/api/v1/team/tally", GetTeamTally},
  };
  // clang-format on
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
