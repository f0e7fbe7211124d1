#include "replay/replay.h"

#include <fstream>
#include <iostream>

#include "cli/commands.h"

namespace ck::kiosk {
namespace {

Error StepError(int line, const std::string& what) {
    return MakeError("replay.step", "line " + std::to_string(line) + ": " + what);
}

std::string VisibleTexts(const App& app) {
    std::string out;
    for (const auto& e : app.frame.trace) {
        if (out.size() > 600) {
            out += ", ...";
            break;
        }
        out += (out.empty() ? "\"" : ", \"") + e.text.substr(0, 60) + "\"";
    }
    return out;
}

}  // namespace

Result<ReplayStep> ParseReplayStep(const std::string& text, int line) {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.size() != 1) {
        return StepError(line, "must be one JSON object with one key, e.g. {\"tap\":[100,200]}");
    }
    ReplayStep s;
    s.line = line;
    const auto& [key, v] = *j.items().begin();
    auto numbers = [&](std::size_t n) -> bool {
        if (!v.is_array() || v.size() != n) return false;
        for (const auto& x : v)
            if (!x.is_number() || x.get<double>() < 0 || x.get<double>() > 100000) return false;
        return true;
    };
    if (key == "tap") {
        if (!numbers(2)) return StepError(line, "tap needs [x, y]");
        s.kind = ReplayStep::Kind::kTap, s.x1 = v[0].get<float>(), s.y1 = v[1].get<float>();
    } else if (key == "drag") {
        if (!numbers(5)) return StepError(line, "drag needs [x1, y1, x2, y2, ms]");
        s.kind = ReplayStep::Kind::kDrag;
        s.x1 = v[0].get<float>(), s.y1 = v[1].get<float>(), s.x2 = v[2].get<float>(), s.y2 = v[3].get<float>();
        s.ms = v[4].get<double>();
    } else if (key == "wait_ms") {
        if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 24 * 3600 * 1000.0) return StepError(line, "wait_ms needs a number of milliseconds");
        s.kind = ReplayStep::Kind::kWait, s.ms = v.get<double>();
    } else if (key == "tap_text" || key == "type" || key == "shot" || key == "expect_text") {
        if (!v.is_string() || v.get<std::string>().empty()) return StepError(line, key + " needs a non-empty text");
        s.text = v.get<std::string>();
        s.kind = key == "tap_text" ? ReplayStep::Kind::kTapText
               : key == "type"     ? ReplayStep::Kind::kType
               : key == "shot"     ? ReplayStep::Kind::kShot
                                   : ReplayStep::Kind::kExpectText;
    } else {
        return StepError(line, "unknown step \"" + key + "\" (tap, tap_text, drag, type, wait_ms, shot, expect_text)");
    }
    return s;
}

const ui::TraceEntry* FindVisibleText(const App& app, const std::string& text, bool tappable_only) {
    for (const auto& e : app.frame.trace)
        if (e.text == text && e.tappable) return &e;
    if (tappable_only) return nullptr;
    for (const auto& e : app.frame.trace)
        if (e.text == text) return &e;
    return nullptr;
}

int RunReplay(App& app, const std::string& path, const ReplayDriver& drive) {
    std::ifstream in(path);
    if (!in) {
        std::cerr << "civic-kiosk: cannot open replay file " << path << "\n";
        return kExitInput;
    }
    std::vector<ReplayStep> steps;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        Result<ReplayStep> s = ParseReplayStep(line, n);
        if (!s.ok()) {
            std::cerr << "civic-kiosk: " << path << ": " << s.error().message << "\n";
            return kExitUsage;
        }
        steps.push_back(*s);
    }
    using K = InputEvent::Kind;
    auto tap = [&](float x, float y) -> Status {
        return drive({{K::kPointerMove, x, y, {}}, {K::kPointerDown, x, y, {}}, {K::kPointerUp, x, y, {}}}, 0.1, "");
    };
    // The first frame, so that tap_text and expect_text have something to look at.
    if (Status s = drive({}, 0, ""); !s.ok()) {
        std::cerr << "civic-kiosk: " << s.error().message << "\n";
        return kExitFailure;
    }
    for (const ReplayStep& step : steps) {
        Status st;
        switch (step.kind) {
            case ReplayStep::Kind::kTap: st = tap(step.x1, step.y1); break;
            case ReplayStep::Kind::kTapText: {
                const ui::TraceEntry* e = FindVisibleText(app, step.text, true);
                if (!e) {
                    st = StepError(step.line, "no visible widget shows \"" + step.text + "\"; visible: " + VisibleTexts(app));
                    break;
                }
                const ImVec2 c((e->min.x + e->max.x) * 0.5f, (e->min.y + e->max.y) * 0.5f);
                st = tap(c.x, c.y);
                break;
            }
            case ReplayStep::Kind::kDrag: {
                const int n = std::max(2, static_cast<int>(step.ms / 16.0));
                st = drive({{K::kPointerMove, step.x1, step.y1, {}}, {K::kPointerDown, step.x1, step.y1, {}}}, 0, "");
                for (int i = 1; i <= n && st.ok(); ++i) {
                    const float t = static_cast<float>(i) / static_cast<float>(n);
                    st = drive({{K::kPointerMove, step.x1 + (step.x2 - step.x1) * t, step.y1 + (step.y2 - step.y1) * t, {}}},
                               step.ms / 1000.0 / n, "");
                }
                if (st.ok()) st = drive({{K::kPointerUp, step.x2, step.y2, {}}}, 0, "");
                break;
            }
            case ReplayStep::Kind::kType: st = drive({{K::kText, 0, 0, step.text}}, 0, ""); break;
            case ReplayStep::Kind::kWait: {
                // Simulated time: one frame per simulated second keeps long waits (idle reset) fast.
                double left = step.ms / 1000.0;
                while (left > 0 && st.ok()) {
                    const double chunk = std::min(1.0, left);
                    st = drive({}, chunk, "");
                    left -= chunk;
                }
                break;
            }
            case ReplayStep::Kind::kShot: st = drive({}, 0, step.text); break;
            case ReplayStep::Kind::kExpectText:
                if (!FindVisibleText(app, step.text, false)) {
                    st = StepError(step.line, "expected text \"" + step.text + "\" is not visible; visible: " + VisibleTexts(app));
                }
                break;
        }
        if (!st.ok()) {
            std::cerr << "civic-kiosk: replay failed at " << path << ": " << st.error().message << "\n";
            return kExitFailure;
        }
    }
    return kExitOk;
}

}  // namespace ck::kiosk
