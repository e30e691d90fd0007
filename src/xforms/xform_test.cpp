#include "xforms/xform.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "xforms/xml_names.hpp"

namespace mobilise::xforms {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

const char* const kForm = R"xml(<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
        xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms">
  <h:head>
    <h:title>Crate &amp; Barrel</h:title>
    <model>
      <itext>
        <translation lang="English"><text id="q"><value form="image">jr://images/logo.png</value></text></translation>
        <translation lang="Pashto (ps)"><text id="q"><value>پوښتنه</value></text></translation>
      </itext>
      <instance>
        <data id="household" version="2026120701">
          <name/>
          <photo/>
          <person jr:template=""><pname/><age/></person>
          <person><pname/><age/></person>
          <meta><instanceID/></meta>
        </data>
      </instance>
      <instance id="villages" src="jr://file-csv/villages.csv"/>
      <bind nodeset="/data/name" type="string"/>
      <bind nodeset="/data/photo" type="binary"/>
      <bind nodeset="/data/person/age" type="xsd:int"/>
    </model>
  </h:head>
  <h:body>
    <input ref="/data/name"><label>Name</label></input>
    <upload ref="/data/photo" mediatype="image/*"/>
    <select1 ref="/data/village" appearance="search('institutions', 'matches')"/>
    <group ref="/data/person"><repeat nodeset="/data/person"><input ref="/data/person/pname"/></repeat></group>
  </h:body>
</h:html>)xml";

TEST(ReadXForm, ReadsIdVersionTitleFieldsMediaAndLanguages) {
  auto form = ReadXForm(kForm);
  ASSERT_TRUE(form.has_value()) << form.error().message;
  EXPECT_EQ(form->xml_form_id, "household");
  EXPECT_EQ(form->version, "2026120701");
  EXPECT_EQ(form->title, "Crate & Barrel");
  std::vector<std::string> described;
  for (const Field& f : form->fields) {
    described.push_back(f.path + " " + f.type + (f.repeat ? " repeat" : ""));
  }
  EXPECT_THAT(described,
              ElementsAre("/data/name string", "/data/photo binary", "/data/person repeat repeat",
                          "/data/person/pname string", "/data/person/age int", "/data/meta group",
                          "/data/meta/instanceID string"));
  EXPECT_THAT(form->media, ElementsAre("logo.png", "villages.csv", "institutions.csv"));
  EXPECT_THAT(form->languages, ElementsAre("English", "Pashto (ps)"));
}

TEST(ReadXForm, TitleFallsBackToTheFormIdAndVersionToEmpty) {
  auto form = ReadXForm(
      "<h:html xmlns:h='x'><h:head><model><instance><data id='simple'><a/></data></instance>"
      "</model></h:head></h:html>");
  ASSERT_TRUE(form.has_value()) << form.error().message;
  EXPECT_EQ(form->title, "simple");
  EXPECT_EQ(form->version, "");
  ASSERT_EQ(form->fields.size(), 1u);
  EXPECT_EQ(form->fields[0].type, "string");
}

struct Refused {
  const char* name;
  const char* xml;
  const char* field;    // the field the error names
  const char* message;  // part of the message
};

const Refused kRefusedForms[] = {
    {"no instance", "<h:html xmlns:h='x'><h:head><model/></h:head></h:html>", "instance",
     "no primary instance"},
    {"no id", "<html><head><model><instance><data><a/></data></instance></model></head></html>",
     "id", "no id attribute"},
    {"not XML", "this is not xml", "xml", "not well-formed"},
    {"truncated", "<html><head><model><instance><data id='a'><a/>", "xml", "not well-formed"},
    {"doctype",
     "<!DOCTYPE html><html><head><model><instance><data id='a'/></instance></model></head>"
     "</html>",
     "xml", "DOCTYPE"},
    {"billion laughs",
     "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 "
     "'&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>]><html><head><title>&lol2;</title>"
     "</head></html>",
     "xml", "DOCTYPE"},
};

TEST(ReadXForm, RefusesBadAndHostileXml) {
  for (const Refused& c : kRefusedForms) {
    SCOPED_TRACE(c.name);
    auto form = ReadXForm(c.xml);
    ASSERT_FALSE(form.has_value());
    EXPECT_EQ(form.error().code, ErrorCode::kValidation);
    EXPECT_TRUE(form.error().fields.contains(c.field));
    EXPECT_THAT(form.error().message, HasSubstr(c.message));
  }
}

const char* const kSubmission =
    "<?xml version='1.0'?>\n<data id=\"household\" version=\"2026120701\" "
    "xmlns:orx=\"http://openrosa.org/xforms\">"
    "<name>Amina</name><photo>a.jpg</photo>"
    "<person><pname>Amina</pname><age>34</age></person>"
    "<person><pname>Gul</pname><age/></person>"
    "<orx:meta><orx:instanceID>uuid:1</orx:instanceID><orx:deprecatedID>uuid:0"
    "</orx:deprecatedID><orx:instanceName>Amina's</orx:instanceName></orx:meta></data>";

TEST(ReadInstance, ReadsMetaWithOrxPrefixAndNumbersRepeats) {
  auto instance = ReadInstance(kSubmission);
  ASSERT_TRUE(instance.has_value()) << instance.error().message;
  EXPECT_EQ(instance->xml_form_id, "household");
  EXPECT_EQ(instance->version, "2026120701");
  EXPECT_EQ(instance->instance_id, "uuid:1");
  EXPECT_EQ(instance->deprecated_id, "uuid:0");
  EXPECT_EQ(instance->instance_name, "Amina's");
  EXPECT_FALSE(instance->truncated);
  EXPECT_THAT(instance->values,
              ElementsAre(Pair("/data/name", "Amina"), Pair("/data/photo", "a.jpg"),
                          Pair("/data/person[1]/pname", "Amina"), Pair("/data/person[1]/age", "34"),
                          Pair("/data/person[2]/pname", "Gul"), Pair("/data/person[2]/age", ""),
                          Pair("/data/meta/instanceID", "uuid:1"),
                          Pair("/data/meta/deprecatedID", "uuid:0"),
                          Pair("/data/meta/instanceName", "Amina's")));
  EXPECT_EQ(instance->Count("/data/person"), 2);
  ASSERT_NE(instance->Find("/data/person[2]/pname"), nullptr);
  EXPECT_EQ(*instance->Find("/data/person[2]/pname"), "Gul");
  EXPECT_EQ(instance->Find("/data/person/pname"), nullptr);
}

TEST(ReadInstance, WithTheFormASingleRepeatEntryIsNumberedAndFilesAreListed) {
  auto form = ReadXForm(kForm);
  ASSERT_TRUE(form.has_value());
  auto instance = ReadInstance(
      "<data id='household'><name>A</name><photo>p 1.jpg</photo>"
      "<person><pname>B</pname><age>3</age></person></data>",
      *form);
  ASSERT_TRUE(instance.has_value()) << instance.error().message;
  EXPECT_EQ(instance->Count("/data/person"), 1);
  ASSERT_NE(instance->Find("/data/person[1]/age"), nullptr);
  EXPECT_THAT(ReferencedFiles(*form, *instance), ElementsAre("p 1.jpg"));
}

struct Lenient {
  const char* name;
  std::string xml;
  const char* instance_id;
  bool truncated;
};

TEST(ReadInstance, IsLenientWhereCentralIs) {
  const Lenient cases[] = {
      {"BOM and CRLF",
       "\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n<data id=\"f\">\r\n<meta><instanceID>uuid:b"
       "</instanceID></meta>\r\n</data>\r\n",
       "uuid:b", false},
      {"truncated with an id", "<data id=\"f\"><meta><instanceID>uuid:t</instanceID></meta><a>1",
       "uuid:t", true},
      {"instanceID as a root attribute", "<data id='f' instanceID='uuid:r'/>", "uuid:r", false},
      {"no instanceID at all", "<data id='f'><a/></data>", "", false},
  };
  for (const Lenient& c : cases) {
    SCOPED_TRACE(c.name);
    auto instance = ReadInstance(c.xml);
    ASSERT_TRUE(instance.has_value()) << instance.error().message;
    EXPECT_EQ(instance->xml_form_id, "f");
    EXPECT_EQ(instance->instance_id, c.instance_id);
    EXPECT_EQ(instance->truncated, c.truncated);
  }
}

const Refused kRefusedInstances[] = {
    {"unclosed start tag", "<test", "id", "form ID xml attribute missing"},
    {"garbage", "garbage", "id", "form ID xml attribute missing"},
    {"empty", "", "id", "form ID xml attribute missing"},
    {"root without id", "<data><a/></data>", "id", "form ID xml attribute missing"},
    {"truncated without an id", "<data><a>1", "id", "form ID xml attribute missing"},
    {"broken in the middle", "<data id='f'><a></b></data>", "xml", "not well-formed"},
    {"undeclared entity", "<data id='f'><a>&e;</a></data>", "xml", "not well-formed"},
    {"external entity",
     "<!DOCTYPE data [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><data id='f'><a>&e;</a></data>",
     "xml", "DOCTYPE"},
    {"billion laughs",
     "<!DOCTYPE d [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
     "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]><data id='f'><a>&c;</a></data>",
     "xml", "DOCTYPE"},
};

TEST(ReadInstance, RefusesWhatHasNoIdOrIsHostile) {
  for (const Refused& c : kRefusedInstances) {
    SCOPED_TRACE(c.name);
    auto instance = ReadInstance(c.xml);
    ASSERT_FALSE(instance.has_value());
    EXPECT_EQ(instance.error().code, ErrorCode::kValidation);
    EXPECT_TRUE(instance.error().fields.contains(c.field));
    EXPECT_THAT(instance.error().message, HasSubstr(c.message));
  }
}

// With the form, the instance is read in one pass (no element tree): the same leaves, positions
// and metadata as the tree reader gives where every repeat has siblings, and the same refusals.
TEST(ReadInstance, WithTheFormReadsWhatTheTreeReaderReads) {
  auto form = ReadXForm(kForm);
  ASSERT_TRUE(form.has_value());
  std::vector<std::string> accepted = {kSubmission};
  for (const Lenient& c :
       {Lenient{"",
                "<data id='f'><meta><instanceID>uuid:t</instanceID></meta>"
                "<person><pname>x</pname></person><person><a>1",
                "", true},
        Lenient{"", "<data id='f' instanceID='uuid:r'><meta><x/></meta></data>", "", false}})
    accepted.push_back(c.xml);
  for (const std::string& xml : accepted) {
    SCOPED_TRACE(xml);
    auto tree = ReadInstance(xml);
    auto streamed = ReadInstance(xml, *form);
    ASSERT_TRUE(tree.has_value() && streamed.has_value());
    EXPECT_EQ(streamed->values, tree->values);
    EXPECT_EQ(streamed->instance_id, tree->instance_id);
    EXPECT_EQ(streamed->deprecated_id, tree->deprecated_id);
    EXPECT_EQ(streamed->instance_name, tree->instance_name);
    EXPECT_EQ(streamed->version, tree->version);
    EXPECT_EQ(streamed->truncated, tree->truncated);
  }
  for (const Refused& c : kRefusedInstances) {
    SCOPED_TRACE(c.name);
    auto instance = ReadInstance(c.xml, *form);
    ASSERT_FALSE(instance.has_value());
    EXPECT_TRUE(instance.error().fields.contains(c.field));
    EXPECT_THAT(instance.error().message, HasSubstr(c.message));
  }
}

TEST(ReadInstanceHeader, GivesTheRootsIdAndVersionOrTheFullReadsAnswer) {
  auto header = ReadInstanceHeader(kSubmission);
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->xml_form_id, "household");
  EXPECT_EQ(header->version, "2026120701");
  EXPECT_TRUE(header->values.empty());
  // The rest of the XML is not read: what breaks after the root's start tag is found later.
  auto broken = ReadInstanceHeader("<data id='f' version='2'><a></b></data>");
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->version, "2");
  for (const Refused& c : kRefusedInstances) {
    if (std::string(c.field) == "xml" && std::string(c.message) == "not well-formed") continue;
    SCOPED_TRACE(c.name);
    auto refused = ReadInstanceHeader(c.xml);
    ASSERT_FALSE(refused.has_value());
    EXPECT_TRUE(refused.error().fields.contains(c.field));
    EXPECT_THAT(refused.error().message, HasSubstr(c.message));
  }
}

TEST(XmlNames, MediaReferencesSearchAndPositions) {
  EXPECT_THAT(MediaReferences("jr://images/a.png x jr://audio/b.mp3 jr://instance/c"),
              ElementsAre("a.png", "b.mp3"));
  EXPECT_EQ(SearchedFile("quick search('villages')"), "villages.csv");
  EXPECT_EQ(SearchedFile("minimal"), std::nullopt);
  EXPECT_EQ(WithoutPositions("/data/p[2]/q[10]/a"), "/data/p/q/a");
  EXPECT_EQ(BareType("xsd:dateTime"), "dateTime");
}

}  // namespace
}  // namespace mobilise::xforms
