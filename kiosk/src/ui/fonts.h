// Fonts in one place: the few sizes the layout needs, with the Arabic font merged in, built for one scale.
// Rebuilt between frames when the scale (window size or large-text mode) changes.
#pragma once

#include "core/result.h"
#include "locales/fonts.h"
#include "ui/ui_frame.h"

namespace ck::ui {

// Clears the atlas and builds the sizes of units:: scaled by `scale`. The renderer's font texture must be
// recreated afterwards.
Result<Fonts> LoadFonts(const loc::FontFiles& files, float scale);
// How much larger the Arabic font is baked than the Latin one so that both have the same em size.
float ArabicSizeFactor(const loc::FontFiles& files);

// Frees the atlas pixels Dear ImGui keeps on the CPU (one byte and four bytes per texel) once the renderer
// has its texture: glyph positions stay, and nothing reads the pixels again before the next LoadFonts.
void ReleaseFontPixels();

}  // namespace ck::ui
