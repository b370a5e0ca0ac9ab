// What the Store contract suites are parameterised over, their fixture, and the records
// their tests build.
// Every Store implementation must pass the same tests: store_contract_test.cpp
// instantiates the suite once per StoreFactory, so adding a store means adding a factory.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "support/temp_dir.h"

#include "interfaces/store.h"

namespace dreamfeed::testing {

struct StoreFactory {
  std::string name;  // the instantiation's name in test output
  // Makes an empty store. `scratch` is a fresh folder the store may write to.
  std::function<std::unique_ptr<Store>(const std::filesystem::path& scratch)> make;
};

inline std::ostream& operator<<(std::ostream& out, const StoreFactory& factory) {
  return out << factory.name;
}

// Every Store implementation under test (defined in store_contract_test.cpp); each
// contract suite is instantiated over all of them.
std::vector<StoreFactory> store_factories();
inline std::string store_name(const ::testing::TestParamInfo<StoreFactory>& info) {
  return info.param.name;
}

inline UserRecord user_record(const std::string& id, const std::string& handle) {
  UserRecord record;
  record.user.id = id;
  record.user.handle = handle;
  record.user.display_name = "Display " + handle;
  record.user.created_at_ms = 1'000;
  record.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$" + handle;
  return record;
}

inline Video draft_video(const std::string& id, const std::string& creator_id,
                         std::int64_t created_at_ms) {
  Video video;
  video.id = id;
  video.creator_id = creator_id;
  video.prompt = "a lighthouse in a storm, " + id;
  video.seconds = 8;
  video.width = 720;
  video.height = 1280;
  video.seed = 42;
  video.backend = "sketch";
  video.video_key = "videos/" + id + ".mp4";
  video.thumbnail_key = "thumbnails/" + id + ".jpg";
  video.size_bytes = 123'456;
  video.scene_json = R"({"subject":"lighthouse"})";
  video.created_at_ms = created_at_ms;
  return video;
}

inline NewJob new_job(const std::string& id, const std::string& user_id, std::int64_t now_ms,
                      int priority = 0, int max_attempts = 3) {
  NewJob job;
  job.id = id;
  job.user_id = user_id;
  job.request.prompt = "a cat surfing, " + id;
  job.request.creator_handle = "alice";
  job.priority = priority;
  job.max_attempts = max_attempts;
  job.now_ms = now_ms;
  return job;
}

// Ids of `items`, in order.
template <class T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> ids;
  for (const T& item : items) ids.push_back(item.id);
  return ids;
}

// A fresh store from the suite's factory, with users usr_alice and usr_bob.
constexpr std::int64_t kLeaseMs = 30'000;

class StoreContractTest : public ::testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override {
    store_ = GetParam().make(scratch_.path());
    ASSERT_NE(store_, nullptr);
    ASSERT_TRUE(store().create_user(user_record("usr_alice", "alice")));
    ASSERT_TRUE(store().create_user(user_record("usr_bob", "bob")));
  }

  Job enqueue(const std::string& id, std::int64_t now_ms, int priority = 0, int max_attempts = 3) {
    auto job = store().enqueue(new_job(id, "usr_alice", now_ms, priority, max_attempts));
    EXPECT_TRUE(job) << job.error().message;
    return job ? *job : Job{};
  }

  // Leases the next job, which the test expects to exist.
  Job lease(const std::string& worker, std::int64_t now_ms, std::int64_t lease_ms = kLeaseMs) {
    auto leased = store().lease(worker, now_ms, lease_ms);
    EXPECT_TRUE(leased) << leased.error().message;
    EXPECT_TRUE(leased && leased->has_value()) << "nothing to lease";
    return leased && leased->has_value() ? **leased : Job{};
  }

  static JobLease lease_of(const Job& job) { return JobLease{job.id, job.lease_token}; }
  Store& store() { return *store_; }

  Job find_job(const std::string& id) {
    auto job = store().find_job(id);
    EXPECT_TRUE(job) << job.error().message;
    return job ? *job : Job{};
  }

 private:
  TempDir scratch_;
  std::unique_ptr<Store> store_;
};

}  // namespace dreamfeed::testing
