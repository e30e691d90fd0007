#include "domain/forms/xform_service.hpp"

#include <map>

#include "core/id.hpp"
#include "domain/forms/submission_review.hpp"
#include "domain/forms/xform_rules.hpp"

namespace mobilise::domain {
namespace {

constexpr const char* kNoResource = "Could not find the resource you were looking for.";

Error NotFoundText(std::string message) { return Error{ErrorCode::kNotFound, std::move(message)}; }

Snapshot FormSnapshot(const XForm& f) {
  return Snapshot{{"xml_form_id", f.xml_form_id},
                  {"title", f.title},
                  {"kind", std::string(ToString(f.kind))},
                  {"state", std::string(ToString(f.state))},
                  {"published_version", f.published_version}};
}

Status MayManage(const Actor& actor) {
  if (actor.system || actor.HasPermission(Permission::kConfigWrite)) return {};
  return Fail(Error::Forbidden());
}

Permission RecordPermission(FormKind kind) {
  switch (kind) {
    case FormKind::kActivity:
      return Permission::kActivityWrite;
    case FormKind::kHousehold:
      return Permission::kRegistryWrite;
    case FormKind::kFeedback:
      return Permission::kFeedbackWrite;
    case FormKind::kCustom:
      break;
  }
  return Permission::kConfigWrite;
}

Result<XForm> FormFor(UnitOfWork& uow, const std::string& id) {
  auto form = uow.XForms().Get(id);
  if (!form) return Fail(Error::NotFound("form"));
  return *form;
}

// A reader's view of a form: no devices (they are the administrators' business).
// What a reader sees of a form: no devices, and the count of the submissions they may read (not
// the form's total).
XForm ReaderView(UnitOfWork& uow, const Actor& actor, XForm form) {
  form.device_ids.clear();
  form.submissions = uow.SubmissionReviews().Count(ReaderQuery(actor, form.id));
  return form;
}

}  // namespace

bool ReaderSeesForm(UnitOfWork& uow, const Actor& actor, const XForm& form,
                    std::map<std::string, std::string>* area_paths) {
  std::map<std::string, std::string> own;
  if (!area_paths) area_paths = &own;
  std::vector<std::string> read_paths, assigned_paths;
  for (const Grant& g : actor.grants) {
    if (actor.Can(Permission::kRegistryRead, g.area_path)) read_paths.push_back(g.area_path);
  }
  for (const std::string& id : form.area_ids) {
    auto known = area_paths->find(id);
    if (known == area_paths->end()) {
      auto area = uow.Areas().Get(id);
      known = area_paths->emplace(id, area ? area->path : "").first;
    }
    if (!known->second.empty()) assigned_paths.push_back(known->second);
  }
  if (AssignedNearReader(assigned_paths, read_paths)) return true;
  SubmissionListQuery q = ReaderQuery(actor, form.id);
  q.limit = 1;
  return !uow.SubmissionReviews().List(q).empty();
}

bool SeesForm(XFormRepository& forms, const Actor& actor, const std::string& device_id,
              const XForm& form) {
  if (actor.system || actor.HasPermission(Permission::kConfigWrite)) return true;
  // A built-in form is for those who may write its record, and like every form only where it
  // is assigned (the issue: a device sees only the forms assigned to it).
  if (form.kind != FormKind::kCustom && !actor.HasPermission(RecordPermission(form.kind))) {
    return false;
  }
  std::vector<std::string> paths;
  for (const Grant& g : actor.grants) paths.push_back(g.area_path);
  return forms.AssignedTo(form.id, device_id, paths);
}

Result<std::vector<XForm>> XFormService::List(const Actor& actor) {
  auto uow = db_.Begin(false);
  if (actor.system || actor.HasPermission(Permission::kConfigWrite)) return uow->XForms().List();
  if (!actor.HasPermission(Permission::kRegistryRead)) return Fail(Error::Forbidden());
  std::vector<XForm> out;
  std::map<std::string, std::string> area_paths;  // each assigned area looked up once
  for (XForm& form : uow->XForms().List()) {
    if (ReaderSeesForm(*uow, actor, form, &area_paths))
      out.push_back(ReaderView(*uow, actor, std::move(form)));
  }
  return out;
}

Result<XForm> XFormService::Get(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto form = FormFor(*uow, id);
  if (!form) return Fail(form.error());
  if (actor.system || actor.HasPermission(Permission::kConfigWrite)) return form;
  if (!actor.HasPermission(Permission::kRegistryRead)) return Fail(Error::Forbidden());
  if (!ReaderSeesForm(*uow, actor, *form)) return Fail(Error::Forbidden());
  return ReaderView(*uow, actor, std::move(*form));
}

Result<XFormVersion> XFormService::Version(const Actor& actor, const std::string& id,
                                           const std::string& version) {
  auto v = db_.Begin(false)->XForms().GetVersion(id, version);
  if (!v) return Fail(Error::NotFound("form version"));
  if (auto ok = MayManage(actor); !ok) return Fail(ok.error());
  return *v;
}

Result<XForm> XFormService::Upload(const Actor& actor, const XFormUpload& up) {
  if (auto ok = MayManage(actor); !ok) return Fail(ok.error());
  auto uow = db_.Begin(true);
  const std::string now = clock_.Timestamp();
  auto existing = uow->XForms().GetByXmlFormId(up.xml_form_id);
  XForm form;
  if (existing) {
    form = *existing;
    if (form.kind != up.kind) {
      return Fail(Error::Validation("a form of another kind has this xml_form_id",
                                    {{"xml_form_id", problem::CodeTaken("form")}}));
    }
    if (uow->XForms().GetVersion(form.id, up.version)) {
      return Fail(Error{ErrorCode::kConflict,
                        "the form has this version already",
                        {{"version", problem::AlreadyRegistered()}}});
    }
  } else {
    form.id = NewId();
    form.xml_form_id = up.xml_form_id;
    form.title = up.title;
    form.kind = up.kind;
    form.created_by = actor.UserId();
    form.created_at = form.updated_at = now;
    if (up.publish) form.published_version = up.version;
    if (auto ok = uow->XForms().Insert(form); !ok) return Fail(ok.error());
  }
  XFormVersion v{form.id,        up.version,     up.xml_hash, up.md5,
                 up.source_hash, up.fields_json, now,         std::nullopt};
  if (auto ok = uow->XForms().InsertVersion(v); !ok) return Fail(ok.error());
  XForm after = form;
  after.title = up.title;
  after.updated_at = now;
  if (up.publish) {
    after.published_version = up.version;
    uow->XForms().SetPublishedAt(form.id, up.version, now);
  }
  if (existing && !uow->XForms().Update(after, form.version)) {
    return Fail(Error::Stale("form", form.version));
  }
  RecordAudit(uow->Audit(), clock_, actor, existing ? "upload_version" : "create", "xform", form.id,
              std::nullopt, existing ? std::optional(FormSnapshot(form)) : std::nullopt,
              FormSnapshot(after));
  auto result = uow->XForms().Get(form.id);
  uow->Commit();
  return *result;
}

Result<XForm> XFormService::Publish(const Actor& actor, const std::string& id,
                                    const std::string& version) {
  if (auto ok = MayManage(actor); !ok) return Fail(ok.error());
  auto uow = db_.Begin(true);
  auto form = FormFor(*uow, id);
  if (!form) return Fail(form.error());
  if (!uow->XForms().GetVersion(id, version)) {
    return Fail(Error::Field("version", problem::NoSuch("version")));
  }
  XForm after = *form;
  after.published_version = version;
  after.updated_at = clock_.Timestamp();
  uow->XForms().SetPublishedAt(id, version, after.updated_at);
  if (!uow->XForms().Update(after, form->version)) return Fail(Error::Stale("form", form->version));
  RecordAudit(uow->Audit(), clock_, actor, "publish", "xform", id, std::nullopt,
              FormSnapshot(*form), FormSnapshot(after));
  auto result = uow->XForms().Get(id);
  uow->Commit();
  return *result;
}

Result<XForm> XFormService::SetState(const Actor& actor, const std::string& id,
                                     std::int64_t version, FormState state) {
  if (auto ok = MayManage(actor); !ok) return Fail(ok.error());
  auto uow = db_.Begin(true);
  auto form = FormFor(*uow, id);
  if (!form) return Fail(form.error());
  XForm after = *form;
  after.state = state;
  after.updated_at = clock_.Timestamp();
  if (!uow->XForms().Update(after, version)) return Fail(Error::Stale("form", form->version));
  RecordAudit(uow->Audit(), clock_, actor, "update", "xform", id, std::nullopt, FormSnapshot(*form),
              FormSnapshot(after));
  auto result = uow->XForms().Get(id);
  uow->Commit();
  return *result;
}

Result<XForm> XFormService::Assign(const Actor& actor, const std::string& id,
                                   const std::vector<std::string>& device_ids,
                                   const std::vector<std::string>& area_ids) {
  if (auto ok = MayManage(actor); !ok) return Fail(ok.error());
  auto uow = db_.Begin(true);
  auto form = FormFor(*uow, id);
  if (!form) return Fail(form.error());
  FieldErrors errors;
  for (std::size_t i = 0; i < device_ids.size(); ++i) {
    if (!uow->CollectDevices().Get(device_ids[i])) {
      errors.emplace("device_ids[" + std::to_string(i) + "]", problem::NoSuch("device"));
    }
  }
  for (std::size_t i = 0; i < area_ids.size(); ++i) {
    auto area = uow->Areas().Get(area_ids[i]);
    if (!area || !(actor.system || actor.Sees(area->path))) {
      errors.emplace("area_ids[" + std::to_string(i) + "]", problem::NoSuchInScope("area"));
    }
  }
  if (!errors.empty()) return Fail(Error::Validation("invalid assignments", std::move(errors)));
  uow->XForms().SetAssignments(id, device_ids, area_ids);
  Snapshot after = FormSnapshot(*form);
  after["device_ids"] = std::to_string(device_ids.size()) + " devices";
  after["area_ids"] = std::to_string(area_ids.size()) + " areas";
  RecordAudit(uow->Audit(), clock_, actor, "assign", "xform", id, std::nullopt, std::nullopt,
              after);
  auto result = uow->XForms().Get(id);
  uow->Commit();
  return *result;
}

Status XFormService::AddMedia(const Actor& actor, const XFormMedia& media) {
  if (auto ok = MayManage(actor); !ok) return Fail(ok.error());
  auto uow = db_.Begin(true);
  auto form = FormFor(*uow, media.form_id);
  if (!form) return Fail(form.error());
  if (!uow->XForms().GetVersion(media.form_id, media.version)) {
    return Fail(Error::Field("version", problem::NoSuch("version")));
  }
  uow->XForms().UpsertMedia(media);
  RecordAudit(uow->Audit(), clock_, actor, "media", "xform", media.form_id, std::nullopt,
              std::nullopt, Snapshot{{"name", media.name}, {"md5", media.md5}});
  uow->Commit();
  return {};
}

std::vector<ReachedForm> XFormService::Listed(const Actor& actor, const std::string& device_id) {
  auto uow = db_.Begin(false);
  std::vector<ReachedForm> out;
  for (XForm& form : uow->XForms().List()) {
    if (form.state != FormState::kOpen || !form.published_version) continue;
    if (!SeesForm(uow->XForms(), actor, device_id, form)) continue;
    for (const XFormVersion& v : form.versions) {
      if (v.version == *form.published_version) out.push_back({form, v});
    }
  }
  return out;
}

Result<ReachedForm> XFormService::ForDownload(const Actor& actor, const std::string& device_id,
                                              const std::string& xml_form_id) {
  auto uow = db_.Begin(false);
  auto form = uow->XForms().GetByXmlFormId(xml_form_id);
  if (!form || !form->published_version) return Fail(NotFoundText(kNoResource));
  if (form->state == FormState::kClosed || !SeesForm(uow->XForms(), actor, device_id, *form)) {
    return Fail(
        Error::Forbidden("The authenticated actor does not have rights to perform that action."));
  }
  auto v = uow->XForms().GetVersion(form->id, *form->published_version);
  if (!v) return Fail(NotFoundText(kNoResource));
  return ReachedForm{*form, *v};
}

Result<ReachedForm> XFormService::ForSubmission(const Actor& actor, const std::string& device_id,
                                                const std::string& xml_form_id,
                                                const std::string& version) {
  auto uow = db_.Begin(false);
  auto form = uow->XForms().GetByXmlFormId(xml_form_id);
  if (!form) return Fail(NotFoundText(kNoResource));
  auto v = uow->XForms().GetVersion(form->id, version);
  if (!v || !v->published_at) {
    return Fail(NotFoundText("The form version specified in this submission '" + version +
                             "' does not exist."));
  }
  if (!SeesForm(uow->XForms(), actor, device_id, *form)) {
    return Fail(Error::Unauthenticated("Could not authenticate with the provided credentials."));
  }
  if (form->state == FormState::kClosed) {
    return Fail(Error::Conflict(
        "This form is not currently accepting submissions. Please talk to your program staff if "
        "this is unexpected."));
  }
  return ReachedForm{*form, *v};
}

std::vector<XFormMedia> XFormService::Media(const std::string& form_id,
                                            const std::string& version) {
  return db_.Begin(false)->XForms().Media(form_id, version);
}

}  // namespace mobilise::domain
