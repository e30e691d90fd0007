#include "reports/image.hpp"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <memory>

namespace mobilise::reports {
namespace {

struct GObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
using PixbufPtr = std::unique_ptr<GdkPixbuf, GObjectUnref>;

enum class Format { kJpeg, kPng };

std::optional<Format> Sniff(std::string_view b) {
  if (b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF") return Format::kJpeg;
  if (b.size() >= 8 && b.substr(0, 8) == "\x89PNG\r\n\x1A\n") return Format::kPng;
  return std::nullopt;
}

unsigned Be16(std::string_view b, std::size_t at) {
  return (static_cast<unsigned char>(b[at]) << 8) | static_cast<unsigned char>(b[at + 1]);
}

// Width x height from the header, to refuse oversized images before any pixel is allocated.
std::optional<std::pair<std::int64_t, std::int64_t>> HeaderSize(std::string_view b, Format f) {
  if (f == Format::kPng) {  // signature, IHDR length and type, then width and height
    if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
    std::int64_t w = (std::int64_t{Be16(b, 16)} << 16) | Be16(b, 18);
    std::int64_t h = (std::int64_t{Be16(b, 20)} << 16) | Be16(b, 22);
    return std::make_pair(w, h);
  }
  std::size_t at = 2;  // after SOI: walk the marker segments to the first start-of-frame
  while (at + 4 <= b.size()) {
    if (static_cast<unsigned char>(b[at]) != 0xFF) return std::nullopt;
    unsigned char marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    unsigned length = Be16(b, at + 2);
    bool sof =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (at + 9 > b.size()) return std::nullopt;
      return std::make_pair(std::int64_t{Be16(b, at + 7)}, std::int64_t{Be16(b, at + 5)});
    }
    if (length < 2) return std::nullopt;
    at += 2 + length;
  }
  return std::nullopt;
}

// True when a JPEG has its end-of-image marker after the first start-of-scan: libjpeg would
// otherwise fill in the missing part of a truncated file with grey without failing. (Entropy-coded
// data never holds FF D9, and the EOI of an EXIF thumbnail comes before the first scan.)
bool JpegComplete(std::string_view b) {
  std::size_t at = 2;
  while (at + 4 <= b.size()) {
    if (static_cast<unsigned char>(b[at]) != 0xFF) return false;
    unsigned char marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xFF) {
      ++at;
      continue;
    }
    unsigned length = Be16(b, at + 2);
    if (length < 2) return false;
    at += 2 + length;
    if (marker == 0xDA) return b.find("\xFF\xD9", at) != std::string_view::npos;
  }
  return false;
}

// The loaders hand out whatever rows they have when the data ends early (a truncated upload),
// so the rows they report as decoded are counted: a partial image is refused.
void OnAreaUpdated(GdkPixbufLoader*, gint, gint y, gint, gint height, gpointer rows) {
  gint& bottom = *static_cast<gint*>(rows);
  bottom = std::max(bottom, y + height);
}

// Decodes the whole image, upright. The loader is never asked to scale while loading: its
// scaled result would lose the EXIF orientation option; the pixel bound keeps memory in check.
PixbufPtr DecodeUpright(std::string_view bytes) {
  auto format = Sniff(bytes);
  if (!format) return nullptr;
  auto size = HeaderSize(bytes, *format);
  if (!size || size->first < 1 || size->second < 1 ||
      size->first * size->second > kMaxImagePixels) {
    return nullptr;
  }
  if (*format == Format::kJpeg && !JpegComplete(bytes)) return nullptr;
  GError* error = nullptr;
  std::unique_ptr<GdkPixbufLoader, GObjectUnref> loader(
      gdk_pixbuf_loader_new_with_type(*format == Format::kJpeg ? "jpeg" : "png", &error));
  if (!loader) {
    g_clear_error(&error);
    return nullptr;
  }
  gint decoded_rows = 0;
  g_signal_connect(loader.get(), "area-updated", G_CALLBACK(OnAreaUpdated), &decoded_rows);
  bool ok = gdk_pixbuf_loader_write(loader.get(), reinterpret_cast<const guchar*>(bytes.data()),
                                    bytes.size(), &error);
  g_clear_error(&error);
  // Close in every case (a failed write has closed it already; closing twice is harmless).
  ok = gdk_pixbuf_loader_close(loader.get(), ok ? &error : nullptr) && ok;
  g_clear_error(&error);
  GdkPixbuf* decoded = ok ? gdk_pixbuf_loader_get_pixbuf(loader.get()) : nullptr;
  if (!decoded || decoded_rows < gdk_pixbuf_get_height(decoded)) return nullptr;
  return PixbufPtr(gdk_pixbuf_apply_embedded_orientation(decoded));  // a new reference
}

PixbufPtr FitTo(PixbufPtr pixbuf, int max_side) {
  int w = gdk_pixbuf_get_width(pixbuf.get());
  int h = gdk_pixbuf_get_height(pixbuf.get());
  if (w <= max_side && h <= max_side) return pixbuf;
  double scale = static_cast<double>(max_side) / std::max(w, h);
  int sw = std::max(1, static_cast<int>(std::lround(w * scale)));
  int sh = std::max(1, static_cast<int>(std::lround(h * scale)));
  return PixbufPtr(gdk_pixbuf_scale_simple(pixbuf.get(), sw, sh, GDK_INTERP_BILINEAR));
}

// The image on a white background, without an alpha channel (JPEG has none).
PixbufPtr Flatten(GdkPixbuf* pixbuf) {
  int w = gdk_pixbuf_get_width(pixbuf);
  int h = gdk_pixbuf_get_height(pixbuf);
  PixbufPtr flat(gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, w, h));
  if (!flat) return nullptr;
  gdk_pixbuf_fill(flat.get(), 0xFFFFFFFFu);
  gdk_pixbuf_composite(pixbuf, flat.get(), 0, 0, w, h, 0, 0, 1, 1, GDK_INTERP_NEAREST, 255);
  return flat;
}

std::optional<std::string> EncodeJpeg(GdkPixbuf* pixbuf) {
  PixbufPtr flat;
  if (gdk_pixbuf_get_has_alpha(pixbuf)) {
    flat = Flatten(pixbuf);
    if (!flat) return std::nullopt;
    pixbuf = flat.get();
  }
  gchar* buffer = nullptr;
  gsize length = 0;
  GError* error = nullptr;
  if (!gdk_pixbuf_save_to_buffer(pixbuf, &buffer, &length, "jpeg", &error, "quality", "85",
                                 nullptr)) {
    g_clear_error(&error);
    return std::nullopt;
  }
  std::string out(buffer, length);
  g_free(buffer);
  return out;
}

bool IsOpaque(GdkPixbuf* pixbuf) {
  if (!gdk_pixbuf_get_has_alpha(pixbuf)) return true;
  int w = gdk_pixbuf_get_width(pixbuf), h = gdk_pixbuf_get_height(pixbuf);
  int stride = gdk_pixbuf_get_rowstride(pixbuf);
  const guchar* pixels = gdk_pixbuf_read_pixels(pixbuf);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      if (pixels[y * stride + x * 4 + 3] != 255) return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> MakeThumbnail(std::string_view image_bytes, int max_side) {
  if (max_side < 1) return std::nullopt;
  PixbufPtr pixbuf = DecodeUpright(image_bytes);
  if (!pixbuf) return std::nullopt;
  pixbuf = FitTo(std::move(pixbuf), max_side);
  if (!pixbuf) return std::nullopt;
  return EncodeJpeg(pixbuf.get());
}

std::optional<DecodedImage> DecodeImage(std::string_view image_bytes, int max_side) {
  if (max_side < 1) return std::nullopt;
  PixbufPtr pixbuf = DecodeUpright(image_bytes);
  if (!pixbuf) return std::nullopt;
  pixbuf = FitTo(std::move(pixbuf), max_side);
  if (!pixbuf) return std::nullopt;

  DecodedImage image;
  image.width = gdk_pixbuf_get_width(pixbuf.get());
  image.height = gdk_pixbuf_get_height(pixbuf.get());
  image.argb.resize(static_cast<std::size_t>(image.width) * image.height);
  const int channels = gdk_pixbuf_get_n_channels(pixbuf.get());
  const int stride = gdk_pixbuf_get_rowstride(pixbuf.get());
  const bool alpha = gdk_pixbuf_get_has_alpha(pixbuf.get());
  const guchar* pixels = gdk_pixbuf_read_pixels(pixbuf.get());
  for (int y = 0; y < image.height; ++y) {
    const guchar* p = pixels + static_cast<std::size_t>(y) * stride;
    for (int x = 0; x < image.width; ++x, p += channels) {
      std::uint32_t a = alpha ? p[3] : 255;
      auto premultiply = [a](std::uint32_t c) { return (c * a + 127) / 255; };
      image.argb[static_cast<std::size_t>(y) * image.width + x] =
          (a << 24) | (premultiply(p[0]) << 16) | (premultiply(p[1]) << 8) | premultiply(p[2]);
    }
  }
  if (IsOpaque(pixbuf.get())) {
    if (auto jpeg = EncodeJpeg(pixbuf.get())) image.jpeg = std::move(*jpeg);
  }
  return image;
}

std::optional<std::pair<int, int>> ImageSize(std::string_view image_bytes) {
  auto format = Sniff(image_bytes);
  auto size = format ? HeaderSize(image_bytes, *format) : std::nullopt;
  if (!size || size->first < 1 || size->second < 1 || size->first > INT32_MAX ||
      size->second > INT32_MAX)
    return std::nullopt;
  return std::make_pair(static_cast<int>(size->first), static_cast<int>(size->second));
}

std::optional<std::string> ReadImageFile(const std::string& path, std::size_t max_file_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes;
  char chunk[65536];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_file_bytes) return std::nullopt;
  }
  if (in.bad()) return std::nullopt;
  return bytes;
}

std::optional<DecodedImage> DecodeImageFile(const std::string& path, int max_side,
                                            std::size_t max_file_bytes) {
  auto bytes = ReadImageFile(path, max_file_bytes);
  if (!bytes) return std::nullopt;
  return DecodeImage(*bytes, max_side);
}

}  // namespace mobilise::reports
