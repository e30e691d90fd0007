// The streaming XML parser the XLSX reader reads every package part with
// (importers/xml_stream.hpp), fed in two chunks split where the first byte says, with a handler
// that looks attributes up as the sheet reader does. A DOCTYPE must be refused.
#include <string>

#include "fuzz_input.hpp"
#include "importers/xml_stream.hpp"

namespace {

using namespace mobilise::importers::detail;

class Walker : public XmlHandler {
 public:
  void Start(std::string_view name, const char** attrs) override {
    (void)Attr(attrs, "r");
    (void)Attr(attrs, "t");
    for (const char** a = attrs; *a != nullptr; a += 2) (void)LocalName(*a);
    if (++depth_ > 64) Stop(mobilise::Error::Validation("too deep", {}));
    text_.clear();
  }
  void End(std::string_view name) override { --depth_; }
  void Text(std::string_view text) override { text_.append(text); }

 private:
  int depth_ = 0;
  std::string text_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto bytes = mobilise::fuzz::Bytes(data, size);
  if (bytes.empty()) return 0;
  const std::size_t split = static_cast<unsigned char>(bytes[0]) % bytes.size();
  bytes.remove_prefix(1);
  Walker walker;
  XmlStream stream(walker, "xl/worksheets/sheet1.xml");
  const auto head = bytes.substr(0, split);
  if (stream.Feed(head, false)) (void)stream.Feed(bytes.substr(head.size()), true);
  return 0;
}
