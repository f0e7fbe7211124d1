// The idea wizard as a pure state machine: the screens draw WizardState and call these functions; nothing
// here touches the store or the UI. Title -> Description -> Category -> District -> Place -> Contact ->
// Review -> Submitted.
#pragma once

#include <optional>

#include "core/result.h"
#include "participation/idea.h"

namespace ck::part {

enum class WizardStep { kTitle, kDescription, kCategory, kDistrict, kPlace, kContact, kReview, kSubmitted };
const char* ToString(WizardStep step);  // "title", ..., "submitted" (for screen names and logs)

struct WizardState {
    WizardStep step = WizardStep::kTitle;
    IdeaDraft draft;
    bool editing_from_review = false;  // reached a step with WizardGoTo: Next and Back return to the review
    std::optional<Receipt> receipt;    // set by WizardMarkSubmitted
};

// Per-step validation with the same rules and error codes as SubmitIdea: title and description required
// (sanitised, grapheme limits), category required and configured, district optional (empty = whole city)
// but configured when given, a map place passes ValidateMapPlace, contact: an e-mail needs the consent box,
// consent needs a valid e-mail. Steps without input (review, submitted) are always valid.
Status ValidateStep(WizardStep step, const IdeaDraft& draft, const IdeaSettings& settings);

// Validates the current step; on success stores the sanitised text back into the draft (so the review shows
// exactly what will be sent) and moves on. At kReview it validates the whole draft and stays: the UI then
// calls SubmitIdea and, only if that returned OK, WizardMarkSubmitted. At kSubmitted it does nothing.
Status WizardNext(WizardState& state, const IdeaSettings& settings);
// One step back (from a step opened from the review: back to the review). At kTitle it stays: leaving the
// wizard is the UI's decision, followed by WizardReset.
void WizardBack(WizardState& state);
// From the review only, to an input step (kTitle..kContact). Error "ideas.wizard.invalid_step" otherwise.
Status WizardGoTo(WizardState& state, WizardStep target);
// A tap on the district map at the place step: the place becomes this point and the district becomes the one
// the point lies in (the pin is the more precise answer, and the review shows both, so the visitor sees the
// change). A point outside every district is refused ("ideas.place.outside_map") and the draft stays as it
// was; without a configured map: "ideas.place.no_map".
Status WizardPlaceOnMap(WizardState& state, GeoPoint point, const IdeaSettings& settings);
// "Here at this kiosk" or "no location": the map point, if any, is forgotten.
void WizardSetPlace(WizardState& state, PlaceKind kind);
// After SubmitIdea returned OK: step kSubmitted, the draft is wiped, only the receipt stays.
void WizardMarkSubmitted(WizardState& state, Receipt receipt);
// Idle reset, leaving the wizard, or "new idea" after the receipt: nothing of the draft remains.
void WizardReset(WizardState& state);

}  // namespace ck::part
