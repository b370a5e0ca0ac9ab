// What the Store contract suite is parameterised over, and the records its tests build.
// Every Store implementation must pass the same tests: store_contract_test.cpp
// instantiates the suite once per StoreFactory, so adding a store means adding a factory.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

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

}  // namespace dreamfeed::testing
