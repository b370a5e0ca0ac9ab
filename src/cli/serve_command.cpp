// dreamfeed serve: the whole platform in one process — the HTTP API, the static web
// app and in-process generation workers — wired from the embedded adapters. This is
// the one place that chooses implementations (DESIGN.md: "main wires adapters").
#include <fmt/core.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <thread>

#include "adapters/blobs/local/local_blob_store.h"
#include "adapters/generation/sketch/sketch_backend.h"
#include "adapters/media/ffmpeg/ffmpeg_clip_encoder.h"
#include "adapters/media/ffmpeg/ffmpeg_image_transcoder.h"
#include "adapters/ranking_snapshot/file/file_snapshot_store.h"
#include "adapters/store/sqlite/sqlite_store.h"
#include "cli/commands.h"
#include "http/api/api_routes.h"
#include "http/server.h"
#include "services/accounts/accounts_service.h"
#include "services/feed/cached_clip_store.h"
#include "services/feed/feed_service.h"
#include "services/feed/for_you_feed.h"
#include "services/ranking/ranking_activity.h"
#include "services/ranking/ranking_config.h"
#include "services/ranking/ranking_service.h"
#include "services/ranking/ranking_upkeep.h"
#include "services/social/social_service.h"
#include "services/studio/generation_worker.h"
#include "services/studio/studio_service.h"

namespace dreamfeed::cli {

extern const std::string_view kDefaultRankingConfig;  // config/ranking.json, built in

namespace {
namespace fs = std::filesystem;

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string data_dir = "data";
  std::string web_dir = "web/dist";
  int workers = 1;
  int http_threads = 0;
  // Room for a 2 MB avatar upload, the largest body the API takes.
  std::size_t body_limit = 2'000'000;
  std::string x264_preset = "veryfast";
  int encoder_threads = 0;  // automatic
  int lease_seconds = 30;
  int monthly_generations = 100;
  int feed_cache_ms = 1000;
  int session_cache_ms = 30'000;
  int clip_cache_ms = 30'000;
  std::string ranking_config;  // empty: the built-in config/ranking.json
  int ranking_snapshot_seconds = 60;
  std::string log_level = "info";
};

ranking::RankingConfig read_ranking_config(const std::string& path) {
  auto config = path.empty() ? ranking::parse_ranking_config(kDefaultRankingConfig)
                             : ranking::load_ranking_config(path);
  if (!config) {
    throw std::runtime_error("cannot read the ranking config " +
                             (path.empty() ? std::string("(built in)") : path) + ": " +
                             config.error().message);
  }
  return std::move(*config);
}

// "HOST:PORT", "[::1]:PORT" or ":PORT".
std::pair<std::string, std::uint16_t> split_listen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos)
    throw std::runtime_error("--listen must be HOST:PORT, got " + listen);
  std::string host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  if (host.empty()) host = "0.0.0.0";
  int port = std::stoi(listen.substr(colon + 1));
  if (port < 0 || port > 65535) throw std::runtime_error("--listen port out of range: " + listen);
  return {host, static_cast<std::uint16_t>(port)};
}

void print_configuration(const ServeOptions& o, const fs::path& web_root, bool web_found) {
  fmt::print(
      "dreamfeed serve configuration\n"
      "  listen        {}   (DREAMFEED_LISTEN)\n"
      "  data          {}   (DREAMFEED_DATA: database {}, media {})\n"
      "  web           {}{}   (DREAMFEED_WEB)\n"
      "  workers       {}   (DREAMFEED_WORKERS)\n"
      "  http threads  {}   (DREAMFEED_HTTP_THREADS, 0 = one per core)\n"
      "  body limit    {} bytes   (DREAMFEED_BODY_LIMIT)\n"
      "  x264 preset   {}, threads {}   (DREAMFEED_X264_PRESET, DREAMFEED_ENCODER_THREADS)\n"
      "  job lease     {} s   (DREAMFEED_LEASE_SECONDS)\n"
      "  generations   {} per user per month{}   (DREAMFEED_MONTHLY_GENERATIONS)\n"
      "  feed cache    {} ms for visitors without a session   (DREAMFEED_FEED_CACHE_MS)\n"
      "  session cache {} ms   (DREAMFEED_SESSION_CACHE_MS)\n"
      "  clip cache    {} ms   (DREAMFEED_CLIP_CACHE_MS)\n"
      "  ranking       {}, snapshot {} every {} s   (DREAMFEED_RANKING_CONFIG, "
      "DREAMFEED_RANKING_SNAPSHOT_SECONDS)\n"
      "  store sqlite, blobs local folder, backend sketch\n",
      o.listen, o.data_dir, (fs::path(o.data_dir) / "dreamfeed.db").string(),
      (fs::path(o.data_dir) / "media").string(), web_root.string(),
      web_found ? "" : " (not built: API only)", o.workers, o.http_threads, o.body_limit,
      o.x264_preset, o.encoder_threads == 0 ? "automatic" : std::to_string(o.encoder_threads),
      o.lease_seconds, o.monthly_generations, o.monthly_generations == 0 ? " (unlimited)" : "",
      o.feed_cache_ms, o.session_cache_ms, o.clip_cache_ms,
      o.ranking_config.empty() ? "built-in config/ranking.json" : o.ranking_config,
      (fs::path(o.data_dir) / "ranking.snapshot").string(), o.ranking_snapshot_seconds);
}

int run_serve(const ServeOptions& options) {
  spdlog::set_level(spdlog::level::from_str(options.log_level));
  // Block the stop signals in every thread; the main thread waits for them below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  const fs::path data_dir = options.data_dir;
  fs::create_directories(data_dir);
  const fs::path web_root = options.web_dir;
  const bool web_found = fs::exists(web_root / "index.html");
  print_configuration(options, web_root, web_found);

  auto opened = SqliteStore::open(data_dir / "dreamfeed.db");
  if (!opened) throw std::runtime_error("cannot open the database: " + opened.error().message);
  SqliteStore& store = **opened;
  LocalBlobStore blobs(data_dir / "media");
  SystemClock clock;
  SketchBackend backend;
  FfmpegClipEncoderFactory encoders(EncoderSettings{
      .x264_preset = options.x264_preset, .crf = 23, .threads = options.encoder_threads});

  // The ranking: its snapshot, then the store's catalogue (which may be newer), then the
  // changes logged after the snapshot.
  ranking::RankingService ranking(read_ranking_config(options.ranking_config), clock, &store);
  FileSnapshotStore snapshots(data_dir / "ranking.snapshot");
  if (auto restored = ranking.restore(snapshots); !restored) {
    throw std::runtime_error("cannot restore the ranking snapshot: " + restored.error().message);
  }
  auto catalogue = ranking::load_catalogue(ranking, store);
  if (!catalogue)
    throw std::runtime_error("cannot read the catalogue: " + catalogue.error().message);
  auto replayed = ranking.replay_log();
  if (!replayed)
    throw std::runtime_error("cannot replay the ranking log: " + replayed.error().message);
  spdlog::info("ranking: {} published clips, {} changes replayed since the snapshot", *catalogue,
               *replayed);
  ranking::RankingUpkeep upkeep(ranking, snapshots,
                                ranking::UpkeepConfig{.snapshot_every = std::chrono::seconds(
                                                          options.ranking_snapshot_seconds)});
  ranking::RankingActivity activity(ranking);

  AccountsService accounts(store, store, clock,
                           AccountsConfig{.session_cache_ms = options.session_cache_ms});
  // Every video and social call of the services goes through the clip cache, so each
  // write that changes a clip's record forgets it (see cached_clip_store.h).
  CachedClipStore clips(store, store, clock,
                        ClipCacheConfig{.ttl = std::chrono::milliseconds(options.clip_cache_ms)});
  StudioService studio(store, clips, blobs, clock,
                       StudioConfig{.monthly_generations = options.monthly_generations}, activity);
  FeedService feed(clips);
  ForYouFeed for_you(ranking, clips);
  FfmpegImageTranscoder images;
  SocialService social(store, clips, studio, blobs, images, clock, data_dir / "scratch", activity);

  std::vector<std::unique_ptr<GenerationWorker>> workers;
  char hostname[256] = "host";
  gethostname(hostname, sizeof hostname - 1);
  for (int i = 0; i < options.workers; ++i) {
    WorkerConfig config;
    config.worker_id = fmt::format("{}-{}-{}", hostname, getpid(), i);
    config.lease_ms = options.lease_seconds * 1000LL;
    config.heartbeat_ms = std::max<std::int64_t>(500, config.lease_ms / 5);
    config.scratch_dir = data_dir / "scratch";
    workers.push_back(
        std::make_unique<GenerationWorker>(store, blobs, backend, encoders, clock, config));
  }
  WorkerPool pool(std::move(workers), std::chrono::milliseconds(250));

  http::Router router;
  http::ApiContext api{accounts, studio, feed, social, blobs, clock, ranking, for_you};
  api.public_page_ttl = std::chrono::milliseconds(options.feed_cache_ms);
  http::add_api_routes(router, api);

  auto [host, port] = split_listen(options.listen);
  http::ServerOptions server_options;
  server_options.host = host;
  server_options.port = port;
  server_options.threads = options.http_threads;
  server_options.body_limit_bytes = options.body_limit;
  if (web_found) server_options.web_root = web_root;
  http::HttpServer server(server_options, router);
  upkeep.start();
  server.start();
  pool.start();
  const std::string shown_host = host == "0.0.0.0" ? "127.0.0.1" : host;
  fmt::print("Dreamfeed is running at http://{}:{}/\n", shown_host, server.port());
  std::fflush(stdout);

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  spdlog::info("{}: finishing requests in flight and giving running jobs back to the queue",
               signal_number == SIGTERM ? "SIGTERM" : "SIGINT");
  pool.stop();
  server.shutdown();
  upkeep.stop();  // saves the ranking's last snapshot
  spdlog::info("stopped");
  return 0;
}

}  // namespace

Command add_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* sub =
      app.add_subcommand("serve", "Run the HTTP API, the web app and generation workers");
  sub->add_option("--listen", options->listen, "HOST:PORT to listen on")
      ->envname("DREAMFEED_LISTEN");
  sub->add_option("--data", options->data_dir, "Folder for the database and media")
      ->envname("DREAMFEED_DATA");
  sub->add_option("--web", options->web_dir, "Built web app to serve")->envname("DREAMFEED_WEB");
  sub->add_option("--workers", options->workers, "In-process generation workers")
      ->envname("DREAMFEED_WORKERS")
      ->check(CLI::Range(0, 64));
  sub->add_option("--http-threads", options->http_threads, "HTTP threads (0: one per core)")
      ->envname("DREAMFEED_HTTP_THREADS")
      ->check(CLI::Range(0, 256));
  sub->add_option("--body-limit", options->body_limit, "Largest request body in bytes")
      ->envname("DREAMFEED_BODY_LIMIT");
  sub->add_option("--x264-preset", options->x264_preset, "libx264 preset for generated clips")
      ->envname("DREAMFEED_X264_PRESET");
  sub->add_option("--encoder-threads", options->encoder_threads,
                  "libx264 threads per clip (0: one a core, at most 4, and 1 above 720p)")
      ->envname("DREAMFEED_ENCODER_THREADS")
      ->check(CLI::Range(0, 64));
  sub->add_option("--lease-seconds", options->lease_seconds,
                  "How long a job stays leased without a heartbeat before another worker takes it")
      ->envname("DREAMFEED_LEASE_SECONDS")
      ->check(CLI::Range(1, 3600));
  sub->add_option("--monthly-generations", options->monthly_generations,
                  "Generations each non-admin may order per calendar month, UTC (0: unlimited)")
      ->envname("DREAMFEED_MONTHLY_GENERATIONS")
      ->check(CLI::Range(0, 1'000'000));
  sub->add_option("--feed-cache-ms", options->feed_cache_ms,
                  "How long visitors without a session may be shown the same feed page")
      ->envname("DREAMFEED_FEED_CACHE_MS")
      ->check(CLI::Range(0, 60'000));
  sub->add_option("--session-cache-ms", options->session_cache_ms,
                  "How long a checked session token is remembered (0: read it every time)")
      ->envname("DREAMFEED_SESSION_CACHE_MS")
      ->check(CLI::Range(0, 300'000));
  sub->add_option("--clip-cache-ms", options->clip_cache_ms,
                  "How long published clips' records are remembered for the feed (0: off)")
      ->envname("DREAMFEED_CLIP_CACHE_MS")
      ->check(CLI::Range(0, 300'000));
  sub->add_option("--ranking-config", options->ranking_config,
                  "Ranking weights and topics (JSON; default: the built-in config/ranking.json)")
      ->envname("DREAMFEED_RANKING_CONFIG")
      ->check(CLI::ExistingFile);
  sub->add_option("--ranking-snapshot-seconds", options->ranking_snapshot_seconds,
                  "How often the ranking's aggregates are saved to <data>/ranking.snapshot")
      ->envname("DREAMFEED_RANKING_SNAPSHOT_SECONDS")
      ->check(CLI::Range(1, 86'400));
  sub->add_option("--log-level", options->log_level, "trace, debug, info, warn, error")
      ->envname("DREAMFEED_LOG_LEVEL");
  return {sub, [options] { return run_serve(*options); }};
}

}  // namespace dreamfeed::cli
