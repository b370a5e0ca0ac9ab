// Draws the frames of a planned scene: backdrop, words, watermark, in that order, into
// one frame surface reused for the whole clip.
#pragma once

#include <string_view>

#include "backdrop.h"
#include "cairo_handles.h"
#include "interfaces/clip_sink.h"
#include "scene_plan.h"
#include "text_shaper.h"
#include "watermark.h"
#include "word_sprites.h"

namespace dreamfeed::sketch {

class SceneRenderer {
 public:
  // `plan` must outlive the renderer.
  SceneRenderer(const ScenePlan& plan, std::string_view creator_handle, const TextShaper& shaper);
  SceneRenderer(const SceneRenderer&) = delete;
  SceneRenderer& operator=(const SceneRenderer&) = delete;

  // False when cairo could not allocate the frame (out of memory).
  bool ok() const;
  // The frame at `frame_index`; the view stays valid until the next call.
  FrameView render(int frame_index);

 private:
  const ScenePlan& plan_;
  SurfacePtr frame_;
  CairoPtr cr_;
  Backdrop backdrop_;
  WordSprites words_;
  Watermark watermark_;
};

}  // namespace dreamfeed::sketch
