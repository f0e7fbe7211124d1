// Labels more than one screen shows, built from the catalogues in one place.
#pragma once

#include <string>

#include "app/app.h"
#include "ui/on_screen_keyboard.h"

namespace ck::kiosk {

// An idea category's name in the UI language; a city's own category without a translation shows its key.
std::string CategoryName(App& app, const std::string& key);
// The on-screen keyboard's special keys in the UI language.
ui::KeyboardLabels KeyboardLabelsFor(App& app);

}  // namespace ck::kiosk
