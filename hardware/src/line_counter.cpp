#include "hardware/line_counter.h"

#include "core/quote.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace ck::hw {

const char* ToString(Direction d) {
    return d == Direction::kPositive ? "positive" : "negative";
}

Status ValidateLine(const Segment& s, int frame_w, int frame_h) {
    for (double v : {s.a.x, s.a.y, s.b.x, s.b.y}) {
        if (!std::isfinite(v))
            return MakeError("counter.line_invalid", "line coordinates must be finite numbers");
    }
    if (Length(s) < 2.0) {
        return MakeError("counter.line_invalid", "line must be at least 2 px long (A and B coincide)");
    }
    if (frame_w > 0 && frame_h > 0) {
        auto inside = [&](Point2 p) { return p.x >= 0 && p.y >= 0 && p.x <= frame_w && p.y <= frame_h; };
        if (!inside(s.a) || !inside(s.b)) {
            std::ostringstream msg;
            msg << "line end outside the " << frame_w << "x" << frame_h << " frame (allowed x 0.." << frame_w
                << ", y 0.." << frame_h << ")";
            return MakeError("counter.line_outside", msg.str());
        }
    }
    return {};
}

Result<Segment> ParseLine(const std::string& text) {
    double v[4];
    std::size_t pos = 0;
    for (int i = 0; i < 4; ++i) {
        const std::size_t end = i < 3 ? text.find(',', pos) : text.size();
        if (end == std::string::npos) break;
        const std::string part = text.substr(pos, end - pos);
        char* stop = nullptr;
        errno = 0;
        v[i] = std::strtod(part.c_str(), &stop);
        if (part.empty() || stop != part.c_str() + part.size() || errno != 0 || !std::isfinite(v[i])) {
            return MakeError("counter.line_syntax",
                             "line must be x1,y1,x2,y2 (four numbers), got " + QuoteInput(text));
        }
        pos = end + 1;
        if (i == 3) return Segment{{v[0], v[1]}, {v[2], v[3]}};
    }
    return MakeError("counter.line_syntax",
                     "line must be x1,y1,x2,y2 (four numbers), got " + QuoteInput(text));
}

LineCounter::LineCounter(std::vector<CountingLine> lines, double hysteresis_px, int confirm_observations,
                         double confirm_heights)
    : lines_(std::move(lines)),
      hysteresis_px_(hysteresis_px),
      confirm_observations_(std::max(1, confirm_observations)),
      confirm_heights_(confirm_heights),
      totals_(lines_.size()) {}

void LineCounter::Observe(std::int64_t track_id, Point2 foot, std::vector<Crossing>& out,
                          double person_height) {
    auto& states = tracks_[track_id];
    if (states.size() != lines_.size()) states.assign(lines_.size(), SideState{});
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        const Segment& seg = lines_[i].segment;
        const double dist = SignedDistance(seg, foot);
        SideState& st = states[i];
        // Inside the band the confirmed side stays as it was: jitter on the line never counts.
        if (std::abs(dist) < hysteresis_px_) {
            st.pending = 0;
            continue;
        }
        const int side = dist > 0 ? 1 : -1;
        if (st.side == 0 || side == st.side) {
            st.side = side;
            st.where = foot;
            st.pending = 0;
            continue;
        }
        if (st.pending++ == 0) st.pending_first = foot;
        const bool far =
            confirm_heights_ > 0 && person_height > 0 && std::abs(dist) >= confirm_heights_ * person_height;
        if (st.pending < confirm_observations_ && !far) continue;
        Count(i, side, track_id, st.where, st.pending_first, out);
        st.side = side;
        st.where = foot;
        st.pending = 0;
    }
}

void LineCounter::Count(std::size_t line, int side, std::int64_t track_id, Point2 from, Point2 to,
                        std::vector<Crossing>& out) {
    const auto t = CrossingParameter(lines_[line].segment, from, to);
    if (!t || *t < 0.0 || *t > 1.0) return;
    const Direction dir = side > 0 ? Direction::kPositive : Direction::kNegative;
    (dir == Direction::kPositive ? totals_[line].positive : totals_[line].negative) += 1;
    out.push_back(Crossing{line, dir, track_id});
}

void LineCounter::ReplaceLines(std::vector<CountingLine> lines) {
    std::vector<LineTotals> totals(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        for (std::size_t j = 0; j < lines_.size(); ++j)
            if (lines_[j].name == lines[i].name) totals[i] = totals_[j];
    }
    lines_ = std::move(lines);
    totals_ = std::move(totals);
    tracks_.clear();
}

void LineCounter::Forget(std::int64_t track_id) {
    tracks_.erase(track_id);
}

void LineCounter::Finish(std::int64_t track_id, std::vector<Crossing>& out) {
    const auto it = tracks_.find(track_id);
    if (it == tracks_.end()) return;
    for (std::size_t i = 0; i < it->second.size(); ++i) {
        const SideState& st = it->second[i];
        if (st.side != 0 && st.pending > 0) Count(i, -st.side, track_id, st.where, st.pending_first, out);
    }
    tracks_.erase(it);
}

}  // namespace ck::hw
