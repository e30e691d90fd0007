#include "reports/image.hpp"

#include <gtest/gtest.h>

#include "reports/reports_test_support.hpp"

namespace mobilise::reports {
namespace {

using namespace testing;

struct Size {
  int width = 0, height = 0;
};

std::optional<Size> JpegSize(const std::string& bytes) {
  if (bytes.substr(0, 3) != "\xFF\xD8\xFF") return std::nullopt;  // a JPEG
  auto image = DecodeImage(bytes, 100000);
  if (!image) return std::nullopt;
  return Size{image->width, image->height};
}

// `jpeg` with an EXIF APP1 segment saying "rotate 90° clockwise to display" (orientation 6).
std::string WithExifOrientation6(const std::string& jpeg) {
  const std::string tiff(
      "MM\0*\0\0\0\x08"
      "\0\x01"
      "\x01\x12\0\x03\0\0\0\x01\0\x06\0\0"
      "\0\0\0\0",
      26);
  std::string payload = std::string("Exif\0\0", 6) + tiff;
  std::size_t length = payload.size() + 2;
  std::string app1 = "\xFF\xE1";
  app1 += static_cast<char>(length >> 8);
  app1 += static_cast<char>(length & 0xFF);
  return jpeg.substr(0, 2) + app1 + payload + jpeg.substr(2);
}

TEST(MakeThumbnail, ScalesAJpegToFitKeepingItsAspect) {
  auto thumbnail = MakeThumbnail(MakeImage(800, 400, "jpeg"), 200);
  ASSERT_TRUE(thumbnail);
  auto size = JpegSize(*thumbnail);
  ASSERT_TRUE(size);
  EXPECT_EQ(size->width, 200);
  EXPECT_EQ(size->height, 100);
}

TEST(MakeThumbnail, PngWithTransparencyBecomesAJpegOnWhite) {
  auto thumbnail = MakeThumbnail(MakeImage(300, 600, "png", true), 120);
  ASSERT_TRUE(thumbnail);
  auto image = DecodeImage(*thumbnail, 1000);
  ASSERT_TRUE(image);
  EXPECT_EQ(image->width, 60);
  EXPECT_EQ(image->height, 120);
  std::uint32_t right = image->argb[10 * image->width + image->width - 2];  // was transparent
  EXPECT_GT((right >> 16) & 0xFF, 235u);
  EXPECT_GT(right & 0xFF, 235u);
}

TEST(MakeThumbnail, SmallImagesAreNotEnlarged) {
  auto size = JpegSize(*MakeThumbnail(MakeImage(50, 30, "png"), 200));
  EXPECT_EQ(size->width, 50);
  EXPECT_EQ(size->height, 30);
}

TEST(MakeThumbnail, HonoursExifOrientation) {
  auto thumbnail = MakeThumbnail(WithExifOrientation6(MakeImage(800, 400, "jpeg")), 200);
  ASSERT_TRUE(thumbnail);
  auto size = JpegSize(*thumbnail);
  ASSERT_TRUE(size);
  EXPECT_EQ(size->width, 100);  // turned upright: portrait
  EXPECT_EQ(size->height, 200);
  EXPECT_EQ(thumbnail->find("Exif"), std::string::npos);  // no metadata carried over
}

TEST(MakeThumbnail, RefusesWhatIsNotAJpegOrPng) {
  EXPECT_FALSE(MakeThumbnail("", 200));
  EXPECT_FALSE(MakeThumbnail("not an image at all", 200));
  EXPECT_FALSE(MakeThumbnail(std::string("\xFF\xD8\xFF\xE0 garbage after a JPEG signature"), 200));
  std::string png = MakeImage(64, 64, "png");
  EXPECT_FALSE(MakeThumbnail(png.substr(0, png.size() / 2), 200));  // truncated
  std::string jpeg = MakeImage(64, 64, "jpeg");
  EXPECT_FALSE(MakeThumbnail(jpeg.substr(0, jpeg.size() / 2), 200));
  EXPECT_FALSE(MakeThumbnail(MakeImage(64, 64, "bmp"), 200));  // decodable, not accepted
  EXPECT_FALSE(MakeThumbnail(png, 0));
}

TEST(MakeThumbnail, RefusesImagesClaimingTooManyPixelsBeforeDecoding) {
  std::string png = MakeImage(16, 16, "png");
  // IHDR width 100000 x height 100000 (CRC now wrong: the size check comes first anyway).
  std::string huge = png;
  huge.replace(16, 8, std::string("\0\x01\x86\xA0\0\x01\x86\xA0", 8));
  EXPECT_FALSE(MakeThumbnail(huge, 200));
}

TEST(ImageSize, ReadsTheSizeFromAJpegOrPngHeader) {
  EXPECT_EQ(ImageSize(MakeImage(300, 200, "jpeg")), std::make_pair(300, 200));
  EXPECT_EQ(ImageSize(*MakeThumbnail(MakeImage(800, 400, "png"), 200)), std::make_pair(200, 100));
  EXPECT_EQ(ImageSize(MakeImage(7, 9, "png")), std::make_pair(7, 9));
  EXPECT_FALSE(ImageSize("not an image"));
  EXPECT_FALSE(ImageSize(MakeImage(7, 9, "bmp")));
}

TEST(DecodeImageFile, ReadsAFileAndRefusesMissingOrOversizedOnes) {
  std::string path = WriteFile("decode.png", MakeImage(100, 50, "png"));
  auto image = DecodeImageFile(path, 40);
  ASSERT_TRUE(image);
  EXPECT_EQ(image->width, 40);
  EXPECT_EQ(image->height, 20);
  EXPECT_FALSE(image->jpeg.empty());  // opaque: also kept as JPEG for the PDF
  EXPECT_FALSE(DecodeImageFile("/nonexistent/x.png", 40));
  EXPECT_FALSE(DecodeImageFile(path, 40, 10));
}

}  // namespace
}  // namespace mobilise::reports
