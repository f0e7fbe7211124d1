// The wizard as a pure state machine: order of steps, per-step validation, review edits and resets.
#include <gtest/gtest.h>

#include <cmath>

#include "participation/wizard.h"

namespace ck::part {
namespace {

IdeaSettings Settings() {
    IdeaSettings s;
    s.categories = {"mobility", "environment"};
    s.districts = {"Wanne", "Eickel"};
    return s;
}

// Walks a fresh wizard to the review with valid input.
WizardState AtReview(const IdeaSettings& s) {
    WizardState w;
    w.draft.title = "  Neue  Radwege ";
    EXPECT_TRUE(WizardNext(w, s).ok());
    w.draft.description = "Mehr Radwege\u200B bitte.";
    EXPECT_TRUE(WizardNext(w, s).ok());
    w.draft.category = "mobility";
    EXPECT_TRUE(WizardNext(w, s).ok());
    EXPECT_TRUE(WizardNext(w, s).ok());  // district optional
    EXPECT_TRUE(WizardNext(w, s).ok());  // place optional
    EXPECT_TRUE(WizardNext(w, s).ok());  // contact optional
    EXPECT_EQ(w.step, WizardStep::kReview);
    return w;
}

TEST(Wizard, WalksAllStepsInOrder) {
    const IdeaSettings s = Settings();
    WizardState w;
    EXPECT_EQ(w.step, WizardStep::kTitle);
    const WizardStep order[] = {WizardStep::kTitle,    WizardStep::kDescription, WizardStep::kCategory,
                                WizardStep::kDistrict, WizardStep::kPlace,       WizardStep::kContact,
                                WizardStep::kReview};
    w.draft.title = "T";
    w.draft.description = "D";
    w.draft.category = "environment";
    for (std::size_t i = 0; i + 1 < std::size(order); ++i) {
        ASSERT_EQ(w.step, order[i]) << ToString(w.step);
        ASSERT_TRUE(WizardNext(w, s).ok()) << ToString(w.step);
    }
    EXPECT_EQ(w.step, WizardStep::kReview);
    // Next at the review validates everything but leaves submitting to the UI.
    EXPECT_TRUE(WizardNext(w, s).ok());
    EXPECT_EQ(w.step, WizardStep::kReview);
}

TEST(Wizard, StoresSanitisedTextForTheReview) {
    const IdeaSettings s = Settings();
    const WizardState w = AtReview(s);
    EXPECT_EQ(w.draft.title, "Neue Radwege");
    EXPECT_EQ(w.draft.description, "Mehr Radwege bitte.");
}

TEST(Wizard, RequiredStepsBlockWithTheirErrorCode) {
    const IdeaSettings s = Settings();
    WizardState w;
    Status st = WizardNext(w, s);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, "ideas.title.required");
    EXPECT_EQ(w.step, WizardStep::kTitle);
    w.draft.title = std::string(121, 'a');
    EXPECT_EQ(WizardNext(w, s).error().code, "ideas.title.too_long");
    w.draft.title = "ok";
    ASSERT_TRUE(WizardNext(w, s).ok());
    EXPECT_EQ(WizardNext(w, s).error().code, "ideas.description.required");
    w.draft.description = "ok";
    ASSERT_TRUE(WizardNext(w, s).ok());
    EXPECT_EQ(WizardNext(w, s).error().code, "ideas.category.required");
    w.draft.category = "sports";
    EXPECT_EQ(WizardNext(w, s).error().code, "ideas.category.invalid");
    w.draft.category = "mobility";
    ASSERT_TRUE(WizardNext(w, s).ok());
    w.draft.district = "Bochum";
    EXPECT_EQ(WizardNext(w, s).error().code, "ideas.district.invalid");
    w.draft.district = "Eickel";
    ASSERT_TRUE(WizardNext(w, s).ok());
    w.draft.place_kind = PlaceKind::kMap;
    EXPECT_EQ(WizardNext(w, s).error().code, "ideas.place.invalid");
    w.draft.map_point = GeoPoint{7.2, 51.5};
    ASSERT_TRUE(WizardNext(w, s).ok());
    ASSERT_EQ(w.step, WizardStep::kContact);
    w.draft.contact_email = "anna@example.org";
    EXPECT_EQ(WizardNext(w, s).error().code, "ideas.contact.consent_required");
    w.draft.contact_email.clear();
    w.draft.contact_consent = true;
    EXPECT_EQ(WizardNext(w, s).error().code, "ideas.contact.email_required");
    w.draft.contact_email = "anna@";
    EXPECT_EQ(WizardNext(w, s).error().code, "ideas.email.invalid");
    w.draft.contact_email = " anna@EXAMPLE.org ";
    ASSERT_TRUE(WizardNext(w, s).ok());
    EXPECT_EQ(w.step, WizardStep::kReview);
    EXPECT_EQ(w.draft.contact_email, "anna@example.org");
}

TEST(Wizard, BackStopsAtTheFirstStep) {
    const IdeaSettings s = Settings();
    WizardState w;
    w.draft.title = "T";
    ASSERT_TRUE(WizardNext(w, s).ok());
    WizardBack(w);
    EXPECT_EQ(w.step, WizardStep::kTitle);
    WizardBack(w);
    EXPECT_EQ(w.step, WizardStep::kTitle);
    EXPECT_EQ(w.draft.title, "T");  // going back keeps what was typed
}

TEST(Wizard, GoToFromReviewReturnsToReview) {
    const IdeaSettings s = Settings();
    WizardState w = AtReview(s);
    ASSERT_TRUE(WizardGoTo(w, WizardStep::kCategory).ok());
    EXPECT_EQ(w.step, WizardStep::kCategory);
    w.draft.category = "environment";
    ASSERT_TRUE(WizardNext(w, s).ok());
    EXPECT_EQ(w.step, WizardStep::kReview);
    EXPECT_EQ(w.draft.category, "environment");

    ASSERT_TRUE(WizardGoTo(w, WizardStep::kTitle).ok());
    WizardBack(w);  // back from an edit also returns to the review
    EXPECT_EQ(w.step, WizardStep::kReview);

    // An invalid edit blocks the way back to the review.
    ASSERT_TRUE(WizardGoTo(w, WizardStep::kTitle).ok());
    w.draft.title = " ";
    EXPECT_FALSE(WizardNext(w, s).ok());
    EXPECT_EQ(w.step, WizardStep::kTitle);
}

TEST(Wizard, GoToOnlyFromReviewToInputSteps) {
    const IdeaSettings s = Settings();
    WizardState w;
    EXPECT_EQ(WizardGoTo(w, WizardStep::kContact).error().code, "ideas.wizard.invalid_step");
    w = AtReview(s);
    EXPECT_FALSE(WizardGoTo(w, WizardStep::kReview).ok());
    EXPECT_FALSE(WizardGoTo(w, WizardStep::kSubmitted).ok());
    EXPECT_EQ(w.step, WizardStep::kReview);
}

TEST(Wizard, ReviewRevalidatesEverything) {
    const IdeaSettings s = Settings();
    WizardState w = AtReview(s);
    ASSERT_TRUE(WizardGoTo(w, WizardStep::kContact).ok());
    w.draft.contact_email = "x@example.org";  // typed, but then went back without ticking consent
    WizardBack(w);
    ASSERT_EQ(w.step, WizardStep::kReview);
    EXPECT_EQ(WizardNext(w, s).error().code, "ideas.contact.consent_required");
}

TEST(Wizard, ResetInTheMiddleDiscardsTheDraft) {
    const IdeaSettings s = Settings();
    WizardState w;
    w.draft.title = "Geheime Idee";
    ASSERT_TRUE(WizardNext(w, s).ok());
    w.draft.description = "Halb getippt";
    w.draft.contact_consent = true;
    w.draft.contact_email = "anna@example.org";
    w.draft.category = "mobility";
    WizardReset(w);  // idle reset while on the description step
    EXPECT_EQ(w.step, WizardStep::kTitle);
    EXPECT_TRUE(w.draft.title.empty());
    EXPECT_TRUE(w.draft.description.empty());
    EXPECT_TRUE(w.draft.category.empty());
    EXPECT_TRUE(w.draft.contact_email.empty());
    EXPECT_FALSE(w.draft.contact_consent);
    EXPECT_FALSE(w.editing_from_review);
    EXPECT_FALSE(w.receipt.has_value());
    // The fresh wizard behaves like a new one.
    EXPECT_EQ(WizardNext(w, s).error().code, "ideas.title.required");
}

TEST(Wizard, ResetWhileEditingFromReview) {
    const IdeaSettings s = Settings();
    WizardState w = AtReview(s);
    ASSERT_TRUE(WizardGoTo(w, WizardStep::kDescription).ok());
    WizardReset(w);
    EXPECT_EQ(w.step, WizardStep::kTitle);
    EXPECT_FALSE(w.editing_from_review);
    EXPECT_TRUE(w.draft.title.empty());
}

TEST(Wizard, SubmittedKeepsOnlyTheReceipt) {
    const IdeaSettings s = Settings();
    WizardState w = AtReview(s);
    WizardMarkSubmitted(w, Receipt{"K7P-4XM9", "urn:ngsi-ld:CitizenIdea:x", "https://x/?ref=K7P-4XM9"});
    EXPECT_EQ(w.step, WizardStep::kSubmitted);
    ASSERT_TRUE(w.receipt.has_value());
    EXPECT_EQ(w.receipt->reference_code, "K7P-4XM9");
    EXPECT_TRUE(w.draft.title.empty());
    EXPECT_TRUE(w.draft.description.empty());
    WizardBack(w);
    EXPECT_EQ(w.step, WizardStep::kSubmitted);
    EXPECT_TRUE(WizardNext(w, s).ok());
    EXPECT_EQ(w.step, WizardStep::kSubmitted);
    WizardReset(w);  // "new idea" or idle reset after the receipt
    EXPECT_EQ(w.step, WizardStep::kTitle);
    EXPECT_FALSE(w.receipt.has_value());
}

}  // namespace
}  // namespace ck::part

namespace ck::part {
namespace {

// Wanne west of lon 7.2, Eickel east of it.
IdeaSettings MapSettings() {
    IdeaSettings s = Settings();
    s.map.south_west = {7.1, 51.5};
    s.map.north_east = {7.3, 51.6};
    s.map.districts = {{"Wanne", {{7.1, 51.5}, {7.2, 51.5}, {7.2, 51.6}, {7.1, 51.6}}},
                       {"Eickel", {{7.2, 51.5}, {7.3, 51.5}, {7.3, 51.6}, {7.2, 51.6}}}};
    return s;
}

WizardState AtPlace(const IdeaSettings& s, const std::string& district) {
    WizardState w;
    w.draft.title = "Bank";
    w.draft.description = "Eine Bank";
    w.draft.category = "mobility";
    w.draft.district = district;
    for (int i = 0; i < 4; ++i) EXPECT_TRUE(WizardNext(w, s).ok());
    EXPECT_EQ(w.step, WizardStep::kPlace);
    return w;
}

TEST(WizardMap, ATapSetsThePointAndTheDistrict) {
    const IdeaSettings s = MapSettings();
    ASSERT_TRUE(ValidateIdeaSettings(s).ok());
    WizardState w = AtPlace(s, "");
    ASSERT_TRUE(WizardPlaceOnMap(w, {7.25, 51.55}, s).ok());
    EXPECT_EQ(w.draft.place_kind, PlaceKind::kMap);
    ASSERT_TRUE(w.draft.map_point.has_value());
    EXPECT_DOUBLE_EQ(w.draft.map_point->lon, 7.25);
    EXPECT_EQ(w.draft.district, "Eickel");  // filled in from the pin
    ASSERT_TRUE(WizardNext(w, s).ok());
    EXPECT_EQ(w.step, WizardStep::kContact);
    ASSERT_TRUE(WizardNext(w, s).ok());
    EXPECT_EQ(w.step, WizardStep::kReview);
    EXPECT_TRUE(WizardNext(w, s).ok());  // the whole draft is valid
}

TEST(WizardMap, APinInAnotherDistrictReplacesTheEarlierChoice) {
    const IdeaSettings s = MapSettings();
    WizardState w = AtPlace(s, "Wanne");
    ASSERT_TRUE(WizardPlaceOnMap(w, {7.25, 51.55}, s).ok());
    EXPECT_EQ(w.draft.district, "Eickel");
}

TEST(WizardMap, ATapOutsideEveryDistrictIsRefusedAndChangesNothing) {
    const IdeaSettings s = MapSettings();
    WizardState w = AtPlace(s, "Wanne");
    ASSERT_TRUE(WizardPlaceOnMap(w, {7.15, 51.55}, s).ok());
    const Status outside = WizardPlaceOnMap(w, {7.35, 51.55}, s);
    ASSERT_FALSE(outside.ok());
    EXPECT_EQ(outside.error().code, "ideas.place.outside_map");
    EXPECT_EQ(w.draft.district, "Wanne");
    EXPECT_DOUBLE_EQ(w.draft.map_point->lon, 7.15);
    EXPECT_EQ(WizardPlaceOnMap(w, {std::nan(""), 51.55}, s).error().code, "ideas.place.invalid");
    EXPECT_EQ(WizardPlaceOnMap(w, {7.15, 51.55}, Settings()).error().code, "ideas.place.no_map");
}

TEST(WizardMap, MapChosenWithoutAPinBlocksNext) {
    const IdeaSettings s = MapSettings();
    WizardState w = AtPlace(s, "");
    WizardSetPlace(w, PlaceKind::kMap);
    const Status next = WizardNext(w, s);
    ASSERT_FALSE(next.ok());
    EXPECT_EQ(next.error().code, "ideas.place.invalid");
    EXPECT_EQ(w.step, WizardStep::kPlace);
}

TEST(WizardMap, AnotherPlaceKindForgetsThePin) {
    const IdeaSettings s = MapSettings();
    WizardState w = AtPlace(s, "");
    ASSERT_TRUE(WizardPlaceOnMap(w, {7.15, 51.55}, s).ok());
    WizardSetPlace(w, PlaceKind::kMap);  // choosing "map" again keeps it
    EXPECT_TRUE(w.draft.map_point.has_value());
    WizardSetPlace(w, PlaceKind::kKiosk);
    EXPECT_EQ(w.draft.place_kind, PlaceKind::kKiosk);
    EXPECT_FALSE(w.draft.map_point.has_value());
}

TEST(WizardMap, ChangingTheDistrictAfterThePinIsCaughtAtTheReview) {
    const IdeaSettings s = MapSettings();
    WizardState w = AtPlace(s, "");
    ASSERT_TRUE(WizardPlaceOnMap(w, {7.15, 51.55}, s).ok());  // Wanne
    ASSERT_TRUE(WizardNext(w, s).ok());
    ASSERT_TRUE(WizardNext(w, s).ok());
    ASSERT_EQ(w.step, WizardStep::kReview);
    ASSERT_TRUE(WizardGoTo(w, WizardStep::kDistrict).ok());
    w.draft.district = "Eickel";
    ASSERT_TRUE(WizardNext(w, s).ok());
    ASSERT_EQ(w.step, WizardStep::kReview);
    const Status review = WizardNext(w, s);
    ASSERT_FALSE(review.ok());
    EXPECT_EQ(review.error().code, "ideas.place.other_district");
    // Setting the pin again from the review fixes it.
    ASSERT_TRUE(WizardGoTo(w, WizardStep::kPlace).ok());
    ASSERT_TRUE(WizardPlaceOnMap(w, {7.28, 51.52}, s).ok());
    ASSERT_TRUE(WizardNext(w, s).ok());
    EXPECT_EQ(w.step, WizardStep::kReview);
    EXPECT_TRUE(WizardNext(w, s).ok());
}

TEST(WizardMap, ResetAfterThePinLeavesNothing) {
    const IdeaSettings s = MapSettings();
    WizardState w = AtPlace(s, "");
    ASSERT_TRUE(WizardPlaceOnMap(w, {7.15, 51.55}, s).ok());
    WizardReset(w);
    EXPECT_EQ(w.step, WizardStep::kTitle);
    EXPECT_EQ(w.draft.place_kind, PlaceKind::kNone);
    EXPECT_FALSE(w.draft.map_point.has_value());
    EXPECT_TRUE(w.draft.district.empty());
    EXPECT_TRUE(w.draft.title.empty());
}

TEST(WizardMap, SettingsWithABrokenMapAreRefused) {
    IdeaSettings s = MapSettings();
    s.map.districts[1].district = "Sodingen";  // not a configured district
    const Status v = ValidateIdeaSettings(s);
    ASSERT_FALSE(v.ok());
    EXPECT_NE(v.error().message.find("Sodingen"), std::string::npos);
}

}  // namespace
}  // namespace ck::part
