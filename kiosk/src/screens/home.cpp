// Home: six large tiles. 3x2 in landscape, 2x3 in portrait.
#include <imgui.h>

#include "screens/screens.h"
#include "ui/widgets.h"

namespace ck::kiosk {

void DrawHome(App& app) {
    const ui::UiFrame& f = app.frame;
    const float width = BeginScreenBody(app, "kiosk.home.title");
    struct Tile {
        const char* id;
        const char* title;
        const char* subtitle;
        ui::Icon icon;
    };
    const Tile tiles[] = {
        {"##services", "kiosk.home.services", "kiosk.home.services_sub", ui::Icon::kServices},
        {"##ideas", "kiosk.home.ideas", "kiosk.home.ideas_sub", ui::Icon::kIdeas},
        {"##live", "kiosk.home.live", "kiosk.home.live_sub", ui::Icon::kLive},
        {"##language", "kiosk.home.language", "kiosk.home.language_sub", ui::Icon::kLanguage},
        {"##accessibility", "kiosk.home.accessibility", "kiosk.home.accessibility_sub",
         ui::Icon::kAccessibility},
        {"##privacy", "kiosk.home.privacy", "kiosk.home.privacy_sub", ui::Icon::kPrivacy},
    };
    const int cols = f.layout.portrait ? 2 : 3;
    const int rows = 6 / cols;
    const float gap = ui::LayoutScale(ui::units::kGap);
    const float avail_h = ImGui::GetContentRegionAvail().y;
    const ImVec2 tile((width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols),
                      std::min((avail_h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows),
                               ui::LayoutScale(ui::units::kTileMaxHeight)));
    for (int i = 0; i < 6; ++i) {
        const int col = i % cols;  // right to left, the widget layer mirrors the grid
        ImGui::SetCursorPos(
            ImVec2(static_cast<float>(col) * (tile.x + gap), static_cast<float>(i / cols) * (tile.y + gap)));
        if (ui::TileButton(tiles[i].id, app.T(tiles[i].title), app.T(tiles[i].subtitle), tiles[i].icon,
                           tile)) {
            switch (i) {
                case 0:
                    app.nav.Push(ScreenId::kServices);
                    break;
                case 1:
                    RefreshIdeaList(app.session.ideas, StoreOf(app));
                    app.nav.Push(ScreenId::kIdeas);
                    break;
                case 2:
                    RefreshLive(app);
                    app.nav.Push(ScreenId::kLive);
                    break;
                case 3:
                    app.session.language_dialog = true;
                    break;
                case 4:
                    app.session.accessibility_dialog = true;
                    break;
                case 5:
                    app.nav.Push(ScreenId::kPrivacy);
                    break;
            }
        }
    }
    EndScreenBody(app);
}

}  // namespace ck::kiosk
