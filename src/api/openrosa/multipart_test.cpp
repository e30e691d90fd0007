#include "api/openrosa/multipart.hpp"

#include <gtest/gtest.h>

#include <string>

namespace mobilise::api::openrosa {
namespace {

constexpr const char* kType = "multipart/form-data; boundary=XyZ";

std::string Body(std::initializer_list<std::string> parts) {
  std::string body;
  for (const std::string& p : parts) body += "--XyZ\r\n" + p + "\r\n";
  return body + "--XyZ--\r\n";
}

TEST(Multipart, ReadsFieldsAndFilesWithBinaryData) {
  std::string binary("\0\r\n--XyZ-not-a-boundary\xff", 25);
  std::string body = Body({
      "Content-Disposition: form-data; name=\"xml_submission_file\"; "
      "filename=\"submission.xml\"\r\nContent-Type: text/xml\r\n\r\n<data id=\"a\"/>",
      "Content-Disposition: form-data; name=\"photo.jpg\"; filename=\"photo.jpg\"\r\n"
      "Content-Type: image/jpeg\r\n\r\n" +
          binary,
      "content-disposition: form-data; name=\"plain\"\r\n\r\n",
  });
  auto parts = ParseMultipart(kType, body);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ((*parts)[0].name, "xml_submission_file");
  EXPECT_EQ((*parts)[0].filename, "submission.xml");
  EXPECT_EQ((*parts)[0].content_type, "text/xml");
  EXPECT_EQ((*parts)[0].data, "<data id=\"a\"/>");
  EXPECT_EQ((*parts)[1].data, binary);
  EXPECT_EQ((*parts)[2].name, "plain");
  EXPECT_FALSE((*parts)[2].filename.has_value());
  EXPECT_EQ((*parts)[2].data, "");
}

TEST(Multipart, KeepsUnicodeFileNamesAndDecodesFilenameStar) {
  std::string body = Body({
      "Content-Disposition: form-data; name=\"عکس.jpg\"; filename=\"عکس.jpg\"\r\n\r\nx",
      "Content-Disposition: form-data; name=\"b\"; filename=\"b\"; "
      "filename*=UTF-8''na%C3%AFve%20%D1%84.jpg\r\n\r\ny",
  });
  auto parts = ParseMultipart("Multipart/Form-Data; boundary=\"XyZ\"", body);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  EXPECT_EQ((*parts)[0].name, "عکس.jpg");
  EXPECT_EQ((*parts)[0].filename, "عکس.jpg");
  EXPECT_EQ((*parts)[1].filename, "naïve ф.jpg");
}

TEST(Multipart, PreambleBeforeTheFirstDelimiterIsSkipped) {
  auto parts = ParseMultipart(
      kType, "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ--");
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].data, "1");
}

struct Broken {
  const char* name;
  std::string content_type, body;
  const char* detail;
};

TEST(Multipart, RefusesBrokenBodiesWithBusboysWords) {
  const Broken cases[] = {
      {"no boundary", "multipart/form-data", "--XyZ--", "Multipart: Boundary not found"},
      {"empty boundary", "multipart/form-data; boundary=", "", "Multipart: Boundary not found"},
      {"empty body", kType, "", "Unexpected end of form"},
      {"no delimiter", kType, "just some bytes", "Unexpected end of form"},
      {"empty part header", kType, "--XyZ\r\n\r\n\r\n--XyZ--", "Malformed part header"},
      {"header without colon", kType, "--XyZ\r\nnonsense\r\n\r\nx\r\n--XyZ--",
       "Malformed part header"},
      {"no name", kType, "--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--",
       "Malformed part header"},
      {"no content disposition", kType, "--XyZ\r\nContent-Type: text/xml\r\n\r\nx\r\n--XyZ--",
       "Malformed part header"},
      {"cut in the headers", kType, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"",
       "Unexpected end of form"},
      {"cut in the data", kType, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nabc",
       "Unexpected end of form"},
      {"no closing delimiter", kType, "--XyZ", "Unexpected end of form"},
  };
  for (const Broken& c : cases) {
    SCOPED_TRACE(c.name);
    auto parts = ParseMultipart(c.content_type, c.body);
    ASSERT_FALSE(parts.has_value());
    EXPECT_EQ(parts.error().message, c.detail);
  }
}

TEST(Multipart, RecognisesItsContentType) {
  EXPECT_TRUE(IsMultipartFormData("multipart/form-data; boundary=a"));
  EXPECT_TRUE(IsMultipartFormData(" Multipart/Form-Data"));
  EXPECT_FALSE(IsMultipartFormData("text/xml"));
  EXPECT_FALSE(IsMultipartFormData("multipart/mixed; boundary=a"));
}

}  // namespace
}  // namespace mobilise::api::openrosa
