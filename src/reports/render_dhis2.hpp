// Aggregate values for DHIS2, in the two import formats of POST /api/dataValueSets
// (see shared/reference/domain.md §9): dataValueSets JSON and ADX XML.
#pragma once

#include <ostream>
#include <string>

#include "core/result.hpp"
#include "reports/data_values.hpp"

namespace mobilise::reports {

// dataValueSets JSON. Every data value carries its own "period" and "orgUnit" (bulk form, so one
// document may hold several groups); the top-level "dataSet", "completeDate" and
// "attributeOptionCombo" and a value's "categoryOptionCombo" and "comment" are present only when
// non-empty; "value" is always a string. Never fails.
std::string RenderDataValueSetsJson(const DataValueSet& set);

// ADX (IHE QRPH, namespace urn:ihe:qrph:adx:2015): <adx exported=...> with one <group orgUnit
// period dataSet [completeDate] [attributeOptionCombo]> per group that has values, and one
// <dataValue dataElement [category attributes...] value/> per value (a value's comment becomes its
// <annotation>; categoryOptionCombo is written only for a value without categories).
//
// Everything is checked before the first byte is written, then written to `out` as it goes; a
// validation error names the field (e.g. "groups[0].values[3].value") when:
// - exported_at or data_set is empty, a group lacks org_unit or adx_period, a value lacks
//   data_element, or no group has a value;
// - a category name is not a valid attribute name (letters, digits and "_", not starting with a
//   digit; not dataElement, value, categoryOptionCombo or starting with "xml"), or repeats within
//   a value;
// - a value is not an xs:decimal ("12", "-3", "87.5"; no exponent, no spaces): the message names
//   the data element.
// Attribute values are XML-escaped; characters XML 1.0 cannot hold are dropped.
Status RenderAdx(const DataValueSet& set, std::ostream& out);

}  // namespace mobilise::reports
