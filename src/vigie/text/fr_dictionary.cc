// A faster copy of the French hunspell dictionary, derived in memory at load time.
//
// fr.aff declares prefix classes that hunspell tries on every word: the elisions (l', d',
// qu', jusqu'…) and the SI unit prefixes (kilo, milli, k, m…), some of them empty, which
// makes hunspell run its whole suffix search again for each. Measured on the Wikinews
// vocabulary, dropping the prefix rules makes analyze() about three times faster, with the
// same analyses for every word but the prefixed units. Our tokenizer already splits
// elisions off, so those rules are dead weight; the units (81 entries) are kept by writing
// out their prefixed forms as plain dictionary entries ("kilomètre", "km").
//
// Nothing derived is ever stored: the copy lives in memory for the time hunspell reads it.

#include <string>
#include <string_view>
#include <vector>

#include "vigie/text/lexicon.h"

namespace vigie::text {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The prefix classes of unit entries, whose prefixes are expanded into the dictionary.
constexpr std::string_view kUnitClasses[] = {"Um", "Ui", "U."};

struct UnitClass {
  std::string_view flag;
  std::vector<std::string> prefixes;  // non-empty, non-elided
  bool plural = false;                // the class passes on the plural suffix class S.
};

std::vector<std::string_view> Lines(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find('\n', i);
    if (j == std::string_view::npos) j = s.size();
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

// FLAG long: flags are pairs of characters. Returns them, or empty when the flag field is
// not plain ASCII pairs (then the entry is left alone).
std::vector<std::string_view> FlagPairs(std::string_view flags) {
  std::vector<std::string_view> out;
  if (flags.size() % 2 != 0) return {};
  for (size_t i = 0; i < flags.size(); i += 2) {
    if (static_cast<unsigned char>(flags[i]) >= 0x80 ||
        static_cast<unsigned char>(flags[i + 1]) >= 0x80) {
      return {};
    }
    out.push_back(flags.substr(i, 2));
  }
  return out;
}

}  // namespace

bool DeriveFastFrenchDictionary(std::string_view aff, std::string_view dic, std::string* aff_out,
                                std::string* dic_out) {
  if (aff.find("\nFLAG long") == std::string_view::npos) return false;  // not the layout we know
  std::vector<UnitClass> units;
  for (std::string_view f : kUnitClasses) units.push_back(UnitClass{f, {}, false});

  aff_out->clear();
  aff_out->reserve(aff.size());
  for (std::string_view line : Lines(aff)) {
    if (StartsWith(line, "PFX ")) {
      std::vector<std::string_view> f = Fields(line);
      for (UnitClass& u : units) {
        if (f.size() >= 5 && f[1] == u.flag) {
          std::string_view add = f[3].substr(0, f[3].find('/'));
          if (f[3].find("S.") != std::string_view::npos) u.plural = true;
          if (add != "0" && add.find('\'') == std::string_view::npos) {
            u.prefixes.emplace_back(add);
          }
        }
      }
      continue;  // every prefix rule goes
    }
    aff_out->append(line);
    aff_out->push_back('\n');
  }

  dic_out->clear();
  dic_out->reserve(dic.size() + 64 * 1024);
  std::string extra;
  for (std::string_view line : Lines(dic)) {
    size_t slash = line.find('/');
    size_t space = line.find_first_of(" \t");
    if (slash == std::string_view::npos || (space != std::string_view::npos && slash > space)) {
      dic_out->append(line);
      dic_out->push_back('\n');
      continue;
    }
    std::string_view word = line.substr(0, slash);
    std::string_view flags =
        line.substr(slash + 1, (space == std::string_view::npos ? line.size() : space) - slash - 1);
    std::string_view rest = space == std::string_view::npos ? "" : line.substr(space);
    const UnitClass* unit = nullptr;
    std::string kept;
    for (std::string_view pair : FlagPairs(flags)) {
      bool is_unit = false;
      for (const UnitClass& u : units) {
        if (pair == u.flag) {
          unit = &u;
          is_unit = true;
        }
      }
      // NEEDAFFIX "()" made the bare unit depend on the (empty) prefix we removed.
      if (!is_unit && pair != "()") kept.append(pair);
    }
    if (unit == nullptr) {
      dic_out->append(line);
      dic_out->push_back('\n');
      continue;
    }
    if (unit->plural && kept.find("S.") == std::string::npos) kept += "S.";
    auto entry = [&](std::string_view prefix) {
      extra.append(prefix);
      extra.append(word);
      if (!kept.empty()) {
        extra.push_back('/');
        extra.append(kept);
      }
      extra.append(rest);
      extra.push_back('\n');
    };
    entry("");
    for (const std::string& p : unit->prefixes) entry(p);
  }
  dic_out->append(extra);
  return true;
}

}  // namespace vigie::text
