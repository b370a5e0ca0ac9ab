// How the camera's orbit and zoom move the subject figures: the group turns about its
// centre (nearer figures slide against farther ones and grow while the farther ones
// shrink) and scales about its feet. The planner fits both so that every figure stays
// in the frame for the whole clip.
#pragma once

#include "camera.h"
#include "subject_layout.h"

namespace dreamfeed::sketch {

// Figure `i`'s box at time t as the orbit and zoom of `pose` show it, before the pan.
FigureBox through_camera(const SubjectLayout& layout, std::size_t i, const CameraPath& path,
                         const CameraPose& pose, double t, double seconds);

// How much nearer than the group's centre figure `i` stands as the orbit of `pose`
// turns the group (its root's depth; 0 without subjects), so that the figures can be
// drawn far to near as they pass one another.
double nearness(const SubjectLayout& layout, std::size_t i, const CameraPath& path,
                const CameraPose& pose, double t, double seconds);

// Aims `path` at the layout's subject group (focus, orbit centre), then eases its orbit
// and subject zoom back toward none until every figure, with the pan and `shake_px` of
// jitter, stays inside a width × height frame all clip long.
void fit_subject_camera(CameraPath& path, const SubjectLayout& layout, int width, int height,
                        int seconds, double shake_px);

}  // namespace dreamfeed::sketch
