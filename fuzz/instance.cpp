// The submission reader (xforms/xform.hpp ReadInstance) on any text, without a form and with a
// form that has a repeat and a binary field, then the attachment names the instance refers to.
#include <cstdlib>

#include "fuzz_input.hpp"
#include "xforms/xform.hpp"

namespace {

const char* const kForm = R"xml(<h:html xmlns="http://www.w3.org/2002/xforms"
  xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa">
<h:head><h:title>Household</h:title><model><instance>
<data id="household" version="1"><name/><photo/><person jr:template=""><pname/><age/></person>
<meta><instanceID/><instanceName/></meta></data></instance>
<bind nodeset="/data/photo" type="binary"/><bind nodeset="/data/person/age" type="int"/>
</model></h:head><h:body><repeat nodeset="/data/person"/></h:body></h:html>)xml";

const mobilise::xforms::FormDefinition& Form() {
  static const auto form = mobilise::xforms::ReadXForm(kForm);
  if (!form) std::abort();
  return *form;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mobilise::xforms;
  const auto xml = mobilise::fuzz::Bytes(data, size);
  (void)ReadInstance(xml);
  if (auto instance = ReadInstance(xml, Form())) {
    (void)ReferencedFiles(Form(), *instance);
    (void)instance->Count("/data/person");
  }
  return 0;
}
