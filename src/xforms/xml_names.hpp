// Helpers shared by the XForm and instance readers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "importers/xml_stream.hpp"

namespace mobilise::xforms {

// Feeds the whole XForm `xml` to `handler` (DOCTYPEs refused); XML that cannot be read is an
// error with field "xml" (invalid).
Status FeedXForm(importers::detail::XmlHandler& handler, std::string_view xml);

// "xsd:int" -> "int"; "string" stays.
std::string BareType(std::string_view type);

// The file names of every jr:// media reference in `text` ("jr://images/a.png" -> "a.png";
// jr://file/, jr://file-csv/, jr://images/, jr://audio/, jr://video/), in order.
std::vector<std::string> MediaReferences(std::string_view text);

// An appearance "search('villages', ...)" needs "villages.csv"; nullopt when it has no search().
std::optional<std::string> SearchedFile(std::string_view appearance);

// "/data/person[2]/name" -> "/data/person/name".
std::string WithoutPositions(std::string_view path);

}  // namespace mobilise::xforms
