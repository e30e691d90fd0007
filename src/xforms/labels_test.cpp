#include "xforms/labels.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace mobilise::xforms {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

// As the XLSForm converters write it: itext in two languages, <item>s, a repeat in its group.
const char* const kItems =
    R"xml(<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa">
  <h:head><h:title>Water</h:title><model>
    <itext>
      <translation lang="English (en)" default="true()">
        <text id="/data/water:label"><value>Safe water?</value><value form="image">jr://images/w.png</value></text>
        <text id="yn-0"><value>Yes</value></text><text id="yn-1"><value>No</value></text>
        <text id="/data/hh/person:label"><value>Person</value></text>
      </translation>
      <translation lang="Pashto (ps)">
        <text id="/data/water:label"><value>خوندي اوبه؟</value></text>
        <text id="yn-0"><value>هو</value></text>
      </translation>
    </itext>
    <instance><data id="w"><water/><hh><person><input/></person></hh></data></instance>
  </model></h:head>
  <h:body>
    <select1 ref="/data/water"><label ref="jr:itext('/data/water:label')"/>
      <item><label ref="jr:itext('yn-0')"/><value>yes</value></item>
      <item><label ref="jr:itext('yn-1')"/><value>no</value></item>
    </select1>
    <group ref="/data/hh"><label>Household</label>
      <group ref="/data/hh/person"><label ref="jr:itext('/data/hh/person:label')"/>
        <repeat nodeset="/data/hh/person"><input ref="input"><label>Name of <output value="../x"/> person</label></input></repeat>
      </group>
    </group>
  </h:body></h:html>)xml";

TEST(ReadLabels, ItextItemsGroupsAndRepeats) {
  auto form = ReadLabels(kItems);
  ASSERT_TRUE(form) << form.error().message;
  EXPECT_THAT(form->languages, ElementsAre("English (en)", "Pashto (ps)"));
  EXPECT_EQ(form->default_language, "English (en)");
  const ControlLabels* water = form->Find("/data/water");
  ASSERT_NE(water, nullptr);
  EXPECT_THAT(water->label,
              ElementsAre(Pair("English (en)", "Safe water?"), Pair("Pashto (ps)", "خوندي اوبه؟")));
  ASSERT_EQ(water->choices.size(), 2u);
  EXPECT_EQ(water->choices[0].value, "yes");
  EXPECT_EQ(water->choices[0].label.at("Pashto (ps)"), "هو");
  EXPECT_THAT(water->choices[1].label, ElementsAre(Pair("English (en)", "No")));  // no Pashto
  EXPECT_THAT(form->Find("/data/hh")->label, ElementsAre(Pair("", "Household")));
  // The repeat has the label of its group, once; a relative ref is read from its repeat.
  EXPECT_EQ(form->Find("/data/hh/person")->label.at("English (en)"), "Person");
  EXPECT_THAT(form->Find("/data/hh/person/input")->label, ElementsAre(Pair("", "Name of  person")));
  EXPECT_EQ(form->controls.size(), 4u);
  EXPECT_EQ(form->Find("/data/nothing"), nullptr);
}

// As pyxform writes choices: an itemset over a secondary instance, labels through itextId.
TEST(ReadLabels, ItemsetsFromSecondaryInstances) {
  auto form = ReadLabels(
      R"xml(<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa">
  <h:head><h:title>T</h:title><model>
    <itext><translation lang="en"><text id="yn-0"><value>Yes</value></text></translation></itext>
    <instance><data id="t"><a/><b/></data></instance>
    <instance id="yn"><root><item><name>yes</name><itextId>yn-0</itextId></item></root></instance>
    <instance id="colour"><root><item><name>r</name><label>Red</label></item><item><name>g</name><label>Green</label></item></root></instance>
  </model></h:head>
  <h:body>
    <select1 ref="/data/a"><label>A</label><itemset nodeset="instance('yn')/root/item"><value ref="name"/><label ref="jr:itext(itextId)"/></itemset></select1>
    <select ref="/data/b"><label>B</label><itemset nodeset="instance('colour')/root/item[name != '']"><value ref="name"/><label ref="label"/></itemset></select>
  </h:body></h:html>)xml");
  ASSERT_TRUE(form) << form.error().message;
  const ControlLabels* a = form->Find("/data/a");
  ASSERT_EQ(a->choices.size(), 1u);
  EXPECT_EQ(a->choices[0].value, "yes");
  EXPECT_THAT(a->choices[0].label, ElementsAre(Pair("en", "Yes")));
  const ControlLabels* b = form->Find("/data/b");
  ASSERT_EQ(b->choices.size(), 2u);
  EXPECT_EQ(b->choices[1].value, "g");
  EXPECT_THAT(b->choices[1].label, ElementsAre(Pair("", "Green")));
  EXPECT_TRUE(form->default_language.empty());
}

TEST(ReadLabels, ADoctypeIsRefused) {
  auto form = ReadLabels(R"(<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>)");
  ASSERT_FALSE(form);
  EXPECT_TRUE(form.error().fields.contains("xml"));
}

}  // namespace
}  // namespace mobilise::xforms
