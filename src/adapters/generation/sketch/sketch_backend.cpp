// Ties planning, drawing and sound together and streams the clip into the sink.
#include "sketch_backend.h"

#include <vector>

#include "scene_json.h"
#include "scene_plan.h"
#include "scene_renderer.h"
#include "sound_bed.h"
#include "soundtrack.h"
#include "text_shaper.h"

namespace dreamfeed {

Result<GenerationOutput> SketchBackend::generate(const GenerationRequest& request, ClipSink& sink,
                                                 const ProgressReporter& progress) {
  const FrameSize size = request.size();
  sketch::TextShaper shaper;
  Result<sketch::ScenePlan> planned = sketch::plan_scene(
      sketch::SceneRequest{request.prompt, request.seed, size.width, size.height, request.seconds},
      shaper);
  if (!planned) return planned.error();
  const sketch::ScenePlan& plan = planned.value();

  sketch::SceneRenderer renderer(plan, request.creator_handle, shaper);
  if (!renderer.ok()) {
    return make_error(ErrorCode::internal, "could not allocate the frame surface");
  }
  sketch::Soundtrack soundtrack(plan.music);
  sketch::SoundBed bed = sketch::render_sound_bed(plan, kAudioSampleRate);
  std::vector<std::pair<double, double>> duck;
  for (const sketch::SpeechCue& cue : bed.speech) duck.emplace_back(cue.start_s, cue.end_s);
  soundtrack.set_bed(std::move(bed.stereo), std::move(duck));
  // Audio goes out one video frame's worth at a time, so an encoder muxing both
  // streams never has to buffer much of either.
  std::vector<float> audio;

  int reported = -1;
  for (int frame = 0; frame < plan.frame_count; ++frame) {
    if (Status written = sink.write_frame(renderer.render(frame)); !written) return written.error();
    audio.resize(
        static_cast<std::size_t>(audio_samples_before(frame + 1) - audio_samples_before(frame)) *
        kAudioChannels);
    soundtrack.render_next(audio);
    if (Status written = sink.write_audio(audio); !written) return written.error();

    const int percent = (frame + 1) * 100 / plan.frame_count;
    if (percent != reported) {
      reported = percent;
      if (progress && !progress(percent)) {
        return make_error(ErrorCode::cancelled, "generation was cancelled");
      }
    }
  }
  return GenerationOutput{std::nullopt, sketch::describe_scene(plan, bed)};
}

}  // namespace dreamfeed
