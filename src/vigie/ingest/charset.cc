#include "vigie/ingest/charset.h"

#include <memory>
#include <string>

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "vigie/base/strings.h"
#include "vigie/base/utf8.h"

namespace vigie::ingest {
namespace {

constexpr size_t kMetaScanBytes = 4096;
// uchardet is fed at most this much: enough to see the non-ASCII letters of a long page.
constexpr size_t kDetectBytes = 4u << 20;

std::string_view BomCharset(std::string_view b) {
  auto at = [&](size_t i) { return static_cast<unsigned char>(b[i]); };
  if (b.size() >= 3 && at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return "UTF-8";
  if (b.size() >= 4 && at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) {
    return "UTF-32LE";
  }
  if (b.size() >= 4 && at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF) {
    return "UTF-32BE";
  }
  if (b.size() >= 2 && at(0) == 0xFF && at(1) == 0xFE) return "UTF-16LE";
  if (b.size() >= 2 && at(0) == 0xFE && at(1) == 0xFF) return "UTF-16BE";
  return "";
}

size_t BomLength(std::string_view charset) {
  if (charset == "UTF-8") return 3;
  if (charset == "UTF-16LE" || charset == "UTF-16BE") return 2;
  return 4;
}

// The canonical name of a charset ICU knows, or "" when it does not. Latin-1 and ASCII
// labels are read as windows-1252, its superset, as browsers do (WHATWG Encoding).
std::string Canonical(std::string_view label) {
  std::string name(str::Trim(label));
  while (!name.empty() && (name.back() == '"' || name.back() == '\'' || name.back() == ';')) {
    name.pop_back();
  }
  while (!name.empty() && (name.front() == '"' || name.front() == '\'')) name.erase(0, 1);
  if (name.empty() || name.size() > 64) return "";
  std::string lower = str::AsciiLower(name);
  if (lower == "iso-8859-1" || lower == "latin1" || lower == "latin-1" || lower == "iso8859-1" ||
      lower == "us-ascii" || lower == "ascii" || lower == "l1" || lower == "cp1252" ||
      lower == "x-cp1252") {
    return "windows-1252";
  }
  if (lower == "utf8") return "UTF-8";
  UErrorCode err = U_ZERO_ERROR;
  const char* std_name = ucnv_getStandardName(name.c_str(), "MIME", &err);
  if (U_FAILURE(err) || std_name == nullptr) {
    err = U_ZERO_ERROR;
    std_name = ucnv_getStandardName(name.c_str(), "IANA", &err);
  }
  if (U_SUCCESS(err) && std_name != nullptr) {
    std::string canon = std_name;
    if (str::EqualsNoCase(canon, "ISO-8859-1") || str::EqualsNoCase(canon, "US-ASCII")) {
      return "windows-1252";
    }
    return canon;
  }
  // Not a standard alias but maybe still an ICU converter name.
  err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(name.c_str(), &err);
  if (U_FAILURE(err) || conv == nullptr) return "";
  ucnv_close(conv);
  return name;
}

// The value after "charset=" in `s` (a meta tag or a Content-Type), or "".
std::string_view CharsetParam(std::string_view s) {
  std::string lower = str::AsciiLower(s);
  size_t at = lower.find("charset");
  if (at == std::string::npos) return "";
  size_t i = at + 7;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i >= s.size() || s[i] != '=') return "";
  ++i;
  while (i < s.size() && (s[i] == ' ' || s[i] == '"' || s[i] == '\'')) ++i;
  size_t end = i;
  while (end < s.size() && s[end] != '"' && s[end] != '\'' && s[end] != ';' && s[end] != ' ' &&
         s[end] != '>' && s[end] != '/' && s[end] != '\t') {
    ++end;
  }
  return s.substr(i, end - i);
}

// <meta charset=...> or <meta http-equiv=content-type content="...; charset=..."> in the head.
std::string MetaCharset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, kMetaScanBytes);
  std::string lower = str::AsciiLower(head);
  size_t pos = 0;
  while ((pos = lower.find("<meta", pos)) != std::string::npos) {
    size_t end = lower.find('>', pos);
    if (end == std::string::npos) break;
    std::string_view tag = head.substr(pos, end - pos);
    std::string_view value = CharsetParam(tag);
    if (!value.empty()) {
      std::string canon = Canonical(value);
      // A page whose bytes we can read as ASCII cannot really be UTF-16 (HTML spec).
      if (canon.rfind("UTF-16", 0) == 0 || canon.rfind("UTF-32", 0) == 0) return "UTF-8";
      if (!canon.empty()) return canon;
    }
    pos = end;
  }
  return "";
}

std::string Uchardet(std::string_view bytes) {
  uchardet_t ud = uchardet_new();
  if (ud == nullptr) return "";
  std::string_view sample = bytes.substr(0, kDetectBytes);
  std::string result;
  if (uchardet_handle_data(ud, sample.data(), sample.size()) == 0) {
    uchardet_data_end(ud);
    const char* cs = uchardet_get_charset(ud);
    if (cs != nullptr) result = cs;
  }
  uchardet_delete(ud);
  return result;
}

// UTF-8 in, valid UTF-8 out, without the BOM.
std::string RepairUtf8(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (utf8::IsValid(bytes) && bytes.find('\0') == std::string_view::npos) {
    return std::string(bytes);
  }
  return utf8::Repair(bytes);
}

}  // namespace

std::string DetectCharset(std::string_view bytes, std::string_view declared, bool is_html) {
  std::string_view bom = BomCharset(bytes);
  if (!bom.empty()) return std::string(bom);
  bool valid_utf8 = utf8::IsValid(bytes);
  // A declaration of UTF-8 over bytes that are not UTF-8 is a common server mistake: the
  // bytes are the better witness, so the declaration is then ignored.
  std::string canon = Canonical(declared);
  if (!canon.empty() && (canon != "UTF-8" || valid_utf8)) return canon;
  if (is_html) {
    std::string meta = MetaCharset(bytes);
    if (!meta.empty() && (meta != "UTF-8" || valid_utf8)) return meta;
  }
  if (valid_utf8) return "UTF-8";
  std::string guess = Canonical(Uchardet(bytes));
  if (guess.empty() || guess == "UTF-8") return "windows-1252";
  return guess;
}

Result<std::string> ConvertToUtf8(std::string_view bytes, std::string_view charset) {
  std::string canon = Canonical(charset);
  if (canon.empty()) {
    return Status::InvalidArgument("unknown charset \"" + std::string(charset) + "\"");
  }
  if (canon == "UTF-8") return RepairUtf8(bytes);
  std::string_view bom = BomCharset(bytes);
  if (!bom.empty() && str::EqualsNoCase(bom.substr(0, 6), canon.substr(0, 6))) {
    bytes.remove_prefix(BomLength(bom));
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX / 2)) {
    return Status::InvalidArgument("text too large to convert");
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(canon.c_str(), &err),
                                                          ucnv_close);
  if (U_FAILURE(err) || conv == nullptr) {
    return Status::InvalidArgument("unknown charset \"" + std::string(charset) + "\"");
  }
  // Every byte yields at most two UTF-16 units (one code point, maybe a pair).
  std::u16string wide(bytes.size() * 2 + 2, u'\0');
  int32_t n = ucnv_toUChars(conv.get(), wide.data(), static_cast<int32_t>(wide.size()),
                            bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) {
    return Status::InvalidArgument("cannot convert from " + canon + ": " + u_errorName(err));
  }
  std::string out;
  out.reserve(static_cast<size_t>(n) * 3 / 2 + 16);
  for (int32_t i = 0; i < n; ++i) {
    char32_t cp = wide[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n && wide[i + 1] >= 0xDC00 &&
        wide[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (wide[i + 1] - 0xDC00);
      ++i;
    }
    if (cp == 0 || (out.empty() && cp == 0xFEFF)) continue;  // NULs, a leftover BOM
    if (cp == 0x1A) cp = utf8::kReplacement;  // ICU's substitute for bad bytes in SBCS
    utf8::Append(cp, &out);                   // lone surrogates become U+FFFD
  }
  return out;
}

std::string DecodeToUtf8(std::string_view bytes, std::string_view declared, bool is_html) {
  std::string charset = DetectCharset(bytes, declared, is_html);
  auto converted = ConvertToUtf8(bytes, charset);
  if (converted.ok()) return std::move(converted).value();
  auto fallback = ConvertToUtf8(bytes, "windows-1252");
  if (fallback.ok()) return std::move(fallback).value();
  return utf8::Repair(bytes);
}

}  // namespace vigie::ingest
