#include "screens/labels.h"

namespace ck::kiosk {

std::string CategoryName(App& app, const std::string& key) {
    if (key.empty()) return {};
    const std::string msg_key = "kiosk.ideas.category." + key;
    const std::string& text = app.T(msg_key);
    return text == msg_key ? key : text;
}

ui::KeyboardLabels KeyboardLabelsFor(App& app) {
    return ui::KeyboardLabels{app.T("kiosk.keyboard.space"),       app.T("kiosk.keyboard.done"),
                              app.T("kiosk.keyboard.symbols"),     app.T("kiosk.keyboard.letters"),
                              app.T("kiosk.keyboard.next_layout"), app.T("kiosk.keyboard.shift"),
                              app.T("kiosk.keyboard.backspace")};
}

}  // namespace ck::kiosk
