#include "reports/export.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "reports/render_csv.hpp"
#include "reports/render_dhis2.hpp"
#include "reports/render_pdf.hpp"
#include "reports/render_xlsx.hpp"

namespace mobilise::reports {
namespace {

struct FormatInfo {
  ExportFormat format;
  std::string_view name, extension, media_type;
};

constexpr FormatInfo kFormats[] = {
    {ExportFormat::kCsv, "csv", "csv", "text/csv; charset=utf-8"},
    {ExportFormat::kXlsx, "xlsx", "xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {ExportFormat::kPdf, "pdf", "pdf", "application/pdf"},
    {ExportFormat::kDhis2Json, "dhis2", "dhis2.json", "application/json"},
    {ExportFormat::kAdx, "adx", "adx.xml", "application/adx+xml"},
    {ExportFormat::kCsvZip, "csv.zip", "csv.zip", "application/zip"}};

const FormatInfo& InfoOf(ExportFormat format) {
  return *std::find_if(std::begin(kFormats), std::end(kFormats),
                       [&](const FormatInfo& f) { return f.format == format; });
}

// The offered format named `text`, or a validation error naming the offered ones.
Result<ExportFormat> OfferedFormat(const Exportable& what, std::string_view text) {
  std::vector<std::string> offered;
  for (const auto format : what.formats) {
    if (ExportFormatName(format) == text) return format;
    offered.emplace_back(ExportFormatName(format));
  }
  return Fail(Error::Field("format", problem::FormatOneOf(offered)));
}

// A file name safe in a header.
std::string FileName(const std::string& name, std::string_view extension) {
  std::string safe = name;
  for (char& ch : safe)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-') ch = '_';
  return safe + "." + std::string(extension);
}

// A new empty file of our own in the temporary directory, named `prefix` and a random suffix.
std::optional<std::string> TemporaryFile(const char* prefix) {
  std::string path =
      (std::filesystem::temp_directory_path() / (std::string(prefix) + "XXXXXX")).string();
  const int fd = mkstemp(path.data());
  if (fd < 0) return std::nullopt;
  close(fd);
  return path;
}

// Renders into a new temporary file (the XLSX and PDF writers want a path, and a large export is
// never held whole in memory); the file is removed again when rendering fails.
Result<ExportFile> ThroughFile(const std::function<Status(const std::string&)>& render,
                               ExportFormat format, const std::string& name) {
  const auto file = TemporaryFile("mobilise-export-");
  if (!file) return Fail(Error::Internal("cannot create a temporary file"));
  if (auto done = render(*file); !done) {
    std::remove(file->c_str());
    return Fail(done.error());
  }
  const auto& info = InfoOf(format);
  return ExportFile{*file, std::string(info.media_type), FileName(name, info.extension)};
}

// A renderer that writes to a stream, writing to the file at `path`.
Status ToStream(const std::string& path, const std::function<Status(std::ostream&)>& render) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  auto done = render(out);
  out.close();
  if (done && !out) return Fail(Error::Internal("cannot write the export"));
  return done;
}

// The photos of `ids` the reader may see, JPEG or PNG only, in temporary files removed with this
// object. One photo is in memory at a time.
class TemporaryPhotos {
 public:
  TemporaryPhotos(const std::vector<std::string>& ids, const PhotoSource* source) {
    for (const auto& id : ids) {
      if (source == nullptr || paths_.contains(id)) continue;
      auto file = source->Read(id);
      if (!file || (file->mime != "image/jpeg" && file->mime != "image/png")) continue;
      auto path = TemporaryFile("mobilise-photo-");
      if (!path) continue;
      paths_[id] = *path;
      std::ofstream(*path, std::ios::binary | std::ios::trunc) << file->bytes;
    }
  }
  ~TemporaryPhotos() {
    for (const auto& [id, path] : paths_) std::remove(path.c_str());
  }
  TemporaryPhotos(const TemporaryPhotos&) = delete;
  TemporaryPhotos& operator=(const TemporaryPhotos&) = delete;

  const PhotoPaths& paths() const { return paths_; }

 private:
  PhotoPaths paths_;
};

Result<ExportFile> ExportDataValues(const Exportable& what, ExportFormat format) {
  const bool adx = format == ExportFormat::kAdx;
  auto set = what.data_values(adx);
  if (!set) return Fail(set.error());
  return ThroughFile(
      [&](const std::string& path) {
        return ToStream(path, [&](std::ostream& out) -> Status {
          if (adx) return RenderAdx(*set, out);
          out << RenderDataValueSetsJson(*set);
          return {};
        });
      },
      format, what.name);
}

Result<ExportFile> ExportDocument(const Exportable& what, ExportFormat format) {
  if (format == ExportFormat::kCsv) {
    const auto document = what.document({});
    return ThroughFile(
        [&](const std::string& path) {
          return ToStream(path, [&](std::ostream& out) {
            RenderCsv(document, out);
            return Status{};
          });
        },
        format, what.name);
  }
  const TemporaryPhotos photos(what.photo_ids, what.photo_source);
  const auto document = what.document(photos.paths());
  if (format == ExportFormat::kXlsx)
    return ThroughFile([&](const std::string& path) { return RenderXlsx(document, path); }, format,
                       what.name);
  return ThroughFile([&](const std::string& path) { return RenderPdf(document, path); }, format,
                     what.name);
}

Result<ExportFile> ExportRows(const Exportable& what, ExportFormat format) {
  if (format != ExportFormat::kCsvZip && format != ExportFormat::kXlsx)
    return Fail(Error::Internal("a data export is written as csv.zip or xlsx only"));
  return ThroughFile(
      [&](const std::string& path) {
        return format == ExportFormat::kCsvZip ? RenderCsvZip(what.row_tables, what.rows, path)
                                               : RenderRowsXlsx(what.row_tables, what.rows, path);
      },
      format, what.name);
}

}  // namespace

std::string_view ExportFormatName(ExportFormat format) { return InfoOf(format).name; }

Result<ExportFile> Export(const Exportable& what, std::string_view format_name) {
  auto format = OfferedFormat(what, format_name);
  if (!format) return Fail(format.error());
  if (*format == ExportFormat::kDhis2Json || *format == ExportFormat::kAdx) {
    if (!what.data_values) return Fail(Error::Internal("this export has no data values"));
    return ExportDataValues(what, *format);
  }
  if (what.rows) return ExportRows(what, *format);
  if (!what.document) return Fail(Error::Internal("this export has no document"));
  return ExportDocument(what, *format);
}

}  // namespace mobilise::reports
