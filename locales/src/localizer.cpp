#include "locales/localizer.h"

#include <spdlog/spdlog.h>
#include <unicode/datefmt.h>
#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/numfmt.h>
#include <unicode/timezone.h>

#include <unordered_map>
#include <vector>

#include "icu_text.h"

namespace ck::loc {
namespace {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

icu::Locale LocaleFor(const Language& lang) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(lang.tag, status);
    return U_SUCCESS(status) ? locale : icu::Locale(lang.tag.c_str());
}

UDate ToUDate(TimePoint t) {
    return static_cast<UDate>(ToUnixMs(t));
}

icu::DateFormat::EStyle ToIcuStyle(DateStyle style) {
    switch (style) {
        case DateStyle::kShort:
            return icu::DateFormat::kShort;
        case DateStyle::kMedium:
            return icu::DateFormat::kMedium;
        case DateStyle::kLong:
            return icu::DateFormat::kLong;
        case DateStyle::kFull:
            return icu::DateFormat::kFull;
    }
    return icu::DateFormat::kMedium;
}

icu::Formattable ToFormattable(const Arg::Value& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) return icu::Formattable(static_cast<int64_t>(*i));
    if (const auto* d = std::get_if<double>(&value)) return icu::Formattable(*d);
    if (const auto* s = std::get_if<std::string>(&value)) return icu::Formattable(ToIcu(*s));
    return icu::Formattable(ToUDate(std::get<TimePoint>(value)), icu::Formattable::kIsDate);
}

}  // namespace

Status SetProcessTimeZone(std::string_view iana_id) {
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(ToIcu(iana_id)));
    // createTimeZone answers unknown ids with the "Etc/Unknown" zone instead of an error.
    if (!zone || *zone == icu::TimeZone::getUnknown()) {
        return MakeError("locale.unknown_time_zone", "unknown time zone \"" + std::string(iana_id) +
                                                         "\" (expected an IANA id such as "
                                                         "Europe/Berlin)");
    }
    icu::TimeZone::adoptDefault(zone.release());
    return {};
}

struct Localizer::Impl {
    struct Compiled {
        std::unique_ptr<icu::MessageFormat> format;  // nullptr: ICU rejected the pattern
        std::string error;
    };
    icu::Locale locale;
    // By key, for the active language; a pattern that came from a fallback language is compiled with that
    // language's locale, so a German fallback in a Russian UI still uses German plural rules.
    std::unordered_map<std::string, Compiled, StringHash, std::equal_to<>> compiled;
    std::unique_ptr<icu::NumberFormat> integer_format;
    std::unique_ptr<icu::NumberFormat> decimal_format;
    std::unique_ptr<icu::DateFormat> time_format;
    std::unique_ptr<icu::DateFormat> date_formats[4];
    std::unique_ptr<icu::DateFormat> date_time_formats[4];
};

Localizer::Localizer(const CatalogueSet& catalogues)
    : catalogues_(catalogues), impl_(std::make_unique<Impl>()) {
    for (const auto& lang : catalogues_.languages) {
        if (lang.fallback.empty()) root_ = &lang;
    }
    // LoadCatalogues guarantees a root; a hand-built set without one falls back to its first language.
    static const Language kNoLanguage{"de", "Deutsch", "German", Direction::kLtr, ""};
    if (!root_) root_ = catalogues_.languages.empty() ? &kNoLanguage : &catalogues_.languages.front();
    language_ = root_;
    impl_->locale = LocaleFor(*language_);
}

Localizer::~Localizer() = default;

void Localizer::ClearCaches() {
    text_cache_.clear();
    impl_->compiled.clear();
    impl_->integer_format.reset();
    impl_->decimal_format.reset();
    impl_->time_format.reset();
    for (auto& f : impl_->date_formats) f.reset();
    for (auto& f : impl_->date_time_formats) f.reset();
}

Status Localizer::SetLanguage(std::string_view tag) {
    const Language* lang = catalogues_.FindLanguage(tag);
    if (!lang) return MakeError("locale.unknown_language", "unknown language \"" + std::string(tag) + "\"");
    if (lang == language_) return {};
    language_ = lang;
    impl_->locale = LocaleFor(*lang);
    ClearCaches();
    return {};
}

void Localizer::WarnOnce(std::string_view kind, std::string_view key, std::string_view detail) {
    std::string id = std::string(kind) + ":" + language_->tag + ":" + std::string(key);
    if (!warned_.insert(std::move(id)).second) return;
    spdlog::warn("locales: {} [{}] {}: {}", kind, language_->tag, key, detail);
}

Localizer::Resolved Localizer::Resolve(std::string_view key) {
    const Language* lang = language_;
    for (std::size_t hops = 0; lang && hops <= catalogues_.languages.size(); ++hops) {
        if (const Catalogue* cat = catalogues_.FindCatalogue(lang->tag)) {
            if (const auto it = cat->messages.find(key); it != cat->messages.end()) {
                if (lang != language_) {
                    WarnOnce("fallback", key, "missing, using the " + lang->english_name + " text");
                }
                return {&it->second, lang};
            }
        }
        lang = lang->fallback.empty() ? nullptr : catalogues_.FindLanguage(lang->fallback);
    }
    // A language whose chain does not reach the root (hand-built sets) still tries the root.
    if (language_ != root_) {
        if (const Catalogue* cat = catalogues_.FindCatalogue(root_->tag)) {
            if (const auto it = cat->messages.find(key); it != cat->messages.end()) {
                WarnOnce("fallback", key, "missing, using the " + root_->english_name + " text");
                return {&it->second, root_};
            }
        }
    }
    WarnOnce("missing", key, "no catalogue has this key; showing the key");
    return {};
}

std::string Localizer::FormatResolved(std::string_view key, const std::string& pattern, const Language& lang,
                                      std::initializer_list<Arg> args) {
    auto it = impl_->compiled.find(key);
    if (it == impl_->compiled.end()) {
        Impl::Compiled compiled;
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse_error{};
        const icu::Locale locale = &lang == language_ ? impl_->locale : LocaleFor(lang);
        compiled.format = std::make_unique<icu::MessageFormat>(ToIcu(pattern), locale, parse_error, status);
        if (U_FAILURE(status)) {
            compiled.format.reset();
            compiled.error =
                std::string(u_errorName(status)) + " at offset " + std::to_string(parse_error.offset);
        }
        it = impl_->compiled.emplace(std::string(key), std::move(compiled)).first;
    }
    if (!it->second.format) {
        WarnOnce("bad pattern", key, it->second.error + "; showing the raw pattern");
        return pattern;
    }

    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    names.reserve(args.size());
    values.reserve(args.size());
    for (const Arg& arg : args) {
        names.push_back(ToIcu(arg.name));
        values.push_back(ToFormattable(arg.value));
    }
    icu::UnicodeString out;
    UErrorCode status = U_ZERO_ERROR;
    it->second.format->format(names.data(), values.data(), static_cast<int32_t>(args.size()), out, status);
    if (U_FAILURE(status)) {
        WarnOnce("format error", key, std::string(u_errorName(status)) + "; showing the raw pattern");
        return pattern;
    }
    return FromIcu(out);
}

const std::string& Localizer::Text(std::string_view key) {
    if (const auto it = text_cache_.find(key); it != text_cache_.end()) return it->second;
    const Resolved r = Resolve(key);
    std::string text = r.pattern ? FormatResolved(key, *r.pattern, *r.from, {}) : std::string(key);
    return text_cache_.emplace(std::string(key), std::move(text)).first->second;
}

std::string Localizer::Format(std::string_view key, std::initializer_list<Arg> args) {
    const Resolved r = Resolve(key);
    if (!r.pattern) return std::string(key);
    return FormatResolved(key, *r.pattern, *r.from, args);
}

std::string Localizer::FormatPattern(std::string_view pattern, std::initializer_list<Arg> args) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    icu::MessageFormat format(ToIcu(pattern), impl_->locale, parse_error, status);
    if (U_FAILURE(status)) {
        WarnOnce("bad pattern", pattern, std::string(u_errorName(status)) + "; showing the raw pattern");
        return std::string(pattern);
    }
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    for (const Arg& arg : args) {
        names.push_back(ToIcu(arg.name));
        values.push_back(ToFormattable(arg.value));
    }
    icu::UnicodeString out;
    format.format(names.data(), values.data(), static_cast<int32_t>(args.size()), out, status);
    if (U_FAILURE(status)) {
        WarnOnce("format error", pattern, std::string(u_errorName(status)) + "; showing the raw pattern");
        return std::string(pattern);
    }
    return FromIcu(out);
}

std::string Localizer::FormatInteger(std::int64_t value) {
    if (!impl_->integer_format) {
        UErrorCode status = U_ZERO_ERROR;
        impl_->integer_format.reset(icu::NumberFormat::createInstance(impl_->locale, status));
        if (U_FAILURE(status)) impl_->integer_format.reset();
    }
    if (!impl_->integer_format) return std::to_string(value);
    icu::UnicodeString out;
    impl_->integer_format->format(static_cast<int64_t>(value), out);
    return FromIcu(out);
}

std::string Localizer::FormatDecimal(double value, int max_fraction_digits) {
    if (!impl_->decimal_format) {
        UErrorCode status = U_ZERO_ERROR;
        impl_->decimal_format.reset(icu::NumberFormat::createInstance(impl_->locale, status));
        if (U_FAILURE(status)) impl_->decimal_format.reset();
    }
    if (!impl_->decimal_format) return std::to_string(value);
    impl_->decimal_format->setMinimumFractionDigits(0);
    impl_->decimal_format->setMaximumFractionDigits(std::max(0, max_fraction_digits));
    icu::UnicodeString out;
    impl_->decimal_format->format(value, out);
    return FromIcu(out);
}

std::string Localizer::FormatTime(TimePoint t) {
    if (!impl_->time_format) {
        impl_->time_format.reset(icu::DateFormat::createTimeInstance(icu::DateFormat::kShort, impl_->locale));
    }
    if (!impl_->time_format) return FormatIsoUtc(t);
    icu::UnicodeString out;
    impl_->time_format->format(ToUDate(t), out);
    return FromIcu(out);
}

std::string Localizer::FormatDate(TimePoint t, DateStyle style) {
    auto& format = impl_->date_formats[static_cast<int>(style)];
    if (!format) format.reset(icu::DateFormat::createDateInstance(ToIcuStyle(style), impl_->locale));
    if (!format) return FormatIsoUtc(t);
    icu::UnicodeString out;
    format->format(ToUDate(t), out);
    return FromIcu(out);
}

std::string Localizer::FormatDateTime(TimePoint t, DateStyle date_style) {
    auto& format = impl_->date_time_formats[static_cast<int>(date_style)];
    if (!format) {
        format.reset(icu::DateFormat::createDateTimeInstance(ToIcuStyle(date_style), icu::DateFormat::kShort,
                                                             impl_->locale));
    }
    if (!format) return FormatIsoUtc(t);
    icu::UnicodeString out;
    format->format(ToUDate(t), out);
    return FromIcu(out);
}

}  // namespace ck::loc
