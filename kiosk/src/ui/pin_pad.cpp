#define IMGUI_DEFINE_MATH_OPERATORS
#include "ui/pin_pad.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "ui/layout.h"
#include "ui/widgets.h"

namespace ck::ui {

PinPadResult PinPad(const char* id, std::string& pin, std::size_t max_digits, const PinPadLabels& labels) {
    PinPadResult result;
    ImGui::PushID(id);
    const float gap = LayoutScale(units::kPinKeyGap);
    const float key_w = LayoutScale(units::kPinKeyWidth);
    const float pad_w = key_w * 3 + gap * 2;
    // Five rows (the dots and four of keys) share the height that is left; never more than a button, never
    // less than a comfortable touch target.
    const float avail = ImGui::GetContentRegionAvail().y;
    const float row_h = std::clamp((avail - gap * 4) / 5, LayoutScale(units::kMinTouchTarget),
                                   LayoutScale(units::kButtonHeight));
    // Right to left, the pad stands at the right like the text above it; the digits keep the phone order.
    const KeepOrder outer = BeginKeepOrder(ImGui::GetCursorScreenPos().x, pad_w);
    const float left = ImGui::GetCursorScreenPos().x;
    std::string shown;
    for (std::size_t i = 0; i < pin.size(); ++i) shown += "\xE2\x80\xA2 ";
    TextField("##pin", shown, "", true, ImVec2(pad_w, row_h), false, nullptr, /*personal=*/true);
    const ImVec2 origin(left, ImGui::GetCursorScreenPos().y + gap - ImGui::GetStyle().ItemSpacing.y);
    static constexpr const char* kKeys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "del", "0", "ok"};
    for (int i = 0; i < 12; ++i) {
        ImGui::SetCursorScreenPos(origin + ImVec2(static_cast<float>(i % 3) * (key_w + gap),
                                                  static_cast<float>(i / 3) * (row_h + gap)));
        ImGui::PushID(i);
        const std::string_view k = kKeys[i];
        const std::string_view label = k == "del" ? labels.erase : k == "ok" ? labels.submit : k;
        const ImVec2 size(key_w, row_h);
        const bool pressed =
            k == "ok" ? PrimaryButton("##key", label, size) : SecondaryButton("##key", label, size);
        ImGui::PopID();
        if (!pressed) continue;
        if (k == "ok") {
            result.submitted = true;
        } else if (k == "del") {
            result.changed = !pin.empty();
            if (!pin.empty()) pin.pop_back();
        } else if (pin.size() < max_digits) {
            pin += k;
            result.changed = true;
        }
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(pad_w, row_h * 4 + gap * 3));
    EndKeepOrder(outer);
    ImGui::PopID();
    return result;
}

}  // namespace ck::ui
