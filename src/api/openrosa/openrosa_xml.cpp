#include "api/openrosa/openrosa_xml.hpp"

namespace mobilise::api::openrosa {

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string ContentDisposition(std::string_view name, std::string_view content_type) {
  static constexpr std::string_view kInline[] = {"image/jpeg", "image/png", "image/gif",
                                                 "image/webp"};
  const std::string_view type = content_type.substr(0, content_type.find(';'));
  bool inline_safe = false;
  for (auto t : kInline) inline_safe = inline_safe || type == t;
  std::string ascii;
  for (const unsigned char c : name)
    ascii += (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
  return std::string(inline_safe ? "inline" : "attachment") + "; filename=\"" + ascii +
         "\"; filename*=UTF-8''" + UriComponent(name);
}

std::string UriComponent(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 std::string_view("-_.!~*'()").find(static_cast<char>(c)) != std::string_view::npos;
    if (plain) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string FormListXml(const std::vector<FormListEntry>& forms) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "  <xforms xmlns=\"http://openrosa.org/xforms/xformsList\">\n";
  for (const FormListEntry& f : forms) {
    out += "    <xform>\n      <formID>" + XmlEscape(f.xml_form_id) + "</formID>\n      <name>" +
           XmlEscape(f.name) + "</name>\n      <version>" + XmlEscape(f.version) +
           "</version>\n      <hash>md5:" + f.md5 + "</hash>\n      <downloadUrl>" +
           XmlEscape(f.download_url) + "</downloadUrl>\n";
    if (!f.manifest_url.empty()) {
      out += "      <manifestUrl>" + XmlEscape(f.manifest_url) + "</manifestUrl>\n";
    }
    out += "    </xform>\n";
  }
  return out + "  </xforms>\n";
}

std::string ManifestXml(const std::vector<ManifestEntry>& files) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "  <manifest xmlns=\"http://openrosa.org/xforms/xformsManifest\">\n";
  for (const ManifestEntry& f : files) {
    out += "    <mediaFile>\n      <filename>" + XmlEscape(f.filename) +
           "</filename>\n      <hash>md5:" + f.md5 + "</hash>\n      <downloadUrl>" +
           XmlEscape(f.download_url) + "</downloadUrl>\n    </mediaFile>\n";
  }
  return out + "  </manifest>\n";
}

std::string MessageXml(std::string_view message, std::string_view nature) {
  return "\n  <OpenRosaResponse xmlns=\"http://openrosa.org/http/response\" items=\"0\">\n"
         "    <message nature=\"" +
         std::string(nature) + "\">" + XmlEscape(message) + "</message>\n  </OpenRosaResponse>\n";
}

http::Response OpenRosaReply(int status, std::string body, std::size_t accept_length,
                             std::string_view method) {
  http::Response r;
  r.status = status;
  r.content_type = status == 204 ? "" : "text/xml; charset=utf-8";
  r.body = std::move(body);
  r.SetHeader("Content-Language", "en");
  r.SetHeader("X-OpenRosa-Version", "1.0");
  r.SetHeader("X-OpenRosa-Accept-Content-Length", std::to_string(accept_length));
  if (method == "POST") {
    r.SetHeader("Cache-Control", "no-store");
    r.SetHeader("Vary", "*");
  } else {
    r.SetHeader("Cache-Control", "private, no-cache");
  }
  return r;
}

}  // namespace mobilise::api::openrosa
