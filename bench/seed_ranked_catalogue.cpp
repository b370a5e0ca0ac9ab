// Fills a Dreamfeed data folder for the feed-at-scale benchmark (feed_at_scale.sh): the
// synthetic catalogue of scale_audience.h as published videos in dreamfeed.db, its
// creators as users, --sessions of its viewers signed in (their bearer tokens written one
// per line to <data>/bench_tokens.txt), and the ranking state after --events past events
// saved as <data>/ranking.snapshot — what `dreamfeed serve` restores at start.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>

#include "adapters/ranking_snapshot/file/file_snapshot_store.h"
#include "adapters/store/sqlite/sqlite_connection.h"
#include "adapters/store/sqlite/sqlite_rows.h"
#include "adapters/store/sqlite/sqlite_store.h"
#include "common/crypto.h"
#include "scale_audience.h"
#include "services/ranking/ranking_config.h"
#include "services/ranking/state_codec.h"

namespace {

using namespace dreamfeed;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// A bench tool stops at the first failure, saying what it was doing.
void check(const Status& status, std::string_view doing) {
  if (!status) throw std::runtime_error(std::string(doing) + ": " + status.error().message);
}
template <class T>
T check(Result<T> result, std::string_view doing) {
  if (!result) throw std::runtime_error(std::string(doing) + ": " + result.error().message);
  return std::move(result).value();
}

UserRecord user_record(const std::string& id, const std::string& handle) {
  UserRecord record;
  record.user.id = id;
  record.user.handle = handle;
  record.user.display_name = handle;
  record.password_hash = "unused: signed in by the seeded session";
  return record;
}

}  // namespace

int main(int argc, char** argv) try {
  bench::ScaleSpec spec;
  long events = 10'000'000;
  int sessions = 2000;
  std::string data_dir;
  CLI::App app{"Seed a data folder with a ranked catalogue at scale"};
  app.add_option("data", data_dir, "Data folder (created)")->required();
  app.add_option("--clips", spec.clips);
  app.add_option("--viewers", spec.viewers);
  app.add_option("--creators", spec.creators);
  app.add_option("--events", events);
  app.add_option("--sessions", sessions, "Viewers signed in, tokens in bench_tokens.txt");
  CLI11_PARSE(app, argc, argv);
  init_crypto();
  spec.now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  const std::filesystem::path data = data_dir;
  std::filesystem::create_directories(data);

  auto t0 = Clock::now();
  auto store = check(SqliteStore::open(data / "dreamfeed.db"), "opening the database");
  for (int c = 0; c < spec.creators; ++c) {
    check(store->create_user(
              user_record(bench::ScaleAudience::creator_id(c), fmt::format("creator_{}", c))),
          "adding a creator");
  }

  // The catalogue goes into the ranking and, in one transaction, into the database.
  ranking::RankingState state(
      check(ranking::load_ranking_config(DREAMFEED_RANKING_CONFIG), "reading the config"));
  bench::ScaleAudience audience(spec);
  auto bulk = check(sqlite::Connection::open(data / "dreamfeed.db"), "opening a connection");
  check(bulk->execute("BEGIN IMMEDIATE"), "beginning the catalogue");
  Status inserted;
  audience.publish_catalogue(state, [&](const ranking::ClipInfo& clip) {
    if (!inserted) return;
    Video video;
    video.id = clip.id;
    video.creator_id = clip.creator_id;
    video.status = VideoStatus::published;
    video.prompt = clip.text;
    video.seconds = static_cast<int>(clip.duration_ms / 1000);
    video.width = 720;
    video.height = 1280;
    video.remix_of = clip.remix_of;
    video.backend = "sketch";
    video.video_key = "videos/" + clip.id + ".mp4";
    video.thumbnail_key = "thumbnails/" + clip.id + ".jpg";
    video.size_bytes = 1'000'000;
    video.created_at_ms = clip.published_at_ms - 60'000;
    video.published_at_ms = clip.published_at_ms;
    inserted = sqlite::insert_video_row(*bulk, video);
  });
  check(inserted, "inserting a video");
  check(bulk->execute("COMMIT"), "committing the catalogue");
  fmt::print("catalogue: {} creators, {} published videos in {:.1f} s\n", spec.creators, spec.clips,
             seconds_since(t0));

  t0 = Clock::now();
  std::vector<ranking::IncomingEvent> batch;
  long applied = 0;
  for (long sent = 0; sent < events; sent += 20) {
    const int v = audience.next_batch(state, batch);
    applied +=
        static_cast<long>(state.apply_batch(audience.viewer_id(v), batch, spec.now_ms).accepted);
  }
  audience.add_follows(state);
  fmt::print("ranking: {} events applied in {:.1f} s\n", applied, seconds_since(t0));

  t0 = Clock::now();
  std::ofstream tokens(data / "bench_tokens.txt", std::ios::trunc);
  for (int v = 0; v < sessions && v < spec.viewers; ++v) {
    User user =
        check(store->create_user(user_record(audience.viewer_id(v), fmt::format("viewer_{}", v))),
              "adding a viewer");
    const std::string token = random_token(32);
    check(store->create_session(Session{sha256_hex(token), user.id, random_token(16), spec.now_ms,
                                        spec.now_ms + 30LL * 86'400'000}),
          "adding a session");
    tokens << token << '\n';
  }
  FileSnapshotStore snapshots(data / "ranking.snapshot");
  check(snapshots.save(ranking::StateCodec::encode(state)), "saving the ranking snapshot");
  fmt::print("{} sessions and the snapshot in {:.1f} s\n", sessions, seconds_since(t0));
  return 0;
} catch (const std::exception& e) {
  fmt::print(stderr, "seeding failed: {}\n", e.what());
  return 1;
}
