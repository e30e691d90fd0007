#include "xforms/builtin/xform_writer.hpp"

#include <sstream>

#include "core/id.hpp"
#include "core/xml_text.hpp"
#include "xforms/builtin/bidi.hpp"

namespace mobilise::xforms::builtin {
namespace {

constexpr std::string_view kRoot = "/data";

std::string LanguageName(const Language& l) { return l.name + " (" + l.code + ")"; }

// Every text of the form in every language, by itext id; in a right-to-left language each text
// begins as a right-to-left paragraph (bidi.hpp).
void WriteText(std::ostream& out, const std::string& id, const Text& text, std::size_t lang,
               bool rtl) {
  if (text.empty()) return;
  out << "<text";
  WriteXmlAttribute(out, "id", id);
  out << "><value>";
  const std::string& value = lang < text.size() ? text[lang] : text.front();
  WriteXmlEscaped(out, rtl ? RightToLeftParagraph(value) : value, false);
  out << "</value></text>";
}

void WriteTexts(std::ostream& out, const std::vector<Node>& nodes, const std::string& parent,
                std::size_t lang, bool rtl) {
  for (const auto& n : nodes) {
    const std::string path = parent + "/" + n.name;
    WriteText(out, path + ":label", n.label, lang, rtl);
    WriteText(out, path + ":hint", n.hint, lang, rtl);
    for (const auto& item : n.items)
      WriteText(out, path + "/" + item.value + ":label", item.label, lang, rtl);
    WriteTexts(out, n.children, path, lang, rtl);
  }
}

void WriteItext(std::ostream& out, const FormSpec& spec) {
  out << "<itext>";
  for (std::size_t i = 0; i < spec.languages.size(); ++i) {
    out << "<translation";
    WriteXmlAttribute(out, "lang", LanguageName(spec.languages[i]));
    if (i == 0) out << " default=\"true()\"";
    out << '>';
    WriteTexts(out, spec.questions, std::string(kRoot), i, spec.languages[i].rtl);
    out << "</translation>";
  }
  out << "</itext>";
}

void WriteElements(std::ostream& out, const std::vector<Node>& nodes) {
  for (const auto& n : nodes) {
    if (n.children.empty()) {
      out << '<' << n.name << "/>";
    } else {
      out << '<' << n.name << '>';
      WriteElements(out, n.children);
      out << "</" << n.name << '>';
    }
  }
}

void WriteBind(std::ostream& out, const Node& n, const std::string& path) {
  const bool group = n.control == Control::kGroup || n.control == Control::kRepeat;
  if (group && n.relevant.empty()) return;
  out << "<bind";
  WriteXmlAttribute(out, "nodeset", path);
  if (!group) WriteXmlAttribute(out, "type", n.type);
  if (n.required) out << " required=\"true()\"";
  if (n.readonly) out << " readonly=\"true()\"";
  if (!n.required_if.empty()) WriteXmlAttribute(out, "required", n.required_if);
  if (!n.constraint.empty()) WriteXmlAttribute(out, "constraint", n.constraint);
  if (!n.relevant.empty()) WriteXmlAttribute(out, "relevant", n.relevant);
  if (!n.calculate.empty()) WriteXmlAttribute(out, "calculate", n.calculate);
  out << "/>";
}

void WriteBinds(std::ostream& out, const std::vector<Node>& nodes, const std::string& parent) {
  for (const auto& n : nodes) {
    const std::string path = parent + "/" + n.name;
    WriteBind(out, n, path);
    WriteBinds(out, n.children, path);
  }
}

void WriteLabels(std::ostream& out, const Node& n, const std::string& path) {
  if (!n.label.empty()) out << "<label ref=\"jr:itext('" << path << ":label')\"/>";
  if (!n.hint.empty()) out << "<hint ref=\"jr:itext('" << path << ":hint')\"/>";
}

void WriteChoices(std::ostream& out, const Node& n, const std::string& path) {
  if (!n.itemset.empty()) {
    out << "<itemset";
    WriteXmlAttribute(out, "nodeset", n.itemset);
    out << "><value ref=\"name\"/><label ref=\"label\"/></itemset>";
    return;
  }
  for (const auto& item : n.items) {
    out << "<item><label ref=\"jr:itext('" << path << '/' << item.value << ":label')\"/><value>";
    WriteXmlEscaped(out, item.value, false);
    out << "</value></item>";
  }
}

void WriteControls(std::ostream& out, const std::vector<Node>& nodes, const std::string& parent);

void WriteControl(std::ostream& out, const Node& n, const std::string& path) {
  static constexpr const char* kTags[] = {"input", "select1", "select", "upload", "group"};
  if (n.control == Control::kCalculate) return;
  if (n.control == Control::kRepeat) {
    out << "<group";
    WriteXmlAttribute(out, "ref", path);
    out << '>';
    WriteLabels(out, n, path);
    out << "<repeat";
    WriteXmlAttribute(out, "nodeset", path);
    out << '>';
    WriteControls(out, n.children, path);
    out << "</repeat></group>";
    return;
  }
  const char* tag = kTags[static_cast<int>(n.control)];
  out << '<' << tag;
  if (!n.appearance.empty()) WriteXmlAttribute(out, "appearance", n.appearance);
  if (!n.mediatype.empty()) WriteXmlAttribute(out, "mediatype", n.mediatype);
  WriteXmlAttribute(out, "ref", path);
  out << '>';
  WriteLabels(out, n, path);
  if (n.control == Control::kGroup) WriteControls(out, n.children, path);
  WriteChoices(out, n, path);
  out << "</" << tag << '>';
}

void WriteControls(std::ostream& out, const std::vector<Node>& nodes, const std::string& parent) {
  for (const auto& n : nodes) WriteControl(out, n, parent + "/" + n.name);
}

void WriteModel(std::ostream& out, const FormSpec& spec, std::string_view version) {
  out << "<model odk:xforms-version=\"1.0.0\">";
  WriteItext(out, spec);
  out << "<instance><data";
  WriteXmlAttribute(out, "id", spec.id);
  WriteXmlAttribute(out, "version", version);
  out << '>';
  WriteElements(out, spec.questions);
  out << "<meta><instanceID/>" << (spec.instance_name.empty() ? "" : "<instanceName/>")
      << "</meta></data></instance>";
  for (const auto& media : spec.csv_media)
    out << "<instance id=\"" << media << "\" src=\"jr://file-csv/" << media << ".csv\"/>";
  WriteBinds(out, spec.questions, std::string(kRoot));
  out << "<bind nodeset=\"/data/meta/instanceID\" type=\"string\" readonly=\"true()\" "
         "jr:preload=\"uid\"/>";
  if (!spec.instance_name.empty()) {
    out << "<bind nodeset=\"/data/meta/instanceName\" type=\"string\"";
    WriteXmlAttribute(out, "calculate", spec.instance_name);
    out << "/>";
  }
  out << "</model>";
}

}  // namespace

std::string WriteXForm(const FormSpec& spec, std::string_view version) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<h:html xmlns=\"http://www.w3.org/2002/xforms\" xmlns:h=\"http://www.w3.org/1999/xhtml\" "
         "xmlns:jr=\"http://openrosa.org/javarosa\" "
         "xmlns:odk=\"http://www.opendatakit.org/xforms\" "
         "xmlns:orx=\"http://openrosa.org/xforms\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
         "<h:head><h:title>";
  WriteXmlEscaped(out, spec.title.empty() ? spec.id : spec.title.front(), false);
  out << "</h:title>";
  WriteModel(out, spec, version);
  out << "</h:head><h:body>";
  WriteControls(out, spec.questions, std::string(kRoot));
  out << "</h:body></h:html>\n";
  return out.str();
}

std::string FormVersion(const FormSpec& spec) {
  return Sha256Hex(WriteXForm(spec, "")).substr(0, 12);
}

}  // namespace mobilise::xforms::builtin
