#include "domain/feedback/short_ref.hpp"

#include <cstdint>

namespace mobilise::domain {
namespace {

constexpr int kLength = 8;
constexpr std::uint64_t kBase = 31;

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string ShortRef(std::string_view id) {
  if (id.size() != 36) return "";
  std::uint64_t v = 0;
  for (char c : id.substr(24)) {
    const int d = HexDigit(c);
    if (d < 0) return "";
    v = v * 16 + static_cast<std::uint64_t>(d);
  }
  std::uint64_t range = 1;
  for (int i = 0; i < kLength; ++i) range *= kBase;
  v %= range;
  std::string out(kLength, ' ');
  for (int i = kLength - 1; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kShortRefAlphabet[v % kBase];
    v /= kBase;
  }
  return out;
}

std::string DisplayShortRef(std::string_view ref) {
  if (ref.size() != kLength) return std::string(ref);
  return std::string(ref.substr(0, 4)) + "-" + std::string(ref.substr(4));
}

std::string NormaliseShortRef(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (kShortRefAlphabet.find(c) == std::string_view::npos) return "";
    out += c;
    if (out.size() > kLength) return "";
  }
  return out.size() == kLength ? out : "";
}

}  // namespace mobilise::domain
