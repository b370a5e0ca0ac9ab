// The monthly generation allowance: what a person sees when they run out, what gives a
// generation back, when it resets, and who has no limit.
#include "services/studio/studio_service.h"
#include "studio_fixture.h"

namespace dreamfeed {
namespace {

constexpr std::int64_t kNov1st2025 = 1'761'955'200'000;
constexpr std::int64_t kDec1st2025 = 1'764'547'200'000;

class AllowanceTest : public testing::StudioFixture {
 protected:
  void SetUp() override {
    StudioFixture::SetUp();
    studio = std::make_unique<StudioService>(*store, *store, *blobs, clock,
                                             StudioConfig{.monthly_generations = 2});
  }
};

TEST(MonthBoundaries, AreTheFirstMillisecondsOfUtcMonths) {
  const std::int64_t mid_november = 1'764'000'000'000;  // 2025-11-24T16:00:00Z
  EXPECT_EQ(month_start_ms(mid_november), kNov1st2025);
  EXPECT_EQ(next_month_start_ms(mid_november), kDec1st2025);
  EXPECT_EQ(month_start_ms(kDec1st2025), kDec1st2025);
  EXPECT_EQ(month_start_ms(kDec1st2025 - 1), kNov1st2025);
  // December rolls into the next year.
  EXPECT_EQ(next_month_start_ms(kDec1st2025), 1'767'225'600'000);  // 2026-01-01
}

TEST_F(AllowanceTest, RunningOutIsQuotaExhaustedWithTheMessagePeopleSee) {
  ASSERT_TRUE(studio->order_video(alice, order()));
  auto left = studio->allowance(alice).value();
  EXPECT_EQ(left.monthly_limit, 2);
  EXPECT_EQ(left.used, 1);
  EXPECT_EQ(left.remaining, 1);
  EXPECT_EQ(left.resets_at_ms, kDec1st2025);
  ASSERT_TRUE(studio->order_video(alice, order()));

  auto refused = studio->order_video(alice, order());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::quota_exhausted);
  EXPECT_EQ(refused.error().message, "You have no generations left this month");
  EXPECT_EQ(studio->allowance(alice)->remaining, 0);
  // Bob's allowance is his own.
  EXPECT_TRUE(studio->order_video(bob, order()));
}

TEST_F(AllowanceTest, CancellingBeforeStartAndFailingGiveTheGenerationBack) {
  auto first = studio->order_video(alice, order()).value();
  ASSERT_TRUE(studio->order_video(alice, order()));
  ASSERT_TRUE(studio->cancel_job(alice, first.job.id));
  EXPECT_EQ(studio->allowance(alice)->used, 1);
  ASSERT_TRUE(studio->order_video(alice, order()));
  EXPECT_FALSE(studio->order_video(alice, order()));

  // A job that fails for good counts no more.
  backend.failures_left = 1;
  backend.failure_code = ErrorCode::invalid_argument;  // not retried
  auto worker = make_worker();
  EXPECT_EQ(worker->run_next().value(), WorkOutcome::failed);
  EXPECT_EQ(studio->allowance(alice)->used, 1);
  EXPECT_TRUE(studio->order_video(alice, order()));
}

TEST_F(AllowanceTest, ANewMonthStartsAFreshAllowance) {
  ASSERT_TRUE(studio->order_video(alice, order()));
  ASSERT_TRUE(studio->order_video(alice, order()));
  EXPECT_FALSE(studio->order_video(alice, order()));
  clock.advance_ms(kDec1st2025 - clock.now_ms());
  auto left = studio->allowance(alice).value();
  EXPECT_EQ(left.used, 0);
  EXPECT_EQ(left.remaining, 2);
  EXPECT_TRUE(studio->order_video(alice, order()));
}

TEST_F(AllowanceTest, AdminsAndAZeroLimitAreUnlimited) {
  User admin = accounts->make_admin("alice").value();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(studio->order_video(admin, order()));
  auto left = studio->allowance(admin).value();
  EXPECT_EQ(left.monthly_limit, std::nullopt);
  EXPECT_EQ(left.remaining, std::nullopt);
  EXPECT_EQ(left.used, 3);

  StudioService unlimited(*store, *store, *blobs, clock, StudioConfig{.monthly_generations = 0});
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(unlimited.order_video(bob, order()));
  EXPECT_EQ(unlimited.allowance(bob)->remaining, std::nullopt);
}

}  // namespace
}  // namespace dreamfeed
