#include "api/registry_dto.hpp"

#include "api/json_io.hpp"
#include "domain/demographics.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

const Shape<domain::RegistryOption>& OptionShape() {
  using O = domain::RegistryOption;
  static const auto shape = Shape<O>("RegistryOption")
                                .Field("code", &O::code)
                                .Field("name", &O::name)
                                .Field("name_local", &O::name_local);
  return shape;
}

const Shape<domain::PovertyBandSet>& BandSetShape() {
  using S = domain::PovertyBandSet;
  using B = domain::PovertyBand;
  static const auto band = Shape<B>("")
                               .Field("code", &B::code)
                               .Field("name", &B::name)
                               .Field("name_local", &B::name_local)
                               .Field("lower_bound", &B::lower_bound)
                               .Field("poor", &B::poor);
  static const auto shape = Shape<S>("PovertyBandSet")
                                .Field("effective_from", &S::effective_from)
                                .Field("source", &S::source)
                                .Nested("bands", band, [](const S& s) { return s.bands; });
  return shape;
}

const Shape<domain::Checklist>& ChecklistShape() {
  using L = domain::Checklist;
  using I = domain::ChecklistItem;
  using G = domain::ChecklistGrade;
  static const auto item = Shape<I>("")
                               .Field("code", &I::code)
                               .Field("name", &I::name)
                               .Field("max_score", &I::max_score)
                               .Field("section", &I::section);
  static const auto grade =
      Shape<G>("").Field("grade", &G::grade).Field("min_percent", &G::min_percent);
  static const auto shape = Shape<L>("Checklist")
                                .Field("code", &L::code)
                                .Field("name", &L::name)
                                .Field("institution_types", &L::institution_types)
                                .Field("purpose", &L::purpose)
                                .Nested("items", item, [](const L& l) { return l.items; })
                                .Nested("grades", grade, [](const L& l) { return l.grades; });
  return shape;
}

}  // namespace

const Shape<domain::InstitutionType>& InstitutionTypeShape() {
  using T = domain::InstitutionType;
  static const std::string_view kKinds[] = {domain::MemberKindId(domain::MemberKind::kHousehold),
                                            domain::MemberKindId(domain::MemberKind::kPerson),
                                            domain::MemberKindId(domain::MemberKind::kInstitution)};
  static const auto shape =
      Shape<T>("InstitutionType")
          .Field("code", &T::code)
          .Field("name", &T::name)
          .Field("name_local", &T::name_local)
          .Field("tier", &T::tier)
          .Field("parent_types", &T::parent_types)
          .Computed(
              "member_kind", [](const T& t) { return domain::MemberKindId(t.member_kind); }, kKinds)
          .Field("size_min", &T::size_min)
          .Field("size_max", &T::size_max);
  return shape;
}

const Shape<domain::RegistryConfig>& RegistryConfigShape() {
  using C = domain::RegistryConfig;
  static const auto shape =
      Shape<C>("RegistryConfig")
          .Nested("institution_types", InstitutionTypeShape(), [](const C& c) { return c.types; })
          .Nested("poverty_band_sets", BandSetShape(), [](const C& c) { return c.band_sets; })
          .Nested("checklists", ChecklistShape(), [](const C& c) { return c.checklists; })
          .Nested("member_roles", OptionShape(), [](const C& c) { return c.member_roles; })
          .Nested("vulnerability_flags", OptionShape(),
                  [](const C& c) { return c.vulnerability_flags; })
          .Nested("activity_types", OptionShape(), [](const C& c) { return c.activity_types; })
          .Nested("topics", OptionShape(), [](const C& c) { return c.topics; })
          .Nested("facility_types", OptionShape(), [](const C& c) { return c.facility_types; })
          .Nested("risk_categories", OptionShape(), [](const C& c) { return c.risk_categories; });
  return shape;
}

const Shape<domain::Warning>& WarningShape() {
  using W = domain::Warning;
  // The record a warning points at: a household for a possible duplicate, else an institution.
  auto record = [](bool household) {
    return [household](const W& w) {
      return (w.code == "possible_duplicate") == household ? w.record_id : std::nullopt;
    };
  };
  static const auto shape = Shape<W>("Warning")
                                .Field("code", &W::code)
                                .Field("message", &W::message)
                                .WhenPresent("household_id", record(true))
                                .WhenPresent("institution_id", record(false))
                                .WhenPresent("count", [](const W& w) { return w.count; })
                                .WhenPresent("limit", [](const W& w) { return w.limit; });
  return shape;
}

const Shape<InstitutionView>& InstitutionShape() {
  using V = InstitutionView;
  using I = domain::Institution;
  static const auto record = Shape<I>("")
                                 .Field("id", &I::id)
                                 .Field("code", &I::code)
                                 .Field("type", &I::type)
                                 .Field("tier", &I::tier)
                                 .Field("area_id", &I::area_id)
                                 .Field("area_name", &I::area_name)
                                 .Field("parent_id", &I::parent_id)
                                 .Field("parent_name", &I::parent_name)
                                 .Field("name", &I::name)
                                 .Field("name_local", &I::name_local)
                                 .Field("formed_on", &I::formed_on)
                                 .Field("sex_composition", &I::sex_composition)
                                 .Field("status", &I::status, domain::kInstitutionStatuses)
                                 .Field("status_on", &I::status_on)
                                 .Field("status_reason", &I::status_reason)
                                 .Field("merged_into_id", &I::merged_into_id)
                                 .Field("meeting_frequency", &I::meeting_frequency)
                                 .Field("registration_status", &I::registration_status)
                                 .Field("registration_authority", &I::registration_authority)
                                 .Field("registration_number", &I::registration_number)
                                 .Field("registration_date", &I::registration_date)
                                 .Field("bank_status", &I::bank_status)
                                 .Field("bank_name", &I::bank_name)
                                 .Field("bank_opened_on", &I::bank_opened_on)
                                 .Field("savings", &I::savings)
                                 .Field("notes", &I::notes)
                                 .Field("member_count", &I::member_count)
                                 .Field("child_count", &I::child_count)
                                 .Field("latest_grade", &I::latest_grade)
                                 .Field("latest_assessed_on", &I::latest_assessed_on)
                                 .Field("version", &I::version)
                                 .Field("created_at", &I::created_at)
                                 .Field("updated_at", &I::updated_at);
  static const auto shape =
      Shape<V>("Institution")
          .Include(record, [](const V& v) -> const I& { return v.institution; })
          .Nested("warnings", WarningShape(), [](const V& v) { return v.warnings; });
  return shape;
}

const Shape<domain::StatusChange>& StatusChangeShape() {
  using C = domain::StatusChange;
  static const auto shape = Shape<C>("StatusChange")
                                .Field("status", &C::status)
                                .Field("status_on", &C::status_on)
                                .Field("reason", &C::reason)
                                .Field("at", &C::at);
  return shape;
}

const Shape<domain::Membership>& MembershipShape() {
  using M = domain::Membership;
  static const auto shape = Shape<M>("Membership")
                                .Field("id", &M::id)
                                .Field("institution_id", &M::institution_id)
                                .Field("institution_name", &M::institution_name)
                                .Field("type", &M::type)
                                .Field("household_id", &M::household_id)
                                .Field("household_name", &M::household_name)
                                .Field("person_id", &M::person_id)
                                .Field("person_name", &M::person_name)
                                .Field("person_sex", &M::person_sex)
                                .Field("member_institution_id", &M::member_institution_id)
                                .Field("member_institution_name", &M::member_institution_name)
                                .Field("role", &M::role)
                                .Field("joined_on", &M::joined_on)
                                .Field("left_on", &M::left_on)
                                .Field("left_reason", &M::left_reason)
                                .Field("version", &M::version);
  return shape;
}

const Shape<domain::Assessment>& AssessmentShape() {
  using A = domain::Assessment;
  static const auto shape = Shape<A>("Assessment")
                                .Field("id", &A::id)
                                .Field("institution_id", &A::institution_id)
                                .Field("checklist", &A::checklist)
                                .Field("assessed_on", &A::assessed_on)
                                .Field("score", &A::score)
                                .Field("grade", &A::grade)
                                .Field("answers", &A::answers)
                                .Field("notes", &A::notes)
                                .Field("created_at", &A::created_at);
  return shape;
}

const Shape<domain::Household>& HouseholdShape() {
  using H = domain::Household;
  static const auto shape =
      Shape<H>("Household")
          .Field("id", &H::id)
          .Field("code", &H::code)
          .Field("area_id", &H::area_id)
          .Field("area_name", &H::area_name)
          .Field("head_name", &H::head_name)
          .Field("head_father_name", &H::head_father_name)
          .Field("head_person_id", &H::head_person_id)
          .Field("address", &H::address)
          .Field("latitude", &H::latitude)
          .Field("longitude", &H::longitude)
          .Field("phone", &H::phone)
          .Field("national_id", &H::national_id)
          .Field("national_id_masked", &H::national_id_masked)
          .Field("psc_score", &H::psc_score)
          .Field("psc_date", &H::psc_date)
          .Field("psc_source", &H::psc_source)
          .Field("poverty_band", &H::poverty_band)
          .Field("poor", &H::poor)
          .Field("flags", &H::flags)
          .Field("person_count", &H::person_count)
          .Field("membership_count", &H::membership_count)
          .Computed("organised", [](const H& h) { return h.membership_count > 0; })
          .Field("merged_into_id", &H::merged_into_id)
          .Field("version", &H::version)
          .Field("created_at", &H::created_at)
          .Field("updated_at", &H::updated_at);
  return shape;
}

const Shape<AsOf<domain::Person>>& PersonShape() {
  using V = AsOf<domain::Person>;
  using Answer = std::remove_cvref_t<decltype((*domain::Person{}.wg)[0])>;
  // The Washington Group answers by domain name, in the set's order; null when not asked.
  auto wg = [](const V& v) {
    std::optional<std::vector<std::pair<std::string, Answer>>> out;
    if (!v.record.wg) return out;
    out.emplace();
    for (std::size_t i = 0; i < 6; ++i) out->emplace_back(domain::kWgDomains[i], (*v.record.wg)[i]);
    return out;
  };
  auto age = [](const V& v) {
    std::optional<int> out;
    if (v.record.birth_date)
      if (auto a = domain::AgeOn(*v.record.birth_date, v.today)) out = *a;
    return out;
  };
  static const auto shape =
      Shape<V>("Person")
          .Computed("id", [](const V& v) { return v.record.id; })
          .Computed("household_id", [](const V& v) { return v.record.household_id; })
          .Computed("name", [](const V& v) { return v.record.name; })
          .Computed(
              "sex", [](const V& v) { return v.record.sex; }, domain::kSexes)
          .Computed("birth_date", [](const V& v) { return v.record.birth_date; })
          .Computed("birth_date_estimated",
                    [](const V& v) { return v.record.birth_date_estimated; })
          .Computed("age", age)
          .Computed("relation", [](const V& v) { return v.record.relation; })
          .Computed("wg", wg)
          .Computed("disability", [](const V& v) { return v.record.disability; })
          .Computed("displacement", [](const V& v) { return v.record.displacement; })
          .Computed("phone", [](const V& v) { return v.record.phone; })
          .Computed("version", [](const V& v) { return v.record.version; });
  return shape;
}

namespace {

std::vector<AsOf<domain::Person>> PeopleAsOf(const std::vector<domain::Person>& people,
                                             const std::string& today) {
  std::vector<AsOf<domain::Person>> out;
  for (const auto& p : people) out.push_back({p, today});
  return out;
}

}  // namespace

const Shape<AsOf<domain::HouseholdDetail>>& HouseholdDetailShape() {
  using V = AsOf<domain::HouseholdDetail>;
  static const auto shape =
      Shape<V>("HouseholdDetail")
          .Include(HouseholdShape(),
                   [](const V& v) -> const domain::Household& { return v.record.household; })
          .Nested("people", PersonShape(),
                  [](const V& v) { return PeopleAsOf(v.record.people, v.today); })
          .Nested("memberships", MembershipShape(), [](const V& v) { return v.record.memberships; })
          .Nested("warnings", WarningShape(), [](const V& v) { return v.record.warnings; });
  return shape;
}

const Shape<domain::RegistrySummary>& SummaryShape() {
  using S = domain::RegistrySummary;
  using IC = domain::InstitutionCount;
  using BC = domain::BandCount;
  using MC = domain::MemberCount;
  using AR = domain::AreaRollup;
  using HT = domain::HouseholdTotals;
  static const auto area = Shape<S>("").Field("id", &S::area_id).Field("name", &S::area_name);
  static const auto inst = Shape<IC>("")
                               .Field("type", &IC::type)
                               .Field("tier", &IC::tier)
                               .Field("status", &IC::status)
                               .Field("count", &IC::count);
  static const auto band = Shape<BC>("")
                               .Field("band", &BC::band)
                               .Field("poor", &BC::poor)
                               .Field("registered", &BC::registered)
                               .Field("organised", &BC::organised);
  static const auto totals = Shape<HT>("")
                                 .Field("registered", &HT::registered)
                                 .Field("organised", &HT::organised)
                                 .Field("poor_registered", &HT::poor_registered)
                                 .Field("poor_organised", &HT::poor_organised)
                                 .Nested("by_band", band, [](const HT& h) { return h.by_band; });
  static const auto members = Shape<MC>("")
                                  .Field("sex", &MC::sex)
                                  .Field("age_band", &MC::age_band)
                                  .Field("disability", &MC::disability)
                                  .Field("count", &MC::count);
  static const auto child = Shape<AR>("")
                                .Field("area_id", &AR::area_id)
                                .Field("name", &AR::name)
                                .Field("households", &AR::households)
                                .Field("organised", &AR::organised)
                                .Field("poor", &AR::poor)
                                .Field("poor_organised", &AR::poor_organised)
                                .Field("institutions", &AR::institutions);
  static const auto shape =
      Shape<S>("RegistrySummary")
          .Nested("area", area, [](const S& s) -> const S& { return s; })
          .Nested("institutions", inst, [](const S& s) { return s.institutions; })
          .Nested("households", totals, [](const S& s) -> const HT& { return s.households; })
          .Nested("members", members, [](const S& s) { return s.members; })
          .Nested("children", child, [](const S& s) { return s.children; });
  return shape;
}

const Shape<domain::InstitutionDetail>& InstitutionDetailShape() {
  using D = domain::InstitutionDetail;
  static const auto shape = Shape<D>("InstitutionDetail")
                                .Include(InstitutionShape(),
                                         [](const D& d) {
                                           return InstitutionView{d.institution, d.warnings};
                                         })
                                .Nested("status_history", StatusChangeShape(),
                                        [](const D& d) { return d.status_history; });
  return shape;
}

const Shape<domain::MembershipResult>& MembershipResultShape() {
  using R = domain::MembershipResult;
  static const auto shape =
      Shape<R>("MembershipResult")
          .Include(MembershipShape(),
                   [](const R& r) -> const domain::Membership& { return r.membership; })
          .Nested("warnings", WarningShape(), [](const R& r) { return r.warnings; });
  return shape;
}

const Shape<AsOf<std::vector<domain::Person>>>& PeopleShape() {
  using V = AsOf<std::vector<domain::Person>>;
  static const auto shape =
      Shape<V>("People")
          .Nested("items", PersonShape(), [](const V& v) { return PeopleAsOf(v.record, v.today); })
          .Computed("total", [](const V& v) { return static_cast<std::int64_t>(v.record.size()); });
  return shape;
}

const Shape<domain::DuplicatePair>& DuplicatePairShape() {
  using D = domain::DuplicatePair;
  static constexpr std::string_view kReasons[] = {"national_id", "similar_names"};
  static const auto shape =
      Shape<D>("DuplicatePair")
          .Field("reason", &D::reason, kReasons)
          .Field("similarity", &D::similarity)
          .Nested("a", HouseholdShape(), [](const D& d) -> const domain::Household& { return d.a; })
          .Nested("b", HouseholdShape(),
                  [](const D& d) -> const domain::Household& { return d.b; });
  return shape;
}

json::object DuplicatePairJson(const domain::DuplicatePair& d) {
  return DuplicatePairShape().Write(d);
}

json::object DetailJson(const domain::InstitutionDetail& d) {
  return InstitutionDetailShape().Write(d);
}
json::object MembershipResultJson(const domain::MembershipResult& r) {
  return MembershipResultShape().Write(r);
}
json::object PeopleJson(const std::vector<domain::Person>& v, const std::string& today) {
  return PeopleShape().Write({v, today});
}

json::object InstitutionTypeJson(const domain::InstitutionType& t) {
  return InstitutionTypeShape().Write(t);
}
json::object RegistryConfigJson(const domain::RegistryConfig& c) {
  return RegistryConfigShape().Write(c);
}
json::array WarningsJson(const std::vector<domain::Warning>& warnings) {
  json::array a;
  for (const auto& w : warnings) a.push_back(WarningShape().Write(w));
  return a;
}
json::object InstitutionJson(const domain::Institution& i,
                             const std::vector<domain::Warning>& warnings) {
  return InstitutionShape().Write({i, warnings});
}
json::object StatusChangeJson(const domain::StatusChange& c) {
  return StatusChangeShape().Write(c);
}
json::object MembershipJson(const domain::Membership& m) { return MembershipShape().Write(m); }
json::object AssessmentJson(const domain::Assessment& a) { return AssessmentShape().Write(a); }
json::object HouseholdJson(const domain::Household& h) { return HouseholdShape().Write(h); }
json::object PersonJson(const domain::Person& p, const std::string& today) {
  return PersonShape().Write({p, today});
}
json::object HouseholdDetailJson(const domain::HouseholdDetail& d, const std::string& today) {
  return HouseholdDetailShape().Write({d, today});
}
json::object SummaryJson(const domain::RegistrySummary& s) { return SummaryShape().Write(s); }

}  // namespace mobilise::api
