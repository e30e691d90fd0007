// XForms: raw upload (a new form or a new version of one), publish, state, assignments, and what
// a device or staff member sees of them on the OpenRosa side. The API reads the XForm
// (xforms::ReadXForm) and stores its bytes in the BlobStore; this service keeps the rows.
// Writes need config.write (administrators) and are audited. Readers of submissions
// (registry.read) list and get, read-only, the forms that concern them (ReaderSeesForm).
// Thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/forms/form.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct XFormUpload {
  std::string xml_form_id, version, title;
  FormKind kind = FormKind::kCustom;
  std::string xml_hash, md5, fields_json;
  std::optional<std::string> source_hash;
  bool publish = false;  // publish the new version at once (built-in forms)
};

// A form as a device reaches it, with the version it is to use.
struct ReachedForm {
  XForm form;
  XFormVersion version;
};

class XFormService {
 public:
  XFormService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Every form to an administrator; to a reader, the forms ReaderSeesForm gives, without their
  // device assignments; forbidden to anyone else (Get: also for a form the reader is not shown).
  Result<std::vector<XForm>> List(const Actor& actor);
  Result<XForm> Get(const Actor& actor, const std::string& id);
  // A version with its XML's hash: administrators only (the XML download).
  Result<XFormVersion> Version(const Actor& actor, const std::string& id,
                               const std::string& version);
  // A new form, or a new (unpublished) version of the form with this xml_form_id: the same
  // version twice is a conflict on fields.version; a custom upload over a built-in form's id is
  // a conflict on fields.xml_form_id.
  Result<XForm> Upload(const Actor& actor, const XFormUpload& upload);
  Result<XForm> Publish(const Actor& actor, const std::string& id, const std::string& version);
  Result<XForm> SetState(const Actor& actor, const std::string& id, std::int64_t version,
                         FormState state);
  Result<XForm> Assign(const Actor& actor, const std::string& id,
                       const std::vector<std::string>& device_ids,
                       const std::vector<std::string>& area_ids);
  Status AddMedia(const Actor& actor, const XFormMedia& media);

  // OpenRosa. `device_id` is "" for a staff member. What the caller sees: open forms with a
  // published version that are assigned to the device or to an area at or above one of the
  // caller's areas (a built-in form only to whoever may also write its record); every form to
  // an administrator.
  std::vector<ReachedForm> Listed(const Actor& actor, const std::string& device_id);
  // One form's published version for download and manifest: not found when there is no such
  // form (or it has no published version), forbidden when the caller does not see it or it is
  // closed.
  Result<ReachedForm> ForDownload(const Actor& actor, const std::string& device_id,
                                  const std::string& xml_form_id);
  // The form and version a submission names, with Central's errors: no form: not found "Could
  // not find the resource..."; no such version: not found "The form version specified...";
  // closed: conflict "This form is not currently accepting submissions..."; not seen:
  // unauthenticated (Central answers 401 here).
  Result<ReachedForm> ForSubmission(const Actor& actor, const std::string& device_id,
                                    const std::string& xml_form_id, const std::string& version);
  std::vector<XFormMedia> Media(const std::string& form_id, const std::string& version);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

// Whether a reader of submissions (registry.read, not an administrator) is shown `form`: it is
// assigned to an area at, above or below one of their read areas (AssignedNearReader), or it
// has a current submission they may read.
// `area_paths` (optional): area id -> path already looked up, shared over a list of forms.
bool ReaderSeesForm(UnitOfWork& uow, const Actor& actor, const XForm& form,
                    std::map<std::string, std::string>* area_paths = nullptr);

// Whether `actor` (through `device_id`, "" for none) sees `form` (see Listed).
bool SeesForm(XFormRepository& forms, const Actor& actor, const std::string& device_id,
              const XForm& form);

}  // namespace mobilise::domain
