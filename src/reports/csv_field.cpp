#include "reports/csv_field.hpp"

#include <string>

namespace mobilise::reports {

bool StartsLikeFormula(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

void WriteCsvField(std::ostream& out, std::string_view text, bool guard) {
  std::string value;
  if (guard && StartsLikeFormula(text)) value = "'";
  value.append(text);
  if (value.find_first_of(",\"\r\n") == std::string::npos) {
    out << value;
    return;
  }
  out << '"';
  for (char c : value) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

}  // namespace mobilise::reports
