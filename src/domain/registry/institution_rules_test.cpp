#include "domain/registry/institution_rules.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace mobilise::domain {
namespace {

using enum InstitutionStatus;

constexpr InstitutionStatus kAll[] = {kForming, kActive, kDormant, kDissolved, kMerged};

RegistryConfig Config() {
  RegistryConfig c;
  InstitutionType co;
  co.code = "CO";
  co.tier = 1;
  co.parent_types = {"VO"};
  co.size_min = 15;
  co.size_max = 25;
  InstitutionType vo;
  vo.code = "VO";
  vo.tier = 2;
  vo.member_kind = MemberKind::kInstitution;
  InstitutionType shg;
  shg.code = "SHG";
  shg.member_kind = MemberKind::kPerson;
  c.types = {co, vo, shg};
  c.member_roles = {{"member", "Member", {}}, {"president", "President", {}}};
  c.checklists = {{"co_maturity",
                   "CO maturity",
                   {"CO"},
                   {{"meets", "Meets", 2}, {"saves", "Saves", 2}},
                   {{"A", 75}, {"B", 50}, {"C", 0}}}};
  return c;
}

Actor Mobiliser(const std::string& path = "/k1/") {
  return Actor{"u1", "mobiliser", "127.0.0.1", {{Role::kMobiliser, "a1", path, false}}};
}

Institution Existing(std::string status, std::string type = "CO") {
  Institution i;
  i.id = "i1";
  i.type = std::move(type);
  i.area_path = "/k1/k2/";
  i.name = "Gul Bagh CO";
  i.formed_on = "2024-03-01";
  i.status = std::move(status);
  return i;
}

InstitutionInput StatusTo(std::string status, std::optional<std::string> reason = std::nullopt) {
  InstitutionInput in;
  in.status = std::move(status);
  in.status_reason = std::move(reason);
  return in;
}

TEST(InstitutionStatus, StoredAsItsString) {
  for (auto s : kAll) EXPECT_EQ(ParseInstitutionStatus(ToString(s)), s);
  EXPECT_EQ(ToString(kDormant), "dormant");
  EXPECT_EQ(ParseInstitutionStatus("Active"), std::nullopt);
  EXPECT_TRUE(IsFinal(kDissolved) && IsFinal(kMerged));
  EXPECT_FALSE(IsFinal(kForming) || IsFinal(kActive) || IsFinal(kDormant));
  EXPECT_TRUE(IsFinalStatus("merged"));
  EXPECT_FALSE(IsFinalStatus("unknown"));
}

// forming -> active <-> dormant; any living status -> dissolved | merged; nothing back to
// forming, nothing out of a final status.
TEST(InstitutionTransitions, TheTableAllowsExactlyTheLifecycle) {
  for (auto from : kAll)
    for (auto to : kAll) {
      if (from == to) continue;
      const bool allowed = !IsFinal(from) && to != kForming;
      EXPECT_EQ(FindTransition(from, to) != nullptr, allowed)
          << ToString(from) << " -> " << ToString(to);
      EXPECT_EQ(!TransitionProblem(from, to).has_value(), allowed)
          << ToString(from) << " -> " << ToString(to);
    }
  EXPECT_EQ(InstitutionTransitions().size(), 10u);
  for (const auto& t : InstitutionTransitions()) EXPECT_EQ(t.who, Permission::kRegistryWrite);
  EXPECT_EQ(FindTransition(kDormant, kActive)->action, "reactivate");
  EXPECT_EQ(FindTransition(kActive, kDissolved)->action, "dissolve");
}

TEST(InstitutionTransitions, RefusalsSayWhy) {
  EXPECT_EQ(TransitionProblem(kDissolved, kActive), "a dissolved institution cannot change status");
  EXPECT_EQ(TransitionProblem(kMerged, kForming), "a merged institution cannot change status");
  EXPECT_EQ(TransitionProblem(kActive, kForming), "cannot go back to forming");
  EXPECT_EQ(TransitionProblem(kDormant, kForming), "cannot go back to forming");
}

TEST(ApplyInstitutionStatus, AChangeByTheTableIsRecorded) {
  auto inst = Existing("active");
  FieldErrors errors;
  auto in = StatusTo("dormant");
  in.status_on = "2025-01-10";
  EXPECT_TRUE(ApplyInstitutionStatus(Mobiliser(), inst, in, false, "2025-02-01", errors));
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(inst.status, "dormant");
  EXPECT_EQ(inst.status_on, "2025-01-10");
  // The same status again is no change.
  EXPECT_FALSE(
      ApplyInstitutionStatus(Mobiliser(), inst, StatusTo("dormant"), false, "2025-02-01", errors));
  EXPECT_TRUE(errors.empty());
}

TEST(ApplyInstitutionStatus, RefusedChangesNameTheField) {
  auto check = [](std::string from, InstitutionInput in) {
    auto inst = Existing(std::move(from));
    FieldErrors errors;
    ApplyInstitutionStatus(Mobiliser(), inst, in, false, "2025-02-01", errors);
    return errors;
  };
  EXPECT_EQ(check("dissolved", StatusTo("active"))["status"],
            "a dissolved institution cannot change status");
  // A final status says so even when the new status is not one at all.
  EXPECT_EQ(check("merged", StatusTo("revived"))["status"],
            "a merged institution cannot change status");
  EXPECT_EQ(check("active", StatusTo("revived"))["status"],
            "must be one of forming, active, dormant, dissolved, merged");
  EXPECT_EQ(check("dormant", StatusTo("forming"))["status"], "cannot go back to forming");
  EXPECT_EQ(check("active", StatusTo("dissolved"))["status_reason"],
            "is required when an institution is dissolved");
  EXPECT_EQ(check("active", StatusTo("merged", "joined the next village"))["merged_into_id"],
            "is required when merged");
  auto early = StatusTo("dormant");
  early.status_on = "2024-02-28";
  EXPECT_EQ(check("active", early)["status_on"], problem::BeforeFormedOn("2024-03-01"));
  InstitutionInput stray;
  stray.status_reason = "no reason";
  EXPECT_EQ(check("active", stray)["status"],
            "status_on, status_reason and merged_into_id go with a status change");
}

TEST(ApplyInstitutionStatus, TheTableSaysWhoMay) {
  auto inst = Existing("active");
  FieldErrors errors;
  Actor me{"u2", "me", "", {{Role::kMe, "a1", "/k1/", false}}};  // reads the registry only
  ApplyInstitutionStatus(me, inst, StatusTo("dormant"), false, "2025-02-01", errors);
  EXPECT_EQ(errors["status"], "your role may not suspend this institution");
}

TEST(ApplyInstitutionStatus, ANewInstitutionMayStartInAnyStatusAndDefaultsToForming) {
  Institution fresh;
  fresh.formed_on = "2024-05-01";
  FieldErrors errors;
  EXPECT_TRUE(ApplyInstitutionStatus(Mobiliser(), fresh, {}, true, "2025-02-01", errors));
  EXPECT_EQ(fresh.status, "forming");
  EXPECT_EQ(fresh.status_on, "2024-05-01");
  Institution undated;
  EXPECT_TRUE(ApplyInstitutionStatus(Mobiliser(), undated, {}, true, "2025-02-01", errors));
  EXPECT_EQ(undated.status_on, "2025-02-01");
  Institution old;
  EXPECT_TRUE(ApplyInstitutionStatus(Mobiliser(), old, StatusTo("dissolved", "flood"), true,
                                     "2025-02-01", errors));
  EXPECT_EQ(old.status, "dissolved");
  EXPECT_TRUE(errors.empty());
}

// "Cannot be in the future" means after today as the injected clock has it, up to the last
// millisecond of the day.
TEST(InstitutionDates, NotInTheFutureExactlyAtTheDayBoundary) {
  FixedClock clock("2026-11-23T23:59:59.999Z");
  const auto config = Config();
  InstitutionInput in;
  in.formed_on = "2026-11-24";
  in.registration_date = "2026-11-23";
  Institution inst = Existing("active");
  FieldErrors errors;
  ApplyInstitutionFields(config, inst, in, false, clock.Today(), errors);
  EXPECT_EQ(errors.count("formed_on"), 1u);
  EXPECT_EQ(errors.count("registration_date"), 0u);
  clock.Advance(std::chrono::milliseconds(1));  // midnight: the 24th is today
  errors.clear();
  ApplyInstitutionFields(config, inst, in, false, clock.Today(), errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(inst.formed_on, "2026-11-24");
}

TEST(ApplyInstitutionFields, RequiredTogetherAndOneOf) {
  const auto config = Config();
  Institution inst;
  FieldErrors errors;
  ApplyInstitutionFields(config, inst, {}, true, "2025-02-01", errors);
  EXPECT_EQ(FieldTexts(errors),
            (std::map<std::string, std::string>{{"type", "is required"},
                                                {"area_id", "is required"},
                                                {"name", "is required"},
                                                {"sex_composition", "is required"}}));
  InstitutionInput in;
  in.type = "VO";
  in.bank_status = "opened";
  in.registration_status = "registered";
  in.meeting_frequency = "daily";
  in.savings = 1234.567;
  inst = Existing("active");
  errors.clear();
  ApplyInstitutionFields(config, inst, in, false, "2025-02-01", errors);
  EXPECT_EQ(errors["type"], "cannot change; register a new institution of the other type");
  EXPECT_EQ(errors["bank_name"], "is required when the account is opened");
  EXPECT_EQ(errors["registration_number"], "is required when registered");
  EXPECT_EQ(errors["meeting_frequency"],
            "must be one of weekly, fortnightly, monthly, quarterly, irregular");
  EXPECT_DOUBLE_EQ(inst.savings, 1234.57);
  Institution other;
  in = {};
  in.type = "XYZ";
  errors.clear();
  ApplyInstitutionFields(config, other, in, true, "2025-02-01", errors);
  EXPECT_EQ(errors["type"], "unknown institution type");
}

TEST(Federation, TypeAreaAndStatusOfTheParent) {
  const auto config = Config();
  auto co = Existing("active");
  auto vo = Existing("active", "VO");
  vo.id = "v1";
  vo.area_path = "/k1/";
  EXPECT_EQ(FederationProblem(config.Type("CO"), co, vo), std::nullopt);
  EXPECT_EQ(FederationProblem(config.Type("VO"), vo, co),
            "a VO cannot federate into a CO (it federates into nothing)");
  auto shg = Existing("active", "SHG");
  EXPECT_EQ(FederationProblem(config.Type("CO"), co, shg),
            "a CO cannot federate into a SHG (only into VO)");
  vo.area_path = "/k1/k3/";  // a neighbouring area
  EXPECT_EQ(FederationProblem(config.Type("CO"), co, vo),
            "the federation must be in the institution's area or one above it");
  vo.area_path = "/k1/";
  vo.status = "dissolved";
  EXPECT_EQ(FederationProblem(config.Type("CO"), co, vo), "the federation is dissolved or merged");
}

TEST(Merge, IntoAnotherLivingInstitutionOfTheSameType) {
  auto inst = Existing("active");
  EXPECT_EQ(MergeTargetProblem(inst, inst), "cannot merge into itself");
  auto into = Existing("dormant");
  into.id = "i2";
  EXPECT_EQ(MergeTargetProblem(inst, into), std::nullopt);
  into.status = "merged";
  EXPECT_EQ(MergeTargetProblem(inst, into), "is itself dissolved or merged");
  into.type = "VO";
  EXPECT_EQ(MergeTargetProblem(inst, into), "must be an institution of the same type");
}

TEST(Membership, BasicsSexCompositionAndEnding) {
  const auto config = Config();
  auto inst = Existing("dissolved");
  MemberInput in;
  in.role = "treasurer";
  in.joined_on = "2024-01-15";
  FieldErrors errors;
  CheckMemberBasics(config, inst, in, "2025-02-01", errors);
  EXPECT_EQ(FieldTexts(errors),
            (std::map<std::string, std::string>{
                {"role", "unknown member role"},
                {"joined_on", "is before the institution was formed (2024-03-01)"},
                {"institution", "is dissolved; it takes no members"}}));
  auto shg = Existing("active", "SHG");
  shg.sex_composition = "women";
  EXPECT_EQ(SexCompositionProblem(shg, "m"), "this is a women's SHG");
  EXPECT_EQ(SexCompositionProblem(shg, "f"), std::nullopt);
  shg.sex_composition = "mixed";
  EXPECT_EQ(SexCompositionProblem(shg, "x"), std::nullopt);
  EXPECT_EQ(MemberField(MemberKind::kInstitution), "member_institution_id");

  Membership found;
  found.joined_on = "2024-04-01";
  Membership m = found;
  MemberPatch p;
  p.left_on = "2024-03-31";
  errors.clear();
  ApplyMemberPatch(config, found, p, "2025-02-01", m, errors);
  EXPECT_EQ(errors["left_on"], "is before the member joined");
  p = {};
  p.left_reason = "moved away";
  errors.clear();
  ApplyMemberPatch(config, found, p, "2025-02-01", m, errors);
  EXPECT_EQ(errors["left_reason"], "goes with left_on");
}

TEST(Assessment, ScoredAgainstItsChecklist) {
  const auto config = Config();
  const auto inst = Existing("active");
  AssessmentInput in;
  in.checklist = "co_maturity";
  in.assessed_on = "2025-01-20";
  in.answers = {{"meets", 2}, {"saves", 1}};
  Assessment a;
  FieldErrors errors;
  ScoreAssessment(config, inst, in, "2025-02-01", a, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_DOUBLE_EQ(a.score, 75);
  EXPECT_EQ(a.grade, "A");
  EXPECT_EQ(a.answers, (std::map<std::string, int>{{"meets", 2}, {"saves", 1}}));
  in.answers = {{"meets", 3}, {"sings", 1}};
  Assessment bad;
  ScoreAssessment(config, inst, in, "2025-02-01", bad, errors);
  EXPECT_EQ(FieldTexts(errors), (std::map<std::string, std::string>{
                                    {"answers.meets", "must be between 0 and 2"},
                                    {"answers.saves", "is required"},
                                    {"answers.sings", "is not an item of co_maturity"}}));
  errors.clear();
  ScoreAssessment(config, Existing("active", "VO"), in, "2025-02-01", bad, errors);
  EXPECT_EQ(errors["checklist"], "does not apply to a VO");
}

TEST(SizeWarning, OutsideTheTypesExpectedSizeButNotWhileForming) {
  const auto config = Config();
  auto inst = Existing("active");
  inst.member_count = 26;
  auto w = SizeWarning(config, inst);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->message, "CO has 26 members, above the expected 25");
  EXPECT_EQ(w->limit, 25);
  inst.member_count = 3;
  EXPECT_EQ(SizeWarning(config, inst)->message, "CO has 3 members, below the expected 15");
  inst.status = "forming";
  EXPECT_FALSE(SizeWarning(config, inst));
}

}  // namespace
}  // namespace mobilise::domain
