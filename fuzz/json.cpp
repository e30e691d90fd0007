// The JSON request reader (api/json_io.hpp ObjectReader, the ParseObject that ReadBody uses):
// the body parsed as the API parses it (depth limit, UTF-8), then read through every accessor
// the routes' readers use, with nested objects and arrays of objects (ReadObjects), and the
// closing check for unknown fields. Which accessor reads which key is chosen by the first byte,
// so one body meets each accessor. Nothing may throw, and an accepted read reports no errors.
#include <cstdlib>
#include <string>

#include "api/json_io.hpp"
#include "fuzz_input.hpp"

namespace {

using mobilise::api::ObjectReader;

void ReadField(ObjectReader& r, const std::string& key, int how, int depth);

int ReadItem(ObjectReader& r, int how, int depth) {
  for (const char* key : {"id", "name", "version", "score", "items", "roles", "translations"})
    ReadField(r, key, how++, depth + 1);
  (void)r.Path("name");
  return how;
}

void ReadField(ObjectReader& r, const std::string& key, int how, int depth) {
  switch (how % 16) {
    case 0:
      (void)r.RequiredString(key);
      break;
    case 1:
      (void)r.OptionalString(key);
      break;
    case 2:
      (void)r.NullableString(key);
      break;
    case 3:
      (void)r.ClearableString(key);
      break;
    case 4:
      (void)r.OptionalInt(key);
      break;
    case 5:
      (void)r.OptionalNumber(key);
      break;
    case 6:
      (void)r.NullableNumber(key);
      break;
    case 7:
      (void)r.RequiredInt(key);
      break;
    case 8:
      (void)r.OptionalBool(key);
      break;
    case 9:
      (void)r.OptionalStrings(key);
      break;
    case 10:
      (void)r.OptionalStringMap(key);
      break;
    case 11:
      (void)r.RequiredObject(key);
      break;
    case 12:
      (void)r.NullableObject(key);
      break;
    case 13:
      (void)mobilise::api::ReadClientId(r);
      break;
    default:
      if (depth > 3) {
        (void)r.OptionalArray(key);
        break;
      }
      (void)mobilise::api::ReadObjects<int>(r, key, r.OptionalArray(key), [&](ObjectReader& item) {
        return ReadItem(item, how, depth);
      });
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto input = mobilise::fuzz::Bytes(data, size);
  if (input.empty()) return 0;
  const int how = static_cast<unsigned char>(input[0]);
  input.remove_prefix(1);
  mobilise::http::Request request;
  request.method = "POST";
  request.headers["content-type"] = "application/json";
  request.body = std::string(input);
  auto body = mobilise::api::ParseObject(request);
  if (!body) return 0;
  ObjectReader r(*body);
  ReadItem(r, how, 0);
  auto finished = r.Finish();
  if (finished && !r.errors().empty()) std::abort();
  return 0;
}
