// Language identification with CLD2. CLD2 is stateless after its static tables load, so
// concurrent calls are safe.

#include "vigie/text/language.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <string>

#include <cld2/internal/generated_language.h>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "vigie/base/strings.h"
#include "vigie/base/utf8.h"

namespace vigie::text {
namespace {

// CLD2 scores at most the first few hundred KB in practice; capping the input keeps very
// large documents cheap and inside CLD2's int lengths.
constexpr size_t kMaxBytes = 1 << 20;

// Maps a CLD2 code to ISO 639-1. CLD2 uses the 639-1 code when there is one, but keeps a few
// legacy or Google-specific forms ("iw", "zh-Hant", "un").
// Takes the raw value: CLD2 may leave an out-of-range value in its outputs, and reading that
// as a `Language` would be undefined (UBSan found it by fuzzing).
std::string ToIso6391(int raw) {
  if (raw < 0 || raw >= CLD2::NUM_LANGUAGES) return "";
  const auto lang = static_cast<CLD2::Language>(raw);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "";
  std::string code = CLD2::LanguageCode(lang);
  if (size_t dash = code.find('-'); dash != std::string::npos) code.resize(dash);
  if (code == "un" || code == "xxx") return "";
  if (code == "iw") return "he";
  if (code == "in") return "id";
  if (code == "jw") return "jv";
  return code;
}

// Truncates at a code point boundary so the prefix stays valid UTF-8.
std::string_view Prefix(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

int RawValue(const CLD2::Language& lang) {
  static_assert(sizeof(CLD2::Language) == sizeof(int));
  int raw;
  std::memcpy(&raw, &lang, sizeof raw);
  return raw;
}

// One CLD2 call; `text` must be valid UTF-8.
LanguageGuess Detect(std::string_view text, const CLD2::CLDHints& hints, bool best_effort) {
  CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                                 CLD2::UNKNOWN_LANGUAGE};
  int percent3[3] = {0, 0, 0};
  double normalized_score3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language top = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints,
      best_effort ? CLD2::kCLDFlagBestEffort : 0, language3, percent3, normalized_score3,
      /*resultchunkvector=*/nullptr, &text_bytes, &reliable, &valid_prefix);
  LanguageGuess guess;
  guess.code = ToIso6391(RawValue(top));
  // Best effort can leave the summary unknown while language3 still holds a candidate.
  if (guess.code.empty() && best_effort) guess.code = ToIso6391(RawValue(language3[0]));
  if (guess.code.empty()) return LanguageGuess{};
  guess.percent = std::clamp(percent3[0], 0, 100);
  guess.reliable = reliable;
  return guess;
}

}  // namespace

LanguageGuess DetectLanguage(std::string_view utf8_text, std::string_view hint) {
  LanguageGuess guess;
  std::string repaired;
  std::string_view text = Prefix(utf8_text, kMaxBytes);
  // CheckUTF8 would give up on the first bad byte; repairing keeps the rest of the text usable.
  if (!utf8::IsValid(text)) {
    repaired = utf8::Repair(text);
    text = repaired;
  }
  if (text.empty()) return guess;

  std::string hint_str(hint);
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  if (!hint_str.empty()) {
    CLD2::Language hinted = CLD2::GetLanguageFromName(hint_str.c_str());
    if (hinted != CLD2::UNKNOWN_LANGUAGE) {
      hints.language_hint = hinted;
      // The content-language hint is a second, stronger prior than language_hint alone.
      hints.content_language_hint = hint_str.c_str();
    }
  }

  // A first pass without best effort lets CLD2 say when the text is too short to judge; only
  // then is the best-effort guess taken, and it is never called reliable (CLD2 reports
  // best-effort guesses on three words as "reliable").
  guess = Detect(text, hints, /*best_effort=*/false);
  if (guess.code.empty()) {
    guess = Detect(text, hints, /*best_effort=*/true);
    guess.reliable = false;
  }
  return guess;
}

std::string LanguageFromTag(std::string_view tag) {
  tag = str::Trim(tag);
  if (tag.size() < 2) return {};
  char a = static_cast<char>(tag[0] | 0x20), b = static_cast<char>(tag[1] | 0x20);
  if (a < 'a' || a > 'z' || b < 'a' || b > 'z') return {};
  if (tag.size() > 2 && tag[2] != '-' && tag[2] != '_') return {};
  return std::string{a, b};
}

}  // namespace vigie::text
