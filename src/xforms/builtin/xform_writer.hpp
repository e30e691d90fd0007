// A small XForm writer for the generated built-in forms: questions with translated labels
// (itext in every language), binds, inline choices or choices from a CSV media file (as pyxform
// writes `select_one_from_file`), groups and repeats, and the meta block Collect fills.
// Pure: a FormSpec in, the XML text out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mobilise::xforms::builtin {

struct Language {
  std::string code, name;  // "ps", "پښتو": written as the itext language "پښتو (ps)"
  bool rtl = false;
};

// One text per language of the form, in the form's language order.
using Text = std::vector<std::string>;

struct Item {
  std::string value;
  Text label;
};

enum class Control { kInput, kSelect1, kSelect, kUpload, kGroup, kRepeat, kCalculate };

struct Node {
  std::string name;  // the instance element
  Control control = Control::kInput;
  std::string type = "string";  // the bind type (selects bind as string, as pyxform does)
  Text label, hint;
  bool required = false;
  bool readonly = false;    // a note: a label shown, nothing entered
  std::string required_if;  // an XPath: required when true (instead of `required`)
  std::string constraint, relevant, calculate, appearance, mediatype;
  std::vector<Item> items;  // inline choices
  std::string itemset;      // choices from a secondary instance: instance('people')/root/item[...]
  std::vector<Node> children;  // groups and repeats
};

struct FormSpec {
  std::string id;  // the root's id attribute (xmlFormId)
  Text title;      // <h:title> is the first language's
  std::vector<Language> languages;
  std::vector<std::string> csv_media;  // "areas": an instance from jr://file-csv/areas.csv
  std::vector<Node> questions;
  std::string instance_name;  // an XPath for meta/instanceName, or ""
};

// The XForm of `spec` with `version` as the root's version attribute.
std::string WriteXForm(const FormSpec& spec, std::string_view version);
// The form's version: a digest of the XML written without one, so that it changes exactly when
// the generated form changes ("2026" style dates would change on every start).
std::string FormVersion(const FormSpec& spec);

}  // namespace mobilise::xforms::builtin
