// Draws the frames of a planned scene: backdrop, setting, figures, foreground, weather,
// words, watermark, in that order, into one frame surface reused for the whole clip.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "backdrop.h"
#include "cairo_handles.h"
#include "foreground_layer.h"
#include "interfaces/clip_sink.h"
#include "scene_plan.h"
#include "setting_layer.h"
#include "subject_figures.h"
#include "text_shaper.h"
#include "watermark.h"
#include "weather_layer.h"
#include "word_sprites.h"

namespace dreamfeed::sketch {

// Thread CPU seconds spent drawing each layer, summed over the frames rendered with it:
// how benchmarks see where a clip's drawing time goes.
struct LayerTimes {
  double backdrop = 0;
  double setting = 0;
  double figures = 0;
  double foreground = 0;
  double weather = 0;
  double words = 0;
  double watermark = 0;
};

class SceneRenderer {
 public:
  // `plan` must outlive the renderer.
  SceneRenderer(const ScenePlan& plan, std::string_view creator_handle, const TextShaper& shaper);
  SceneRenderer(const SceneRenderer&) = delete;
  SceneRenderer& operator=(const SceneRenderer&) = delete;

  // False when cairo could not allocate the frame (out of memory).
  bool ok() const;
  // The frame at `frame_index`; the view stays valid until the next call. With `times`,
  // adds each layer's drawing time to it.
  FrameView render(int frame_index, LayerTimes* times = nullptr);
  // Where each figure of plan.subjects is drawn in frame `frame_index`, in pixels.
  std::vector<FigureBox> figure_boxes(int frame_index) const;

 private:
  const ScenePlan& plan_;
  // The frame's pixels, rows padded for the encoder (padded_frame_stride); before
  // frame_, which draws into them, so they outlive it.
  std::vector<std::uint8_t> frame_pixels_;
  SurfacePtr frame_;
  CairoPtr cr_;
  Backdrop backdrop_;
  SettingLayer setting_;
  SubjectFigures figures_;
  ForegroundLayer foreground_;
  WeatherLayer weather_;
  WordSprites words_;
  Watermark watermark_;

  CameraPose figure_camera(double t) const;
};

}  // namespace dreamfeed::sketch
