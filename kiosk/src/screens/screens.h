// One screen, one file, one draw function. Each reads and writes only its own state in the visitor session,
// and changes screens through app.nav (applied at the start of the next frame).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/app.h"
#include "ui/on_screen_keyboard.h"

namespace ck::kiosk {

void DrawAttract(App& app);
void DrawHome(App& app);
void DrawServices(App& app);
void DrawServiceDetail(App& app);
void DrawIdeas(App& app);
void DrawIdeaNew(App& app);
void DrawIdeaReceipt(App& app);
void DrawLive(App& app);
void DrawPrivacy(App& app);
void DrawAdmin(App& app);
void DrawLiveDetail(App& app);
void DrawDatasets(App& app);

// Language and accessibility dialogs, the idle warning: drawn over whatever screen is current.
void DrawOverlays(App& app);

// The frame every visitor screen shares: status bar on top, title, navigation bar (back, home) at the bottom.
// BeginScreenBody returns the content width; the body goes between the two calls.
float BeginScreenBody(App& app, std::string_view title_key);
void EndScreenBody(App& app);
// The privacy screen's sections (title, text) in the localizer's language, with every figure and name
// taken from the configuration (idle reset, counting interval, controller, contact, legal basis), never
// from the catalogue: another city or another timeout must not make the privacy statement wrong.
struct PrivacySection {
    std::string title, text;
};
std::vector<PrivacySection> PrivacySections(loc::Localizer& loc, const Config& config);
// A search field over `query` (services, datasets): a tap opens the on-screen keyboard, and while it is open
// a physical keyboard types into it too. Returns the caret the on-screen keyboard below then edits.
std::size_t& SearchField(App& app, ui::KeyboardState& keyboard, std::string& query, bool& keyboard_open,
                         std::string_view placeholder_key, const ui::TextLimit& limit, float width);
// The honest placeholder for content a later release delivers.
void NotAvailableYet(App& app, float width);
// Speech (screens/speech_controls.cpp). The clearly marked switch for explore by touch (attract and home);
// its width for a layout that places it.
bool SpeechSwitch(App& app, const char* id, ImVec2 size);
float SpeechSwitchWidth(App& app);
// The accessibility panel's speech block: speech and explore on/off, repeat, slower, faster, quieter, louder.
void SpeechControls(App& app, float width);
// Explore mode's large "activate" bar over the status bar: performs the element last named.
void DrawActivateBar(App& app);

}  // namespace ck::kiosk
