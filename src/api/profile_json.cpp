#include "api/profile_json.hpp"

#include "domain/demographics.hpp"

namespace mobilise::api {

namespace json = boost::json;
using domain::ProfileContent;

namespace {

// The content's fields, written from whatever holds a ProfileContent.
template <class T, class F>
Shape<T>& WithContent(Shape<T>& s, F content) {
  static const auto figure = Shape<domain::ProfileFigure>("ProfileFigure")
                                 .Field("name", &domain::ProfileFigure::name)
                                 .Field("value", &domain::ProfileFigure::value)
                                 .Field("source", &domain::ProfileFigure::source)
                                 .Field("dated_on", &domain::ProfileFigure::dated_on);
  using Fa = domain::ProfileFacility;
  static const auto facility = Shape<Fa>("ProfileFacility")
                                   .Field("type", &Fa::type)
                                   .Field("name", &Fa::name)
                                   .Field("status", &Fa::status, domain::kFacilityStatuses)
                                   .Field("latitude", &Fa::latitude)
                                   .Field("longitude", &Fa::longitude);
  using P = domain::ProfilePerson;
  static const auto person = Shape<P>("ProfilePerson")
                                 .Field("name", &P::name)
                                 .Field("position", &P::position)
                                 .Field("organisation", &P::organisation)
                                 .Field("contact", &P::contact);
  using I = domain::ProfileInstitution;
  static const auto institution = Shape<I>("ProfileInstitution")
                                      .Field("institution_id", &I::institution_id)
                                      .Field("name", &I::name)
                                      .Field("type", &I::type)
                                      .Field("note", &I::note)
                                      .Field("latitude", &I::latitude)
                                      .Field("longitude", &I::longitude);
  return s.Nested("figures", figure, [content](const T& t) { return content(t).figures; })
      .Nested("facilities", facility, [content](const T& t) { return content(t).facilities; })
      .Nested("personnel", person, [content](const T& t) { return content(t).personnel; })
      .Nested("institutions", institution,
              [content](const T& t) { return content(t).institutions; })
      .Computed("hazards", [content](const T& t) { return content(t).hazards; })
      .Computed("strengths", [content](const T& t) { return content(t).swot.strengths; })
      .Computed("weaknesses", [content](const T& t) { return content(t).swot.weaknesses; })
      .Computed("opportunities", [content](const T& t) { return content(t).swot.opportunities; })
      .Computed("threats", [content](const T& t) { return content(t).swot.threats; });
}

const Shape<domain::ProfileVersion>& VersionShape() {
  using V = domain::ProfileVersion;
  static const auto shape = [] {
    Shape<V> s("ProfileVersion");
    s.Field("id", &V::id)
        .Field("as_of", &V::as_of)
        .Field("note", &V::note)
        .Field("created_at", &V::created_at)
        .Field("created_by_name", &V::created_by_name);
    WithContent(s, [](const V& v) -> const ProfileContent& { return v.content; });
    return s;
  }();
  return shape;
}

const Shape<domain::ProfileRegistryFigures>& RegistryFiguresShape() {
  using R = domain::ProfileRegistryFigures;
  using B = domain::BandCount;
  static const auto band = Shape<B>("")
                               .Field("band", &B::band)
                               .Field("poor", &B::poor)
                               .Field("registered", &B::registered);
  static const auto shape = Shape<R>("ProfileRegistryFigures")
                                .Field("households", &R::households)
                                .Field("poor_households", &R::poor_households)
                                .Field("institutions", &R::institutions)
                                .Field("members_by_sex", &R::people_by_sex)
                                .Nested("by_band", band, [](const R& r) { return r.by_band; });
  return shape;
}

const Shape<domain::RiskLevelChange>& ChangeShape() {
  using C = domain::RiskLevelChange;
  static const auto shape =
      Shape<C>("RiskLevelChange")
          .Field("id", &C::id)
          .Field("risk_id", &C::risk_id)
          .Field("changed_at", &C::changed_at)
          .Field("changed_by_name", &C::changed_by_name)
          .Field("from_level", &C::from_level)
          .Field("to_level", &C::to_level)
          .Computed("from_band", [](const C& c) { return domain::RiskBand(c.from_level); })
          .Computed("to_band", [](const C& c) { return domain::RiskBand(c.to_level); })
          .Field("area_id", &C::area_id)
          .Field("area_name", &C::area_name)
          .Field("category", &C::category)
          .Field("description", &C::description);
  return shape;
}

std::vector<std::string> Texts(ObjectReader& r, const std::string& key) {
  return r.OptionalStrings(key).value_or(std::vector<std::string>{});
}

// A latitude and longitude, both or neither (the domain checks the pair).
template <class T>
void ReadPlace(ObjectReader& o, T& x) {
  x.latitude = o.NullableNumber("latitude").value_or(std::nullopt);
  x.longitude = o.NullableNumber("longitude").value_or(std::nullopt);
}

template <class T, class F>
std::vector<T> Items(ObjectReader& r, const std::string& key, F read) {
  return ReadObjects<T>(r, key, r.OptionalArray(key), read).value_or(std::vector<T>{});
}

}  // namespace

const Shape<domain::ProfileView>& ProfileViewShape() {
  using V = domain::ProfileView;
  using Ch = domain::ProfileChange;
  using Ref = domain::ProfileVersionRef;
  static const auto change = Shape<Ch>("ProfileChange")
                                 .Field("section", &Ch::section)
                                 .Field("item", &Ch::item)
                                 .Field("field", &Ch::field)
                                 .Field("before", &Ch::before)
                                 .Field("after", &Ch::after);
  static const auto ref = Shape<Ref>("ProfileVersionRef")
                              .Field("id", &Ref::id)
                              .Field("as_of", &Ref::as_of)
                              .Field("created_at", &Ref::created_at)
                              .Field("created_by_name", &Ref::created_by_name);
  static const auto shape =
      Shape<V>("CommunityProfile")
          .Computed("id",
                    [](const V& v) {
                      return v.version ? std::optional<std::string>(v.version->id) : std::nullopt;
                    })
          .Field("area_id", &V::area_id)
          .Field("area_name", &V::area_name)
          .Field("area_level", &V::area_level)
          .Field("as_of", &V::as_of)
          .Field("contacts_visible", &V::contacts_visible)
          .Nested("version", VersionShape(), [](const V& v) { return v.version; })
          .Field("previous_as_of", &V::previous_as_of)
          .Nested("changes", change, [](const V& v) { return v.changes; })
          .Nested("versions", ref, [](const V& v) { return v.versions; })
          .Nested("registry", RegistryFiguresShape(), [](const V& v) { return v.registry; });
  return shape;
}

const Shape<domain::Risk>& RiskShape() {
  using R = domain::Risk;
  static const auto shape =
      Shape<R>("Risk")
          .Field("id", &R::id)
          .Field("area_id", &R::area_id)
          .Field("area_name", &R::area_name)
          .Field("category", &R::category)
          .Field("description", &R::description)
          .Field("likelihood", &R::likelihood)
          .Field("impact", &R::impact)
          .Field("level", &R::level)
          .Computed("band", [](const R& r) { return domain::RiskBand(r.level); })
          .Field("trend", &R::trend, domain::kRiskTrends)
          .Field("mitigation", &R::mitigation)
          .Field("owner_id", &R::owner_id)
          .Field("owner_name", &R::owner_name)
          .Field("next_review_on", &R::next_review_on)
          .Field("overdue", &R::overdue)
          .Field("version", &R::version);
  return shape;
}

const Shape<domain::Risk>& RiskDetailShape() {
  using R = domain::Risk;
  static const auto shape =
      Shape<R>("RiskDetail")
          .Include(RiskShape(), [](const R& r) -> const R& { return r; })
          .Nested("changes", ChangeShape(), [](const R& r) { return r.changes; });
  return shape;
}

const Shape<domain::RiskAlerts>& RiskAlertsShape() {
  using A = domain::RiskAlerts;
  static const auto shape =
      Shape<A>("RiskAlerts")
          .Nested("changes", ChangeShape(), [](const A& a) { return a.changes; })
          .Nested("overdue", RiskShape(), [](const A& a) { return a.overdue; })
          .Field("overdue_total", &A::overdue_total);
  return shape;
}

json::object ProfileViewJson(const domain::ProfileView& v) { return ProfileViewShape().Write(v); }
json::object RiskJson(const domain::Risk& r) { return RiskShape().Write(r); }
json::object RiskDetailJson(const domain::Risk& r) { return RiskDetailShape().Write(r); }
json::object RiskAlertsJson(const domain::RiskAlerts& a) { return RiskAlertsShape().Write(a); }

domain::ProfileInput ReadProfile(ObjectReader& r) {
  domain::ProfileInput in;
  in.id = ReadClientId(r);
  in.as_of = r.RequiredString("as_of");
  in.note = r.OptionalString("note");
  auto& c = in.content;
  c.figures = Items<domain::ProfileFigure>(r, "figures", [](ObjectReader& o) {
    domain::ProfileFigure f;
    f.name = o.RequiredString("name");
    const auto value = o.OptionalNumber("value");
    if (!value && !o.recording() && !o.errors().count(o.Path("value")))
      o.Invalid("value", problem::Required());
    f.value = value.value_or(0);
    f.source = o.RequiredString("source");
    f.dated_on = o.RequiredString("dated_on");
    return f;
  });
  c.facilities = Items<domain::ProfileFacility>(r, "facilities", [](ObjectReader& o) {
    domain::ProfileFacility f;
    f.type = o.RequiredString("type");
    f.name = o.RequiredString("name");
    f.status = o.RequiredString("status");
    ReadPlace(o, f);
    return f;
  });
  c.personnel = Items<domain::ProfilePerson>(r, "personnel", [](ObjectReader& o) {
    domain::ProfilePerson p;
    p.name = o.RequiredString("name");
    p.position = o.RequiredString("position");
    p.organisation = o.OptionalString("organisation").value_or("");
    p.contact = o.NullableString("contact").value_or(std::nullopt);
    if (p.contact && p.contact->empty()) p.contact.reset();
    return p;
  });
  c.institutions = Items<domain::ProfileInstitution>(r, "institutions", [](ObjectReader& o) {
    domain::ProfileInstitution k;
    k.institution_id = o.RequiredString("institution_id");
    k.note = o.NullableString("note").value_or(std::nullopt);
    if (k.note && k.note->empty()) k.note.reset();
    ReadPlace(o, k);
    return k;
  });
  c.hazards = Texts(r, "hazards");
  c.swot.strengths = Texts(r, "strengths");
  c.swot.weaknesses = Texts(r, "weaknesses");
  c.swot.opportunities = Texts(r, "opportunities");
  c.swot.threats = Texts(r, "threats");
  return in;
}

domain::RiskInput ReadRiskPatch(ObjectReader& r) {
  domain::RiskInput in;
  in.area_id = r.OptionalString("area_id");
  in.category = r.OptionalString("category");
  in.description = r.OptionalString("description");
  in.likelihood = r.OptionalInt("likelihood");
  in.impact = r.OptionalInt("impact");
  in.trend = r.OptionalString("trend");
  in.mitigation = r.ClearableString("mitigation");
  in.owner_id = r.ClearableString("owner_id");
  in.next_review_on = r.OptionalString("next_review_on");
  return in;
}

domain::RiskInput ReadNewRisk(ObjectReader& r) {
  auto in = ReadRiskPatch(r);
  in.id = ReadClientId(r);
  return in;
}

}  // namespace mobilise::api
