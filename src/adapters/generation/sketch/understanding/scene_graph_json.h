// The scene graph as JSON (Boost.JSON), the "understood" part of a clip's scene_json.
#pragma once

#include <boost/json/object.hpp>

#include "scene_graph.h"

namespace dreamfeed::sketch {

boost::json::object scene_graph_to_json(const SceneGraph& graph);

}  // namespace dreamfeed::sketch
