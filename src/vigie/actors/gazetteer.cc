#include "vigie/actors/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "vigie/actors/internal/cues.h"
#include "vigie/base/strings.h"
#include "vigie/text/analyzer.h"

namespace vigie::actors {
namespace {

constexpr size_t kColumns = 12;

struct TypeName {
  EntryType type;
  const char* name;
};
constexpr TypeName kTypeNames[] = {
    {EntryType::kCountry, "country"}, {EntryType::kDemonym, "demonym"},
    {EntryType::kCapital, "capital"}, {EntryType::kMetonym, "metonym"},
    {EntryType::kOrg, "org"},         {EntryType::kGroup, "group"},
    {EntryType::kPerson, "person"},   {EntryType::kRole, "role"},
    {EntryType::kPlace, "place"},
};

bool ParseType(std::string_view s, EntryType* out) {
  for (const auto& t : kTypeNames) {
    if (s == t.name) {
      *out = t.type;
      return true;
    }
  }
  return false;
}

bool ParseDouble(std::string_view s, double* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

}  // namespace

const char* EntryTypeName(EntryType t) {
  for (const auto& n : kTypeNames) {
    if (n.type == t) return n.name;
  }
  return nullptr;
}

bool Entry::HoldsOn(std::string_view date) const {
  if (date.empty()) return to.empty();
  if (!from.empty() && date < std::string_view(from)) return false;
  if (!to.empty() && date > std::string_view(to)) return false;
  return true;
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& dir,
                                                   std::vector<std::string>* warnings) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::NotFound("gazetteer directory " + dir + " not found");
  }
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".tsv") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  auto g = std::unique_ptr<Gazetteer>(new Gazetteer());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return Status::IOError("cannot read " + p.string());
    std::stringstream ss;
    ss << in.rdbuf();
    g->AddTsv(ss.str(), p.string(), warnings);
  }
  if (g->size() == 0) return Status::InvalidArgument("no gazetteer entries in " + dir);
  return g;
}

void Gazetteer::AddTsv(std::string_view tsv, const std::string& source,
                       std::vector<std::string>* warnings) {
  files_.push_back(source);
  const auto file = static_cast<uint16_t>(files_.size() - 1);
  auto warn = [&](uint32_t line, const std::string& what) {
    if (warnings) warnings->push_back(source + ":" + std::to_string(line) + ": " + what);
  };
  uint32_t line_no = 0;
  for (std::string_view line : str::Split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (str::Trim(line).empty() || line.front() == '#') continue;
    auto cols = str::Split(line, '\t');
    if (cols.size() < kColumns) {
      warn(line_no, "expected " + std::to_string(kColumns) + " tab-separated columns, got " +
                        std::to_string(cols.size()));
      continue;
    }
    Entry e;
    e.form = std::string(str::Trim(cols[0]));
    e.lang = std::string(cols[1]);
    if (e.form.empty()) {
      warn(line_no, "empty form");
      continue;
    }
    if (e.lang != "fr" && e.lang != "en" && e.lang != "*") {
      warn(line_no, "lang must be fr, en or *, not '" + e.lang + "'");
      continue;
    }
    if (cols[2] == "relation") {
      e.type = EntryType::kRole;
      e.relation = true;
    } else if (!ParseType(cols[2], &e.type)) {
      warn(line_no, "unknown type '" + std::string(cols[2]) + "'");
      continue;
    }
    e.country = std::string(cols[3]);
    e.org = std::string(cols[4]);
    e.role = std::string(cols[5]);
    e.name = std::string(cols[6]);
    if (!cols[7].empty() || !cols[8].empty()) {
      if (!ParseDouble(cols[7], &e.lat) || !ParseDouble(cols[8], &e.lon) || e.lat < -90 ||
          e.lat > 90 || e.lon < -180 || e.lon > 180) {
        warn(line_no, "bad coordinates");
        continue;
      }
      e.has_coords = true;
    }
    e.from = std::string(cols[9]);
    e.to = std::string(cols[10]);
    if ((!e.from.empty() && !IsIsoDate(e.from)) || (!e.to.empty() && !IsIsoDate(e.to))) {
      warn(line_no, "dates must be YYYY-MM-DD");
      continue;
    }
    if (!cols[11].empty()) {
      auto r = cols[11];
      auto [p, ec] = std::from_chars(r.data(), r.data() + r.size(), e.rank);
      if (ec != std::errc() || p != r.data() + r.size()) {
        warn(line_no, "rank must be an integer");
        continue;
      }
    }
    if (e.country.size() != 0 && e.country.size() != 3) {
      warn(line_no, "country must be an ISO 3166-1 alpha-3 code");
      continue;
    }
    e.file = file;
    e.file_line = line_no;
    Add(std::move(e));
  }
}

namespace {

// Folded token sequences under which an entry is found. The tokenizer splits a hyphen
// between two capitalised parts ("Guinée-Bissau", "Al-Qaïda") and keeps it otherwise
// ("al-Qaïda", "guinée-bissau"), so a hyphenated name is indexed both ways, whatever the
// case it is written in.
std::vector<std::vector<std::string>> Spellings(const std::vector<text::Token>& tokens,
                                                size_t skip) {
  std::vector<std::string> as_written, joined, split;
  const bool hyphenated =
      std::any_of(tokens.begin() + static_cast<ptrdiff_t>(skip), tokens.end(),
                  [](const text::Token& t) { return t.norm.find('-') != std::string::npos; });
  if (!hyphenated) {  // most names: one spelling, and no copies at load time
    for (size_t k = skip; k < tokens.size(); ++k) as_written.push_back(tokens[k].norm);
    return {std::move(as_written)};
  }
  for (size_t k = skip; k < tokens.size(); ++k) {
    const std::string& norm = tokens[k].norm;
    as_written.push_back(norm);
    const bool glued = k > skip && tokens[k - 1].end == tokens[k].begin;
    if (glued && (norm == "-" || (!joined.empty() && joined.back().ends_with('-')))) {
      joined.back() += norm;
    } else {
      joined.push_back(norm);
    }
    for (size_t b = 0;;) {
      size_t h = norm.find('-', b + 1);
      if (h == std::string::npos || h + 1 >= norm.size()) {
        split.push_back(norm.substr(b));
        break;
      }
      split.push_back(norm.substr(b, h - b));
      split.push_back("-");
      b = h + 1;
    }
  }
  std::vector<std::vector<std::string>> out{std::move(as_written)};
  for (auto* v : {&joined, &split}) {
    if (std::find(out.begin(), out.end(), *v) == out.end()) out.push_back(std::move(*v));
  }
  return out;
}

// The key under which people's names are also indexed: y read as i and doubled letters
// single, the two ways transliterations of one name differ most ("Bourrita"/"Bourita",
// "Zelenskiy"/"Zelensky", "Tebbounne"/"Tebboune").
std::string SpellingKey(std::string_view norm) {
  std::string key;
  key.reserve(norm.size());
  for (char c : norm) {
    if (c == 'y') c = 'i';
    if (key.empty() || key.back() != c) key.push_back(c);
  }
  return key;
}

// Words of an official name that say the state is a monarchy or a theocracy, so that "le
// royaume" or "the Islamic Republic" can stand for it. "République" or "State" alone say
// nothing: most states are one.
bool IsKindOfStateWord(std::string_view norm) {
  return str::In(norm,
                 {"royaume", "kingdom", "emirat", "emirate", "sultanat", "sultanate", "principaute",
                  "principality", "grand-duche", "duche", "duchy", "islamique", "islamic"});
}

}  // namespace

void Gazetteer::Add(Entry e) {
  auto tokens = text::Tokenize(e.form);
  size_t skip = 0;
  // Articles written in front of a form are the recognizer's business, not the entry's.
  while (tokens.size() > skip + 1 && internal::IsArticle(tokens[skip])) ++skip;
  if (tokens.size() <= skip) return;
  e.proper = tokens[skip].upper_initial;
  e.acronym = tokens[skip].all_upper;
  const auto id = static_cast<uint32_t>(entries_.size());
  const EntryType type = e.type;
  entries_.push_back(std::move(e));
  for (std::vector<std::string>& norms : Spellings(tokens, skip)) {
    max_tokens_ = std::max<uint32_t>(max_tokens_, static_cast<uint32_t>(norms.size()));
    Index(norms, id, &index_);
    if (type == EntryType::kPerson) {
      for (std::string& n : norms) n = SpellingKey(n);
      Index(norms, id, &person_variants_);
    }
  }
  if (type == EntryType::kCountry) IndexDescription(tokens, skip, id);
}

void Gazetteer::IndexDescription(const std::vector<text::Token>& tokens, size_t skip, uint32_t id) {
  std::vector<std::string> words;  // the words before the first "de"/"of"
  bool kind_of_state = false;
  for (size_t k = skip; k < tokens.size(); ++k) {
    const std::string& norm = tokens[k].norm;
    if (internal::IsOfLink(tokens[k])) {
      if (kind_of_state) Index(words, id, &state_descriptions_);
      return;
    }
    kind_of_state = kind_of_state || IsKindOfStateWord(norm);
    words.push_back(norm);
  }
}

void Gazetteer::Index(const std::vector<std::string>& norms, uint32_t id, PhraseIndex* index) {
  auto& phrases = (*index)[norms.front()];
  std::vector<std::string> tail(norms.begin() + 1, norms.end());
  for (auto& ph : phrases) {
    if (ph.tail == tail) {
      ph.entries.push_back(id);
      return;
    }
  }
  auto pos = std::find_if(phrases.begin(), phrases.end(),
                          [&](const Phrase& ph) { return ph.tail.size() < tail.size(); });
  phrases.insert(pos, Phrase{std::move(tail), {id}});
}

// kVariants: compare SpellingKey()s, not the folded words (a template, so that the exact
// match, which runs on every token, pays nothing for it).
template <bool kVariants>
void Gazetteer::MatchIn(const PhraseIndex& index, std::span<const text::Token> tokens, uint32_t i,
                        std::vector<Match>* out) {
  // A variant is a name: its first and last words capitalised and four letters or more.
  auto is_name_end = [&](uint32_t k) {
    return tokens[k].upper_initial && tokens[k].norm.size() >= 4;
  };
  auto same = [&](uint32_t k, const std::string& indexed) {
    if constexpr (kVariants) {
      return SpellingKey(tokens[k].norm) == indexed;
    } else {
      return tokens[k].norm == indexed;
    }
  };
  PhraseIndex::const_iterator it;
  if constexpr (kVariants) {
    if (!is_name_end(i)) return;
    it = index.find(SpellingKey(tokens[i].norm));
  } else {
    it = index.find(std::string_view(tokens[i].norm));
  }
  if (it == index.end()) return;
  for (const auto& ph : it->second) {
    if (i + 1 + ph.tail.size() > tokens.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < ph.tail.size() && ok; ++k) ok = same(i + 1 + k, ph.tail[k]);
    const auto last = static_cast<uint32_t>(i + 1 + ph.tail.size());
    if (ok && (!kVariants || is_name_end(last - 1))) out->push_back(Match{i, last, ph.entries});
  }
}

void Gazetteer::MatchesAt(std::span<const text::Token> tokens, uint32_t i,
                          std::vector<Match>* out) const {
  MatchIn</*kVariants=*/false>(index_, tokens, i, out);
}

void Gazetteer::PersonVariantsAt(std::span<const text::Token> tokens, uint32_t i,
                                 std::vector<Match>* out) const {
  MatchIn</*kVariants=*/true>(person_variants_, tokens, i, out);
}

void Gazetteer::StateDescriptionsAt(std::span<const text::Token> tokens, uint32_t i,
                                    std::vector<Match>* out) const {
  MatchIn</*kVariants=*/false>(state_descriptions_, tokens, i, out);
}

uint32_t Gazetteer::TailAt(std::string_view head, std::span<const text::Token> tokens,
                           uint32_t start, std::span<const uint32_t>* entries) const {
  auto it = index_.find(head);
  if (it == index_.end()) return 0;
  for (const auto& ph : it->second) {  // longest first
    if (ph.tail.empty() || start + ph.tail.size() > tokens.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < ph.tail.size() && ok; ++k) ok = tokens[start + k].norm == ph.tail[k];
    if (ok) {
      *entries = ph.entries;
      return static_cast<uint32_t>(ph.tail.size());
    }
  }
  return 0;
}

}  // namespace vigie::actors
