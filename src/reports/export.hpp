// The one way out for every export: what is exported (an `Exportable`: a document and/or DHIS2
// data values, its name and formats) and a format -> a file to stream. The API only translates: it
// reads the format from the query, asks a service for the data, describes it as an Exportable and
// answers with the file. A new export (a list, a profile sheet, a report card) is a new document
// builder, not a new dispatch on formats, temporary files and file names.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "reports/data_values.hpp"
#include "reports/document.hpp"
#include "reports/row_tables.hpp"

namespace mobilise::reports {

enum class ExportFormat { kCsv, kXlsx, kPdf, kDhis2Json, kAdx, kCsvZip };

// How the format is named in a query: "csv", "xlsx", "pdf", "dhis2", "adx", "csv.zip".
std::string_view ExportFormatName(ExportFormat format);

// A photo's bytes as its reader may see them.
struct PhotoFile {
  std::string mime;   // as stored: only "image/jpeg" and "image/png" are placed in documents
  std::string bytes;  // the whole file
};

// Where documents get their photos. reports/ knows no record or service: the caller passes one
// that reads a stored file as the reader may (e.g. through ActivityService::ReadFile).
class PhotoSource {
 public:
  virtual ~PhotoSource() = default;
  // The file `file_id`, or nullopt when it is gone or the reader may not see it (it is left out).
  virtual std::optional<PhotoFile> Read(const std::string& file_id) const = 0;
};

// file id -> the photo as an image file on disk (JPEG or PNG), as Document builders receive it.
using PhotoPaths = std::map<std::string, std::string>;

// What an export is made of. The functions are called at most once, during Export, and may hold
// references to the caller's data.
struct Exportable {
  // The download's name without extension; every character but letters, digits and '-' becomes
  // '_', so that it is safe in a Content-Disposition header.
  std::string name;
  // The formats offered, in the order the error message names them.
  std::vector<ExportFormat> formats;
  // The document for CSV, XLSX and PDF, in the reader's language (Document::language, rtl).
  // `photos` holds the readable JPEG and PNG files of `photo_ids` for XLSX and PDF, nothing for
  // CSV (which shows no photos).
  std::function<Document(const PhotoPaths& photos)> document;
  std::vector<std::string> photo_ids;
  const PhotoSource* photo_source = nullptr;  // required when photo_ids is not empty
  // The values for DHIS2: dataValueSets JSON (`adx` false) or ADX. Its errors are the export's.
  std::function<Result<DataValueSet>(bool adx)> data_values;
  // A data export (a form's submissions) instead of a document: its tables, and the function that
  // writes their rows one at a time. CSV_ZIP writes one CSV per table, XLSX one sheet per table.
  std::vector<RowTable> row_tables;
  RowProducer rows;
};

// A file to stream. The caller owns it and removes it once sent (the HTTP server does, with
// Response::remove_body_file).
struct ExportFile {
  std::string path;        // a new file in the temporary directory ($TMPDIR)
  std::string media_type;  // "text/csv; charset=utf-8", "application/pdf", ...
  std::string file_name;   // the download's name: name + ".csv", ".xlsx", ".pdf", ".dhis2.json",
                           // ".adx.xml", ".csv.zip"
};

// Renders `what` in `format` (as named in a query) to a new temporary file. Photos are copied to
// temporary files for the renderers and removed before this returns; nothing is left behind on
// failure. Errors: a format not offered is a validation error on `format` naming the offered ones
// ("one of csv, xlsx, pdf"); the data values' own errors; internal when a file cannot be made or
// written. Only one photo is held in memory at a time.
Result<ExportFile> Export(const Exportable& what, std::string_view format);

}  // namespace mobilise::reports
