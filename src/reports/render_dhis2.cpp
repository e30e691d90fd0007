#include "reports/render_dhis2.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <set>
#include <string_view>

#include "core/xml_text.hpp"

namespace mobilise::reports {
namespace {

// ---- JSON ---------------------------------------------------------------------------------

void PutIfNotEmpty(boost::json::object& object, std::string_view key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

// ---- ADX checks ---------------------------------------------------------------------------

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsValidCategoryName(std::string_view name) {
  if (name.empty() || !(IsAsciiLetter(name[0]) || name[0] == '_')) return false;
  for (char c : name) {
    if (!(IsAsciiLetter(c) || IsDigit(c) || c == '_')) return false;
  }
  if (name.size() >= 3 && (name[0] | 0x20) == 'x' && (name[1] | 0x20) == 'm' &&
      (name[2] | 0x20) == 'l') {
    return false;  // reserved by XML
  }
  return name != "dataElement" && name != "value" && name != "categoryOptionCombo";
}

// xs:decimal lexical space: optional sign, digits with an optional fraction (".5" and "5." too).
bool IsXsDecimal(std::string_view v) {
  std::size_t i = 0;
  if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < v.size() && IsDigit(v[i])) ++i, ++digits;
  if (i < v.size() && v[i] == '.') {
    ++i;
    while (i < v.size() && IsDigit(v[i])) ++i, ++digits;
  }
  return digits > 0 && i == v.size();
}

Error Invalid(const std::string& field, FieldProblem problem) {
  std::string message = "the values cannot be written as ADX: " + field + " " + problem.Text();
  return Error::Validation(std::move(message), {{field, std::move(problem)}});
}

Status CheckAdx(const DataValueSet& set) {
  if (set.exported_at.empty()) return Fail(Invalid("exported_at", problem::Required()));
  if (set.data_set.empty()) return Fail(Invalid("data_set", problem::Required()));
  bool any_value = false;
  for (std::size_t g = 0; g < set.groups.size(); ++g) {
    const auto& group = set.groups[g];
    const std::string at = "groups[" + std::to_string(g) + "]";
    if (group.values.empty()) continue;
    any_value = true;
    if (group.org_unit.empty()) return Fail(Invalid(at + ".org_unit", problem::Required()));
    if (group.adx_period.empty()) {
      return Fail(Invalid(at + ".adx_period", problem::Required()));
    }
    for (std::size_t v = 0; v < group.values.size(); ++v) {
      const auto& value = group.values[v];
      const std::string vat = at + ".values[" + std::to_string(v) + "]";
      if (value.data_element.empty()) {
        return Fail(Invalid(vat + ".data_element", problem::Required()));
      }
      std::set<std::string_view> seen;
      for (std::size_t c = 0; c < value.categories.size(); ++c) {
        const std::string& name = value.categories[c].first;
        const std::string cat = vat + ".categories[" + std::to_string(c) + "]";
        if (!IsValidCategoryName(name)) {
          return Fail(Invalid(cat, problem::AdxCategoryName(name, value.data_element)));
        }
        if (!seen.insert(name).second) {
          return Fail(Invalid(cat, problem::AdxCategoryTwice(name, value.data_element)));
        }
      }
      if (!IsXsDecimal(value.value)) {
        return Fail(Invalid(vat + ".value", problem::AdxNotDecimal(value.data_element)));
      }
    }
  }
  if (!any_value) return Fail(Invalid("groups", problem::NoValuesToExport()));
  return {};
}

}  // namespace

std::string RenderDataValueSetsJson(const DataValueSet& set) {
  boost::json::object root;
  PutIfNotEmpty(root, "dataSet", set.data_set);
  PutIfNotEmpty(root, "completeDate", set.complete_date);
  PutIfNotEmpty(root, "attributeOptionCombo", set.attribute_option_combo);
  boost::json::array values;
  for (const auto& group : set.groups) {
    for (const auto& value : group.values) {
      boost::json::object v;
      v["dataElement"] = value.data_element;
      v["period"] = group.period;
      v["orgUnit"] = group.org_unit;
      PutIfNotEmpty(v, "categoryOptionCombo", value.category_option_combo);
      v["value"] = value.value;
      PutIfNotEmpty(v, "comment", value.comment);
      values.push_back(std::move(v));
    }
  }
  root["dataValues"] = std::move(values);
  return boost::json::serialize(root);
}

Status RenderAdx(const DataValueSet& set, std::ostream& out) {
  if (auto checked = CheckAdx(set); !checked) return checked;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<adx xmlns=\"urn:ihe:qrph:adx:2015\"";
  WriteXmlAttribute(out, "exported", set.exported_at);
  out << ">\n";
  for (const auto& group : set.groups) {
    if (group.values.empty()) continue;
    out << "  <group";
    WriteXmlAttribute(out, "orgUnit", group.org_unit);
    WriteXmlAttribute(out, "period", group.adx_period);
    WriteXmlAttribute(out, "dataSet", set.data_set);
    if (!set.complete_date.empty()) WriteXmlAttribute(out, "completeDate", set.complete_date);
    if (!set.attribute_option_combo.empty()) {
      WriteXmlAttribute(out, "attributeOptionCombo", set.attribute_option_combo);
    }
    out << ">\n";
    for (const auto& value : group.values) {
      out << "    <dataValue";
      WriteXmlAttribute(out, "dataElement", value.data_element);
      for (const auto& [category, option] : value.categories) {
        WriteXmlAttribute(out, category, option);
      }
      if (value.categories.empty() && !value.category_option_combo.empty()) {
        WriteXmlAttribute(out, "categoryOptionCombo", value.category_option_combo);
      }
      WriteXmlAttribute(out, "value", value.value);
      if (value.comment.empty()) {
        out << "/>\n";
      } else {
        out << "><annotation>";
        WriteXmlEscaped(out, value.comment, false);
        out << "</annotation></dataValue>\n";
      }
    }
    out << "  </group>\n";
  }
  out << "</adx>\n";
  if (!out) return Fail(Error::Internal("the ADX output could not be written"));
  return {};
}

}  // namespace mobilise::reports
