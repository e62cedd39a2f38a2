// NFC normalisation with ICU. Most news text is ASCII or already NFC, so the common case is a
// quick check and a copy; ICU's UTF-16 round trip is only paid for text that really changes.

#include "vigie/text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include "vigie/base/utf8.h"

namespace vigie::text {
namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// The NFC instance is a process-wide singleton owned by ICU: fetching it is thread-safe and
// the pointer stays valid until u_cleanup(). nullptr only when ICU's data is missing.
const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* const nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfc;
}

// `s` must be valid UTF-8 and shorter than kChunkBytes (ICU indexes with int32_t).
std::string NormalizeValid(std::string_view s) {
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr) return std::string(s);  // no ICU data: better unnormalised than lost
  icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  UErrorCode status = U_ZERO_ERROR;
  // Works on the UTF-8 directly: almost all real text is already NFC and needs no copy to
  // UTF-16.
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(s);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = nfc->normalize(icu::UnicodeString::fromUTF8(piece), status);
  if (U_FAILURE(status)) return std::string(s);
  std::string result;
  out.toUTF8String(result);
  return result;
}

// Largest chunk handed to ICU at once: well under INT32_MAX once widened to UTF-16.
constexpr size_t kChunkBytes = size_t{1} << 28;

// Cuts `s` at or before `limit` on a line break (a normalisation boundary in practice) or,
// failing that, before a UTF-8 lead byte, so no code point is split.
size_t ChunkEnd(std::string_view s, size_t limit) {
  if (s.size() <= limit) return s.size();
  size_t nl = s.rfind('\n', limit);
  if (nl != std::string_view::npos && nl > 0) return nl + 1;
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return end == 0 ? limit : end;
}

}  // namespace

std::string ToNfc(std::string_view s) {
  // ASCII is invariant under every normalisation form.
  if (IsAscii(s)) return std::string(s);
  std::string repaired;
  std::string_view valid = s;
  if (!utf8::IsValid(s) || s.find('\0') != std::string_view::npos) {
    repaired = utf8::Repair(s);
    valid = repaired;
  }
  if (valid.size() < kChunkBytes) return NormalizeValid(valid);
  std::string out;
  out.reserve(valid.size());
  while (!valid.empty()) {
    size_t end = ChunkEnd(valid, kChunkBytes);
    out += NormalizeValid(valid.substr(0, end));
    valid.remove_prefix(end);
  }
  return out;
}

}  // namespace vigie::text
