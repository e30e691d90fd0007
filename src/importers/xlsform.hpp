// XLSForm -> XForm: the uploaded workbook is converted by pyxform, run as a separate process
// with pyxform's command line (`COMMAND --json FORM.xlsx OUT.xml`, answer as JSON on standard
// output) in a temporary directory removed afterwards, within a time limit (killed past it).
// tools/xlsform/xls2xform is that command: pyxform from the venv `make deps` makes, or its
// standard-library stand-in where pyxform could not be installed.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace mobilise::importers {

struct XlsFormConverter {
  std::string command;  // an executable taking pyxform's xls2xform arguments
  std::chrono::milliseconds limit{std::chrono::seconds(30)};
};

// The XForm pyxform makes of `xlsx`. A form pyxform refuses is a validation error: the message
// goes to field "xlsform", or "xlsform.row_N" when pyxform names the row ("[row : N] ..."), as
// problem::Unreadable(pyxform's words). Past the time limit: a validation error on "xlsform"
// ("took too long"); no command, or one that fails to run: internal.
Result<std::string> ConvertXlsForm(std::string_view xlsx, const XlsFormConverter& converter);

// The field a pyxform message belongs to: "xlsform.row_N" for "[row : N] ...", else "xlsform".
std::string XlsFormErrorField(std::string_view message);

}  // namespace mobilise::importers
