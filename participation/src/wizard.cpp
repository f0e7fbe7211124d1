#include "participation/wizard.h"

#include <algorithm>
#include <utility>

namespace ck::part {
namespace {

bool Configured(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// The review shows what will be sent, so accepted text replaces what was typed.
void StoreSanitised(WizardStep step, IdeaDraft& draft) {
    if (step == WizardStep::kTitle) {
        if (Result<std::string> t = SanitizeText(draft.title, TitleLimits())) draft.title = std::move(*t);
    } else if (step == WizardStep::kDescription) {
        if (Result<std::string> d = SanitizeText(draft.description, DescriptionLimits())) {
            draft.description = std::move(*d);
        }
    } else if (step == WizardStep::kContact && draft.contact_consent) {
        if (Result<std::string> e = ValidateEmail(draft.contact_email)) draft.contact_email = std::move(*e);
    }
}

// Securely forgetting typed text: overwrite the buffers before they are released.
void Wipe(std::string& s) {
    std::fill(s.begin(), s.end(), '\0');
    s.clear();
    s.shrink_to_fit();
}

}  // namespace

const char* ToString(WizardStep step) {
    switch (step) {
        case WizardStep::kTitle:
            return "title";
        case WizardStep::kDescription:
            return "description";
        case WizardStep::kCategory:
            return "category";
        case WizardStep::kDistrict:
            return "district";
        case WizardStep::kPlace:
            return "place";
        case WizardStep::kContact:
            return "contact";
        case WizardStep::kReview:
            return "review";
        case WizardStep::kSubmitted:
            return "submitted";
    }
    return "title";
}

Status ValidateStep(WizardStep step, const IdeaDraft& draft, const IdeaSettings& settings) {
    switch (step) {
        case WizardStep::kTitle: {
            Result<std::string> t = SanitizeText(draft.title, TitleLimits());
            if (!t) return t.error();
            return {};
        }
        case WizardStep::kDescription: {
            Result<std::string> d = SanitizeText(draft.description, DescriptionLimits());
            if (!d) return d.error();
            return {};
        }
        case WizardStep::kCategory:
            if (draft.category.empty()) return MakeError("ideas.category.required", "category: required");
            if (!Configured(settings.categories, draft.category)) {
                return MakeError("ideas.category.invalid", "category: not one of the configured categories");
            }
            return {};
        case WizardStep::kDistrict:
            if (!draft.district.empty() && !Configured(settings.districts, draft.district)) {
                return MakeError("ideas.district.invalid", "district: not one of the configured districts");
            }
            return {};
        case WizardStep::kPlace:
            return ValidateMapPlace(draft, settings);
        case WizardStep::kContact: {
            Result<std::optional<std::string>> contact = ValidateContact(draft);
            if (!contact) return contact.error();
            return {};
        }
        case WizardStep::kReview:
        case WizardStep::kSubmitted:
            return {};
    }
    return {};
}

Status WizardNext(WizardState& state, const IdeaSettings& settings) {
    if (state.step == WizardStep::kSubmitted) return {};
    if (state.step == WizardStep::kReview) {
        for (int s = static_cast<int>(WizardStep::kTitle); s < static_cast<int>(WizardStep::kReview); ++s) {
            if (Status v = ValidateStep(static_cast<WizardStep>(s), state.draft, settings); !v) return v;
        }
        return {};
    }
    if (Status v = ValidateStep(state.step, state.draft, settings); !v) return v;
    StoreSanitised(state.step, state.draft);
    if (state.editing_from_review) {
        state.editing_from_review = false;
        state.step = WizardStep::kReview;
    } else {
        state.step = static_cast<WizardStep>(static_cast<int>(state.step) + 1);
    }
    return {};
}

void WizardBack(WizardState& state) {
    if (state.step == WizardStep::kSubmitted || state.step == WizardStep::kTitle) {
        if (!state.editing_from_review) return;
    }
    if (state.editing_from_review) {
        state.editing_from_review = false;
        state.step = WizardStep::kReview;
        return;
    }
    state.step = static_cast<WizardStep>(static_cast<int>(state.step) - 1);
}

Status WizardGoTo(WizardState& state, WizardStep target) {
    if (state.step != WizardStep::kReview || target >= WizardStep::kReview) {
        return MakeError("ideas.wizard.invalid_step",
                         "only input steps can be opened, and only from the review");
    }
    state.step = target;
    state.editing_from_review = true;
    return {};
}

Status WizardPlaceOnMap(WizardState& state, GeoPoint point, const IdeaSettings& settings) {
    if (!HasMap(settings.map)) return MakeError("ideas.place.no_map", "place: no district map is configured");
    if (!IsValidPoint(point))
        return MakeError("ideas.place.invalid", "place: a map point needs valid coordinates");
    const DistrictOutline* in = DistrictAt(settings.map, point);
    if (!in)
        return MakeError("ideas.place.outside_map",
                         "place: the point lies outside every district of the map");
    state.draft.place_kind = PlaceKind::kMap;
    state.draft.map_point = point;
    state.draft.district = in->district;
    return {};
}

void WizardSetPlace(WizardState& state, PlaceKind kind) {
    state.draft.place_kind = kind;
    if (kind != PlaceKind::kMap) state.draft.map_point.reset();
}

void WizardMarkSubmitted(WizardState& state, Receipt receipt) {
    WizardReset(state);
    state.step = WizardStep::kSubmitted;
    state.receipt = std::move(receipt);
}

void WizardReset(WizardState& state) {
    Wipe(state.draft.title);
    Wipe(state.draft.description);
    Wipe(state.draft.contact_email);
    state = WizardState{};
}

}  // namespace ck::part
