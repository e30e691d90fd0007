// One problem found in one row of an imported file (row = the file's row number).
#pragma once

#include <string>

namespace mobilise::domain {

struct ImportRowError {
  int row = 0;
  std::string column;
  std::string code;
  std::string message;
};

}  // namespace mobilise::domain
