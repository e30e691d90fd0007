#include "importers/zip_archive.hpp"

#include <zip.h>

#include <array>

namespace mobilise::importers::detail {
namespace {

Error Damaged(const std::string& name) {
  return Error::Validation("the file is damaged or incomplete: " + name +
                           " cannot be read; save the workbook again and upload it");
}

}  // namespace

void ZipArchive::Closer::operator()(zip* z) const {
  if (z != nullptr) zip_discard(z);
}

Result<ZipArchive> ZipArchive::Open(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return Fail(Error::Internal("cannot create zip source"));
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    return Fail(Error::Validation(
        "the file is not a readable XLSX workbook (it is not a complete zip archive); save it "
        "again as \"Excel Workbook (.xlsx)\" or as \"CSV UTF-8\""));
  }
  return ZipArchive(archive);
}

bool ZipArchive::Has(const std::string& name) const {
  return zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE) >= 0;
}

Status ZipArchive::Read(const std::string& name, std::size_t max_bytes,
                        const std::function<Status(std::string_view)>& sink) const {
  zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return Fail(Error::NotFound(name));
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip_.get(), index, 0, &stat) != 0) return Fail(Damaged(name));
  auto too_large = [&] {
    return Error::TooLarge("the workbook is too large: " + name + " would be more than " +
                           std::to_string(max_bytes) + " bytes once uncompressed");
  };
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > max_bytes) return Fail(too_large());

  zip_file_t* file = zip_fopen_index(zip_.get(), index, 0);
  if (file == nullptr) return Fail(Damaged(name));
  std::array<char, 64 * 1024> buffer;
  std::size_t total = 0;
  Status result;
  while (true) {
    zip_int64_t n = zip_fread(file, buffer.data(), buffer.size());
    if (n < 0) {
      result = Fail(Damaged(name));
      break;
    }
    if (n == 0) break;
    total += static_cast<std::size_t>(n);
    if (total > max_bytes) {
      result = Fail(too_large());
      break;
    }
    result = sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    if (!result) break;
  }
  int closed = zip_fclose(file);
  if (result && closed != 0) return Fail(Damaged(name));
  return result;
}

Result<std::string> ZipArchive::ReadAll(const std::string& name, std::size_t max_bytes) const {
  std::string out;
  auto status = Read(name, max_bytes, [&](std::string_view chunk) -> Status {
    out.append(chunk);
    return {};
  });
  if (!status) return Fail(std::move(status.error()));
  return out;
}

}  // namespace mobilise::importers::detail
