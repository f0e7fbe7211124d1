// Config -> the counting service's settings, for the kiosk's background counter.
#pragma once

#include "app/config.h"
#include "counting/counting_service.h"

namespace ck::kiosk {

counting::CountingSettings ToCountingSettings(const Config& config);

}  // namespace ck::kiosk
