#pragma once
// Query-string parameters of the HTTP API, parsed and checked. Every accessor returns
// InvalidArgument naming the parameter and what was wrong, so that a bad request gets a 400
// that says how to fix it. Pure; no HTTP library here (the server and the fuzzer share it).

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "vigie/base/result.h"
#include "vigie/store/store.h"

namespace vigie::server {

class Params {
 public:
  Params() = default;
  // Parses "a=1&b=x%20y" (the part after '?'); '+' is a space, %XX is decoded. A repeated
  // name keeps its last value. Malformed escapes are kept as written.
  static Params FromQuery(std::string_view query);
  void Set(std::string name, std::string value) { values_[std::move(name)] = std::move(value); }

  // The raw value, "" when absent.
  const std::string& Get(std::string_view name) const;
  bool Has(std::string_view name) const { return values_.find(name) != values_.end(); }

  // An integer in [lo, hi]; `fallback` when absent or empty.
  Result<int64_t> Int(std::string_view name, int64_t fallback, int64_t lo, int64_t hi) const;
  // "1"/"true"/"yes" or "0"/"false"/"no"; `fallback` when absent.
  Result<bool> Bool(std::string_view name, bool fallback) const;
  // A "YYYY-MM-DD" day, "" when absent.
  Result<std::string> Day(std::string_view name) const;
  // An actor key: upper-case ASCII letters, digits and '_', at most 32; "" when absent.
  Result<std::string> ActorKey(std::string_view name) const;
  // Free text (search words), at most 512 bytes of valid UTF-8; "" when absent.
  Result<std::string> Text(std::string_view name) const;

  // The event filter of doc/api.md (actor, a, b, directed, code, quad, modality, lang, site,
  // from, to, text).
  Result<store::EventFilter> Filter() const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

}  // namespace vigie::server
