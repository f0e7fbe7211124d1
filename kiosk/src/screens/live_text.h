// The words of a live value, shared by the live screen, its detail view and the attract screen's tile.
#pragma once

#include <string>

#include "app/app.h"

namespace ck::kiosk {

struct TileTexts {
    std::string title;   // the tile's title from the catalogue
    std::string name;    // the place, as published (or this kiosk's site)
    std::string value;   // figure and unit, "132 of 420", a level word
    std::string detail;  // the second line
    std::string age;     // "as of 14:05, 12 min ago"; an outdated value says so first
};
TileTexts TextsFor(App& app, const od::TileEntry& entry);
// A figure in the visitor's locale with its unit symbol ("7,5 °C").
std::string FigureText(App& app, double value, int decimals, const std::string& unit);
// Empty while the platform answers; otherwise when it was last reached ("never" included). Also empty
// when no platform is configured (then there is nothing to be offline from).
std::string OfflineLine(App& app);

}  // namespace ck::kiosk
