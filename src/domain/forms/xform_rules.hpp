// Pure rules for forms (no database): which forms a reader of submissions is shown.
#pragma once

#include <string>
#include <vector>

namespace mobilise::domain {

// Whether a form assigned to the areas `assigned_paths` concerns a reader whose read areas are
// `read_paths`: one assigned area lies at, above or below one of the reader's areas (a form
// assigned to a province concerns its district officer, and one assigned to a district
// concerns the province's reviewer). Paths are "/k1/k2/" area paths.
bool AssignedNearReader(const std::vector<std::string>& assigned_paths,
                        const std::vector<std::string>& read_paths);

}  // namespace mobilise::domain
