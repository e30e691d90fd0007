// The multipart/form-data parser of OpenRosa submissions (api/openrosa/multipart.hpp): the first
// line is the Content-Type, the rest the body. Every part must lie within the body.
#include "api/openrosa/multipart.hpp"

#include <cstdlib>

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mobilise::api::openrosa;
  const auto [content_type, body] = mobilise::fuzz::FirstLine(mobilise::fuzz::Bytes(data, size));
  if (!IsMultipartFormData(content_type)) return 0;
  auto parts = ParseMultipart(content_type, body);
  if (!parts) return 0;
  for (const Part& part : *parts) {
    if (part.data.data() < body.data() ||
        part.data.data() + part.data.size() > body.data() + body.size())
      std::abort();
  }
  return 0;
}
