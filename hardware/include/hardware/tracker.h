// Multi-person tracking by detection: constant-velocity Kalman prediction per track, one global assignment
// per frame (Hungarian algorithm on a gated distance/overlap cost), tentative tracks that must be seen
// `min_hits` times before they may count, and coasting through short occlusions. Pure and deterministic:
// the same detections in the same order give the same tracks and ids.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "hardware/geometry.h"

namespace ck::hw {

// A person's colours: coarse hue/grey histograms of the upper and the lower half of the body, each summing
// to 1 (see appearance.h). Two people crossing each other at the same place differ in what they wear, while
// their positions alone are ambiguous; this keeps their tracks apart. Empty (valid = false) when unknown.
struct Appearance {
    static constexpr int kBinsPerPart = 12;
    std::array<float, 2 * kBinsPerPart> bins{};
    bool valid = false;
};
// Similarity of two appearances in [0, 1] (Bhattacharyya coefficient, averaged over the two parts);
// 1 when either is unknown, so that a missing appearance never decides anything.
double Similarity(const Appearance& a, const Appearance& b);

struct Detection {
    Box box;
    float score = 1.0f;
    Appearance appearance = {};
};

struct TrackerParams {
    int min_hits = 3;          // detections before a track is confirmed (and its points are counted)
    int max_coast = 12;        // frames a confirmed track survives without a detection
    double gate = 0.9;         // max centre distance, in predicted box heights, for a match
    double gate_growth = 0.1;  // the gate widens by this fraction per coasted frame (uncertainty grows)...
    double max_gate_factor = 1.5;  // ...up to this factor: a lost track must not grab a person far away
    double max_size_ratio = 2.0;   // a match may at most double or halve the box height
    // Kalman: acceleration noise (px per frame^2). 1, not 0.5: at a low frame rate a person's turn is a large
    // change of velocity per frame, and a filter too sure of the old velocity lost people turning in the
    // crowd (every-second-frame and re-encoded copies of the PETS clip: docs/counting.md).
    double process_noise = 1.0;
    double measurement_noise = 8.0;  // Kalman: detection noise (px)
    double size_smoothing = 0.3;     // weight of a new detection's width/height
    int reid_frames = 30;        // a dropped track can be re-identified by a new one for this many frames...
    double reid_gate = 1.5;      // ...that is confirmed within this many box heights of where it was lost
    double duplicate_iou = 0.6;  // an unmatched detection this much over a live track starts no new track
    // Cost of (1 - colour similarity), in the units of the distance term: two people passing each other a
    // fraction of a box height apart are told apart by what they wear (a different shirt costs as much as a
    // box height of distance). 0 = positions only (and the counting pipeline then computes no appearance).
    double appearance_weight = 2.0;
    // Weight of a new detection's colours in the track's: slow, so that a partly occluded view or a
    // neighbour's box for a frame does not take over the track's colours.
    double appearance_smoothing = 0.1;
    // Emerging from a merged box. Two people walking close together, one partly behind the other, often get
    // ONE detection box (non-maximum suppression keeps the stronger of two heavily overlapping boxes) and
    // one track; when they separate, the second person starts a new track that has missed what they did
    // together, e.g. crossing a line. A new track whose box lies mostly (inherit_overlap of its area) inside
    // a confirmed track's box of the previous frame, when that box was inherit_width_ratio times as wide
    // (wide enough to have held two people), takes that track's last inherit_frames foot points as its own
    // past. 0 frames = off.
    int inherit_frames = 12;
    double inherit_width_ratio = 1.1;
    double inherit_overlap = 0.4;
};

// A confirmed track's measured position in one frame; what the line counter consumes.
struct TrackPoint {
    std::int64_t track_id = 0;
    Point2 foot;
    double height = 0;  // the person's (filtered) box height, px: the scale of distances near the foot
};

struct TrackView {
    std::int64_t id = 0;
    Box box;  // filtered
    bool confirmed = false;
    int missed = 0;  // frames since the last detection
};

struct TrackerStep {
    // Confirmed tracks' foot points measured this frame, in track order. When a track becomes confirmed its
    // earlier (tentative) points are replayed first, so a person who appears just before the line still
    // counts.
    std::vector<TrackPoint> points;
    std::vector<std::int64_t> ended;  // tracks dropped this frame
};

// Solves the rectangular assignment problem (rows to columns) minimising the summed cost; returns for each
// row its column or -1. Costs >= kForbidden are never assigned.
inline constexpr double kForbidden = 1e9;
std::vector<int> SolveAssignment(const std::vector<std::vector<double>>& cost);

class Tracker {
  public:
    explicit Tracker(TrackerParams params = {});

    TrackerStep Update(const std::vector<Detection>& detections);
    std::vector<TrackView> Tracks() const;
    // Ends every track (end of a video): their ids are reported as ended.
    std::vector<std::int64_t> Clear();

  private:
    struct Axis {
        double pos = 0, vel = 0;
        double p00 = 0, p01 = 0, p11 = 0;  // covariance
    };
    struct Track {
        std::int64_t id = 0;
        Axis cx, cy;
        double w = 0, h = 0;
        int hits = 0;
        int missed = 0;
        bool confirmed = false;
        std::vector<TrackPoint> tentative_points;
        std::vector<TrackPoint> recent;  // the last inherit_frames measured foot points
        bool inherited = false;          // tentative_points start with a parent's recent points
        Box previous;                    // the filtered box of the previous frame
        Appearance appearance;
    };

    void Predict(Axis& a) const;
    void Correct(Axis& a, double measured) const;
    Box BoxOf(const Track& t) const;

    TrackerParams params_;
    struct LostTrack {
        std::int64_t id = 0;
        Point2 foot;  // last filtered foot point
        double h = 0;
        int age = 0;  // frames since it was dropped
        Appearance appearance;
    };
    // A track that was dropped (too long unseen) may be the same person as a new track that appears nearby
    // shortly after; the new track then continues the old id, so a crossing made while unseen still counts.
    void Reidentify(Track& t);
    // The confirmed track a new detection box steps out of (see inherit_frames), or nullptr.
    const Track* MergedParent(const Box& d) const;

    std::vector<Track> tracks_;
    std::vector<LostTrack> lost_;
    std::int64_t next_id_ = 1;
};

}  // namespace ck::hw
