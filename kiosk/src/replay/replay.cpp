#include "replay/replay.h"

#include <iostream>
#include <sstream>

#include "app/input_file.h"
#include "cli/commands.h"
#include "core/quote.h"

namespace ck::kiosk {
namespace {

constexpr std::size_t kMaxReplayBytes = 64 * 1024 * 1024;
// A screen that animates for ever (the admin's camera preview) must not turn a long wait into a frame per
// simulated second: after this many one-second frames the wait jumps to the next deadline.
constexpr int kMaxAnimationChunks = 120;

std::string VisibleTexts(const App& app) {
    std::string out;
    for (const auto& e : app.frame.trace) {
        if (out.size() > 600) {
            out += ", ...";
            break;
        }
        out += (out.empty() ? "" : ", ") + QuoteInput(e.text, 60);
    }
    return out;
}

}  // namespace

const ui::TraceEntry* FindVisibleText(const App& app, const std::string& text, bool tappable_only) {
    for (const auto& e : app.frame.trace)
        if (e.text == text && e.tappable) return &e;
    if (tappable_only) return nullptr;
    for (const auto& e : app.frame.trace)
        if (e.text == text) return &e;
    return nullptr;
}

int RunReplay(App& app, const std::string& path, const ReplayDriver& drive) {
    Result<std::string> text = ReadRegularFile(path, kMaxReplayBytes);
    if (!text.ok()) {
        std::cerr << "civic-kiosk: replay file " << text.error().message << "\n";
        return kExitInput;
    }
    std::vector<ReplayStep> steps;
    std::istringstream in(*text);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        Result<ReplayStep> s = ParseReplayStep(line, n);
        if (!s.ok()) {
            std::cerr << "civic-kiosk: " << QuoteInput(path) << ": " << s.error().message << "\n";
            return kExitUsage;
        }
        steps.push_back(*s);
    }
    if (steps.empty()) {
        std::cerr << "civic-kiosk: replay file " << QuoteInput(path)
                  << " has no steps (it is empty or blank)\n";
        return kExitInput;
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
                    st = ReplayStepError(step.line, "no visible widget shows " + QuoteInput(step.text) +
                                                        "; visible: " + VisibleTexts(app));
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
                // Simulated time, drawn only when the app has something to show: at its idle deadlines (the
                // warning, each countdown second, the reset) and while an animation settles. A 24-hour wait
                // costs a few dozen frames, not one per second.
                double left = step.ms / 1000.0;
                int animation_chunks = 0;
                while (left > 0 && st.ok()) {
                    double chunk = left;
                    const double to_deadline = app.idle.NextDeadline(app.now_s) - app.now_s;
                    if (to_deadline < chunk) chunk = std::max(to_deadline, 1.0 / 60.0);
                    if (WantsAnimation(app) && animation_chunks++ < kMaxAnimationChunks)
                        chunk = std::min(chunk, 1.0);
                    chunk = std::min(chunk, left);
                    st = drive({}, chunk, "");
                    left -= chunk;
                }
                break;
            }
            case ReplayStep::Kind::kShot: st = drive({}, 0, step.text); break;
            case ReplayStep::Kind::kExpectText:
                if (!FindVisibleText(app, step.text, false)) {
                    st = ReplayStepError(step.line, "expected text " + QuoteInput(step.text) +
                                                        " is not visible; visible: " + VisibleTexts(app));
                }
                break;
        }
        if (!st.ok() && st.error().code == kReplayStopped) {
            std::cerr << "civic-kiosk: replay stopped (SIGTERM or SIGINT) at line " << step.line << " of "
                      << QuoteInput(path) << "\n";
            return kExitFailure;
        }
        if (!st.ok()) {
            std::cerr << "civic-kiosk: replay failed at " << QuoteInput(path) << ": " << st.error().message
                      << "\n";
            return kExitFailure;
        }
    }
    return kExitOk;
}

}  // namespace ck::kiosk
