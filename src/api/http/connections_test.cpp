#include "api/http/connections.hpp"

#include <gtest/gtest.h>

namespace mobilise::http {
namespace {

TEST(ConnectionBook, AtTheCapTheLongestWaitingIsClosedForANewOne) {
  ConnectionBook book(2, 0);
  EXPECT_TRUE(book.Admit(1, "a").admitted);
  EXPECT_TRUE(book.Admit(2, "b").admitted);
  book.SetWaiting(1, false);  // 1 is mid-request, 2 waits
  book.SetWaiting(2, true);
  const auto third = book.Admit(3, "c");
  EXPECT_TRUE(third.admitted);
  EXPECT_EQ(third.evict, 2u);
  book.SetWaiting(3, false);
  EXPECT_FALSE(book.Admit(4, "d").admitted);  // 1 and 3 busy, 2 already going: no room
  book.Remove(2);
  book.SetWaiting(1, true);
  EXPECT_EQ(book.Admit(5, "e").evict, 1u);
}

TEST(ConnectionBook, AConnectionThatStartsARequestIsNotClosedAndCountsAgain) {
  ConnectionBook book(1, 0);
  book.Admit(1, "a");
  book.SetWaiting(1, true);
  EXPECT_EQ(book.Admit(2, "a").evict, 1u);
  book.SetWaiting(1, false);  // it was mid-request after all
  book.SetWaiting(2, false);
  EXPECT_FALSE(book.Admit(3, "a").admitted);
}

TEST(ConnectionBook, PerAddressCapAndNearCap) {
  ConnectionBook book(8, 2);
  EXPECT_TRUE(book.Admit(1, "a").admitted);
  EXPECT_TRUE(book.Admit(2, "a").admitted);
  EXPECT_FALSE(book.Admit(3, "a").admitted);
  EXPECT_TRUE(book.Admit(4, "b").admitted);
  EXPECT_FALSE(book.NearCap());
  book.Remove(1);
  EXPECT_TRUE(book.Admit(5, "a").admitted);
  EXPECT_TRUE(book.Admit(6, "c").admitted);
  EXPECT_TRUE(book.Admit(7, "c").admitted);
  EXPECT_TRUE(book.Admit(8, "d").admitted);
  EXPECT_TRUE(book.NearCap());  // 6 of 8
  EXPECT_EQ(book.open(), 6u);
}

}  // namespace
}  // namespace mobilise::http
