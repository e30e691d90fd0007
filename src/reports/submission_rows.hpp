// A form's submissions as row tables, laid out as ODK Central (and Briefcase) export them: a root
// table `{xmlFormId}` and one table `{xmlFormId}-{repeat}` per repeat group. Pure: the caller
// reads the submissions one at a time and hands each over with its metadata.
//
// - Root columns: SubmissionDate, every question outside repeats in document order, then KEY,
//   SubmitterID, SubmitterName, AttachmentsPresent, AttachmentsExpected, Status, ReviewState,
//   DeviceID, Edits, FormVersion.
// - Repeat columns: the repeat's questions, then PARENT_KEY and KEY; KEY is the instance id and
//   the positions down to the row ("uuid:…/person[2]"), PARENT_KEY the same for the row it is in
//   (the instance id for a first-level repeat).
// - A question's column is its path below the root (or its repeat) with '/' as '-'
//   ("meta-instanceID"); a geopoint is four columns (-Latitude, -Longitude, -Altitude, -Accuracy);
//   int and decimal questions and the split geopoint are numeric.
// - A value whose path is not a question of these fields (from another form version) is left out.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "reports/row_tables.hpp"

namespace mobilise::reports {

// A question or group as the form definition lists it (xforms::Field).
struct FormField {
  std::string path;  // "/data/household/size"
  std::string type;  // bind type: string int decimal geopoint binary ...; "" for a group
  bool repeat = false;
};

struct SubmissionMeta {
  std::string submission_date, instance_id, submitter_id, submitter_name, status, review_state,
      device_id, form_version;
  int attachments_present = 0, attachments_expected = 0, edits = 0;
};

using InstanceValues = std::vector<std::pair<std::string, std::string>>;

class SubmissionTables {
 public:
  SubmissionTables(const std::string& xml_form_id, const std::vector<FormField>& fields);

  const std::vector<RowTable>& tables() const { return tables_; }

  // Writes one submission: its root row, then its repeat rows in document order. `values` are the
  // instance's leaf values, repeats carrying 1-based positions ("/data/person[2]/name").
  Status Write(RowWriter& out, const SubmissionMeta& meta, const InstanceValues& values) const;

 private:
  struct Place {
    std::size_t table = 0, column = 0;
    bool geopoint = false;
  };
  std::vector<RowTable> tables_;
  std::vector<std::string> repeat_paths_;  // of tables_[1..]
  std::vector<std::size_t> parent_table_;  // of each table: the repeat it is in (0: the root)
  struct PathHash {                        // lets places_ be searched with a string_view
    using is_transparent = void;
    std::size_t operator()(std::string_view path) const {
      return std::hash<std::string_view>{}(path);
    }
  };
  // question path (without positions) -> its cell
  std::unordered_map<std::string, Place, PathHash, std::equal_to<>> places_;
};

}  // namespace mobilise::reports
