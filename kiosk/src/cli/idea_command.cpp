// `civic-kiosk idea submit`: staff enter paper idea cards from events. The idea goes through exactly the
// same validation, sanitising and durable commit as one typed at the kiosk, with channel "paper". The
// kiosk's rate limits do not apply: one operator typing a stack of cards is expected, and paper ideas do not
// count towards the hourly kiosk limit either.
#include <iostream>
#include <memory>
#include <string>

#include "app/config.h"
#include "app/idea_settings.h"
#include "cli/commands.h"
#include "core/time.h"
#include "offline_cache/database.h"
#include "participation/idea.h"

namespace ck::kiosk {
namespace {

struct IdeaSubmitOptions {
    std::string title;
    std::string text;
    std::string category;
    std::string district;
    std::string config_path;
};

int Fail(int code, const std::string& message) {
    std::cerr << "civic-kiosk idea submit: " << message << "\n";
    return code;
}

// Input the operator can fix (text, category, district) is a usage error; a store that cannot be written
// is a failure of the run.
bool IsInputError(const Error& e) {
    return e.code.rfind("ideas.", 0) == 0 && e.code.rfind("ideas.store.", 0) != 0 &&
           e.code.rfind("ideas.random.", 0) != 0 && e.code.rfind("ideas.reference.", 0) != 0;
}

int RunIdeaSubmit(const IdeaSubmitOptions& o) {
    Result<Config> config = LoadConfigOrDefault(o.config_path);
    if (!config) return Fail(kExitUsage, config.error().message);

    Result<part::SubmitContext> context = PaperSubmitContext(*config, Now());
    if (!context) return Fail(kExitUsage, context.error().message);

    part::IdeaDraft draft;
    draft.title = o.title;
    draft.description = o.text;
    draft.category = o.category;
    draft.district = o.district;

    Result<cache::Database> db = cache::Database::Open(config->database_path);
    if (!db) return Fail(kExitFailure, "cannot open the store: " + db.error().message);

    part::IdeaQuota operator_quota;  // unused for paper: no session limit applies
    Result<part::Receipt> receipt = part::SubmitIdea(*db, draft, *context, operator_quota);
    if (!receipt) {
        std::string message = receipt.error().message;
        if (receipt.error().code == "ideas.category.invalid") {
            std::string allowed;
            for (const auto& c : context->settings.categories) allowed += (allowed.empty() ? "" : ", ") + c;
            message += " (allowed: " + allowed + ")";
        } else if (receipt.error().code == "ideas.district.invalid") {
            std::string allowed;
            for (const auto& d : context->settings.districts) allowed += (allowed.empty() ? "" : ", ") + d;
            message += " (allowed: " + allowed + ")";
        }
        return Fail(IsInputError(receipt.error()) ? kExitUsage : kExitFailure, message);
    }
    std::cout << receipt->reference_code << "\n" << std::flush;
    return kExitOk;
}

}  // namespace

Result<part::SubmitContext> PaperSubmitContext(const Config& config, TimePoint now) {
    Result<part::IdeaSettings> settings = IdeaSettingsFromConfig(config);
    if (!settings) return settings.error();
    part::SubmitContext context;
    context.kiosk_id = config.kiosk_id;
    context.site = config.site_name;
    context.language = config.default_language;
    context.channel = "paper";
    context.now = now;
    context.settings = std::move(*settings);
    return context;
}

void RegisterIdeaCommand(CLI::App& app, int* exit_code) {
    auto* idea = app.add_subcommand("idea", "Ideas entered by staff");
    idea->require_subcommand(1);
    auto options = std::make_shared<IdeaSubmitOptions>();
    auto* submit = idea->add_subcommand(
        "submit", "Enter an idea from a paper card (channel paper); prints its reference code");
    submit->add_option("--title", options->title, "Title (at most 120 characters)")->required();
    submit->add_option("--text", options->text, "Description (at most 1000 characters)")->required();
    submit->add_option("--category", options->category, "Category key from ideas.categories")->required();
    submit->add_option("--district", options->district, "District from ideas.districts (optional)");
    submit->add_option("--config", options->config_path, "Configuration file (default: built-in defaults)")
        ->check(NonEmptyPath());
    submit->callback([options, exit_code] { *exit_code = RunIdeaSubmit(*options); });
}

}  // namespace ck::kiosk
