// Fills a Dreamfeed database with N published videos from a few creators, for the
// feed benchmark (`dreamfeed serve` is then started on the same data folder).
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include "adapters/store/sqlite/sqlite_store.h"
#include "common/crypto.h"

int main(int argc, char** argv) {
  using namespace dreamfeed;
  std::string data_dir;
  int count = 10'000;
  CLI::App app{"Seed a Dreamfeed database with published videos"};
  app.add_option("data", data_dir, "Data folder (dreamfeed.db is created inside)")->required();
  app.add_option("--count", count, "How many published videos");
  CLI11_PARSE(app, argc, argv);
  init_crypto();
  std::filesystem::create_directories(data_dir);
  auto store = SqliteStore::open(std::filesystem::path(data_dir) / "dreamfeed.db");
  if (!store) {
    fmt::print(stderr, "{}\n", store.error().message);
    return 1;
  }
  std::vector<std::string> creators;
  for (int i = 0; i < 20; ++i) {
    UserRecord record;
    record.user.id = new_id("usr");
    record.user.handle = fmt::format("creator_{}", i);
    record.user.display_name = record.user.handle;
    record.password_hash = "unused";
    auto created = (*store)->create_user(record);
    if (!created) {
      fmt::print(stderr, "{}\n", created.error().message);
      return 1;
    }
    creators.push_back(created->id);
  }
  const std::int64_t start = 1'764'000'000'000;
  for (int i = 0; i < count; ++i) {
    Video video;
    video.id = new_id("vid");
    video.creator_id = creators[i % creators.size()];
    video.prompt = fmt::format("clip {} of a fox jumping over a fence in the snow", i);
    video.seconds = 4;
    video.width = 720;
    video.height = 1280;
    video.seed = static_cast<std::uint64_t>(i);
    video.backend = "sketch";
    video.video_key = "videos/" + video.id + ".mp4";
    video.thumbnail_key = "thumbnails/" + video.id + ".jpg";
    video.size_bytes = 1'000'000;
    video.created_at_ms = start + i * 1000LL;
    if (auto ok = (*store)->insert_video(video); !ok) {
      fmt::print(stderr, "{}\n", ok.error().message);
      return 1;
    }
    if (auto ok = (*store)->publish_video(video.id, video.created_at_ms + 500); !ok) {
      fmt::print(stderr, "{}\n", ok.error().message);
      return 1;
    }
  }
  fmt::print("seeded {} published videos\n", count);
  return 0;
}
