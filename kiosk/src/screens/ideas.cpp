// Ideas: published ideas of the city, newest or most supported first, with a button to submit one's own.
#include <imgui.h>

#include "screens/screens.h"
#include "ui/widgets.h"

namespace ck::kiosk {

void DrawIdeas(App& app) {
    const float width = BeginScreenBody(app, "kiosk.ideas.title");
    NotAvailableYet(app, width);
    EndScreenBody(app);
}

void DrawIdeaNew(App& app) {
    const float width = BeginScreenBody(app, "kiosk.ideas.new_title");
    NotAvailableYet(app, width);
    EndScreenBody(app);
}

void DrawIdeaReceipt(App& app) {
    const float width = BeginScreenBody(app, "kiosk.ideas.receipt_title");
    NotAvailableYet(app, width);
    EndScreenBody(app);
}

}  // namespace ck::kiosk
