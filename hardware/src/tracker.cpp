#include "hardware/tracker.h"

#include <algorithm>
#include <cmath>

namespace ck::hw {

namespace {

// Hungarian algorithm (potentials, O(n^2 m)) for n <= m; a[1..n][1..m]. Returns row -> column (1-based).
std::vector<int> HungarianRowsLeqCols(const std::vector<std::vector<double>>& a, int n, int m) {
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> u(n + 1, 0), v(m + 1, 0), minv(m + 1);
    std::vector<int> p(m + 1, 0), way(m + 1, 0);
    std::vector<char> used(m + 1);
    for (int i = 1; i <= n; ++i) {
        p[0] = i;
        int j0 = 0;
        std::fill(minv.begin(), minv.end(), inf);
        std::fill(used.begin(), used.end(), 0);
        do {
            used[j0] = 1;
            const int i0 = p[j0];
            double delta = inf;
            int j1 = 0;
            for (int j = 1; j <= m; ++j) {
                if (used[j]) continue;
                const double cur = a[i0][j] - u[i0] - v[j];
                if (cur < minv[j]) {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta) {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (int j = 0; j <= m; ++j) {
                if (used[j]) {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
        } while (p[j0] != 0);
        do {
            const int j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0 != 0);
    }
    std::vector<int> row_to_col(n + 1, 0);
    for (int j = 1; j <= m; ++j) {
        if (p[j] != 0) row_to_col[p[j]] = j;
    }
    return row_to_col;
}

}  // namespace

std::vector<int> SolveAssignment(const std::vector<std::vector<double>>& cost) {
    const int rows = static_cast<int>(cost.size());
    std::vector<int> result(rows, -1);
    if (rows == 0) return result;
    const int cols = static_cast<int>(cost[0].size());
    if (cols == 0) return result;
    const bool transpose = rows > cols;
    const int n = transpose ? cols : rows;
    const int m = transpose ? rows : cols;
    // Forbidden pairs keep a large finite cost so the solver stays well defined; they are dropped after.
    std::vector<std::vector<double>> a(n + 1, std::vector<double>(m + 1, 0));
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < m; ++j) {
            const double c = transpose ? cost[j][i] : cost[i][j];
            a[i + 1][j + 1] = std::min(c, kForbidden);
        }
    }
    const auto match = HungarianRowsLeqCols(a, n, m);
    for (int i = 1; i <= n; ++i) {
        const int j = match[i];
        if (j == 0) continue;
        const int r = transpose ? j - 1 : i - 1;
        const int c = transpose ? i - 1 : j - 1;
        if (cost[r][c] < kForbidden) result[r] = c;
    }
    return result;
}

double Similarity(const Appearance& a, const Appearance& b) {
    if (!a.valid || !b.valid) return 1.0;
    double total = 0;
    for (int part = 0; part < 2; ++part) {
        double bc = 0;
        for (int i = 0; i < Appearance::kBinsPerPart; ++i) {
            const int k = part * Appearance::kBinsPerPart + i;
            bc += std::sqrt(static_cast<double>(a.bins[k]) * b.bins[k]);
        }
        total += bc;
    }
    return std::clamp(total / 2, 0.0, 1.0);
}

namespace {

void Blend(Appearance& track, const Appearance& seen, double weight) {
    if (!seen.valid) return;
    if (!track.valid) {
        track = seen;
        return;
    }
    for (std::size_t k = 0; k < track.bins.size(); ++k)
        track.bins[k] += static_cast<float>(weight * (seen.bins[k] - track.bins[k]));
}

}  // namespace

Tracker::Tracker(TrackerParams params) : params_(params) {}

void Tracker::Predict(Axis& a) const {
    const double q = params_.process_noise * params_.process_noise;
    a.pos += a.vel;
    a.p00 += 2 * a.p01 + a.p11 + q / 4;
    a.p01 += a.p11 + q / 2;
    a.p11 += q;
}

void Tracker::Correct(Axis& a, double measured) const {
    const double s = a.p00 + params_.measurement_noise * params_.measurement_noise;
    const double k0 = a.p00 / s;
    const double k1 = a.p01 / s;
    const double innovation = measured - a.pos;
    a.pos += k0 * innovation;
    a.vel += k1 * innovation;
    const double p00 = a.p00, p01 = a.p01;
    a.p00 = (1 - k0) * p00;
    a.p01 = (1 - k0) * p01;
    a.p11 -= k1 * p01;
}

Box Tracker::BoxOf(const Track& t) const {
    return {t.cx.pos - t.w / 2, t.cy.pos - t.h / 2, t.w, t.h};
}

TrackerStep Tracker::Update(const std::vector<Detection>& detections) {
    TrackerStep step;
    for (auto& t : tracks_) {
        t.previous = BoxOf(t);
        Predict(t.cx);
        Predict(t.cy);
    }

    // Cost: centre distance in units of box height (scale-free: near and far people alike), plus a term
    // for disagreeing overlap so that of two equally near candidates the better-fitting box wins.
    std::vector<std::vector<double>> cost(tracks_.size(), std::vector<double>(detections.size(), kForbidden));
    for (std::size_t i = 0; i < tracks_.size(); ++i) {
        const Track& t = tracks_[i];
        const Box pred = BoxOf(t);
        const double gate =
            params_.gate * std::min(params_.max_gate_factor, 1.0 + params_.gate_growth * t.missed);
        for (std::size_t j = 0; j < detections.size(); ++j) {
            const Box& d = detections[j].box;
            const double ratio = d.h / std::max(1.0, pred.h);
            if (ratio > params_.max_size_ratio || ratio < 1.0 / params_.max_size_ratio) continue;
            const Point2 pc = Centre(pred), dc = Centre(d);
            const double dist = std::hypot(pc.x - dc.x, pc.y - dc.y) / std::max(1.0, std::max(pred.h, d.h));
            if (dist > gate) continue;
            cost[i][j] =
                dist + 0.5 * (1.0 - IoU(pred, d)) +
                params_.appearance_weight * (1.0 - Similarity(t.appearance, detections[j].appearance));
        }
    }
    const std::vector<int> match = SolveAssignment(cost);

    std::vector<char> detection_used(detections.size(), 0);
    for (std::size_t i = 0; i < tracks_.size(); ++i) {
        Track& t = tracks_[i];
        if (match[i] < 0) {
            ++t.missed;
            continue;
        }
        const Box& d = detections[match[i]].box;
        detection_used[match[i]] = 1;
        const Point2 c = Centre(d);
        Correct(t.cx, c.x);
        Correct(t.cy, c.y);
        t.w += params_.size_smoothing * (d.w - t.w);
        t.h += params_.size_smoothing * (d.h - t.h);
        Blend(t.appearance, detections[match[i]].appearance, params_.appearance_smoothing);
        t.missed = 0;
        ++t.hits;
        const Point2 foot = FootPoint(BoxOf(t));
        if (params_.inherit_frames > 0) {
            t.recent.push_back({0, foot, t.h});
            if (static_cast<int>(t.recent.size()) > params_.inherit_frames) t.recent.erase(t.recent.begin());
        }
        if (t.confirmed) {
            step.points.push_back({t.id, foot, t.h});
        } else if (t.hits >= params_.min_hits) {
            t.confirmed = true;
            Reidentify(t);
            for (TrackPoint p : t.tentative_points) {
                p.track_id = t.id;
                step.points.push_back(p);
            }
            t.tentative_points.clear();
            t.tentative_points.shrink_to_fit();
            step.points.push_back({t.id, foot, t.h});
        } else {
            t.tentative_points.push_back({0, foot, t.h});
        }
    }

    // Drop tracks: tentative ones at their first miss (a flicker), confirmed ones after coasting too long.
    std::vector<Track> kept;
    kept.reserve(tracks_.size() + detections.size());
    for (auto& t : tracks_) {
        const bool drop = t.confirmed ? t.missed > params_.max_coast : t.missed > 0;
        if (drop) {
            if (t.confirmed) lost_.push_back({t.id, FootPoint(BoxOf(t)), t.h, 0, t.appearance});
        } else {
            kept.push_back(std::move(t));
        }
    }
    tracks_ = std::move(kept);
    for (auto& l : lost_) ++l.age;
    std::erase_if(lost_, [&](const LostTrack& l) {
        if (l.age <= params_.reid_frames) return false;
        step.ended.push_back(l.id);
        return true;
    });

    for (std::size_t j = 0; j < detections.size(); ++j) {
        if (detection_used[j]) continue;
        const Box& d = detections[j].box;
        if (d.w <= 0 || d.h <= 0) continue;
        bool duplicate = false;
        for (const auto& t : tracks_) {
            if (t.missed == 0 && IoU(BoxOf(t), d) > params_.duplicate_iou) duplicate = true;
        }
        if (duplicate) continue;
        Track t;
        t.id = next_id_++;
        const Point2 c = Centre(d);
        const double r2 = params_.measurement_noise * params_.measurement_noise;
        t.cx = Axis{c.x, 0, r2, 0, 10.0};
        t.cy = Axis{c.y, 0, r2, 0, 10.0};
        t.w = d.w;
        t.h = d.h;
        t.hits = 1;
        t.appearance = detections[j].appearance;
        if (const Track* parent = MergedParent(d)) {
            // Emerging from a box that had covered this person too: the parent's recent path was theirs as
            // well, so a line the two crossed together counts for both (once this track is confirmed).
            t.tentative_points = parent->recent;
            t.inherited = true;
        }
        if (params_.min_hits <= 1) {
            t.confirmed = true;
            for (TrackPoint p : t.tentative_points) {
                p.track_id = t.id;
                step.points.push_back(p);
            }
            t.tentative_points.clear();
            step.points.push_back({t.id, FootPoint(d), d.h});
        } else {
            t.tentative_points.push_back({0, FootPoint(d), d.h});
        }
        tracks_.push_back(std::move(t));
    }
    return step;
}

const Tracker::Track* Tracker::MergedParent(const Box& d) const {
    if (params_.inherit_frames <= 0 || d.w <= 0 || d.h <= 0) return nullptr;
    const Track* parent = nullptr;
    double best = 0;
    for (const auto& o : tracks_) {
        // A box about one person wide cannot have hidden a second person beside the first; and the parent
        // must have been detected this frame (it is the person the new one stepped out from, not a memory).
        if (!o.confirmed || o.missed != 0 || o.previous.w < params_.inherit_width_ratio * d.w) continue;
        const Box& ob = o.previous;
        const double ix = std::min(ob.x + ob.w, d.x + d.w) - std::max(ob.x, d.x);
        const double iy = std::min(ob.y + ob.h, d.y + d.h) - std::max(ob.y, d.y);
        if (ix <= 0 || iy <= 0) continue;
        const double covered = ix * iy / (d.w * d.h);
        if (covered >= params_.inherit_overlap && covered > best) {
            parent = &o;
            best = covered;
        }
    }
    return parent;
}

void Tracker::Reidentify(Track& t) {
    // An inherited past starts where the parent was, not where this person was lost: no re-identification.
    if (t.tentative_points.empty() || t.inherited) return;
    const Point2 first = t.tentative_points.front().foot;
    auto best = lost_.end();
    double best_dist = 0;
    for (auto it = lost_.begin(); it != lost_.end(); ++it) {
        const double ratio = t.h / std::max(1.0, it->h);
        if (ratio > 1.5 || ratio < 1 / 1.5) continue;
        const double dist = std::hypot(first.x - it->foot.x, first.y - it->foot.y) / std::max(t.h, it->h);
        if (dist > params_.reid_gate) continue;
        if (best == lost_.end() || dist < best_dist) {
            best = it;
            best_dist = dist;
        }
    }
    if (best == lost_.end()) return;
    t.id = best->id;
    lost_.erase(best);
}

std::vector<TrackView> Tracker::Tracks() const {
    std::vector<TrackView> out;
    out.reserve(tracks_.size());
    for (const auto& t : tracks_) out.push_back({t.id, BoxOf(t), t.confirmed, t.missed});
    return out;
}

std::vector<std::int64_t> Tracker::Clear() {
    std::vector<std::int64_t> ended;
    for (const auto& l : lost_) ended.push_back(l.id);
    lost_.clear();
    for (const auto& t : tracks_) {
        if (t.confirmed) ended.push_back(t.id);
    }
    tracks_.clear();
    return ended;
}

}  // namespace ck::hw
