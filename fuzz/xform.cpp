// The XForm parser (xforms/xform.hpp ReadXForm) on any text: a form it accepts must have an id.
#include "xforms/xform.hpp"

#include <cstdlib>

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto form = mobilise::xforms::ReadXForm(mobilise::fuzz::Bytes(data, size));
  if (form && form->xml_form_id.empty()) std::abort();
  return 0;
}
