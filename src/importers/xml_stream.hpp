// Internal to the XLSX reader: a streaming expat parser that refuses DTDs. Any DOCTYPE (and so any
// entity declaration or external entity) is a validation error; external entities are never
// loaded. Element and attribute names are given without their namespace prefix ("x:row" -> "row").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace mobilise::importers::detail {

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `attrs` is expat's null-terminated name/value array; use Attr() to look up by local name.
  virtual void Start(std::string_view name, const char** attrs) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(std::string_view text) {}

  // Called by a handler to stop parsing with an error (returned by XmlStream::Feed).
  void Stop(Error error) {
    if (!failure_) failure_ = std::move(error);
  }
  const std::optional<Error>& failure() const { return failure_; }

 private:
  std::optional<Error> failure_;
};

// The value of the attribute whose local name is `name`, or nullptr.
const char* Attr(const char** attrs, std::string_view name);

// The local part of a (possibly prefixed) XML name.
std::string_view LocalName(const char* name);

class XmlStream {
 public:
  // `what` names the document in error messages (e.g. "xl/workbook.xml").
  XmlStream(XmlHandler& handler, std::string what);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Parses the next chunk; `last` marks the end of the document.
  Status Feed(std::string_view chunk, bool last);

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace mobilise::importers::detail
