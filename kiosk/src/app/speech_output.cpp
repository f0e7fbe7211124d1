#include "app/speech_output.h"

#include <imgui.h>

#include <cmath>

#include "app/app.h"
#include "speech/speaker.h"

namespace ck::kiosk {
namespace {

bool Silent(const App& app) {
    // The admin screen says nothing at all: not its title, not a key of the PIN pad.
    return !app.session.speech.on || app.nav.current() == ScreenId::kAdmin;
}

std::string KeyName(App& app, const std::string& label) {
    if (label == "\u2190") return app.T("kiosk.speech.key_left");  // the keyboard's drawn arrows
    if (label == "\u2192") return app.T("kiosk.speech.key_right");
    return label;
}

const char* RoleKey(const ui::Announcement& a) {
    switch (a.role) {
        case ui::Role::kKey:
            return nullptr;  // typing letter by letter: the letter alone is quicker to hear
        case ui::Role::kButton:
            return "kiosk.speech.role_button";
        case ui::Role::kCheckBox:
            return a.checked ? "kiosk.speech.role_checkbox_on" : "kiosk.speech.role_checkbox_off";
        case ui::Role::kTextField:
            return "kiosk.speech.role_text_field";
    }
    return nullptr;
}

// Says the element a tap named: "Services, button". A field that may hold personal data says only whether
// it is filled. A label in another language than the UI's (the language picker's "العربية") is said by its
// own language's voice, the role after it by the UI's.
void Announce(App& app, const ui::Announcement& a) {
    const std::string label = KeyName(app, a.label);
    const char* role = RoleKey(a);
    if (!role) {
        Say(app, label, false);
    } else if (!a.lang.empty() && a.lang != app.session.language) {
        SayIn(app, a.lang, label);
        Say(app, app.T(role), false);
    } else if (a.filled) {
        Say(app,
            app.loc->Format("kiosk.speech.field", {{"label", label},
                                                   {"role", app.T(role)},
                                                   {"state", app.T(*a.filled ? "kiosk.speech.field_filled"
                                                                             : "kiosk.speech.field_empty")}}),
            false);
    } else {
        Say(app, app.loc->Format("kiosk.speech.element", {{"label", label}, {"role", app.T(role)}}), false);
    }
}

// One step of rate or volume: the session keeps it (a reset forgets it), the speaker takes it for what it
// says next, and the visitor hears the button's name with the new setting.
void StepSettings(App& app, speech::Settings (*step)(speech::Settings), const char* said_key) {
    SpeechSession& s = app.session.speech;
    s.settings = step(s.settings);
    if (app.speaker) app.speaker->SetSettings(s.settings);
    Say(app, app.T(said_key), false);
}

std::string IdleWarning(App& app) {
    const auto left = static_cast<std::int64_t>(std::ceil(std::max(0.0, app.idle.SecondsLeft(app.now_s))));
    return app.T("kiosk.idle.title") + " " + app.loc->Format("kiosk.idle.countdown", {{"seconds", left}}) +
           " " + app.T("kiosk.idle.continue");
}

}  // namespace

void Say(App& app, const std::string& text, bool remember) {
    if (!app.speaker || Silent(app) || text.empty()) return;
    app.speaker->Say(speech::Utterance{app.session.language, text}, remember);
}

void SayIn(App& app, const std::string& lang, const std::string& text) {
    if (!app.speaker || Silent(app) || text.empty()) return;
    app.speaker->Say(speech::Utterance{lang, text}, false);
}

void SpeechFrameStart(App& app) {
    ui::ExploreState& e = app.frame.explore;
    e.enabled = app.session.speech.explore && app.nav.current() != ScreenId::kAdmin &&
                app.nav.current() != ScreenId::kAttract;
    ui::BeginExploreFrame();
    app.frame.heading.clear();
    // "Stops on the next action": any new touch, and any key of a physical keyboard, silences what is being
    // said.
    const bool action = ImGui::GetIO().MouseClicked[0] || !app.typed_text.empty() || app.typed_backspaces > 0;
    if (app.speaker && app.session.speech.on && action) app.speaker->Interrupt();
}

void SpeechFrameEnd(App& app) {
    SpeechSession& s = app.session.speech;
    if (app.frame.explore.announce) Announce(app, *app.frame.explore.announce);
    if (app.frame.explore.key_echo) Say(app, KeyName(app, *app.frame.explore.key_echo), false);
    const bool warning = app.idle.Phase(app.now_s) == IdlePhase::kWarning;
    if (warning && !s.idle_warning) {
        Say(app, IdleWarning(app));
        s.heading = app.frame.heading;  // the warning's title was said with it
    }
    s.idle_warning = warning;
    if (!app.frame.heading.empty() && app.frame.heading != s.heading) {
        s.heading = app.frame.heading;
        Say(app, s.heading);
    }
    const std::string& error = app.session.ideas.list_error_key.empty() ? app.session.ideas.wizard_error_key
                                                                        : app.session.ideas.list_error_key;
    if (error != s.error) {
        s.error = error;
        if (!error.empty()) Say(app, app.T(error));
    }
    // Said on the receipt screen, after its heading ("Thank you!"), not in the frame that submitted.
    const auto& receipt = app.session.ideas.wizard.receipt;
    const std::string code =
        receipt && app.nav.current() == ScreenId::kIdeaReceipt ? receipt->reference_code : std::string();
    if (code != s.receipt_code) {
        s.receipt_code = code;
        if (!code.empty())
            Say(app, app.loc->Format("kiosk.speech.idea_saved", {{"code", speech::SpellOut(code)}}));
    }
}

void SetSpeech(App& app, bool on) {
    SpeechSession& s = app.session.speech;
    if (!on) {
        if (app.speaker) app.speaker->Interrupt();
        s.on = s.explore = false;
        return;
    }
    s.on = true;
    if (app.speaker) app.speaker->SetSettings(s.settings);
    Say(app, app.T("kiosk.speech.speech_on"));
}

void SetExplore(App& app, bool on) {
    SpeechSession& s = app.session.speech;
    if (on) {
        s.on = true;
        s.explore = true;
        if (app.speaker) app.speaker->SetSettings(s.settings);
        Say(app, app.T("kiosk.speech.explore_on"));
    } else {
        s.explore = false;
        ui::ClearExploreFocus(app.frame.explore);
        Say(app, app.T("kiosk.speech.explore_off"));
    }
}

void SpeakSlower(App& app) {
    StepSettings(app, speech::Slower, "kiosk.accessibility.slower");
}

void SpeakFaster(App& app) {
    StepSettings(app, speech::Faster, "kiosk.accessibility.faster");
}

void SpeakQuieter(App& app) {
    StepSettings(app, speech::Quieter, "kiosk.accessibility.quieter");
}

void SpeakLouder(App& app) {
    StepSettings(app, speech::Louder, "kiosk.accessibility.louder");
}

void SpeakAgain(App& app) {
    if (app.speaker && !Silent(app)) app.speaker->Repeat();
}

void ResetSpeech(App& app) {
    if (app.speaker) app.speaker->Reset();
    ui::ClearExploreFocus(app.frame.explore);
}

}  // namespace ck::kiosk
