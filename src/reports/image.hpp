// Photos for reports and activities: decoding (JPEG and PNG only), EXIF orientation, scaling and
// re-encoding, with gdk-pixbuf behind this header.
//
// Only JPEG and PNG are accepted, recognised by their signature, so that none of gdk-pixbuf's
// other loaders ever sees uploaded bytes. Images larger than kMaxImagePixels (by the size in
// their header, checked before decoding) are refused rather than decoded. Re-encoded output
// carries no metadata (EXIF, GPS position, camera serial) from the input.
// Thread-safe: no shared state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mobilise::reports {

inline constexpr std::int64_t kMaxImagePixels = 60'000'000;

// JPEG bytes (quality 85) of the image scaled down to fit a max_side x max_side square, keeping
// its aspect ratio (never scaled up), turned upright by its EXIF orientation, transparency laid
// on white. nullopt when the bytes are not a decodable JPEG or PNG, are too large, or max_side < 1.
std::optional<std::string> MakeThumbnail(std::string_view image_bytes, int max_side);

// A decoded image in the layout cairo draws from (CAIRO_FORMAT_ARGB32: native-endian 32-bit
// pixels, premultiplied alpha, stride = 4 * width).
struct DecodedImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint32_t> argb;  // width * height pixels, row by row
  std::string jpeg;                 // the same pixels as JPEG when opaque (compact embedding)
};

// Decodes like MakeThumbnail (upright, fitted to max_side, never scaled up). nullopt as there.
std::optional<DecodedImage> DecodeImage(std::string_view image_bytes, int max_side);

// Width x height of a JPEG or PNG from its header, without decoding (as stored: an EXIF
// orientation is not applied; MakeThumbnail's output has none). nullopt for anything else.
std::optional<std::pair<int, int>> ImageSize(std::string_view image_bytes);

// The file's bytes, at most max_file_bytes. nullopt when it cannot be read or is larger.
std::optional<std::string> ReadImageFile(const std::string& path,
                                         std::size_t max_file_bytes = 50u << 20);

// Reads the file (as ReadImageFile) and decodes it. nullopt when it cannot be read, is
// larger, or does not decode.
std::optional<DecodedImage> DecodeImageFile(const std::string& path, int max_side,
                                            std::size_t max_file_bytes = 50u << 20);

}  // namespace mobilise::reports
