// Frame composition for the sketch engine.
#include "scene_renderer.h"

#include <algorithm>
#include <cmath>

#include "common/cpu_clock.h"
#include "model/generation_request.h"

namespace dreamfeed::sketch {

SceneRenderer::SceneRenderer(const ScenePlan& plan, std::string_view creator_handle,
                             const TextShaper& shaper)
    : plan_(plan),
      frame_pixels_(static_cast<std::size_t>(padded_frame_stride(plan.width)) *
                    static_cast<std::size_t>(std::max(plan.height, 0))),
      frame_(cairo_image_surface_create_for_data(frame_pixels_.data(), CAIRO_FORMAT_ARGB32,
                                                 plan.width, plan.height,
                                                 padded_frame_stride(plan.width))),
      cr_(cairo_create(frame_.get())),
      backdrop_(plan),
      setting_(plan),
      figures_(plan),
      foreground_(plan),
      weather_(plan.graph.weather, plan.width, plan.height, plan.seed),
      words_(plan, shaper),
      watermark_(creator_handle, plan.width, plan.height, shaper) {}

bool SceneRenderer::ok() const {
  return cairo_surface_status(frame_.get()) == CAIRO_STATUS_SUCCESS &&
         cairo_status(cr_.get()) == CAIRO_STATUS_SUCCESS;
}

CameraPose SceneRenderer::figure_camera(double t) const {
  CameraPose pose = camera_at(plan_.camera, t, plan_.seconds);
  // Resolved to the subjects' plane, so what moves with it only adds pan_x and pan_y.
  pose.pan_x = pose.shift_x(kSubjectDepth);
  pose.pan_y = pose.shift_y(kSubjectDepth);
  pose.pivot = 0;
  if (plan_.shake_px > 0) {
    // Incommensurate sines: an irregular, deterministic handheld wobble.
    pose.pan_x += plan_.shake_px * (std::sin(t * 23.0) + 0.6 * std::sin(t * 37.7));
    pose.pan_y += plan_.shake_px * (std::sin(t * 19.3) + 0.6 * std::sin(t * 41.1));
  }
  return pose;
}

std::vector<FigureBox> SceneRenderer::figure_boxes(int frame_index) const {
  const double t = static_cast<double>(frame_index) / kFramesPerSecond;
  std::vector<FigureBox> boxes;
  for (std::size_t i = 0; i < plan_.subjects.figures.size(); ++i) {
    boxes.push_back(figures_.on_screen(i, figure_camera(t), t));
  }
  return boxes;
}

FrameView SceneRenderer::render(int frame_index, LayerTimes* times) {
  const double t = static_cast<double>(frame_index) / kFramesPerSecond;
  const CameraPose camera = camera_at(plan_.camera, t, plan_.seconds);
  const CameraPose near = figure_camera(t);
  cairo_t* cr = cr_.get();
  double lap_start = times ? thread_cpu_seconds() : 0;
  // Adds the time since the previous lap to `part` of `times`, if there are times.
  const auto lap = [&](double LayerTimes::*part) {
    if (!times) return;
    const double now = thread_cpu_seconds();
    times->*part += now - lap_start;
    lap_start = now;
  };
  backdrop_.paint(cr, camera, t);
  lap(&LayerTimes::backdrop);
  setting_.paint(cr, near);
  lap(&LayerTimes::setting);
  figures_.paint(cr, near, t);
  lap(&LayerTimes::figures);
  foreground_.paint(cr, camera);
  lap(&LayerTimes::foreground);
  weather_.paint(cr, t);
  lap(&LayerTimes::weather);
  words_.paint(cr, near, t);
  lap(&LayerTimes::words);
  watermark_.paint(cr);
  cairo_surface_flush(frame_.get());
  lap(&LayerTimes::watermark);
  return FrameView{cairo_image_surface_get_data(frame_.get()), plan_.width, plan_.height,
                   cairo_image_surface_get_stride(frame_.get())};
}

}  // namespace dreamfeed::sketch
