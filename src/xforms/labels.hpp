// The labels of an XForm's questions, groups and choices, in each itext language
// (docs/openrosa.md): what a person reading a submission sees instead of instance paths. Additive
// to ReadXForm (which keeps no labels); read from the same XML with the same DOCTYPE-refusing
// parser. Pure code.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace mobilise::xforms {

// A label by language: the itext language name ("English (en)") -> text, or "" -> the text of a
// label written inline (no itext). <output/> references and media forms are left out.
using LabelTexts = std::map<std::string, std::string>;

struct ChoiceLabel {
  std::string value;
  LabelTexts label;
};

struct ControlLabels {
  std::string path;  // the instance path the body control refers to ("/data/hh/person")
  LabelTexts label;
  std::vector<ChoiceLabel> choices;  // a select's <item>s, or its itemset's secondary instance
};

struct FormLabels {
  std::vector<std::string> languages;   // itext languages, in document order
  std::string default_language;         // the translation marked default="true()", else ""
  std::vector<ControlLabels> controls;  // in body order; a path once (its first control)
  const ControlLabels* Find(std::string_view path) const;  // nullptr when none
};

// Reads the labels; errors as ReadXForm's for XML that cannot be read (field "xml").
Result<FormLabels> ReadLabels(std::string_view xml);

}  // namespace mobilise::xforms
