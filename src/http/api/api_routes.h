// The one entry point of the public API: registers every route on a Router.
#pragma once

#include <memory>

#include "http/api/public_page_cache.h"
#include "http/router.h"
#include "interfaces/blob_store.h"
#include "interfaces/clock.h"
#include "services/accounts/accounts_service.h"
#include "services/feed/feed_service.h"
#include "services/feed/for_you_feed.h"
#include "services/ranking/ranking_service.h"
#include "services/social/social_service.h"
#include "services/studio/studio_service.h"

namespace dreamfeed::http {

struct ApiContext {
  AccountsService& accounts;
  StudioService& studio;
  FeedService& feed;
  SocialService& social;
  BlobStore& blobs;
  const Clock& clock;
  ranking::RankingService& ranking;
  ForYouFeed& for_you;
  std::chrono::milliseconds event_poll_interval{500};
  // How old a feed page served to visitors without a session may be (0: always
  // fresh). This process drops its pages at once when a video is published or deleted
  // here; other processes' pages age out within the ttl.
  std::chrono::milliseconds public_page_ttl{1000};
  // Made by add_api_routes from public_page_ttl.
  std::shared_ptr<PublicPageCache> public_pages;
};

void add_api_routes(Router& router, ApiContext& api);

// Parts, one per area (each in its own *_routes.cpp).
void add_system_routes(Router& router, ApiContext& api);
void add_auth_routes(Router& router, ApiContext& api);
void add_video_routes(Router& router, ApiContext& api);
void add_job_routes(Router& router, ApiContext& api);
void add_feed_routes(Router& router, ApiContext& api);
void add_media_routes(Router& router, ApiContext& api);
void add_user_routes(Router& router, ApiContext& api);
void add_social_routes(Router& router, ApiContext& api);
void add_ranking_routes(Router& router, ApiContext& api);

// The embedded OpenAPI document (generated from openapi.json at build time).
extern const std::string_view kOpenApiDocument;

}  // namespace dreamfeed::http
