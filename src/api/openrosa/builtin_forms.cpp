// The built-in forms behind the OpenRosa endpoints: generated from the configuration, their CSV
// media read a page at a time from the device user's scope, and submissions made into records
// through the services the web app uses (xforms/builtin holds the pure parts).
#include "api/openrosa/builtin_forms.hpp"

#include <sstream>

#include "api/api.hpp"
#include "api/openrosa/form_files.hpp"
#include "core/id.hpp"
#include "domain/registry/choice_lists.hpp"
#include "domain/sync/sync.hpp"
#include "reports/csv_field.hpp"
#include "xforms/builtin/builtin_xforms.hpp"
#include "xforms/builtin/instance_mappers.hpp"

namespace mobilise::api::openrosa {
namespace {

namespace builtin = xforms::builtin;
using domain::ChoiceRow;

constexpr int kPageRows = 2000;

builtin::Option ToOption(const domain::RegistryOption& o) { return {o.code, o.name, o.name_local}; }

std::vector<builtin::Option> ToOptions(const std::vector<domain::RegistryOption>& options) {
  std::vector<builtin::Option> out;
  for (const auto& o : options) out.push_back(ToOption(o));
  return out;
}

// The bands of the newest set in force on `today` (else the oldest set), as BandFor reads them.
std::vector<builtin::Band> BandsInForce(const std::vector<domain::PovertyBandSet>& sets,
                                        const std::string& today) {
  const domain::PovertyBandSet* in_force = sets.empty() ? nullptr : &sets.back();
  for (const auto& s : sets) {  // newest first
    if (s.effective_from <= today) {
      in_force = &s;
      break;
    }
  }
  std::vector<builtin::Band> out;
  if (in_force)
    for (const auto& b : in_force->bands) out.push_back({b.code, b.lower_bound});
  return out;
}

void WriteRow(std::ostream& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (auto f : fields) {
    if (!first) out << ',';
    reports::WriteCsvField(out, f, false);
    first = false;
  }
  out << "\r\n";
}

using PageReader = std::vector<ChoiceRow> (domain::ChoiceListRepository::*)(
    const domain::PathRange&, const domain::ChoiceCursor&, int);

// Every row of `scope` through `read`, a page at a time, each written by `write`.
template <class Write>
void ReadPages(domain::UnitOfWork& uow, PageReader read,
               const std::vector<domain::PathRange>& scope, Write write) {
  for (const auto& range : scope) {
    domain::ChoiceCursor after;
    for (;;) {
      const auto rows = (uow.ChoiceLists().*read)(range, after, kPageRows);
      for (const auto& row : rows) write(row);
      if (rows.size() < static_cast<std::size_t>(kPageRows)) break;
      after = {rows.back().area_path, rows.back().id};
    }
  }
}

std::string ChoiceCsv(domain::UnitOfWork& uow, std::string_view list,
                      const std::vector<domain::PathRange>& scope) {
  std::ostringstream out;
  if (list == builtin::kAreasMedia) {
    WriteRow(out, {"name", "label"});
    ReadPages(uow, &domain::ChoiceListRepository::Areas, scope, [&](const ChoiceRow& r) {
      WriteRow(out, {r.id, r.name});
    });
  } else if (list == builtin::kInstitutionsMedia) {
    WriteRow(out, {"name", "label", "area", "type"});
    ReadPages(uow, &domain::ChoiceListRepository::Institutions, scope, [&](const ChoiceRow& r) {
      WriteRow(out, {r.id, r.name, r.area_id, r.detail});
    });
  } else {
    WriteRow(out, {"name", "label", "area"});
    ReadPages(uow, &domain::ChoiceListRepository::People, scope, [&](const ChoiceRow& r) {
      const std::string label =
          r.detail.empty() || r.detail == r.name ? r.name : r.name + " (" + r.detail + ")";
      WriteRow(out, {r.id, label, r.area_id});
    });
  }
  return out.str();
}

std::string CsvName(std::string_view list) { return std::string(list) + ".csv"; }

// The change feed's entities a list is read from (a person's rows are its household's).
std::vector<domain::SyncEntity> EntitiesOf(std::string_view list) {
  if (list == builtin::kAreasMedia) return {domain::SyncEntity::kAreas};
  if (list == builtin::kInstitutionsMedia) return {domain::SyncEntity::kInstitutions};
  return {domain::SyncEntity::kHouseholds};
}

// The choice lists of a built-in form and the permission whose scope they cover.
struct FormLists {
  std::vector<std::string_view> lists;
  domain::Permission write;
};
FormLists ListsOf(const std::string& kind) {
  using domain::Permission;
  if (kind == "activity")
    return {{builtin::kAreasMedia, builtin::kInstitutionsMedia, builtin::kPeopleMedia},
            Permission::kActivityWrite};
  if (kind == "feedback")
    return {{builtin::kAreasMedia, builtin::kInstitutionsMedia}, Permission::kFeedbackWrite};
  return {{builtin::kAreasMedia}, Permission::kRegistryWrite};
}

// The id of a submission's attachment as a record's file: the same for every retry.
std::string FileIdFor(const std::string& record_id, const std::string& name) {
  const std::string h = Sha256Hex(record_id + "/" + name);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-5" + h.substr(13, 3) + "-8" + h.substr(17, 3) +
         "-" + h.substr(20, 12);
}

// The service refused the client's id because a record has it: an earlier try of this
// submission made the record.
bool IdTaken(const Error& e) { return e.code == ErrorCode::kConflict && e.fields.count("id"); }

Error OnForm(Error e, const builtin::FieldPaths& paths) {
  e.fields = builtin::FormFieldErrors(e.fields, paths);
  return e;
}

const Upload* FindUpload(std::span<const Upload> uploads, const std::string& name) {
  for (const auto& u : uploads)
    if (u.name == name) return &u;
  return nullptr;
}

// Adds the upload to the activity as its file, once however often it is sent.
Status AttachFile(Services& services, const std::string& activity_id, const domain::Actor& actor,
                  const Upload& upload) {
  auto file = services.activities.AddFile(actor, activity_id, upload.name, upload.content_type,
                                          upload.bytes, FileIdFor(activity_id, upload.name));
  if (!file && !IdTaken(file.error())) return Fail(file.error());
  return {};
}

Result<IngestResult> IngestActivity(Services& services, const xforms::Instance& instance,
                                    const domain::Actor& actor,
                                    std::span<const Upload> attachments) {
  auto mapped = builtin::MapActivity(instance);
  if (!mapped) return Fail(mapped.error());
  const Upload* photo = mapped->photo ? FindUpload(attachments, *mapped->photo) : nullptr;
  if (photo && domain::SniffMime(photo->bytes).empty())  // checked before anything is written
    return Fail(Error::Field("/data/photo", problem::FileKind()));
  auto made = services.activities.Create(actor, mapped->input);
  if (!made && IdTaken(made.error()) && mapped->input.id) {
    auto earlier = services.activities.Get(actor, *mapped->input.id);
    if (!earlier || earlier->author_id != actor.UserId()) return Fail(made.error());
    made = std::move(earlier);
  }
  if (!made) return Fail(OnForm(made.error(), mapped->paths));
  const IngestResult result{"activity", made->id};
  if (photo)
    if (auto ok = AttachFile(services, result.record_id, actor, *photo); !ok)
      return Fail(OnForm(ok.error(), mapped->paths));
  if (made->status == domain::ActivityStatus::kDraft) {
    auto submitted =
        services.activities.Transition(actor, made->id, "submit", made->version, std::nullopt);
    if (!submitted) return Fail(submitted.error());
  }
  return result;
}

Result<IngestResult> IngestHousehold(Services& services, const xforms::Instance& instance,
                                     const domain::Actor& actor) {
  auto mapped = builtin::MapHousehold(instance);
  if (!mapped) return Fail(mapped.error());
  auto made = services.households.Create(actor, mapped->input);
  if (!made && IdTaken(made.error()) && mapped->input.id) {
    auto earlier = services.households.Get(actor, *mapped->input.id);
    if (!earlier || earlier->household.created_by != actor.UserId()) return Fail(made.error());
    made = std::move(earlier);
  }
  if (!made) return Fail(OnForm(made.error(), mapped->paths));
  return IngestResult{"household", made->household.id};
}

Result<IngestResult> IngestFeedback(Services& services, const xforms::Instance& instance,
                                    const domain::Actor& actor) {
  auto mapped = builtin::MapFeedback(instance);
  if (!mapped) return Fail(mapped.error());
  auto made = services.feedback.Create(actor, mapped->input);
  if (!made && IdTaken(made.error()) && mapped->input.id) {
    // An earlier try logged it. A sensitive case is not readable by its logger: the device gets
    // the receipt it would have got, and learns nothing else.
    auto earlier = services.feedback.Get(actor, *mapped->input.id);
    if (earlier && earlier->feedback.created_by != actor.UserId()) return Fail(made.error());
    return IngestResult{"feedback", *mapped->input.id, !earlier || earlier->feedback.sensitive};
  }
  if (!made) return Fail(OnForm(made.error(), mapped->paths));
  return IngestResult{"feedback", made->id, made->sensitive};
}

}  // namespace

BuiltinForms::BuiltinForms(Services& services) : services_(services) {}

std::vector<GeneratedForm> BuiltinForms::Generate() {
  builtin::BuiltinConfig config;
  config.languages = builtin::WebFormLanguages();
  {
    auto uow = services_.db.Begin(false);
    const auto registry = uow->RegistryConfig().Load();
    config.activity_types = ToOptions(registry.activity_types);
    config.topics = ToOptions(registry.topics);
    config.vulnerability_flags = ToOptions(registry.vulnerability_flags);
    config.bands = BandsInForce(registry.band_sets, services_.clock.Today());
  }
  for (const auto& c : services_.feedback.Categories())
    config.feedback_categories.push_back({c.code, c.name, c.name_local, c.sensitive});
  std::vector<GeneratedForm> out;
  for (auto& f : builtin::GenerateBuiltinXForms(config))
    out.push_back({f.kind, f.xml_form_id, f.version, std::move(f.xml)});
  return out;
}

std::vector<MediaFile> BuiltinForms::Media(const std::string& kind, const domain::Actor& actor,
                                           std::string_view only) {
  const FormLists of = ListsOf(kind);
  const auto scope = actor.Scope(of.write);
  auto uow = services_.db.Begin(false);
  std::vector<MediaFile> out;
  for (auto list : of.lists) {
    if (!only.empty() && only != CsvName(list)) continue;
    std::string bytes = ChoiceCsv(*uow, list, scope);
    std::string md5 = Md5Hex(bytes);
    out.push_back({CsvName(list), "text/csv", std::move(bytes), std::move(md5)});
  }
  return out;
}

std::vector<MediaFile> BuiltinForms::MediaHashes(const std::string& kind,
                                                 const domain::Actor& actor) {
  const FormLists of = ListsOf(kind);
  const auto scope = actor.Scope(of.write);
  auto uow = services_.db.Begin(false);
  const std::int64_t high_water = uow->Sync().HighWater();  // before any list is read
  std::vector<MediaFile> out;
  for (auto list : of.lists) {
    std::string md5 = hashes_.Get(*uow, high_water, list, scope, EntitiesOf(list),
                                  [&] { return ChoiceCsv(*uow, list, scope); });
    out.push_back({CsvName(list), "text/csv", "", std::move(md5)});
  }
  return out;
}

Result<IngestResult> BuiltinForms::Ingest(const std::string& kind, const xforms::Instance& instance,
                                          const domain::Actor& actor,
                                          std::span<const Upload> attachments) {
  if (kind == "activity") return IngestActivity(services_, instance, actor, attachments);
  if (kind == "household") return IngestHousehold(services_, instance, actor);
  if (kind == "feedback") return IngestFeedback(services_, instance, actor);
  return Fail(Error::NotFound("built-in form"));
}

Status BuiltinForms::Attach(const std::string& kind, const IngestResult& record,
                            const domain::Actor& actor, const Upload& attachment) {
  if (kind != "activity") return {};  // only the activity form has a file question
  return AttachFile(services_, record.record_id, actor, attachment);
}

}  // namespace mobilise::api::openrosa
