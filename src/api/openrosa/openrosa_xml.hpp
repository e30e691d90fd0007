// The OpenRosa XML bodies and headers exactly as Central writes them (reference §2.2-2.7):
// formList, manifest, and the OpenRosaResponse message (success and error), with the
// X-OpenRosa-* headers. Pure text; no I/O.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "api/http/message.hpp"

namespace mobilise::api::openrosa {

// & < > " ' as entities (mustache's escaping of message and name text).
std::string XmlEscape(std::string_view text);
// encodeURIComponent: every byte but A-Z a-z 0-9 - _ . ! ~ * ' ( ) as %XX.
std::string UriComponent(std::string_view text);

// A file download's Content-Disposition as Central writes it (reference S22): `inline` for the
// image types a browser shows safely (JPEG, PNG, GIF, WebP), else `attachment` (SVG, HTML and
// whatever type the sender claimed), with an ASCII `filename` (others as _) and the UTF-8
// `filename*`.
std::string ContentDisposition(std::string_view name, std::string_view content_type);

struct FormListEntry {
  std::string xml_form_id, name, version, md5;
  std::string download_url;
  std::string manifest_url;  // "" when the form expects no media
};
std::string FormListXml(const std::vector<FormListEntry>& forms);

struct ManifestEntry {
  std::string filename, md5, download_url;
};
std::string ManifestXml(const std::vector<ManifestEntry>& files);

// <OpenRosaResponse> with one message; `nature` "" for success, "error" for an error.
std::string MessageXml(std::string_view message, std::string_view nature);

// An OpenRosa response: `status`, text/xml body, the OpenRosa headers (`accept_length` is the
// body limit the server enforces for submissions) and Central's Cache-Control (GET/HEAD:
// private, no-cache; POST: no-store with Vary: *).
http::Response OpenRosaReply(int status, std::string body, std::size_t accept_length,
                             std::string_view method);

}  // namespace mobilise::api::openrosa
