#include "domain/feedback/feedback_rules.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <span>

#include "core/clock.hpp"
#include "core/enum_text.hpp"
#include "domain/demographics.hpp"

namespace mobilise::domain {
namespace {

constexpr std::array<std::string_view, 4> kActionTexts = {"assign", "refer", "respond", "close"};

const FeedbackCategory* FindCategory(const std::vector<FeedbackCategory>& list,
                                     std::string_view code) {
  for (const auto& c : list)
    if (c.code == code) return &c;
  return nullptr;
}

Permission HandlerPermission(const Feedback& f) {
  return f.sensitive ? Permission::kFeedbackSensitive : Permission::kFeedbackManage;
}

// The person who gave the feedback: name, contact, sex and age band (all optional).
void ApplyPerson(Feedback& f, const FeedbackInput& in, FieldErrors& errors) {
  if (in.anonymous) f.anonymous = *in.anonymous;
  if (in.person_name)
    CheckOptionalName(errors, "person_name", *in.person_name),
        f.person_name = NonEmpty(*in.person_name);
  if (in.person_contact) {
    CheckOptionalName(errors, "person_contact", *in.person_contact, 200);
    f.person_contact = NonEmpty(*in.person_contact);
  }
  if (f.anonymous && (f.person_name || f.person_contact))
    errors["anonymous"] = problem::AnonymousNoContact();
  if (in.person_sex) {
    if (!in.person_sex->empty()) CheckOneOf(errors, "person_sex", *in.person_sex, kSexes);
    f.person_sex = NonEmpty(*in.person_sex);
  }
  if (in.person_age_band) {
    if (!in.person_age_band->empty())
      CheckOneOf(errors, "person_age_band", *in.person_age_band, kAgeBandCodes);
    f.person_age_band = NonEmpty(*in.person_age_band);
  }
}

}  // namespace

std::string_view ToString(FeedbackStatus status) { return EnumText(kFeedbackStatuses, status); }

std::optional<FeedbackStatus> ParseFeedbackStatus(std::string_view text) {
  return ParseEnumText<FeedbackStatus>(kFeedbackStatuses, text);
}

std::string_view ToString(FeedbackAction action) { return EnumText(kActionTexts, action); }

std::optional<FeedbackAction> ParseFeedbackAction(std::string_view text) {
  return ParseEnumText<FeedbackAction>(kActionTexts, text);
}

std::optional<FeedbackStatus> NextStatus(FeedbackStatus from, FeedbackAction action) {
  for (const auto& t : kFeedbackTransitions)
    if (t.from == from && t.action == action) return t.to;
  return std::nullopt;
}

bool MaySee(const Actor& actor, const Feedback& f) {
  return f.sensitive ? actor.Can(Permission::kFeedbackSensitive, f.area_path)
                     : actor.Sees(f.area_path);
}

bool MayManage(const Actor& actor, const Feedback& f) {
  return actor.Can(HandlerPermission(f), f.area_path);
}

void Protect(const Actor& actor, Feedback& f) {
  if (!MayManage(actor, f) && f.person_contact) {
    f.person_contact.reset();
    f.contact_hidden = true;
  }
}

Feedback Receipt(const Feedback& f) {
  Feedback receipt;
  receipt.id = f.id;
  receipt.short_ref = f.short_ref;
  receipt.area_id = f.area_id;
  receipt.received_on = f.received_on;
  receipt.category = f.category;
  receipt.channel = f.channel;
  receipt.sensitive = true;
  receipt.status = f.status;
  receipt.due_on = f.due_on;
  receipt.created_at = f.created_at;
  receipt.updated_at = f.updated_at;
  return receipt;
}

Snapshot FeedbackSnapshot(const Feedback& f) {
  Snapshot s{{"area_id", f.area_id},
             {"category", f.category},
             {"channel", f.channel},
             {"status", std::string(ToString(f.status))},
             {"received_on", f.received_on},
             {"due_on", f.due_on},
             {"version", std::to_string(f.version)}};
  if (!f.sensitive) {
    s["description"] = f.description;
    s["assigned_to"] = f.assigned_to;
    s["referred_to"] = f.referred_to;
    s["response"] = f.response;
    s["closed_on"] = f.closed_on;
  }
  return s;
}

bool MayBeAssigned(const std::vector<RoleAssignment>& roles, const Feedback& f) {
  return std::any_of(roles.begin(), roles.end(), [&](const RoleAssignment& r) {
    return PathWithin(f.area_path, r.area_path) && RoleAllows(r.role, HandlerPermission(f));
  });
}

std::string DueOn(const std::string& received_on, int due_hours) {
  auto t = ParseTimestamp(received_on);
  if (!t) return received_on;
  const int days = (due_hours + 23) / 24;
  return FormatTimestamp(*t + std::chrono::hours(24 * days)).substr(0, 10);
}

void ApplyFeedbackFields(const std::vector<FeedbackCategory>& categories, Feedback& f,
                         const FeedbackInput& in, bool creating, std::string_view today,
                         FieldErrors& errors) {
  if (creating) {
    if (!in.area_id) errors["area_id"] = problem::Required();
    if (!in.channel) errors["channel"] = problem::Required();
    if (!in.category) errors["category"] = problem::Required();
    if (!in.description) errors["description"] = problem::Required();
  }
  if (in.received_on)
    CheckPastDate(errors, "received_on", *in.received_on, today), f.received_on = *in.received_on;
  if (creating && !in.received_on) f.received_on = today;
  if (in.channel) {
    CheckOneOf(errors, "channel", *in.channel, kFeedbackChannels);
    f.channel = *in.channel;
  }
  if (in.category) {
    const auto* c = FindCategory(categories, *in.category);
    if (!c) {
      errors["category"] = problem::Unknown("feedback_category");
    } else {
      f.category = c->code;
      f.sensitive = c->sensitive;
    }
  }
  if (const auto* c = FindCategory(categories, f.category))
    if (IsValidDate(f.received_on)) f.due_on = DueOn(f.received_on, c->due_hours);
  ApplyPerson(f, in, errors);
  if (in.description)
    CheckName(errors, "description", *in.description, 4000), f.description = *in.description;
  if (in.language) {
    if (in.language->size() > 10) errors["language"] = problem::LanguageCodeTooLong(10);
    f.language = NonEmpty(*in.language);
  }
  if (in.tags) CheckTags(errors, *in.tags, f.tags);
}

void CheckTags(FieldErrors& errors, const std::vector<std::string>& tags,
               std::vector<std::string>& out) {
  if (tags.size() > 10) errors["tags"] = problem::AtMost(10, "tags");
  out.clear();
  for (const auto& t : tags) {
    std::string lower = AsciiLower(t);
    const bool ok = !lower.empty() && lower.size() <= 40 &&
                    std::all_of(lower.begin(), lower.end(), [](unsigned char c) {
                      return std::isalnum(c) || c == '_' || c == '-';
                    });
    if (!ok)
      errors["tags"] = problem::TagForm();
    else if (std::find(out.begin(), out.end(), lower) == out.end())
      out.push_back(lower);
  }
}

void ApplyRefer(Feedback& f, const FeedbackStep& s, FieldErrors& errors) {
  if (!s.referred_to || s.referred_to->empty())
    errors["referred_to"] = problem::RequiredToWhom();
  else
    CheckName(errors, "referred_to", *s.referred_to, 200), f.referred_to = *s.referred_to;
}

void ApplyRespond(Feedback& f, const FeedbackStep& s, std::string_view today, FieldErrors& errors) {
  if (!s.response || s.response->empty())
    errors["response"] = problem::Required();
  else
    CheckName(errors, "response", *s.response, 4000), f.response = *s.response;
  f.responded_on = s.responded_on.value_or(std::string(today));
  CheckPastDate(errors, "responded_on", *f.responded_on, today);
  if (*f.responded_on < f.received_on) errors["responded_on"] = problem::BeforeReceived();
}

void ApplyClose(Feedback& f, const FeedbackStep& s, std::string_view today, FieldErrors& errors) {
  f.closed_on = s.closed_on.value_or(std::string(today));
  CheckPastDate(errors, "closed_on", *f.closed_on, today);
  if (f.responded_on && *f.closed_on < *f.responded_on)
    errors["closed_on"] = problem::BeforeThe("response");
  if (!s.loop_closed_by)
    errors["loop_closed_by"] = problem::RequiredHowReached();
  else
    CheckOneOf(errors, "loop_closed_by", *s.loop_closed_by,
               {"in_person", "phone", "sms", "community_meeting", "notice_board", "not_reachable"});
  f.loop_closed_by = s.loop_closed_by;
  if (s.satisfaction) {
    CheckOneOf(errors, "satisfaction", *s.satisfaction, {"satisfied", "neutral", "dissatisfied"});
    // Only the person can say whether they are satisfied.
    if (f.anonymous || s.loop_closed_by == "not_reachable" || s.loop_closed_by == "notice_board" ||
        s.loop_closed_by == "community_meeting")
      errors["satisfaction"] = problem::SatisfactionAskedInPerson();
    f.satisfaction = s.satisfaction;
  }
}

std::vector<std::pair<std::string, std::int64_t>> TopTags(const std::vector<std::string>& texts,
                                                          std::size_t most) {
  std::map<std::string, std::int64_t> tags;
  for (const auto& text : texts) {
    std::string t;
    for (char c : text + " ") {
      if (c == ' ') {
        if (!t.empty()) ++tags[t];
        t.clear();
      } else {
        t += c;
      }
    }
  }
  std::vector<std::pair<std::string, std::int64_t>> top(tags.begin(), tags.end());
  std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (top.size() > most) top.resize(most);
  return top;
}

}  // namespace mobilise::domain
