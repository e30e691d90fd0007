#include "domain/validation.hpp"

#include <gtest/gtest.h>

#include "domain/auth/password.hpp"

namespace mobilise::domain {

TEST(Validation, NamesCountCodePointsNotBytes) {
  FieldErrors e;
  CheckName(e, "name", std::string(10, 'a'), 10);
  CheckName(e, "pashto", "ننګرهار", 7);  // 7 letters, 14 bytes
  EXPECT_TRUE(e.empty());
  CheckName(e, "long", std::string(11, 'a'), 10);
  CheckName(e, "empty", "");
  CheckName(e, "spaces", "   ");
  CheckName(e, "control", "a\tb");
  EXPECT_EQ(e.size(), 4u);
  EXPECT_EQ(e["empty"], "is required");
}

TEST(Validation, Codes) {
  FieldErrors e;
  CheckCode(e, "ok", "P1-D2.T_3");
  EXPECT_TRUE(e.empty());
  CheckCode(e, "space", "P 1");
  CheckCode(e, "slash", "P1/D2");
  CheckCode(e, "unicode", "کابل");
  CheckCode(e, "long", std::string(65, 'x'));
  EXPECT_EQ(e.size(), 4u);
}

TEST(Passwords, Argon2idHashVerifies) {
  const auto h = HashPassword("correct horse");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword(h, "correct horse"));
  EXPECT_FALSE(VerifyPassword(h, "correct horsE"));
  EXPECT_FALSE(VerifyPassword("garbage", "x"));
  EXPECT_EQ(PasswordProblem("short"), problem::TooShort(8));
  EXPECT_EQ(PasswordProblem("long enough"), std::nullopt);
}

}  // namespace mobilise::domain
