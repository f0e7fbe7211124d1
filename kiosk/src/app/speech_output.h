// Speech output for a visitor session (EN 301 549 clause 5): what the kiosk says and when. Only while the
// visitor has switched speech on: the heading of every screen and dialog when it changes, the element a tap
// names in explore mode, each key typed on the on-screen keyboard, errors, the idea's receipt (its code
// spelled out), the idle warning. Nothing on the admin screen. A new touch or key stops what is being said.
// The speech thread is speech::Speaker (App::speaker); this file decides the texts, on the UI thread.
#pragma once

#include <string>

#include "speech/synthesizer.h"

namespace ck::kiosk {

struct App;

// Part of VisitorSession: a session reset forgets all of it (and the speaker's rate, volume and last text).
struct SpeechSession {
    bool on = false;       // speech output for this visitor
    bool explore = false;  // explore by touch (only with speech on)
    speech::Settings settings;
    // What was last heard (or would have been, while speech was off), so only changes are spoken.
    std::string heading;
    std::string error;
    std::string receipt_code;
    bool idle_warning = false;
    // The attract screen's hold-to-speak gesture: when the finger went down, and whether it fired.
    double hold_start_s = -1;
    bool hold_fired = false;
};

// How long one finger rests on the attract screen to switch speech and explore by touch on.
inline constexpr double kHoldToSpeakS = 3.0;

// Before the widgets of a frame: arms the explore gate, and stops speech when a new touch begins.
void SpeechFrameStart(App& app);
// After the frame was drawn: speaks what changed.
void SpeechFrameEnd(App& app);
// Speech on or off for this visitor; explore by touch switches speech on with it and says how it works.
void SetSpeech(App& app, bool on);
void SetExplore(App& app, bool on);
void SpeakSlower(App& app);
void SpeakFaster(App& app);
void SpeakQuieter(App& app);
void SpeakLouder(App& app);
void SpeakAgain(App& app);
// Says a text in the UI language, if speech is on (remember: what "repeat" says again).
void Say(App& app, const std::string& text, bool remember = true);
// Says a text in another language, with its voice (a language's own name); never remembered.
void SayIn(App& app, const std::string& lang, const std::string& text);
// A new visitor: silence, and the speaker's defaults.
void ResetSpeech(App& app);

}  // namespace ck::kiosk
