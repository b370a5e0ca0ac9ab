// The scene description a sketch clip carries (GenerationOutput::scene_json): what the
// engine understood of the prompt and what it drew and played, shown to people.
#pragma once

#include <string>

#include "scene_plan.h"
#include "sound_bed.h"

namespace dreamfeed::sketch {

std::string describe_scene(const ScenePlan& plan, const SoundBed& sound);

}  // namespace dreamfeed::sketch
