#include "importers/xml_stream.hpp"

#include <expat.h>

#include <climits>
#include <cstring>
#include <string>

namespace mobilise::importers::detail {

std::string_view LocalName(const char* name) {
  std::string_view n(name);
  std::size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* Attr(const char** attrs, std::string_view name) {
  for (int i = 0; attrs[i] != nullptr; i += 2) {
    if (LocalName(attrs[i]) == name) return attrs[i + 1];
  }
  return nullptr;
}

struct XmlStream::Impl {
  XML_Parser parser = nullptr;
  XmlHandler* handler = nullptr;
  std::string what;
  bool saw_doctype = false;

  void StopIfFailed() {
    if (handler->failure()) XML_StopParser(parser, XML_FALSE);
  }

  static void OnStart(void* data, const XML_Char* name, const XML_Char** attrs) {
    auto* self = static_cast<Impl*>(data);
    if (self->handler->failure()) return;
    self->handler->Start(LocalName(name), attrs);
    self->StopIfFailed();
  }
  static void OnEnd(void* data, const XML_Char* name) {
    auto* self = static_cast<Impl*>(data);
    if (self->handler->failure()) return;
    self->handler->End(LocalName(name));
    self->StopIfFailed();
  }
  static void OnText(void* data, const XML_Char* text, int len) {
    auto* self = static_cast<Impl*>(data);
    if (self->handler->failure()) return;
    self->handler->Text(std::string_view(text, static_cast<std::size_t>(len)));
    self->StopIfFailed();
  }
  static void OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* self = static_cast<Impl*>(data);
    self->saw_doctype = true;
    XML_StopParser(self->parser, XML_FALSE);
  }
};

XmlStream::XmlStream(XmlHandler& handler, std::string what) : impl_(new Impl) {
  impl_->handler = &handler;
  impl_->what = std::move(what);
  impl_->parser = XML_ParserCreate(nullptr);
  XML_SetUserData(impl_->parser, impl_);
  XML_SetElementHandler(impl_->parser, &Impl::OnStart, &Impl::OnEnd);
  XML_SetCharacterDataHandler(impl_->parser, &Impl::OnText);
  XML_SetStartDoctypeDeclHandler(impl_->parser, &Impl::OnDoctype);
  // Parameter entities and external entities stay off (expat's default): nothing is ever loaded.
  XML_SetParamEntityParsing(impl_->parser, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlStream::~XmlStream() {
  if (impl_->parser != nullptr) XML_ParserFree(impl_->parser);
  delete impl_;
}

Status XmlStream::Feed(std::string_view chunk, bool last) {
  if (impl_->parser == nullptr) return Fail(Error::Internal("out of memory creating XML parser"));
  while (true) {
    // expat takes an int length; feed very large chunks in pieces.
    std::size_t piece = chunk.size() > INT_MAX / 2 ? INT_MAX / 2 : chunk.size();
    bool final_piece = last && piece == chunk.size();
    XML_Status status = XML_Parse(impl_->parser, chunk.data(), static_cast<int>(piece),
                                  final_piece ? XML_TRUE : XML_FALSE);
    if (impl_->handler->failure()) return Fail(*impl_->handler->failure());
    if (impl_->saw_doctype) {
      return Fail(Error::Validation("the file is not accepted: " + impl_->what +
                                    " contains a DOCTYPE (DTDs are not allowed)"));
    }
    if (status != XML_STATUS_OK) {
      return Fail(Error::Validation("the file is damaged: " + impl_->what +
                                    " is not well-formed XML (line " +
                                    std::to_string(XML_GetCurrentLineNumber(impl_->parser)) + ": " +
                                    XML_ErrorString(XML_GetErrorCode(impl_->parser)) + ")"));
    }
    chunk.remove_prefix(piece);
    if (chunk.empty()) return {};
  }
}

}  // namespace mobilise::importers::detail
