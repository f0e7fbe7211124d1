// Which screen is shown: a stack with home and back, and changes deferred to the start of the next frame so a
// screen never disappears while it is drawing itself.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace ck::kiosk {

enum class ScreenId {
    kAttract,
    kHome,
    kServices,
    kServiceDetail,
    kIdeas,
    kIdeaNew,
    kIdeaReceipt,
    kLive,
    kPrivacy,
    kAdmin,
    kLiveDetail,  // one tile value's history chart
    kDatasets,    // the city's open datasets (CKAN)
};

inline constexpr ScreenId kAllScreens[] = {
    ScreenId::kAttract, ScreenId::kHome,    ScreenId::kServices,    ScreenId::kServiceDetail,
    ScreenId::kIdeas,   ScreenId::kIdeaNew, ScreenId::kIdeaReceipt, ScreenId::kLive,
    ScreenId::kPrivacy, ScreenId::kAdmin,   ScreenId::kLiveDetail,  ScreenId::kDatasets};

// The CLI names ("service-detail", ...).
std::string_view ScreenName(ScreenId id);
std::optional<ScreenId> ScreenFromName(std::string_view name);

class Navigator {
public:
    Navigator() : stack_{ScreenId::kAttract} {}

    ScreenId current() const { return stack_.back(); }
    std::size_t depth() const { return stack_.size(); }
    bool can_go_back() const { return stack_.size() > 1 && current() != ScreenId::kHome; }

    // Requests; applied by ApplyPending() at the start of the next frame.
    void Push(ScreenId id) { pending_ = Pending{Kind::kPush, id}; }
    void Replace(ScreenId id) { pending_ = Pending{Kind::kReplace, id}; }
    void Back() { pending_ = Pending{Kind::kBack, ScreenId::kHome}; }
    void Home() { pending_ = Pending{Kind::kHome, ScreenId::kHome}; }
    void Reset() { pending_ = Pending{Kind::kReset, ScreenId::kAttract}; }
    bool has_pending() const { return pending_.has_value(); }

    // Returns true if the screen changed.
    bool ApplyPending();

private:
    enum class Kind { kPush, kReplace, kBack, kHome, kReset };
    struct Pending {
        Kind kind;
        ScreenId id;
    };
    std::vector<ScreenId> stack_;
    std::optional<Pending> pending_;
};

}  // namespace ck::kiosk
