// The OpenAPI document and the router agree: every route is documented, and every
// documented operation is a route. Fails when either side changes alone.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "adapters/blobs/local/local_blob_store.h"
#include "adapters/media/ffmpeg/ffmpeg_image_transcoder.h"
#include "adapters/store/sqlite/sqlite_store.h"
#include "http/api/api_routes.h"
#include "support/temp_dir.h"

namespace dreamfeed {
namespace {

std::string lower(std::string_view method) {
  std::string out(method);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

TEST(OpenApi, DocumentAndRouterListTheSameOperations) {
  testing::TempDir dir;
  auto store = std::move(SqliteStore::open(dir / "db.sqlite").value());
  LocalBlobStore blobs(dir / "media");
  SystemClock clock;
  AccountsService accounts(*store, *store, clock);
  StudioService studio(*store, *store, blobs, clock);
  FeedService feed(*store);
  FfmpegImageTranscoder images;
  SocialService social(*store, *store, studio, blobs, images, clock, dir / "scratch");
  ranking::RankingService ranking(ranking::RankingConfig{}, clock);
  CachedClipStore clips(*store, *store, clock);
  ForYouFeed for_you(ranking, clips);
  http::ApiContext api{accounts, studio, feed, social, blobs, clock, ranking, for_you};
  http::Router router;
  http::add_api_routes(router, api);

  std::set<std::string> routed;
  for (const auto& route : router.routes()) {
    routed.insert(lower(boost::beast::http::to_string(route.method)) + " " + route.pattern);
  }
  std::set<std::string> documented;
  auto document = boost::json::parse(http::kOpenApiDocument).as_object();
  EXPECT_EQ(document["openapi"].as_string(), "3.1.0");
  for (const auto& [path, item] : document["paths"].as_object()) {
    for (const auto& [key, operation] : item.as_object()) {
      if (key == "parameters" || key == "summary" || key == "description") continue;
      documented.insert(std::string(key) + " " + std::string(path));
      EXPECT_TRUE(operation.as_object().contains("responses")) << key << " " << path;
    }
  }
  EXPECT_EQ(routed, documented);
  EXPECT_GE(routed.size(), 15u);
}

}  // namespace
}  // namespace dreamfeed
