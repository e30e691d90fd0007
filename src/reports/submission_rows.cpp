#include "reports/submission_rows.hpp"

#include <algorithm>
#include <string_view>

namespace mobilise::reports {
namespace {

constexpr const char* kGeoParts[] = {"Latitude", "Longitude", "Altitude", "Accuracy"};

bool Below(std::string_view path, std::string_view parent) {
  return path.size() > parent.size() + 1 && path.starts_with(parent) && path[parent.size()] == '/';
}

// "/data/hh[1]/person[2]/name" -> {"data", "hh[1]", "person[2]", "name"}
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = path.starts_with('/') ? 1 : 0;
  while (start <= path.size()) {
    const auto end = std::min(path.find('/', start), path.size());
    if (end > start) out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string_view WithoutPosition(std::string_view segment) {
  return segment.substr(0, segment.find('['));
}

std::string Join(const std::vector<std::string_view>& parts, std::size_t from, std::size_t to,
                 char separator) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) out += separator;
    out += parts[i];
  }
  return out;
}

std::string LastSegment(std::string_view path) {
  return std::string(path.substr(path.rfind('/') + 1));
}

bool IsNumericType(std::string_view type) {
  return type == "int" || type == "integer" || type == "decimal";
}

// The geopoint text "lat lon alt acc" as its four parts (missing ones empty).
std::vector<std::string> GeoParts(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (parts.size() < 4 && start < text.size()) {
    const auto end = std::min(text.find(' ', start), text.size());
    if (end > start) parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  parts.resize(4);
  return parts;
}

}  // namespace

SubmissionTables::SubmissionTables(const std::string& xml_form_id,
                                   const std::vector<FormField>& fields) {
  tables_.push_back({xml_form_id, {"SubmissionDate"}, {false}});
  parent_table_.push_back(0);
  auto container = [&](std::string_view path) {  // innermost repeat table holding `path`
    std::size_t best = 0, depth = 0;
    for (std::size_t i = 0; i < repeat_paths_.size(); ++i)
      if (Below(path, repeat_paths_[i]) && repeat_paths_[i].size() > depth) {
        best = i + 1;
        depth = repeat_paths_[i].size();
      }
    return best;
  };
  for (const auto& field : fields) {
    if (field.repeat) {
      parent_table_.push_back(container(field.path));
      repeat_paths_.push_back(field.path);
      tables_.push_back({xml_form_id + "-" + LastSegment(field.path), {}, {}});
      continue;
    }
    const bool group = std::any_of(fields.begin(), fields.end(),
                                   [&](const FormField& f) { return Below(f.path, field.path); });
    if (group) continue;
    const std::size_t table = container(field.path);
    const auto segments = Segments(field.path);
    const auto base = table == 0 ? 1 : Segments(repeat_paths_[table - 1]).size();
    const std::string name = Join(segments, base, segments.size(), '-');
    auto& target = tables_[table];
    const bool geopoint = field.type == "geopoint";
    places_[field.path] = {table, target.columns.size(), geopoint};
    if (geopoint) {
      for (const char* part : kGeoParts) {
        target.columns.push_back(name + "-" + part);
        target.numeric.push_back(true);
      }
    } else {
      target.columns.push_back(name);
      target.numeric.push_back(IsNumericType(field.type));
    }
  }
  for (const char* column :
       {"KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected",
        "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"}) {
    const std::string_view name = column;
    tables_[0].columns.emplace_back(name);
    tables_[0].numeric.push_back(name == "AttachmentsPresent" || name == "AttachmentsExpected" ||
                                 name == "Edits");
  }
  for (std::size_t i = 1; i < tables_.size(); ++i) {
    for (const char* column : {"PARENT_KEY", "KEY"}) {
      tables_[i].columns.emplace_back(column);
      tables_[i].numeric.push_back(false);
    }
  }
}

Status SubmissionTables::Write(RowWriter& out, const SubmissionMeta& meta,
                               const InstanceValues& values) const {
  struct Pending {
    std::size_t table;
    std::vector<std::string> cells;
  };
  std::vector<Pending> rows{{0, std::vector<std::string>(tables_[0].columns.size())}};
  std::map<std::string, std::size_t> by_key;  // KEY -> index in rows
  // The row of repeat table `table` at the positioned path `segments[0..depth)`, made (with the
  // rows of the repeats around it) on first sight.
  auto row_of = [&](std::size_t table, const std::vector<std::string_view>& segments,
                    auto&& self) -> std::size_t {
    if (table == 0) return 0;
    const auto depth = Segments(repeat_paths_[table - 1]).size();
    const std::string key = meta.instance_id + "/" + Join(segments, 1, depth, '/');
    if (auto found = by_key.find(key); found != by_key.end()) return found->second;
    const std::size_t parent = self(parent_table_[table], segments, self);
    const auto& parent_cells = rows[parent].cells;
    std::vector<std::string> cells(tables_[table].columns.size());
    cells[cells.size() - 2] = parent == 0 ? meta.instance_id : parent_cells.back();
    cells.back() = key;
    rows.push_back({table, std::move(cells)});
    by_key[key] = rows.size() - 1;
    return rows.size() - 1;
  };
  std::string plain;
  for (const auto& [path, value] : values) {
    std::vector<std::string_view> segments;
    auto place = places_.end();
    if (path.find('[') == std::string::npos) {  // outside repeats: the path is the question's
      place = places_.find(std::string_view(path));
    } else {
      segments = Segments(path);
      plain.clear();
      for (const auto segment : segments) (plain += '/') += WithoutPosition(segment);
      place = places_.find(std::string_view(plain));
    }
    if (place == places_.end()) continue;
    const std::size_t table = place->second.table;
    if (table != 0 && segments.empty()) segments = Segments(path);  // (an entry not numbered)
    auto& cells = rows[row_of(table, segments, row_of)].cells;
    if (place->second.geopoint) {
      const auto parts = GeoParts(value);
      std::copy(parts.begin(), parts.end(), cells.begin() + place->second.column);
    } else {
      cells[place->second.column] = value;
    }
  }
  auto& root = rows[0].cells;
  root[0] = meta.submission_date;
  const std::size_t m = root.size() - 10;
  root[m] = meta.instance_id;
  root[m + 1] = meta.submitter_id;
  root[m + 2] = meta.submitter_name;
  root[m + 3] = std::to_string(meta.attachments_present);
  root[m + 4] = std::to_string(meta.attachments_expected);
  root[m + 5] = meta.status;
  root[m + 6] = meta.review_state;
  root[m + 7] = meta.device_id;
  root[m + 8] = std::to_string(meta.edits);
  root[m + 9] = meta.form_version;
  for (const auto& row : rows)
    if (auto done = out.Row(row.table, row.cells); !done) return done;
  return {};
}

}  // namespace mobilise::reports
