#include "domain/sync/sync.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <unordered_set>

namespace mobilise::domain {
namespace {

constexpr std::array<std::string_view, kSyncEntityCount> kNames = {
    "areas", "courses", "institutions", "households", "memberships", "activities", "feedback"};

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string Base64Url(std::string_view in) {
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (unsigned char c : in) {
    bits = (bits << 8) | c;
    count += 8;
    while (count >= 6) {
      count -= 6;
      out += kAlphabet[(bits >> count) & 63];
    }
  }
  if (count > 0) out += kAlphabet[(bits << (6 - count)) & 63];
  return out;
}

std::optional<std::string> FromBase64Url(std::string_view in) {
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (char c : in) {
    const auto at = kAlphabet.find(c);
    if (at == std::string_view::npos) return std::nullopt;
    bits = (bits << 6) | static_cast<std::uint32_t>(at);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 255);
    }
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (;;) {
    const auto at = s.find(sep);
    parts.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + 1);
  }
}

std::optional<std::int64_t> Number(std::string_view s) {
  std::int64_t v = 0;
  if (s.empty() || s.size() > 18) return std::nullopt;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

bool IsHex16(std::string_view s) {
  return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Error BadCursor() { return Error::Field("cursor", problem::NotASyncCursor()); }

}  // namespace

std::string_view SyncEntityName(SyncEntity e) { return kNames[static_cast<int>(e)]; }

std::optional<SyncEntity> ParseSyncEntity(std::string_view name) {
  for (int i = 0; i < kSyncEntityCount; ++i)
    if (kNames[i] == name) return static_cast<SyncEntity>(i);
  return std::nullopt;
}

// "1.s.<fingerprint>.<seq>.<entity>.<after id>.<done>.<total>" (snapshot) or
// "1.i.<fingerprint>.<seq>.<done>.<total>" (incremental).
std::string EncodeCursor(const SyncCursor& c) {
  std::string text = std::string("1.") + (c.snapshot ? "s." : "i.") + c.fingerprint + "." +
                     std::to_string(c.seq) + ".";
  if (c.snapshot) text += std::to_string(c.entity) + "." + c.after_id + ".";
  text += std::to_string(c.done) + "." + std::to_string(c.total);
  return Base64Url(text);
}

Result<SyncCursor> DecodeCursor(std::string_view text) {
  if (text.empty() || text.size() > 200) return Fail(BadCursor());
  const auto plain = FromBase64Url(text);
  if (!plain) return Fail(BadCursor());
  const auto p = Split(*plain, '.');
  if (p.size() < 2 || p[0] != "1") return Fail(BadCursor());
  SyncCursor c;
  c.snapshot = p[1] == "s";
  if ((c.snapshot && p.size() != 8) || (!c.snapshot && (p[1] != "i" || p.size() != 6)))
    return Fail(BadCursor());
  if (!IsHex16(p[2])) return Fail(BadCursor());
  c.fingerprint = std::string(p[2]);
  const auto seq = Number(p[3]);
  const auto done = Number(p[p.size() - 2]);
  const auto total = Number(p[p.size() - 1]);
  if (!seq || !done || !total) return Fail(BadCursor());
  c.seq = *seq, c.done = *done, c.total = *total;
  if (c.snapshot) {
    const auto entity = Number(p[4]);
    if (!entity || *entity >= kSyncEntityCount) return Fail(BadCursor());
    if (p[5].size() > 64 || !std::all_of(p[5].begin(), p[5].end(), [](char ch) {
          return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_';
        }))
      return Fail(BadCursor());
    c.entity = static_cast<int>(*entity);
    c.after_id = std::string(p[5]);
  }
  return c;
}

std::string ScopeFingerprint(const Actor& actor) {
  std::set<std::string> grants;
  for (const auto& g : actor.grants) grants.insert(std::string(RoleId(g.role)) + "@" + g.area_path);
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
  };
  mix(actor.user_id);
  for (const auto& g : grants) mix(g);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kHex[h & 15];
  return out;
}

ChangeSet CollectChanges(const std::vector<Change>& rows) {
  ChangeSet set;
  std::array<std::unordered_set<std::string>, kSyncEntityCount> seen;
  for (const auto& row : rows) {
    const int e = static_cast<int>(row.entity);
    if (row.entity == SyncEntity::kAreas && row.old_area_path) set.area_moved = true;
    if (seen[e].insert(row.entity_id).second) set.ids[e].push_back(row.entity_id);
  }
  return set;
}

}  // namespace mobilise::domain
