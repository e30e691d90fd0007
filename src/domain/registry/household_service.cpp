#include "domain/registry/household_service.hpp"

#include <algorithm>
#include <map>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/registry/household_rules.hpp"
#include "domain/versioned.hpp"

namespace mobilise::domain {
namespace {

void Mask(const Actor& actor, Household& h) {
  if (h.national_id && !actor.Can(Permission::kNationalIdRead, h.area_path)) {
    h.national_id = MaskNationalId(*h.national_id);
    h.national_id_masked = true;
  }
}

Result<Household> Visible(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  if (!IsValidId(id)) return Fail(Error::NotFound("household"));
  auto h = uow.Households().Get(id);
  if (!h || !actor.Sees(h->area_path)) return Fail(Error::NotFound("household"));
  return *h;
}

Result<Household> Writable(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  auto h = Visible(uow, actor, id);
  if (h && !actor.Can(Permission::kRegistryWrite, h->area_path)) return Fail(Error::Forbidden());
  return h;
}

// The area a household may be registered in, or a field error.
std::optional<Area> WritableArea(UnitOfWork& uow, const Actor& actor, const std::string& area_id,
                                 FieldErrors& errors) {
  auto area = VisibleArea(uow.Areas(), actor, area_id);
  if (!area) {
    errors["area_id"] = problem::NoSuchInScope("area");
    return std::nullopt;
  }
  if (!actor.Can(Permission::kRegistryWrite, area->path)) {
    errors["area_id"] = problem::RoleMayNotInArea("register_households");
    return std::nullopt;
  }
  return area;
}

// Same national ID elsewhere (409 unless allowed) and similar names in the same village
// (warnings).
Status CheckDuplicates(UnitOfWork& uow, const Actor& actor, const Household& h,
                       bool allow_duplicate, std::vector<Warning>& warnings) {
  if (h.national_id && !allow_duplicate) {
    auto same = uow.Households().ByNationalId(*h.national_id);
    std::erase_if(same, [&](const Household& o) { return o.id == h.id; });
    if (!same.empty()) {
      std::string where;
      for (const auto& o : same)
        where += (where.empty() ? "" : ", ") +
                 (actor.Sees(o.area_path) ? o.head_name + " (" + o.area_name + ")"
                                          : std::string("a household outside your areas"));
      Error e = Error::Conflict("another household has this national ID: " + where +
                                "; send allow_duplicate to register it anyway");
      e.fields["national_id"] = problem::AlreadyRegistered();
      return Fail(e);
    }
  }
  for (const auto& k : uow.Households().KeysInArea(h.area_id)) {
    if (k.id == h.id) continue;
    if (auto s = SimilarHousehold(h.name_key, k.name_key))
      warnings.push_back(Warning{"possible_duplicate",
                                 "a household with similar names is registered in this village",
                                 k.id});
  }
  return {};
}

// The client's ids of a new household and its people, if given: none taken by another record.
Status ClaimHouseholdIds(UnitOfWork& uow, const HouseholdInput& in) {
  if (auto ok = ClaimRecordId(uow, RecordTable::kHousehold, in.id); !ok) return ok;
  for (std::size_t i = 0; i < in.people.size(); ++i)
    if (auto ok = ClaimRecordId(uow, RecordTable::kPerson, in.people[i].id,
                                "people[" + std::to_string(i) + "].id");
        !ok)
      return ok;
  return {};
}

// The id of the new household's person `i`: the client's (well-formed, not another person's of
// the request) or a new one.
std::string NewPersonId(const HouseholdInput& in, std::size_t i, FieldErrors& errors) {
  const std::string field = "people[" + std::to_string(i) + "].id";
  for (std::size_t j = 0; j < i; ++j)
    if (in.people[i].id && in.people[j].id == in.people[i].id)
      errors[field] = problem::SameIdAs("people[" + std::to_string(j) + "]");
  return NewRecordId(in.people[i].id, field, errors);
}

}  // namespace

Result<Page<Household>> HouseholdService::List(const Actor& actor, const HouseholdFilter& f) {
  auto uow = db_.Begin(false);
  HouseholdQuery q;
  auto scope = ListScope(uow->Areas(), actor, Permission::kRegistryRead, f.area_id);
  if (!scope) return Fail(scope.error());
  q.scope = std::move(*scope);
  q.band = f.band;
  q.flag = f.flag;
  q.text = f.text;
  q.organised = f.organised;
  q.page = f.page;
  if (q.scope.empty()) return Page<Household>{};
  auto page = uow->Households().List(q);
  for (auto& h : page.items) Mask(actor, h);
  return page;
}

Result<HouseholdDetail> HouseholdService::Get(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto h = Visible(*uow, actor, id);
  if (!h) return Fail(h.error());
  HouseholdDetail d{
      *h, uow->Households().People(id), uow->Institutions().MembershipsOfHousehold(id), {}};
  Mask(actor, d.household);
  return d;
}

Result<HouseholdDetail> HouseholdService::Create(const Actor& actor, const HouseholdInput& in) {
  auto uow = db_.Begin(true);
  if (auto ok = ClaimHouseholdIds(*uow, in); !ok) return Fail(ok.error());
  const auto config = uow->RegistryConfig().Load();
  FieldErrors errors;
  Household h;
  h.id = NewRecordId(in.id, "id", errors);
  std::optional<Area> area;
  if (!in.area_id)
    errors["area_id"] = problem::Required();
  else
    area = WritableArea(*uow, actor, *in.area_id, errors);
  if (area) {
    h.area_id = area->id;
    h.area_path = area->path;
  }
  ApplyHousehold(config, h, in, true, clock_.Today(), errors);
  if (h.code && uow->Households().GetByCode(*h.code))
    errors["code"] = problem::CodeTaken("household");
  const auto now = clock_.Timestamp();
  std::vector<Person> people;
  int heads = 0;
  for (std::size_t i = 0; i < in.people.size(); ++i) {
    Person p;
    p.id = NewPersonId(in, i, errors);
    p.household_id = h.id;
    p.area_path = h.area_path;
    ApplyPerson(p, in.people[i], true, clock_.Today(), errors,
                "people[" + std::to_string(i) + "].");
    if (p.relation == "head" && ++heads > 1)
      errors["people[" + std::to_string(i) + "].relation"] = problem::HouseholdHasHead();
    p.created_at = p.updated_at = now;
    p.created_by = p.updated_by = actor.UserId();
    if (p.relation == "head") h.head_person_id = p.id;
    people.push_back(std::move(p));
  }
  if (in.people.size() > 60) errors["people"] = problem::AtMostPeople(60);
  if (!errors.empty()) return Fail(Error::Validation("the household has invalid fields", errors));
  DeriveFlags(h, people, clock_.Today());
  std::vector<Warning> warnings;
  if (auto ok = CheckDuplicates(*uow, actor, h, in.allow_duplicate, warnings); !ok)
    return Fail(ok.error());
  h.person_count = static_cast<std::int64_t>(people.size());
  h.created_at = h.updated_at = now;
  h.created_by = h.updated_by = actor.UserId();
  if (auto ok = uow->Households().Insert(h); !ok) return Fail(ok.error());
  for (const auto& p : people) uow->Households().InsertPerson(p);
  RecordAudit(uow->Audit(), clock_, actor, "create", "household", h.id, h.area_path, std::nullopt,
              HouseholdSnapshot(h));
  for (const auto& p : people)
    RecordAudit(uow->Audit(), clock_, actor, "create", "person", p.id, h.area_path, std::nullopt,
                PersonSnapshot(p));
  HouseholdDetail d{*uow->Households().Get(h.id), uow->Households().People(h.id), {}, warnings};
  uow->Commit();
  Mask(actor, d.household);
  return d;
}

Result<HouseholdDetail> HouseholdService::Update(const Actor& actor, const std::string& id,
                                                 std::int64_t version, const HouseholdInput& in) {
  auto uow = db_.Begin(true);
  auto found = Writable(*uow, actor, id);
  if (!found) return Fail(found.error());
  const Household before = *found;
  if (version != before.version) return Fail(Error::Stale("household", before.version));
  const auto config = uow->RegistryConfig().Load();
  FieldErrors errors;
  Household h = before;
  if (in.area_id && *in.area_id != h.area_id) {
    if (auto area = WritableArea(*uow, actor, *in.area_id, errors)) {
      if (before.membership_count > 0) errors["area_id"] = problem::HouseholdInInstitutions();
      h.area_id = area->id;
      h.area_path = area->path;
    }
  }
  ApplyHousehold(config, h, in, false, clock_.Today(), errors);
  if (h.code && h.code != before.code && uow->Households().GetByCode(*h.code))
    errors["code"] = problem::CodeTaken("household");
  if (!in.people.empty())
    errors["people"] = problem::PeopleThroughHousehold("/households/{id}/people");
  if (!errors.empty()) return Fail(Error::Validation("the household has invalid fields", errors));
  auto people = uow->Households().People(id);
  DeriveFlags(h, people, clock_.Today());
  std::vector<Warning> warnings;
  if (h.national_id != before.national_id || h.name_key != before.name_key) {
    if (auto ok = CheckDuplicates(*uow, actor, h, in.allow_duplicate, warnings); !ok)
      return Fail(ok.error());
  }
  NextVersion(h, before, actor, clock_.Timestamp());
  if (!uow->Households().Update(h, before.version))
    return Fail(Error::Conflict("the household was changed by someone else; reload"));
  if (h.area_path != before.area_path)
    for (auto p : people) {
      p.area_path = h.area_path;
      uow->Households().UpdatePerson(p, p.version);
    }
  RecordAudit(uow->Audit(), clock_, actor, "update", "household", h.id, h.area_path,
              HouseholdSnapshot(before), HouseholdSnapshot(h));
  HouseholdDetail d{*uow->Households().Get(h.id), uow->Households().People(h.id),
                    uow->Institutions().MembershipsOfHousehold(h.id), warnings};
  uow->Commit();
  Mask(actor, d.household);
  return d;
}

Status HouseholdService::Delete(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(true);
  auto found = Writable(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (found->membership_count > 0)
    return Fail(Error::Conflict("the household is a current member of " +
                                std::to_string(found->membership_count) +
                                " institutions; end those memberships first"));
  uow->Households().SoftDelete(id, clock_.Timestamp());
  RecordAudit(uow->Audit(), clock_, actor, "delete", "household", id, found->area_path,
              HouseholdSnapshot(*found), std::nullopt);
  uow->Commit();
  return {};
}

Result<std::vector<Person>> HouseholdService::People(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto h = Visible(*uow, actor, id);
  if (!h) return Fail(h.error());
  return uow->Households().People(id);
}

Result<Person> HouseholdService::AddPerson(const Actor& actor, const std::string& id,
                                           const PersonInput& in) {
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kPerson, in.id); !ok) return Fail(ok.error());
  auto found = Writable(*uow, actor, id);
  if (!found) return Fail(found.error());
  Household h = *found;
  FieldErrors errors;
  Person p;
  p.id = NewRecordId(in.id, "id", errors);
  p.household_id = id;
  p.area_path = h.area_path;
  ApplyPerson(p, in, true, clock_.Today(), errors);
  auto people = uow->Households().People(id);
  if (p.relation == "head" && h.head_person_id) errors["relation"] = problem::HouseholdHasHead();
  if (people.size() >= 60) errors["household"] = problem::AtMostPeople(60);
  if (!errors.empty()) return Fail(Error::Validation("the person has invalid fields", errors));
  p.created_at = p.updated_at = clock_.Timestamp();
  p.created_by = p.updated_by = actor.UserId();
  uow->Households().InsertPerson(p);
  people.push_back(p);
  const Household before = h;
  if (p.relation == "head") {
    h.head_person_id = p.id;
    h.head_name = p.name;
    h.name_key = HouseholdNameKey(h.head_name, h.head_father_name.value_or(""));
  }
  DeriveFlags(h, people, clock_.Today());
  NextVersion(h, before, actor, p.updated_at);
  uow->Households().Update(h, before.version);
  uow->Households().RefreshCounts(id);
  RecordAudit(uow->Audit(), clock_, actor, "create", "person", p.id, h.area_path, std::nullopt,
              PersonSnapshot(p));
  uow->Commit();
  return p;
}

Result<Person> HouseholdService::UpdatePerson(const Actor& actor, const std::string& id,
                                              const std::string& person_id, std::int64_t version,
                                              const PersonInput& in) {
  auto uow = db_.Begin(true);
  auto found = Writable(*uow, actor, id);
  if (!found) return Fail(found.error());
  auto before = IsValidId(person_id) ? uow->Households().GetPerson(person_id) : std::nullopt;
  if (!before || before->household_id != id) return Fail(Error::NotFound("person"));
  if (version != before->version) return Fail(Error::Stale("person", before->version));
  FieldErrors errors;
  Person p = *before;
  ApplyPerson(p, in, false, clock_.Today(), errors);
  if (p.relation == "head" && before->relation != "head" && found->head_person_id)
    errors["relation"] = problem::HouseholdHasHead();
  if (!errors.empty()) return Fail(Error::Validation("the person has invalid fields", errors));
  NextVersion(p, *before, actor, clock_.Timestamp());
  if (!uow->Households().UpdatePerson(p, before->version))
    return Fail(Error::Conflict("the person was changed by someone else; reload"));
  Household h = *found;
  if (p.relation == "head") {
    h.head_person_id = p.id;
    h.head_name = p.name;
  } else if (h.head_person_id == p.id) {
    h.head_person_id.reset();
  }
  h.name_key = HouseholdNameKey(h.head_name, h.head_father_name.value_or(""));
  DeriveFlags(h, uow->Households().People(id), clock_.Today());
  NextVersion(h, *found, actor, p.updated_at);
  uow->Households().Update(h, found->version);
  RecordAudit(uow->Audit(), clock_, actor, "update", "person", p.id, h.area_path,
              PersonSnapshot(*before), PersonSnapshot(p));
  uow->Commit();
  return p;
}

Result<Page<DuplicatePair>> HouseholdService::Duplicates(const Actor& actor,
                                                         std::optional<std::string> area_id,
                                                         PageRequest page) {
  auto uow = db_.Begin(false);
  auto found_scope = ListScope(uow->Areas(), actor, Permission::kRegistryRead, area_id);
  if (!found_scope) return Fail(found_scope.error());
  const std::vector<PathRange>& scope = *found_scope;
  if (scope.empty()) return Page<DuplicatePair>{};
  struct Candidate {
    std::string reason;
    double similarity;
    std::string a, b;
  };
  std::vector<Candidate> found;
  constexpr int kMaxPairs = 5000;
  for (const auto& [a, b] : uow->Households().SameNationalIdPairs(scope, kMaxPairs))
    found.push_back({"national_id", 1.0, a, b});
  // Similar names within each village: only households whose head names start with the same
  // letter are compared, so the cost grows with the village, not the area.
  auto keys = uow->Households().KeysInScope(scope);
  std::map<std::pair<std::string, std::string>, std::vector<const HouseholdKey*>> buckets;
  for (const auto& k : keys) {
    std::size_t n =
        k.name_key.empty() ? 0 : (static_cast<unsigned char>(k.name_key[0]) < 0x80 ? 1 : 2);
    buckets[{k.area_id, k.name_key.substr(0, n)}].push_back(&k);
  }
  for (const auto& [bucket, items] : buckets) {
    for (std::size_t i = 0; i < items.size() && found.size() < kMaxPairs; ++i)
      for (std::size_t j = i + 1; j < items.size(); ++j)
        if (auto s = SimilarHousehold(items[i]->name_key, items[j]->name_key))
          found.push_back({"similar_names", *s, items[i]->id, items[j]->id});
  }
  // A pair found both ways is listed once, as a national-ID match.
  std::sort(found.begin(), found.end(), [](const Candidate& x, const Candidate& y) {
    return std::tie(x.a, x.b, x.reason) < std::tie(y.a, y.b, y.reason);
  });
  found.erase(
      std::unique(found.begin(), found.end(),
                  [](const Candidate& x, const Candidate& y) { return x.a == y.a && x.b == y.b; }),
      found.end());
  Page<DuplicatePair> out;
  out.total = static_cast<std::int64_t>(found.size());
  for (std::int64_t i = page.offset;
       i < out.total && static_cast<int>(out.items.size()) < page.limit; ++i) {
    auto a = uow->Households().Get(found[i].a);
    auto b = uow->Households().Get(found[i].b);
    if (!a || !b) continue;
    Mask(actor, *a);
    Mask(actor, *b);
    out.items.push_back({found[i].reason, found[i].similarity, *a, *b});
  }
  return out;
}

Result<HouseholdDetail> HouseholdService::Merge(const Actor& actor, const std::string& keep_id,
                                                std::int64_t version, const std::string& other_id) {
  auto uow = db_.Begin(true);
  auto keep = Writable(*uow, actor, keep_id);
  if (!keep) return Fail(keep.error());
  auto other = Writable(*uow, actor, other_id);
  if (!other) return Fail(Error::Field("other_id", problem::NoSuchInScope("household")));
  if (keep->id == other->id) return Fail(Error::Field("other_id", problem::SameHousehold()));
  if (version != keep->version) return Fail(Error::Stale("household", keep->version));
  // Both current members of institutions of one type would leave a household in two of them.
  const auto keep_m = uow->Institutions().MembershipsOfHousehold(keep_id);
  for (const auto& m : uow->Institutions().MembershipsOfHousehold(other_id)) {
    if (m.left_on) continue;
    for (const auto& k : keep_m)
      if (!k.left_on && k.type == m.type)
        return Fail(Error::Field("other_id", problem::BothInInstitutionType(m.type)));
  }
  const Household before_keep = *keep, before_other = *other;
  Household h = *keep;
  // Fill what the kept record lacks from the other.
  if (!h.national_id) h.national_id = other->national_id;
  if (!h.phone) h.phone = other->phone;
  if (!h.address) h.address = other->address;
  if (!h.head_father_name) h.head_father_name = other->head_father_name;
  if (!h.latitude && other->latitude) h.latitude = other->latitude, h.longitude = other->longitude;
  if (!h.psc_score && other->psc_score) {
    h.psc_score = other->psc_score;
    h.psc_date = other->psc_date;
    h.psc_source = other->psc_source;
    h.poverty_band = other->poverty_band;
    h.poor = other->poor;
  }
  // The other's people join; a second head becomes a relative (the heads may be one person
  // registered twice: the reviewer edits the people afterwards).
  auto people = uow->Households().People(other_id);
  const auto now = clock_.Timestamp();
  for (auto& p : people) {
    if (p.relation == "head" && h.head_person_id) {
      Person q = p;
      q.relation = "other_relative";
      q.version = p.version + 1;
      q.updated_at = now;
      uow->Households().UpdatePerson(q, p.version);
    }
  }
  uow->Households().MoveMembersTo(other_id, keep_id, h.area_path);
  if (!h.head_person_id) h.head_person_id = other->head_person_id;
  DeriveFlags(h, uow->Households().People(keep_id), clock_.Today());
  NextVersion(h, *keep, actor, now);
  uow->Households().Update(h, keep->version);
  Household o = *other;
  o.merged_into_id = keep_id;
  NextVersion(o, *other, actor, now);
  uow->Households().Update(o, other->version);
  uow->Households().SoftDelete(other_id, now);
  uow->Households().RefreshCounts(keep_id);
  RecordAudit(uow->Audit(), clock_, actor, "merge", "household", other_id, other->area_path,
              HouseholdSnapshot(before_other), HouseholdSnapshot(o));
  RecordAudit(uow->Audit(), clock_, actor, "merge", "household", keep_id, h.area_path,
              HouseholdSnapshot(before_keep), HouseholdSnapshot(h));
  HouseholdDetail d{*uow->Households().Get(keep_id),
                    uow->Households().People(keep_id),
                    uow->Institutions().MembershipsOfHousehold(keep_id),
                    {}};
  uow->Commit();
  Mask(actor, d.household);
  return d;
}

}  // namespace mobilise::domain
