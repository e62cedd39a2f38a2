#include "vigie/server/params.h"

#include <charconv>

#include "vigie/base/utf8.h"

namespace vigie::server {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 &&
               HexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

Status Bad(std::string_view name, std::string_view what) {
  return Status::InvalidArgument("parameter `" + std::string(name) + "`: " + std::string(what));
}

}  // namespace

Params Params::FromQuery(std::string_view query) {
  Params p;
  size_t start = 0;
  while (start <= query.size()) {
    size_t amp = query.find('&', start);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view pair = query.substr(start, amp - start);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      std::string name = Decode(pair.substr(0, eq));
      std::string value = eq == std::string_view::npos ? "" : Decode(pair.substr(eq + 1));
      p.values_[std::move(name)] = std::move(value);
    }
    start = amp + 1;
  }
  return p;
}

const std::string& Params::Get(std::string_view name) const {
  static const std::string kEmpty;
  auto it = values_.find(name);
  return it == values_.end() ? kEmpty : it->second;
}

Result<int64_t> Params::Int(std::string_view name, int64_t fallback, int64_t lo, int64_t hi) const {
  const std::string& v = Get(name);
  if (v.empty()) return fallback;
  int64_t out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size()) return Bad(name, "not an integer");
  if (out < lo || out > hi) {
    return Bad(name, "out of range " + std::to_string(lo) + ".." + std::to_string(hi));
  }
  return out;
}

Result<bool> Params::Bool(std::string_view name, bool fallback) const {
  const std::string& v = Get(name);
  if (v.empty()) return fallback;
  if (v == "1" || v == "true" || v == "yes") return true;
  if (v == "0" || v == "false" || v == "no") return false;
  return Bad(name, "expected 1 or 0");
}

Result<std::string> Params::Day(std::string_view name) const {
  const std::string& v = Get(name);
  if (v.empty()) return std::string();
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (v[i] < '0' || v[i] > '9') return false;
    }
    return true;
  };
  // The store checks the calendar; this only keeps other shapes out.
  if (v.size() != 10 || v[4] != '-' || v[7] != '-' || !digits(0, 4) || !digits(5, 2) ||
      !digits(8, 2)) {
    return Bad(name, "expected YYYY-MM-DD");
  }
  return v;
}

Result<std::string> Params::ActorKey(std::string_view name) const {
  const std::string& v = Get(name);
  if (v.size() > 32) return Bad(name, "longer than 32 characters");
  for (char c : v) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
      return Bad(name, "an actor key is upper-case letters, digits and _ (DZA, NATO)");
    }
  }
  return v;
}

Result<std::string> Params::Text(std::string_view name) const {
  const std::string& v = Get(name);
  if (v.size() > 512) return Bad(name, "longer than 512 bytes");
  if (!utf8::IsValid(v)) return Bad(name, "not valid UTF-8");
  return v;
}

Result<store::EventFilter> Params::Filter() const {
  store::EventFilter f;
  VIGIE_ASSIGN_OR_RETURN(f.actor, ActorKey("actor"));
  VIGIE_ASSIGN_OR_RETURN(f.a, ActorKey("a"));
  VIGIE_ASSIGN_OR_RETURN(f.b, ActorKey("b"));
  if (f.a.empty() != f.b.empty()) return Bad(f.a.empty() ? "a" : "b", "a dyad needs a and b");
  VIGIE_ASSIGN_OR_RETURN(f.directed, Bool("directed", false));
  const std::string& code = Get("code");
  if (code.size() > 4) return Bad("code", "a CAMEO code has 2 to 4 digits");
  for (char c : code) {
    if (c < '0' || c > '9') return Bad("code", "a CAMEO code has 2 to 4 digits");
  }
  if (!code.empty() && code.size() < 2) return Bad("code", "a CAMEO code has 2 to 4 digits");
  f.code = code;
  VIGIE_ASSIGN_OR_RETURN(int64_t quad, Int("quad", 0, 0, 4));
  f.quad = static_cast<int>(quad);
  if (const std::string& m = Get("modality"); !m.empty()) {
    auto modality = store::ParseModality(m);
    if (!modality.ok()) return Bad("modality", modality.status().message());
    f.modality = *modality;
  }
  const std::string& lang = Get("lang");
  if (!lang.empty() && lang != "fr" && lang != "en") return Bad("lang", "fr or en");
  f.lang = lang;
  VIGIE_ASSIGN_OR_RETURN(f.site, Text("site"));
  VIGIE_ASSIGN_OR_RETURN(f.from, Day("from"));
  VIGIE_ASSIGN_OR_RETURN(f.to, Day("to"));
  VIGIE_ASSIGN_OR_RETURN(f.text, Text("text"));
  return f;
}

}  // namespace vigie::server
