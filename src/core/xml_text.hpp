// Writing XML text without an XML library: escaping for element text and attribute values
// (ADX reports, generated XForms, OpenRosa answers). Input must be valid UTF-8.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace mobilise {

// Escapes for an attribute value (in_attribute) or element text. Whitespace in attributes is
// written as character references so that attribute-value normalisation keeps it; C0 controls
// that XML 1.0 forbids are dropped.
void WriteXmlEscaped(std::ostream& out, std::string_view text, bool in_attribute);
std::string XmlEscaped(std::string_view text, bool in_attribute = false);
// ` name="value"`, escaped.
void WriteXmlAttribute(std::ostream& out, std::string_view name, std::string_view value);

}  // namespace mobilise
