// The active UI language: message lookup with fallback, ICU MessageFormat with named arguments, and
// locale-aware numbers, dates and times.
//
// Threading: a Localizer belongs to the UI thread. It caches compiled patterns and formatted texts and is not
// safe to use from two threads at once; a worker that needs text gets its own Localizer (the CatalogueSet is
// plain immutable data and can be shared by const reference).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "core/time.h"
#include "locales/catalogue.h"

namespace ck::loc {

// One named argument of Format(): {"n", 3}, {"name", "Wanne"}, {"price", 12.5}, {"at", some_time_point}.
struct Arg {
    using Value = std::variant<std::int64_t, double, std::string, TimePoint>;

    template <typename I>
    requires(std::is_integral_v<I> && !std::is_same_v<I, bool> && !std::is_same_v<I, char>)
        Arg(std::string_view arg_name, I v)
        : name(arg_name), value(static_cast<std::int64_t>(v)) {}
    Arg(std::string_view arg_name, double v) : name(arg_name), value(v) {}
    Arg(std::string_view arg_name, std::string_view v) : name(arg_name), value(std::string(v)) {}
    Arg(std::string_view arg_name, const char* v) : name(arg_name), value(std::string(v)) {}
    Arg(std::string_view arg_name, const std::string& v) : name(arg_name), value(v) {}
    Arg(std::string_view arg_name, TimePoint v) : name(arg_name), value(v) {}

    std::string_view name;  // must outlive the Format() call (normally a literal)
    Value value;
};

enum class DateStyle { kShort, kMedium, kLong, kFull };

// Dates and times everywhere (MessageFormat's {t, time} included) use ICU's default time zone, which is
// process-wide: by default the system's zone. The app may pin it once at start from the configuration; tests
// pin it for reproducible output. Unknown ids are an error ("locale.unknown_time_zone").
Status SetProcessTimeZone(std::string_view iana_id);

class Localizer {
  public:
    // `catalogues` must outlive the Localizer. Starts in the root language (German).
    explicit Localizer(const CatalogueSet& catalogues);
    ~Localizer();
    Localizer(const Localizer&) = delete;
    Localizer& operator=(const Localizer&) = delete;

    // Unknown tag: stays in the current language and returns an error ("locale.unknown_language").
    Status SetLanguage(std::string_view tag);
    const Language& language() const { return *language_; }
    Direction direction() const { return language_->direction; }

    // The message without arguments, formatted once per language and then served from a cache: the reference
    // stays valid until the next SetLanguage(). Missing key: German, then the key.
    const std::string& Text(std::string_view key);

    // The message with named arguments. Never throws and never crashes: a pattern ICU rejects or arguments
    // that do not fit it yield the raw pattern (logged once per key).
    std::string Format(std::string_view key, std::initializer_list<Arg> args);

    // Formats a pattern that is not in a catalogue (tests, the catalogue checker); errors as for Format().
    std::string FormatPattern(std::string_view pattern, std::initializer_list<Arg> args);

    // Locale-aware building blocks for screens that compose their own text.
    std::string FormatInteger(std::int64_t value);
    std::string FormatDecimal(double value, int max_fraction_digits);
    std::string FormatTime(TimePoint t);                   // "14:05" (de), "2:05 PM" (en)
    std::string FormatDate(TimePoint t, DateStyle style);  // "27.11.2026" (de, medium)
    std::string FormatDateTime(TimePoint t, DateStyle date_style);

  private:
    struct Impl;
    struct Resolved {
        const std::string* pattern = nullptr;  // nullptr: the key is nowhere
        const Language* from = nullptr;
    };
    Resolved Resolve(std::string_view key);
    std::string FormatResolved(std::string_view key, const std::string& pattern, const Language& lang,
                               std::initializer_list<Arg> args);
    void WarnOnce(std::string_view kind, std::string_view key, std::string_view detail);
    void ClearCaches();

    const CatalogueSet& catalogues_;
    const Language* language_ = nullptr;
    const Language* root_ = nullptr;
    std::unique_ptr<Impl> impl_;
    std::map<std::string, std::string, std::less<>> text_cache_;
    std::set<std::string, std::less<>> warned_;  // "<kind>:<lang>:<key>", so each problem is logged once
};

}  // namespace ck::loc
