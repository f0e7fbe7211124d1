// What a visitor does with ideas, apart from the screens that draw it: browse and support the published
// ideas, write one in the wizard and submit it. Each action is a call made when the visitor taps; it reads or
// writes the store then and leaves its outcome in IdeasController, which the screens only draw. No frame
// queries the store.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"
#include "participation/browse.h"
#include "participation/idea.h"
#include "participation/wizard.h"

namespace ck::kiosk {

struct IdeasController {
    // The published ideas (ideas screen).
    bool sort_by_support = false;
    std::string category;                 // filter; empty = all
    std::vector<part::IdeaSummary> list;  // as loaded by the last refresh
    std::string selected_id;              // the idea whose detail card is open
    std::string list_error_key;           // message under the detail card (a support that failed)
    // The idea wizard (idea-new and idea-receipt screens).
    part::WizardState wizard;
    std::string wizard_error_key;  // message under the current step
    std::string blocked_key;       // non-empty: the limits allow no new idea now (checked on open and submit)
    part::IdeaQuota quota;         // this visitor's ideas and supports
};

// The message key the UI shows for a domain error code ("ideas.title.too_long" ->
// "kiosk.ideas.error.too_long"). Domain codes are stable identifiers; this is the one place that turns them
// into catalogue keys.
std::string_view IdeaMessageKey(const Error& error);

// Loads the published ideas for the current filter and sort. db null (no store): an empty list.
void RefreshIdeaList(IdeasController& c, cache::Database* db);
void ChooseIdeaCategory(IdeasController& c, cache::Database* db, std::string category);
void ChooseIdeaSort(IdeasController& c, cache::Database* db, bool by_support);
void SelectIdea(IdeasController& c, std::string idea_id);  // "" closes the detail card
// Supports the selected idea (one per visitor) and reloads the list so the count includes it.
void SupportSelectedIdea(IdeasController& c, cache::Database* db, const part::SupportContext& context);

// A fresh draft, and the rate limits checked once: blocked_key says why no idea can be written now.
void OpenIdeaWizard(IdeasController& c, cache::Database* db, const part::IdeaSettings& settings,
                    TimePoint now);
// "Next" (or the keyboard's "done"): validates the step and moves on, or sets wizard_error_key.
void IdeaWizardNext(IdeasController& c, const part::IdeaSettings& settings);
// "Submit" on the review: true once the store committed the idea and the receipt may be shown. The limits
// are checked again afterwards, so a visitor at the limit is told before starting another idea.
bool SubmitIdeaWizard(IdeasController& c, cache::Database* db, const part::SubmitContext& context);

}  // namespace ck::kiosk
