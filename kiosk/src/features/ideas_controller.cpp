#include "features/ideas_controller.h"

namespace ck::kiosk {
namespace {

void SetBlocked(IdeasController& c, cache::Database& db, const part::IdeaSettings& settings, TimePoint now) {
    const Status s = part::CheckIdeaRateLimits(db, c.quota, settings, now);
    c.blocked_key = s.ok() ? std::string() : std::string(IdeaMessageKey(s.error()));
}

}  // namespace

std::string_view IdeaMessageKey(const Error& e) {
    const std::string& c = e.code;
    auto ends = [&](std::string_view suffix) {
        return c.size() >= suffix.size() && c.compare(c.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (c == "ideas.limit.session") return "kiosk.ideas.error.session_limit";
    if (c == "ideas.limit.kiosk_hour") return "kiosk.ideas.error.hour_limit";
    if (c == "ideas.support.already") return "kiosk.ideas.error.already_supported";
    if (c == "ideas.contact.consent_required") return "kiosk.ideas.error.consent";
    if (c == "ideas.place.invalid") return "kiosk.ideas.map_hint";  // "map" chosen, no pin set yet
    if (c == "ideas.place.outside_map") return "kiosk.ideas.error.outside_map";
    if (c == "ideas.place.other_district") return "kiosk.ideas.error.other_district";
    if (c == "ideas.email.invalid" || c == "ideas.contact.email_required") return "kiosk.ideas.error.email";
    if (ends(".required")) return "kiosk.ideas.error.required";
    if (ends(".too_long")) return "kiosk.ideas.error.too_long";
    if (c.rfind("ideas.text.", 0) == 0) return "kiosk.ideas.error.invalid_text";
    if (c == "db.busy") return "kiosk.ideas.error.busy";  // another thread held the store: try again
    return "kiosk.ideas.error.save_failed";
}

void RefreshIdeaList(IdeasController& c, cache::Database* db) {
    c.list.clear();
    if (!db) return;
    part::IdeaFilter filter;
    filter.category = c.category;
    auto list = part::LoadPublishedIdeas(
        *db, filter, c.sort_by_support ? part::IdeaSort::kMostSupported : part::IdeaSort::kNewest);
    if (list.ok()) c.list = std::move(*list);
}

void ChooseIdeaCategory(IdeasController& c, cache::Database* db, std::string category) {
    c.category = std::move(category);
    RefreshIdeaList(c, db);
}

void ChooseIdeaSort(IdeasController& c, cache::Database* db, bool by_support) {
    c.sort_by_support = by_support;
    RefreshIdeaList(c, db);
}

void SelectIdea(IdeasController& c, std::string idea_id) {
    c.selected_id = std::move(idea_id);
    c.list_error_key.clear();
}

void SupportSelectedIdea(IdeasController& c, cache::Database* db, const part::SupportContext& context) {
    if (!db || c.selected_id.empty()) return;
    auto r = part::SupportIdea(*db, c.selected_id, context, c.quota);
    if (!r.ok()) {
        c.list_error_key = std::string(IdeaMessageKey(r.error()));
        return;
    }
    c.list_error_key.clear();
    RefreshIdeaList(c, db);  // the shown count includes supports not yet delivered
}

void OpenIdeaWizard(IdeasController& c, cache::Database* db, const part::IdeaSettings& settings,
                    TimePoint now) {
    part::WizardReset(c.wizard);
    c.wizard_error_key.clear();
    c.blocked_key.clear();
    // Nobody should type an idea that cannot be sent: the limits are checked before the first key.
    if (db) SetBlocked(c, *db, settings, now);
}

void IdeaWizardNext(IdeasController& c, const part::IdeaSettings& settings) {
    const Status s = part::WizardNext(c.wizard, settings);
    c.wizard_error_key = s.ok() ? std::string() : std::string(IdeaMessageKey(s.error()));
}

bool SubmitIdeaWizard(IdeasController& c, cache::Database* db, const part::SubmitContext& context) {
    if (!db) return false;
    // The sync worker can hold the store for a moment under load; SubmitIdea is one transaction, so trying
    // again cannot save twice. Each try waits at most the store's busy timeout.
    constexpr int kAttempts = 3;
    Result<part::Receipt> r = part::SubmitIdea(*db, c.wizard.draft, context, c.quota);
    for (int i = 1; i < kAttempts && !r.ok() && r.error().code == "db.busy"; ++i)
        r = part::SubmitIdea(*db, c.wizard.draft, context, c.quota);
    SetBlocked(c, *db, context.settings, context.now);
    if (!r.ok()) {
        c.wizard_error_key = std::string(IdeaMessageKey(r.error()));
        return false;
    }
    part::WizardMarkSubmitted(c.wizard, *r);
    c.wizard_error_key.clear();
    return true;
}

}  // namespace ck::kiosk
