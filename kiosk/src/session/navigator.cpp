#include "session/navigator.h"

namespace ck::kiosk {

namespace {
constexpr std::string_view kNames[] = {"attract", "home",     "services",     "service-detail",
                                       "ideas",   "idea-new", "idea-receipt", "live",
                                       "privacy", "admin",    "live-detail",  "datasets"};
}

std::string_view ScreenName(ScreenId id) { return kNames[static_cast<int>(id)]; }

std::optional<ScreenId> ScreenFromName(std::string_view name) {
    for (ScreenId id : kAllScreens)
        if (ScreenName(id) == name) return id;
    return std::nullopt;
}

bool Navigator::ApplyPending() {
    if (!pending_) return false;
    const ScreenId before = current();
    const std::size_t depth_before = stack_.size();
    const Pending p = *pending_;
    pending_.reset();
    switch (p.kind) {
        case Kind::kPush:
            if (current() != p.id) stack_.push_back(p.id);
            break;
        case Kind::kReplace:
            stack_.back() = p.id;
            break;
        case Kind::kBack:
            if (stack_.size() > 1) stack_.pop_back();
            break;
        case Kind::kHome:
            stack_ = {ScreenId::kAttract, ScreenId::kHome};
            break;
        case Kind::kReset:
            stack_ = {ScreenId::kAttract};
            break;
    }
    return current() != before || stack_.size() != depth_before;
}

}  // namespace ck::kiosk
