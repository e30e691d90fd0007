#include "core/xml_text.hpp"

#include <sstream>

namespace mobilise {

void WriteXmlEscaped(std::ostream& out, std::string_view text, bool in_attribute) {
  for (char ch : text) {
    switch (ch) {
      case '&':
        out << "&amp;";
        break;
      case '<':
        out << "&lt;";
        break;
      case '>':
        out << "&gt;";
        break;
      case '"':
        out << (in_attribute ? "&quot;" : "\"");
        break;
      case '\t':
        out << (in_attribute ? "&#9;" : "\t");
        break;
      case '\n':
        out << (in_attribute ? "&#10;" : "\n");
        break;
      case '\r':
        out << "&#13;";
        break;
      default:
        if (static_cast<unsigned char>(ch) >= 0x20) out << ch;
    }
  }
}

std::string XmlEscaped(std::string_view text, bool in_attribute) {
  std::ostringstream out;
  WriteXmlEscaped(out, text, in_attribute);
  return out.str();
}

void WriteXmlAttribute(std::ostream& out, std::string_view name, std::string_view value) {
  out << ' ' << name << "=\"";
  WriteXmlEscaped(out, value, true);
  out << '"';
}

}  // namespace mobilise
