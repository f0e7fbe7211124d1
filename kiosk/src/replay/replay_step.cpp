#include "replay/replay_step.h"

#include <nlohmann/json.hpp>

#include "core/quote.h"

namespace ck::kiosk {
Error ReplayStepError(int line, const std::string& what) {
    return MakeError("replay.step", "line " + std::to_string(line) + ": " + what);
}

Result<ReplayStep> ParseReplayStep(const std::string& text, int line) {
    // Say what is wrong: a visitor script is written by hand, and "not one object" helps nobody when the
    // real problem is an encoding or a number.
    if (const auto bad = FirstInvalidUtf8(text)) {
        return ReplayStepError(line, "invalid UTF-8 at byte " + std::to_string(*bad) + " (counted from 0)");
    }
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        return ReplayStepError(
            line, "not valid JSON (at byte " + std::to_string(e.byte) +
                      "): each line must be one JSON object with one key, e.g. {\"tap\":[100,200]}");
    } catch (const nlohmann::json::out_of_range&) {
        return ReplayStepError(line, "a number is out of range");
    }
    if (!j.is_object())
        return ReplayStepError(line, "must be one JSON object with one key, e.g. {\"tap\":[100,200]}");
    if (j.size() != 1) {
        return ReplayStepError(
            line, "must be one JSON object with one key, e.g. {\"tap\":[100,200]}; this one has " +
                      std::to_string(j.size()));
    }
    ReplayStep s;
    s.line = line;
    // Plain references, not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    const std::string& key = j.begin().key();
    const nlohmann::json& v = j.begin().value();
    auto numbers = [&](std::size_t n) -> bool {
        if (!v.is_array() || v.size() != n) return false;
        for (const auto& x : v)
            if (!x.is_number() || x.get<double>() < 0 || x.get<double>() > 100000) return false;
        return true;
    };
    if (key == "tap") {
        if (!numbers(2)) return ReplayStepError(line, "tap needs [x, y]");
        s.kind = ReplayStep::Kind::kTap, s.x1 = v[0].get<float>(), s.y1 = v[1].get<float>();
    } else if (key == "drag") {
        if (!numbers(5)) return ReplayStepError(line, "drag needs [x1, y1, x2, y2, ms]");
        s.kind = ReplayStep::Kind::kDrag;
        s.x1 = v[0].get<float>(), s.y1 = v[1].get<float>(), s.x2 = v[2].get<float>(),
        s.y2 = v[3].get<float>();
        s.ms = v[4].get<double>();
    } else if (key == "wait_ms") {
        if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 24 * 3600 * 1000.0) {
            return ReplayStepError(line, "wait_ms needs a number of milliseconds from 0 to 86400000");
        }
        s.kind = ReplayStep::Kind::kWait, s.ms = v.get<double>();
    } else if (key == "tap_text" || key == "type" || key == "shot" || key == "expect_text") {
        if (!v.is_string() || v.get<std::string>().empty())
            return ReplayStepError(line, key + " needs a non-empty text");
        s.text = v.get<std::string>();
        s.kind = key == "tap_text" ? ReplayStep::Kind::kTapText
                 : key == "type"   ? ReplayStep::Kind::kType
                 : key == "shot"   ? ReplayStep::Kind::kShot
                                   : ReplayStep::Kind::kExpectText;
    } else {
        return ReplayStepError(line, "unknown step " + QuoteInput(key) +
                                         " (tap, tap_text, drag, type, wait_ms, shot, expect_text)");
    }
    return s;
}

}  // namespace ck::kiosk
