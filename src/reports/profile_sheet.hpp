// The community profile sheet: a profile as of a date (domain/profiles) as a Document in the
// reader's language, for the PDF (and CSV/XLSX) export of GET /areas/{id}/profile/export.
#pragma once

#include <map>
#include <string>

#include "domain/profiles/profile_service.hpp"
#include "reports/document.hpp"

namespace mobilise::reports {

// `lang`: a language of the app (others read English). `facility_types`: code -> name shown.
// Contacts appear only when the view shows them (view.contacts_visible).
Document ProfileSheet(const domain::ProfileView& view, const std::string& lang,
                      const std::map<std::string, std::string>& facility_types,
                      const std::string& generated_at);

}  // namespace mobilise::reports
