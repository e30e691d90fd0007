// Pure XForm code (docs/openrosa.md): an XForm definition and a submitted instance read from
// their XML. No database, no HTTP. Parsing goes through importers/xml_stream.hpp (expat): any
// DOCTYPE is refused, so no DTD, internal or external entity is ever declared or expanded
// (billion laughs, XXE). Element and attribute names are read without their namespace prefix,
// so `orx:meta/orx:instanceID` is `meta/instanceID`. A byte-order mark and CRLF line ends are
// accepted. Thread-safe: plain functions over their input.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace mobilise::xforms {

struct Field {          // one question or group of the form, in document order
  std::string path;     // "/data/household/size" (the instance path); repeats have repeat = true
  std::string type;     // bind type: string int decimal date dateTime select1 select binary
                        // geopoint ...; "group" for a group without a bind type
  bool repeat = false;  // a repeat group (its children follow it, paths below it)
};

struct FormDefinition {
  std::string xml_form_id, version, title;  // root instance id/version attributes, <h:title>
  std::vector<Field> fields;
  std::vector<std::string> media;      // jr://file/, jr://images/... names the form references
  std::vector<std::string> languages;  // itext languages
};

// Reads an XForm strictly: well-formed XML, an <h:title> (the title falls back to the form id),
// a primary <instance> whose root has an `id`. Errors are validation errors naming the problem
// (field "xml" for XML that cannot be read, "id" for a missing form id, "instance" for a form
// without a primary instance).
Result<FormDefinition> ReadXForm(std::string_view xml);

struct Instance {
  std::string xml_form_id, version, instance_id, deprecated_id, instance_name;
  // Leaf values in document order; inside a repeat the path carries the 1-based position:
  // "/data/person[2]/name". Empty elements are present with "".
  std::vector<std::pair<std::string, std::string>> values;
  // True when the XML ended before its root element closed (accepted, as Central does, when
  // the root already gave its `id`; `values` then holds the leaves that were complete).
  bool truncated = false;

  const std::string* Find(std::string_view path) const;  // nullptr when absent
  int Count(std::string_view repeat_path) const;         // "/data/person" -> how many
};

// Reads a submission instance leniently, as Central does: root attribute `id` (required: else
// a validation error on field "id" whose message is Central's "Required parameter form ID xml
// attribute missing."), root `version` ("" when absent), /*/meta/instanceID (or the root's
// `instanceID` attribute), /*/meta/deprecatedID, /*/meta/instanceName. XML that ends early
// but already gave the id is accepted (`truncated`); XML that breaks the grammar before its end,
// or has a DOCTYPE, is refused (field "xml").
// Without the form, an element is taken as a repeat entry (and given its [n]) when its parent
// holds more than one element of its name; with the form, every repeat the form declares gets
// its [n], also when it holds one entry.
Result<Instance> ReadInstance(std::string_view xml);
Result<Instance> ReadInstance(std::string_view xml, const FormDefinition& form);

// The root's `id` and `version` only (the XML is read no further), to find the form before
// reading the instance with it; when the root gives no id (or the XML breaks before it),
// ReadInstance(xml)'s answer. The instance's other fields are left empty.
Result<Instance> ReadInstanceHeader(std::string_view xml);

// The attachment file names an instance refers to: the values of the form's `binary` fields
// that are not empty, in document order, each once.
std::vector<std::string> ReferencedFiles(const FormDefinition& form, const Instance& instance);

}  // namespace mobilise::xforms
