// Frame composition for the sketch engine.
#include "scene_renderer.h"

#include "model/generation_request.h"

namespace dreamfeed::sketch {

SceneRenderer::SceneRenderer(const ScenePlan& plan, std::string_view creator_handle,
                             const TextShaper& shaper)
    : plan_(plan),
      frame_(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, plan.width, plan.height)),
      cr_(cairo_create(frame_.get())),
      backdrop_(plan),
      words_(plan, shaper),
      watermark_(creator_handle, plan.width, plan.height, shaper) {}

bool SceneRenderer::ok() const {
  return cairo_surface_status(frame_.get()) == CAIRO_STATUS_SUCCESS &&
         cairo_status(cr_.get()) == CAIRO_STATUS_SUCCESS;
}

FrameView SceneRenderer::render(int frame_index) {
  const double t = static_cast<double>(frame_index) / kFramesPerSecond;
  const CameraPose camera = camera_at(plan_.camera, t, plan_.seconds);
  cairo_t* cr = cr_.get();
  backdrop_.paint(cr, camera, t);
  words_.paint(cr, camera, t);
  watermark_.paint(cr);
  cairo_surface_flush(frame_.get());
  return FrameView{cairo_image_surface_get_data(frame_.get()), plan_.width, plan_.height,
                   cairo_image_surface_get_stride(frame_.get())};
}

}  // namespace dreamfeed::sketch
