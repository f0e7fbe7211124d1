#include "app/idea_settings.h"

namespace ck::kiosk {

Result<part::IdeaSettings> IdeaSettingsFromConfig(const Config& config) {
    const IdeasConfig& ic = config.ideas;
    part::IdeaSettings s;
    s.categories = ic.categories;
    s.districts = ic.districts;
    s.map = ic.map;
    s.status_url_template = ic.status_url_template;
    s.max_per_session = ic.max_per_session;
    s.max_per_hour = ic.max_per_hour;
    Result<part::WordList> words = part::LoadWordLists(ic.wordlist_dir);
    if (!words.ok()) return MakeError(words.error().code, "ideas.wordlist_dir: " + words.error().message);
    s.word_list = std::move(*words);
    if (Status v = part::ValidateIdeaSettings(s); !v.ok()) return v.error();
    return s;
}

}  // namespace ck::kiosk
