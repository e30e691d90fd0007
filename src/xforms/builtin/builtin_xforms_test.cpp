// The generated forms read back with the protocol's own XForm reader: ids, versions, languages,
// media, the questions a submission maps from, and labels from the web app's string tables.
#include "xforms/builtin/builtin_xforms.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "xforms/builtin/bidi.hpp"
#include "xforms/builtin/web_strings.hpp"
#include "xforms/xform.hpp"

namespace mobilise::xforms::builtin {
namespace {

BuiltinConfig Config() {
  BuiltinConfig c;
  c.languages = WebFormLanguages();
  c.activity_types = {{"community_dialogue", "Community dialogue", std::nullopt},
                      {"fgd", "Focus group discussion", "د ډلې بحث"}};
  c.topics = {{"wash", "Hygiene and WASH", std::nullopt}};
  c.vulnerability_flags = {{"female_headed", "Female-headed", std::nullopt}};
  c.feedback_categories = {{"question", "Question", std::nullopt},
                           {"sea", "Sexual exploitation and abuse", std::nullopt, true}};
  c.bands = {{"extremely_poor", 0}, {"chronically_poor", 12}, {"non_poor", 24}};
  return c;
}

const GeneratedXForm& Find(const std::vector<GeneratedXForm>& forms, std::string_view kind) {
  for (const auto& f : forms)
    if (f.kind == kind) return f;
  throw std::runtime_error("no form " + std::string(kind));
}

const Field* FieldAt(const FormDefinition& d, std::string_view path) {
  for (const auto& f : d.fields)
    if (f.path == path) return &f;
  return nullptr;
}

bool Has(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(BuiltinXForms, EachFormReadsBackWithItsIdVersionLanguagesAndMedia) {
  const auto forms = GenerateBuiltinXForms(Config());
  ASSERT_EQ(forms.size(), 3u);
  for (const auto& f : forms) {
    SCOPED_TRACE(f.kind);
    auto read = ReadXForm(f.xml);
    ASSERT_TRUE(read.has_value()) << read.error().message;
    EXPECT_EQ(read->xml_form_id, f.xml_form_id);
    EXPECT_EQ(read->version, f.version);
    EXPECT_EQ(read->languages.size(), WebLanguages().size());
    EXPECT_TRUE(Has(read->media, "areas.csv")) << f.xml_form_id;
    EXPECT_TRUE(FieldAt(*read, "/data/area")) << "every form names its area";
    EXPECT_TRUE(FieldAt(*read, "/data/meta/instanceID"));
  }
}

TEST(BuiltinXForms, QuestionsTheMappersReadAreInTheForms) {
  const auto forms = GenerateBuiltinXForms(Config());
  auto activity = ReadXForm(Find(forms, "activity").xml);
  ASSERT_TRUE(activity.has_value());
  for (auto path : {"/data/type", "/data/held_on", "/data/topics", "/data/institutions",
                    "/data/counts/f_a0_4", "/data/counts_d/x_a60p", "/data/named"})
    EXPECT_TRUE(FieldAt(*activity, path)) << path;
  ASSERT_TRUE(FieldAt(*activity, "/data/photo"));
  EXPECT_EQ(FieldAt(*activity, "/data/photo")->type, "binary");
  EXPECT_EQ(FieldAt(*activity, "/data/counts/m_a18_59")->type, "int");
  EXPECT_TRUE(Has(activity->media, "people.csv"));
  EXPECT_TRUE(Has(activity->media, "institutions.csv"));

  auto household = ReadXForm(Find(forms, "household").xml);
  ASSERT_TRUE(household.has_value());
  const Field* person = FieldAt(*household, "/data/person");
  ASSERT_TRUE(person);
  EXPECT_TRUE(person->repeat);
  for (auto path : {"/data/person/name", "/data/person/wg/self_care", "/data/psc/score",
                    "/data/psc/date", "/data/location", "/data/flags"})
    EXPECT_TRUE(FieldAt(*household, path)) << path;
  EXPECT_EQ(FieldAt(*household, "/data/location")->type, "geopoint");

  auto feedback = ReadXForm(Find(forms, "feedback").xml);
  ASSERT_TRUE(feedback.has_value());
  for (auto path : {"/data/category", "/data/channel", "/data/who", "/data/description"})
    EXPECT_TRUE(FieldAt(*feedback, path)) << path;
  EXPECT_FALSE(Has(feedback->media, "people.csv"));
}

TEST(BuiltinXForms, VersionFollowsTheGeneratedXml) {
  const auto a = GenerateBuiltinXForms(Config());
  const auto b = GenerateBuiltinXForms(Config());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].version, b[i].version);

  auto changed = Config();
  changed.topics.push_back({"health", "Health", std::nullopt});
  const auto c = GenerateBuiltinXForms(changed);
  EXPECT_NE(Find(c, "activity").version, Find(a, "activity").version);
  EXPECT_EQ(Find(c, "household").version, Find(a, "household").version);
  EXPECT_EQ(Find(c, "feedback").version, Find(a, "feedback").version);
}

TEST(BuiltinXForms, LabelsComeFromTheWebAppInEveryLanguage) {
  const auto forms = GenerateBuiltinXForms(Config());
  const auto& xml = Find(forms, "household").xml;
  for (const auto& l : WebLanguages()) {
    SCOPED_TRACE(std::string(l.code));
    const std::string lang = std::string(l.name) + " (" + std::string(l.code) + ")";
    EXPECT_NE(xml.find("lang=\"" + lang + "\""), std::string::npos);
    EXPECT_NE(xml.find(WebText(l.code, "wg.q.mobility")), std::string::npos);
  }
  EXPECT_NE(WebText("ps", "wg.q.mobility"), WebText("en", "wg.q.mobility"));
  EXPECT_TRUE(std::any_of(WebLanguages().begin(), WebLanguages().end(),
                          [](const WebLanguage& l) { return l.code == "ps" && l.rtl; }));
}

// The itext values of the translation `lang` ("پښتو (ps)"), entities read as the characters
// they stand for (all of them neutral: & < > " ').
std::vector<std::string> TranslationValues(const std::string& xml, const std::string& lang) {
  const std::string open = "<translation lang=\"" + lang + "\"";
  std::size_t at = xml.find(open);
  if (at == std::string::npos) return {};
  const std::size_t end = xml.find("</translation>", at);
  std::vector<std::string> values;
  for (at = xml.find("<value>", at); at < end; at = xml.find("<value>", at)) {
    at += 7;
    std::string value = xml.substr(at, xml.find("</value>", at) - at);
    for (std::size_t amp; (amp = value.find('&')) != std::string::npos;)
      value.replace(amp, value.find(';', amp) - amp + 1, "-");
    values.push_back(value);
  }
  return values;
}

TEST(BuiltinXForms, RightToLeftLabelsBeginAsRightToLeftParagraphs) {
  BuiltinConfig c = Config();
  // A configured name in Latin letters and a band with no letters, as deployments have.
  c.topics.push_back({"wash2", "WASH", std::string("WASH روغتیا")});
  c.feedback_categories.push_back({"n1", "1-2", std::string("1-2")});
  int rtl_languages = 0;
  for (const auto& l : WebLanguages()) {
    const std::string lang = std::string(l.name) + " (" + std::string(l.code) + ")";
    for (const auto& form : GenerateBuiltinXForms(c)) {
      SCOPED_TRACE(form.kind + " " + lang);
      ASSERT_TRUE(ReadXForm(form.xml)) << "the form parses";
      const auto values = TranslationValues(form.xml, lang);
      ASSERT_GT(values.size(), 20u);
      for (const auto& v : values) {
        if (l.rtl)
          EXPECT_EQ(FirstStrong(v), Direction::kRightToLeft) << v;
        else
          EXPECT_EQ(v.find("\xE2\x80\x8F"), std::string::npos) << "no mark outside RTL: " << v;
      }
    }
    rtl_languages += l.rtl;
  }
  EXPECT_GE(rtl_languages, 1) << "Pashto";
}

TEST(Bidi, TheFirstStrongCharacterDecides) {
  EXPECT_EQ(FirstStrong("د ډلې بحث"), Direction::kRightToLeft);
  EXPECT_EQ(FirstStrong("PSC نمره"), Direction::kLeftToRight);
  EXPECT_EQ(FirstStrong(" (۱۸-۵۹) ښځې"), Direction::kRightToLeft) << "digits are weak";
  EXPECT_EQ(FirstStrong("18-59 women"), Direction::kLeftToRight);
  EXPECT_EQ(FirstStrong("٠-٤ / 0-4"), Direction::kNone);
  EXPECT_EQ(FirstStrong("Українська"), Direction::kLeftToRight);
  EXPECT_EQ(FirstStrong("\xE2\x80\x8F"
                        "ABC"),
            Direction::kRightToLeft)
      << "RLM";
  EXPECT_EQ(FirstStrong("\xFF\xFE"), Direction::kNone) << "malformed UTF-8";
  EXPECT_EQ(RightToLeftParagraph("پښتو"), "پښتو");
  EXPECT_EQ(RightToLeftParagraph("PSC"),
            "\xE2\x80\x8F"
            "PSC");
  EXPECT_EQ(RightToLeftParagraph("1-2"),
            "\xE2\x80\x8F"
            "1-2");
  EXPECT_EQ(RightToLeftParagraph(RightToLeftParagraph("PSC")), RightToLeftParagraph("PSC"));
}

TEST(BuiltinXForms, ConfiguredOptionsAreLabelledAsTheWebAppLabelsThem) {
  const auto spec = ActivitySpec(Config());
  const Node* type = nullptr;
  for (const auto& q : spec.questions)
    if (q.name == "type") type = &q;
  ASSERT_TRUE(type);
  ASSERT_EQ(type->items.size(), 2u);
  // English: the configured name; Pashto: the local name, else the web app's translation.
  EXPECT_EQ(type->items[1].label[0], "Focus group discussion");
  EXPECT_EQ(type->items[1].label[1], "د ډلې بحث");
  EXPECT_EQ(type->items[0].label[1], WebText("ps", "cfg.activity_type.community_dialogue"));
  EXPECT_NE(type->items[0].label[1], "Community dialogue");
}

TEST(BuiltinXForms, SensitiveCategoriesShowTheWebAppsNotice) {
  const auto spec = FeedbackSpec(Config());
  const Node* notice = nullptr;
  for (const auto& q : spec.questions)
    if (q.name == "sensitive_notice") notice = &q;
  ASSERT_TRUE(notice);
  EXPECT_EQ(notice->relevant, " /data/category  = 'sea'");
  EXPECT_EQ(notice->label[0], WebText("en", "fb.sensitiveNotice"));
}

TEST(BuiltinXForms, AgeBandElementsAreXmlNames) {
  EXPECT_EQ(AgeBandElement("0-4"), "a0_4");
  EXPECT_EQ(AgeBandElement("60+"), "a60p");
}

}  // namespace
}  // namespace mobilise::xforms::builtin
