// The words of a live value, shared by the live screen, its detail view and the attract screen's tile.
#pragma once

#include <string>

#include "app/app.h"

namespace ck::kiosk {

// The texts of app.live.entries[index]. Formatted for all entries at once and kept (live.texts) until the
// entries are reloaded, the language changes or the clock enters another minute (the age texts count
// minutes), so drawing a frame formats nothing.
const TileTexts& TextsFor(App& app, std::size_t index);
// A figure in the visitor's locale with its unit symbol ("7,5 °C"). Right to left, the unit is isolated as a
// left-to-right run, so that it keeps its own order ("°C", "km/h") and follows the number in reading order:
// on its left ("°C ٧٫٥").
std::string FigureText(App& app, double value, int decimals, const std::string& unit);
// A unit symbol as FigureText places it (isolated left to right in a right-to-left UI).
std::string UnitText(App& app, const std::string& unit);
// Empty while the platform answers; otherwise when it was last reached ("never" included). Also empty
// when no platform is configured (then there is nothing to be offline from).
const std::string& OfflineLine(App& app);

}  // namespace ck::kiosk
