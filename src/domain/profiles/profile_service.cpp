#include "domain/profiles/profile_service.hpp"

#include <algorithm>

#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/demographics.hpp"
#include "domain/idempotency/idempotency.hpp"

namespace mobilise::domain {
namespace {

std::vector<std::string> Codes(const std::vector<RegistryOption>& options) {
  std::vector<std::string> out;
  for (const auto& o : options) out.push_back(o.code);
  return out;
}

// The newest version dated on or before `as_of` (versions are oldest first), and the one
// before it.
std::pair<const ProfileVersionRef*, const ProfileVersionRef*> VersionAsOf(
    const std::vector<ProfileVersionRef>& versions, const std::string& as_of) {
  const ProfileVersionRef *found = nullptr, *before = nullptr;
  for (const auto& v : versions) {
    if (v.as_of > as_of) break;
    before = found;
    found = &v;
  }
  return {found, before};
}

ProfileRegistryFigures FiguresOf(const RegistrySummary& s) {
  ProfileRegistryFigures f;
  f.households = s.households.registered;
  f.poor_households = s.households.poor_registered;
  f.by_band = s.households.by_band;
  for (const auto& i : s.institutions) f.institutions += i.count;
  for (auto sex : kSexes) {
    std::int64_t n = 0;
    for (const auto& m : s.members)
      if (m.sex == sex) n += m.count;
    f.people_by_sex.emplace_back(std::string(sex), n);
  }
  return f;
}

Snapshot ProfileSnapshot(const ProfileVersion& v) {
  const auto& c = v.content;
  return {{"area_id", v.area_id},
          {"as_of", v.as_of},
          {"figures", std::to_string(c.figures.size())},
          {"facilities", std::to_string(c.facilities.size())},
          {"personnel", std::to_string(c.personnel.size())},
          {"institutions", std::to_string(c.institutions.size())},
          {"hazards", std::to_string(c.hazards.size())},
          {"swot", std::to_string(c.swot.strengths.size() + c.swot.weaknesses.size() +
                                  c.swot.opportunities.size() + c.swot.threats.size())}};
}

// Each named institution must be of the registry, in the area's subtree; its name and type are
// read with it.
void CheckInstitutions(ProfileRepository& repo, const Area& area, ProfileContent& c,
                       FieldErrors& errors) {
  std::vector<std::string> ids;
  for (const auto& k : c.institutions) ids.push_back(k.institution_id);
  const auto found = repo.Institutions(ids, area.path);
  for (std::size_t i = 0; i < c.institutions.size(); ++i) {
    auto& k = c.institutions[i];
    auto it = std::find_if(found.begin(), found.end(), [&](const ProfileInstitution& x) {
      return x.institution_id == k.institution_id;
    });
    if (it == found.end()) {
      errors["institutions[" + std::to_string(i) + "].institution_id"] =
          problem::NoSuchInScope("institution");
      continue;
    }
    k.name = it->name;
    k.type = it->type;
  }
}

}  // namespace

std::vector<std::string> ProfileService::FacilityTypes() {
  return Codes(db_.Begin(false)->RegistryConfig().Load().facility_types);
}

Result<ProfileView> ProfileService::Get(const Actor& actor, const std::string& area_id,
                                        std::optional<std::string> as_of) {
  if (as_of && !IsValidDate(*as_of))
    return Fail(Error::Validation("as_of is not a date", {{"as_of", problem::NotADate()}}));
  auto uow = db_.Begin(false);
  auto area = VisibleArea(uow->Areas(), actor, area_id);
  if (!area) return Fail(Error::NotFound("area"));
  ProfileView view;
  view.area_id = area->id;
  view.area_name = area->name;
  view.area_level = area->level;
  view.as_of = as_of.value_or(clock_.Today());
  view.contacts_visible = actor.Can(Permission::kNationalIdRead, area->path);
  view.versions = uow->Profiles().Versions(area->id);
  const auto [found, before] = VersionAsOf(view.versions, view.as_of);
  if (found) {
    view.version = uow->Profiles().Get(found->id);
    ProfileContent previous;
    if (before) {
      view.previous_as_of = before->as_of;
      if (auto p = uow->Profiles().Get(before->id)) previous = p->content;
    }
    view.changes = DiffProfiles(previous, view.version->content, view.contacts_visible);
    if (!view.contacts_visible) HideContacts(view.version->content);
  }
  auto summary = summary_.Summary(actor, area->id);
  if (!summary) return Fail(summary.error());
  view.registry = FiguresOf(*summary);
  return view;
}

Result<ProfileView> ProfileService::Save(const Actor& actor, const std::string& area_id,
                                         const ProfileInput& in) {
  std::string area_path;
  {
    auto uow = db_.Begin(true);
    auto area = VisibleArea(uow->Areas(), actor, area_id);
    if (!area) return Fail(Error::NotFound("area"));
    if (!actor.Can(Permission::kRegistryWrite, area->path))
      return Fail(Error::Forbidden("registry writers of the area keep its profile"));
    if (auto ok = ClaimRecordId(*uow, RecordTable::kProfile, in.id); !ok) return Fail(ok.error());
    ProfileVersion v;
    FieldErrors errors;
    v.id = NewRecordId(in.id, "id", errors);
    v.area_id = area->id;
    v.as_of = in.as_of;
    CheckPastDate(errors, "as_of", in.as_of, clock_.Today());
    if (in.note) CheckOptionalName(errors, "note", *in.note, 1000);
    v.note = in.note ? NonEmpty(*in.note) : std::nullopt;
    v.content = in.content;
    CheckProfileContent(v.content, Codes(uow->RegistryConfig().Load().facility_types),
                        clock_.Today(), errors);
    CheckInstitutions(uow->Profiles(), *area, v.content, errors);
    if (!errors.empty()) return Fail(Error::Validation("the profile has invalid fields", errors));
    if (!actor.Can(Permission::kNationalIdRead, area->path)) {
      const auto versions = uow->Profiles().Versions(area->id);
      if (!versions.empty())
        if (auto latest = uow->Profiles().Get(versions.back().id))
          KeepContacts(v.content, latest->content);
    }
    v.created_at = clock_.Timestamp();
    v.created_by = actor.UserId();
    uow->Profiles().Insert(v);
    RecordAudit(uow->Audit(), clock_, actor, "create", "community_profile", v.id, area->path,
                std::nullopt, ProfileSnapshot(v));
    uow->Commit();
  }
  return Get(actor, area_id, in.as_of);
}

}  // namespace mobilise::domain
