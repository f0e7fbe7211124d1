#include "demo_kiosk.h"

#include <cmath>

#include "app/speech_output.h"
#include "features/ideas_controller.h"
#include "features/live_controller.h"
#include "ui/fonts.h"

namespace ck::kiosk::test {
namespace {
AppOptions DemoOptions() {
    AppOptions o;
    o.demo = true;
    return o;
}
}  // namespace

DemoKiosk::DemoKiosk() : DemoKiosk(DemoOptions()) {}

DemoKiosk::DemoKiosk(AppOptions o) {
    context_ = ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    o.fixed_clock_unix_s = kFixedClock;
    Result<std::unique_ptr<App>> app = CreateApp(std::move(o));
    if (!app.ok()) {
        error_ = app.error().message;
        return;
    }
    app_ = std::move(*app);
    ui::BindFrame(&app_->frame);
}

DemoKiosk::~DemoKiosk() {
    app_.reset();
    ImGui::DestroyContext(context_);
}

std::vector<ui::TraceEntry> DemoKiosk::Draw(const DrawRequest& r) {
    App& app = *app_;
    app.now_s = kFixedClock;
    app.options.language = r.language;
    app.options.start_screen = r.screen;
    ResetSession(app);
    app.session.large_text = r.large_text;
    app.session.high_contrast = r.high_contrast;
    if (r.prepare) r.prepare(app);
    if (r.force_left_to_right) app.frame.rtl = false;
    // Fonts as the loop builds them (EnsureFonts): for the layout scale times the text scale.
    const ui::Layout l = ui::ComputeLayout(r.size, TextScale(app, r.size));
    const float scale = l.scale * l.text_scale;
    if (std::fabs(scale - fonts_scale_) > 1e-3f) {
        Result<ui::Fonts> fonts = ui::LoadFonts(app.font_files, scale);
        if (!fonts.ok()) {
            error_ = fonts.error().message;
            return {};
        }
        app.frame.fonts = *fonts;
        fonts_scale_ = scale;
    }
    app.fonts_dirty = false;
    for (int i = 0; i < 3; ++i) BuildFrame(app, r.size.x, r.size.y, 1.0f / 60.0f);
    return app.frame.trace;
}

std::vector<ScreenState> VisitorScreenStates() {
    using part::WizardStep;
    auto wizard_step = [](WizardStep step) {
        return [step](App& a) {
            part::WizardState& wz = a.session.ideas.wizard;
            wz.draft.title = "Mehr Bänke am Bahnhof";
            wz.draft.description = "Zwei Bänke unter dem Vordach würden reichen.";
            wz.draft.category = a.idea_settings.categories.front();
            wz.draft.district = a.idea_settings.districts.front();
            wz.step = step;
        };
    };
    std::vector<ScreenState> states{
        {"attract", ScreenId::kAttract, {}},
        {"home", ScreenId::kHome, {}},
        {"home+language", ScreenId::kHome, [](App& a) { a.session.language_dialog = true; }},
        {"home+accessibility", ScreenId::kHome, [](App& a) { a.session.accessibility_dialog = true; }},
        {"home+idle-warning", ScreenId::kHome,
         [](App& a) { a.idle.Arm(a.now_s - (a.idle.timeout_s - a.idle.warning_s) - 1); }},
        {"services", ScreenId::kServices, {}},
        {"services+keyboard", ScreenId::kServices, [](App& a) { a.session.services.keyboard_open = true; }},
        {"service-detail", ScreenId::kServiceDetail, {}},
        {"ideas", ScreenId::kIdeas, {}},
        {"ideas+detail", ScreenId::kIdeas,
         [](App& a) {
             if (!a.session.ideas.list.empty()) SelectIdea(a.session.ideas, a.session.ideas.list.front().id);
         }},
        {"live", ScreenId::kLive, {}},
        {"live-detail", ScreenId::kLiveDetail, {}},
        {"live-detail+week", ScreenId::kLiveDetail, [](App& a) { a.live.range = ChartRange::kWeek; }},
        {"live-detail:passers-by", ScreenId::kLiveDetail,
         [](App& a) {
             for (std::size_t i = 0; i < a.live.entries.size(); ++i)
                 if (a.options.config.live.tiles[a.live.entries[i].tile_index].source ==
                     od::TileSource::kCounter)
                     OpenTileDetail(a.live, a.db ? &*a.db : nullptr, i, AppNow(a));
         }},
        {"idea-receipt", ScreenId::kIdeaReceipt, {}},
        {"datasets", ScreenId::kDatasets, {}},
        {"datasets+search", ScreenId::kDatasets,
         [](App& a) {
             a.session.datasets.query = "park";
             a.session.datasets.keyboard_open = true;
         }},
        {"datasets+no-match", ScreenId::kDatasets, [](App& a) { a.session.datasets.query = "xyz"; }},
        {"datasets+detail", ScreenId::kDatasets,
         [](App& a) {
             if (!a.live.datasets.empty()) a.live.dataset_open = 0;
         }},
        {"home+explore", ScreenId::kHome, [](App& a) { SetExplore(a, true); }},
        {"privacy", ScreenId::kPrivacy, {}},
    };
    for (WizardStep step :
         {WizardStep::kTitle, WizardStep::kDescription, WizardStep::kCategory, WizardStep::kDistrict,
          WizardStep::kPlace, WizardStep::kContact, WizardStep::kReview}) {
        states.push_back(
            {std::string("idea-new:") + part::ToString(step), ScreenId::kIdeaNew, wizard_step(step)});
    }
    return states;
}

}  // namespace ck::kiosk::test
