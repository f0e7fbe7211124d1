// The idea settings participation works with, built from the configuration in one place: the kiosk and the
// `idea submit` command must apply the same categories, districts, map, limits and word list.
#pragma once

#include "app/config.h"
#include "core/result.h"
#include "participation/idea.h"

namespace ck::kiosk {

// Copies config.ideas, loads the word lists (errors name ideas.wordlist_dir) and validates the result.
Result<part::IdeaSettings> IdeaSettingsFromConfig(const Config& config);

}  // namespace ck::kiosk
