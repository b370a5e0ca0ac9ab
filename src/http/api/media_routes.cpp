// GET /media/{folder}/{file}: video files, thumbnails and avatars from the blob store. Media
// URLs are unguessable (80-bit ids), like a CDN link: a draft's file is reachable by
// whoever its creator shares the URL with, and by nobody who does not have it.
#include "http/api/api_routes.h"
#include "http/api/json_views.h"

namespace dreamfeed::http {
namespace {

std::string_view content_type_for(std::string_view file) {
  if (file.ends_with(".mp4")) return "video/mp4";
  if (file.ends_with(".jpg")) return "image/jpeg";
  if (file.ends_with(".webp")) return "image/webp";
  if (file.ends_with(".png")) return "image/png";
  return {};
}

}  // namespace

void add_media_routes(Router& router, ApiContext& api) {
  router.add(Verb::get, "/media/{folder}/{file}", [&api](RequestContext& request) -> Response {
    const std::string_view folder = request.path_param("folder");
    const std::string_view file = request.path_param("file");
    const std::string_view type = content_type_for(file);
    if ((folder != "videos" && folder != "thumbnails" && folder != "avatars") || type.empty()) {
      return reply_for(make_error(ErrorCode::not_found, "no such media"));
    }
    auto located = api.blobs.locate(std::string(folder) + "/" + std::string(file));
    if (!located) return reply_for(located.error());
    if (located->redirect_url) return RedirectReply{*located->redirect_url};
    return FileReply{*located->local_file, std::string(type)};
  });
}

}  // namespace dreamfeed::http
