#include "vigie/actors/recognizer.h"

#include <cmath>
#include <string_view>

#include "vigie/base/strings.h"

namespace vigie::actors {
namespace {

using text::Token;

using str::In;

bool IsArticle(const Token& t) { return In(t.norm, {"le", "la", "les", "l'", "the"}); }

bool IsPossessive(const Token& t) {
  return In(t.norm, {"son", "sa", "ses", "leur", "leurs", "notre", "nos", "its", "his", "her",
                     "their", "our"});
}

// "le ministre des Affaires étrangères du Mali", "the president of Russia".
bool IsOfLink(const Token& t) { return In(t.norm, {"de", "d'", "du", "des", "of"}); }

bool IsDeterminer(const Token& t) {
  return IsArticle(t) || IsPossessive(t) || t.kind == text::TokenKind::kNumber ||
         In(t.norm, {"un",    "une", "des",       "du",   "de",    "d'",     "ce",   "cet",
                     "cette", "ces", "plusieurs", "deux", "trois", "quatre", "cinq", "six",
                     "dix",   "a",   "an",        "two",  "three", "several"});
}

// A noun that can head a phrase ("entreprises", "drones"), not a verb form or a function word.
bool IsHeadNoun(const Token& t) {
  return t.kind == text::TokenKind::kWord && !t.Has(text::kTagFunctionWord) &&
         (t.Has(text::kTagNoun) || !t.Has(text::kTagVerb));
}

bool IsName(const Token& t) {
  return t.kind == text::TokenKind::kWord && t.upper_initial && !t.Has(text::kTagFunctionWord);
}

// French nouns of a stance, a word or a side, whose "de" complement is who holds it: "la
// colère de Moscou", "la position d'Alger", "à l'égard de", "au nom de", "aux côtés de".
bool IsStanceNoun(const Token& t) {
  return In(t.lemma, {"colere",         "position",     "reaction",   "reponse",    "decision",
                      "soutien",        "appui",        "volonte",    "refus",      "rejet",
                      "accusation",     "demande",      "exigence",   "menace",     "critique",
                      "condamnation",   "proposition",  "offre",      "invitation", "diplomatie",
                      "politique",      "strategie",    "allie",      "partenaire", "ennemi",
                      "adversaire",     "hostilite",    "inquietude", "pression",   "ingerence",
                      "mecontentement", "satisfaction", "intention",  "ambition",   "attitude",
                      "avertissement",  "protestation", "riposte",    "mediation",  "initiative",
                      "ultimatum",      "veto",         "egard",      "nom",        "cote",
                      "part",           "emissaire",    "envoye",     "influence",  "silence"});
}

// Nouns of a country's ground: "les frontières algériennes", "le sol malien", "Algerian
// territory" say where, not who.
bool IsTerritoryNoun(const Token& t) {
  return In(t.lemma, {"frontiere", "territoire", "sol", "border", "territory", "soil"});
}

// French verbs of being, staying or going somewhere: after them "au Mali" is where ("est au
// Burkina", "déployés au Mali", "se rendre au Niger"), not to whom as after "livrer".
bool IsWhereVerb(const Token& t) {
  return In(t.lemma, {"etre", "rester", "vivre", "resider", "arriver", "aller", "rendre",
                      "retourner", "rentrer", "voyager", "deployer", "stationner", "installer",
                      "intervenir", "combattre", "operer", "sejourner"});
}

// Whether a country or capital at tokens [first, last) is where something happens rather
// than who acts. French "à/au" before a country is usually a dative ("livrer à l'Algérie"),
// so for countries only prepositions that cannot introduce a recipient count, and "au"
// only where no recipient can be: after a verb of being or going, or fronted before a comma.
bool IsLocative(const std::vector<Token>& toks, uint32_t first, uint32_t last, EntryType type) {
  const bool then_comma = last < toks.size() && toks[last].norm == ",";
  // A headline's topic: "Mali : Bamako suspend les rotations", "Tchad : ... investi".
  if (first == 0)
    return type == EntryType::kCountry && last < toks.size() && toks[last].norm == ":";
  const Token* prev = &toks[first - 1];
  if (IsArticle(*prev) && first >= 2) {
    // "dans le pays", "depuis la Russie", "in the United States", "ont quitté le Mali"
    const Token& p2 = toks[first - 2];
    return In(p2.norm, {"dans", "depuis", "vers", "in", "inside", "across", "throughout", "within",
                        "near", "from", "into"}) ||
           (type == EntryType::kCountry && p2.lemma == "quitter");
  }
  if (In(prev->norm, {"en", "dans", "depuis", "vers", "in", "inside", "across", "throughout",
                      "within", "near", "from", "into", "outside"})) {
    return true;
  }
  if (type == EntryType::kCountry && In(prev->norm, {"au", "aux", "a"})) {
    // "Au Soudan, l'armée...", "Des soldats sont déployés au Mali".
    return (first == 1 && then_comma) || (first >= 2 && IsWhereVerb(toks[first - 2]));
  }
  if (type == EntryType::kCapital || type == EntryType::kPlace) {
    // A capital after "de" is whose stance, word or side it is: "la colère de Moscou", "à
    // l'égard d'Alger", "au nom de Paris" name the government, not the town.
    if (type == EntryType::kCapital && In(prev->norm, {"de", "d'"}) && first >= 2 &&
        IsStanceNoun(toks[first - 2])) {
      return false;
    }
    // "au"/"aux" are "à le"/"à les": "au nord du Mali".
    return In(prev->norm, {"a", "au", "aux", "de", "d'", "at", "to", "pres"});
  }
  return false;
}

int TypePriority(EntryType t) {
  switch (t) {
    case EntryType::kMetonym:
      return 9;
    case EntryType::kOrg:
    case EntryType::kGroup:
      return 8;
    case EntryType::kCountry:
    case EntryType::kPerson:
      return 7;
    case EntryType::kCapital:
      return 6;
    case EntryType::kDemonym:
      return 5;
    case EntryType::kRole:
      return 4;
    case EntryType::kPlace:
      return 3;
  }
  return 0;
}

std::string CodeOf(const Actor& a) {
  if (!a.country.empty()) return a.country + a.role;
  if (!a.org.empty()) return a.org;
  return a.role;
}

// "Au Soudan, l'armée et les FSR s'affrontent", "In Kabul, police arrested...": where the
// sentence says it happens in one country, its bare roles (no country, no organisation) are
// that country's. With places in two countries nothing is guessed.
void InheritLocativeCountry(std::vector<Mention>* mentions) {
  std::string country;
  for (const Mention& m : *mentions) {
    if (m.kind != MentionKind::kPlace || !m.locative || m.actor.country.empty()) continue;
    if (!country.empty() && country != m.actor.country) return;
    country = m.actor.country;
  }
  if (country.empty()) return;
  for (Mention& m : *mentions) {
    Actor& a = m.actor;
    if (m.kind != MentionKind::kActor || a.role.empty() || !a.country.empty() || !a.org.empty()) {
      continue;
    }
    a.country = country;
    a.code = CodeOf(a);
  }
}

}  // namespace

struct Recognizer::Unit {
  uint32_t first = 0;
  uint32_t last = 0;
  std::vector<uint32_t> entries;  // the entries that apply to this language and casing
  uint32_t chosen = 0;
};

uint32_t Recognizer::Resolve(const Unit& u, const DocContext& ctx) const {
  double best = -1e9;
  uint32_t best_id = u.entries.front();
  for (uint32_t id : u.entries) {
    const Entry& e = g_.entry(id);
    double score = TypePriority(e.type) * 100.0;
    // People in office, groups under the name they had then ("HTS" in 2024, not 2017).
    if (!e.from.empty() || !e.to.empty()) score += e.HoldsOn(ctx.date) ? 50 : -50;
    if (!e.country.empty()) {
      auto it = ctx.countries.find(e.country);
      if (it != ctx.countries.end()) score += 30 + std::min(it->second, 10);
    }
    score += std::log10(static_cast<double>(std::max<int64_t>(e.rank, 0)) + 1.0);
    if (score > best) {
      best = score;
      best_id = id;
    }
  }
  return best_id;
}

std::vector<Recognizer::Unit> Recognizer::Units(const text::Sentence& s,
                                                const DocContext& ctx) const {
  std::vector<Unit> units;
  std::vector<Match> matches;
  const auto& toks = s.tokens;
  for (uint32_t i = 0; i < toks.size();) {
    matches.clear();
    if (toks[i].kind == text::TokenKind::kWord || toks[i].kind == text::TokenKind::kNumber) {
      g_.MatchesAt(toks, i, &matches);
    }
    bool found = false;
    for (const Match& m : matches) {  // longest first
      Unit u{m.first, m.last, {}, 0};
      for (uint32_t id : m.entries) {
        const Entry& e = g_.entry(id);
        if (!e.AppliesTo(ctx.lang)) continue;
        // "UA" the union, not "ua"; long acronyms also in title case ("l'Otan", "l'Opep").
        if (e.acronym && !toks[i].all_upper &&
            !(toks[i].upper_initial && toks[i].norm.size() >= 4)) {
          continue;
        }
        if (e.proper && !toks[i].upper_initial) continue;
        u.entries.push_back(id);
      }
      if (u.entries.empty()) continue;
      u.chosen = Resolve(u, ctx);
      i = u.last;
      units.push_back(std::move(u));
      found = true;
      break;
    }
    if (!found) ++i;
  }
  // "Gao au Mali", "Kidal, Mali": an ambiguous name followed by the country it is in takes
  // that country's reading, whatever the document's other countries.
  for (size_t k = 0; k + 1 < units.size(); ++k) {
    Unit& u = units[k];
    const Unit& next = units[k + 1];
    if (next.first != u.last + 1 || !In(toks[u.last].norm, {"au", "en", "in", ","})) continue;
    const Entry& country = g_.entry(next.chosen);
    if (country.type != EntryType::kCountry) continue;
    for (uint32_t id : u.entries) {
      if (g_.entry(id).country == country.country &&
          g_.entry(u.chosen).country != country.country &&
          g_.entry(id).type == g_.entry(u.chosen).type) {
        u.chosen = id;
        break;
      }
    }
  }
  // "Tin Zaouatine, une localité collée aux frontières algériennes", "Tlemcen, near the
  // Moroccan border": a place said to be near a country's border is on the other side of it,
  // so an ambiguous name takes its reading outside that country.
  for (size_t k = 0; k < units.size(); ++k) {
    Unit& u = units[k];
    const Entry& chosen = g_.entry(u.chosen);
    if (chosen.type != EntryType::kPlace || u.entries.size() < 2) continue;  // nothing to choose
    std::string_view across = BorderCountry(toks, units, k);
    if (across != chosen.country) continue;
    const Entry* best = nullptr;
    for (uint32_t id : u.entries) {
      const Entry& e = g_.entry(id);
      if (e.type == EntryType::kPlace && !e.country.empty() && e.country != across &&
          (best == nullptr || e.rank > best->rank)) {
        best = &e;
        u.chosen = id;
      }
    }
  }
  return units;
}

std::string_view Recognizer::BorderCountry(const std::vector<Token>& toks,
                                           const std::vector<Unit>& units, size_t k) const {
  constexpr uint32_t kReach = 10;  // tokens after the place: its apposition
  const uint32_t from = units[k].last;
  for (uint32_t t = from; t < toks.size() && t < from + kReach; ++t) {
    if (In(toks[t].norm, {".", ";", ":", "!", "?"})) break;
    if (!In(toks[t].lemma, {"frontiere", "border", "frontier"})) continue;
    for (size_t j = k + 1; j < units.size() && units[j].first <= t + 3; ++j) {
      const Unit& c = units[j];
      const Entry& e = g_.entry(c.chosen);
      if (e.type != EntryType::kDemonym && e.type != EntryType::kCountry) continue;
      // "frontières algériennes", "Algerian border", "frontière avec le Mali", "border
      // with Mali"
      const bool before = c.last == t && e.type == EntryType::kDemonym;
      const bool after = c.first > t;
      if (before || after) return e.country;
    }
    break;
  }
  return {};
}

void Recognizer::Prime(const text::Sentence& s, DocContext* ctx) const {
  DocContext blank;
  blank.lang = ctx->lang;
  blank.date = ctx->date;
  {
    for (const Unit& u : Units(s, blank)) {
      std::string_view country;
      bool unambiguous = true;
      for (uint32_t id : u.entries) {
        const auto& c = g_.entry(id).country;
        if (c.empty()) continue;
        if (country.empty()) {
          country = c;
        } else if (country != c) {
          unambiguous = false;
        }
      }
      if (unambiguous && !country.empty()) ++ctx->countries[std::string(country)];
    }
  }
}

std::vector<Mention> Recognizer::Find(const text::Sentence& s, const DocContext& ctx) const {
  const auto& toks = s.tokens;
  std::vector<Unit> units = Units(s, ctx);
  std::vector<Mention> out;
  uint32_t covered = 0;  // tokens before this belong to an earlier mention

  auto unit_at = [&](size_t k, uint32_t tok) -> const Unit* {
    return k < units.size() && units[k].first == tok ? &units[k] : nullptr;
  };
  auto emit = [&](uint32_t first, uint32_t last, Actor actor, MentionKind kind, const Entry& e) {
    if (first > covered && (IsArticle(toks[first - 1]) ||
                            (kind == MentionKind::kActor && IsPossessive(toks[first - 1])))) {
      --first;
    }
    Mention m;
    m.kind = kind;
    m.first_token = first;
    m.last_token = last;
    m.begin = toks[first].begin;
    m.end = toks[last - 1].end;
    m.cp_begin = toks[first].cp_begin;
    m.cp_end = toks[last - 1].cp_end;
    m.text = s.text.substr(m.begin, m.end - m.begin);
    if (kind == MentionKind::kActor) actor.code = CodeOf(actor);
    m.actor = std::move(actor);
    if (kind == MentionKind::kPlace && e.has_coords) {
      m.lat = e.lat;
      m.lon = e.lon;
    }
    m.entry = g_.files()[e.file] + ":" + std::to_string(e.file_line);
    covered = last;
    out.push_back(std::move(m));
  };
  auto actor_of = [&](const Entry& e) {
    Actor a{"", e.country, e.org, e.role, e.name};
    if (e.type == EntryType::kPerson && !e.HoldsOn(ctx.date)) a.role.clear();
    if (e.type == EntryType::kCapital) a.role = "GOV";
    return a;
  };
  // After a role phrase ending at `end`: a known person, or up to three capitalised words
  // of an unknown one ("le président Abdelmadjid Tebboune").
  auto absorb_person = [&](size_t* k, uint32_t end, Actor* a) -> uint32_t {
    if (const Unit* p = unit_at(*k, end); p && g_.entry(p->chosen).type == EntryType::kPerson) {
      const Entry& pe = g_.entry(p->chosen);
      if (a->country.empty()) a->country = pe.country;
      a->name = pe.name;
      ++*k;
      return p->last;
    }
    uint32_t e = end;
    for (int words = 0; e < toks.size() && words < 3 && IsName(toks[e]) && !unit_at(*k, e);) {
      ++e;
      ++words;
      // "Jean-Yves": a hyphen between capitalised parts is a token of its own.
      if (e + 1 < toks.size() && toks[e].norm == "-" && toks[e].begin == toks[e - 1].end &&
          toks[e + 1].begin == toks[e].end && IsName(toks[e + 1])) {
        ++e;
      }
    }
    if (e > end) a->name = s.text.substr(toks[end].begin, toks[e - 1].end - toks[end].begin);
    return e;
  };

  auto place_of = [](const Entry& e) { return Actor{"", e.country, "", "", e.name}; };
  // `u` (whose actor is `a`) and the role unit `r` right after it as one actor: a group or
  // organisation keeps its own codes (its members act for it), a country or a place's
  // country gets the role. A name may follow ("Wagner chief Yevgeny Prigozhin").
  auto emit_with_role = [&](size_t* k, const Unit& u, const Entry& e, const Unit& r, Actor a) {
    if (e.type != EntryType::kGroup && e.type != EntryType::kOrg && e.type != EntryType::kMetonym) {
      a.role = g_.entry(r.chosen).role;
    }
    ++*k;
    uint32_t end = absorb_person(k, r.last, &a);
    emit(u.first, end, std::move(a), MentionKind::kActor, e);
  };
  // English puts the owner before the role as a noun modifier: "Hamas militants", "Wagner
  // fighters", "G7 leaders", "US Navy", "Kherson residents". When the unit after `u` is a role
  // word, the two are one actor.
  auto english_compound = [&](size_t* k, const Unit& u, const Entry& e) -> bool {
    if (ctx.lang == "fr") return false;
    const Unit* r = unit_at(*k, u.last);
    if (r == nullptr || g_.entry(r->chosen).type != EntryType::kRole) return false;
    Actor a = e.type == EntryType::kPlace ? place_of(e) : actor_of(e);
    if (a.org.empty() && a.country.empty()) return false;
    emit_with_role(k, u, e, *r, std::move(a));
    return true;
  };

  for (size_t k = 0; k < units.size();) {
    const Unit& u = units[k];
    const Entry& e = g_.entry(u.chosen);
    ++k;
    switch (e.type) {
      case EntryType::kRole: {
        Actor a = actor_of(e);
        uint32_t end = u.last;
        if (const Unit* d = unit_at(k, end); d && g_.entry(d->chosen).type == EntryType::kDemonym) {
          a.country = g_.entry(d->chosen).country;
          end = d->last;
          ++k;
          std::span<const uint32_t> tail;
          if (uint32_t n = g_.TailAt(toks[u.first].norm, toks, end, &tail); n > 0) {
            for (uint32_t id : tail) {
              if (g_.entry(id).type == EntryType::kRole) {
                a.role = g_.entry(id).role;
                a.name = g_.entry(id).name;
                end += n;
                break;
              }
            }
          }
        } else if (end + 1 < toks.size() && IsOfLink(toks[end])) {
          uint32_t at = end + 1;
          if (IsArticle(toks[at]) && at + 1 < toks.size()) ++at;
          if (const Unit* c = unit_at(k, at)) {
            const Entry& ce = g_.entry(c->chosen);
            switch (ce.type) {
              case EntryType::kCountry:
              case EntryType::kCapital:
              case EntryType::kPlace:  // "les rebelles de Kidal"
                if (!ce.country.empty()) {
                  a.country = ce.country;
                  end = c->last;
                  ++k;
                }
                break;
              case EntryType::kGroup:    // "les combattants du CSP-DPA" are the group's
              case EntryType::kOrg:      // "le secrétaire général de l'ONU"
              case EntryType::kMetonym:  // "le porte-parole du Kremlin"
                a = actor_of(ce);
                end = c->last;
                ++k;
                break;
              default:
                break;
            }
          }
        }
        end = absorb_person(&k, end, &a);
        // A bare role word is an actor only as a noun: with its determiner in French ("les
        // militaires", "le président"; "la coopération militaire" names no one), or as an
        // English plural ("rebels attacked", "police arrested").
        const bool bare = a.country.empty() && a.org.empty() && end == u.last;
        if (bare && e.rank < 0) break;  // a role only with an owner ("les services ukrainiens")
        const Token& head = toks[end - 1];
        const bool noun = (u.first > 0 && IsDeterminer(toks[u.first - 1])) ||
                          (ctx.lang != "fr" && (head.norm == "police" ||
                                                (head.norm.size() > 3 && head.norm.back() == 's')));
        if (bare && !noun) break;
        emit(u.first, end, std::move(a), MentionKind::kActor, e);
        break;
      }
      case EntryType::kDemonym: {
        Actor a = actor_of(e);
        a.role.clear();
        if (const Unit* r = unit_at(k, u.last); r && g_.entry(r->chosen).type == EntryType::kRole) {
          // "the Russian foreign minister", "Malian troops"
          a.role = g_.entry(r->chosen).role;
          ++k;
          uint32_t end = absorb_person(&k, r->last, &a);
          emit(u.first, end, std::move(a), MentionKind::kActor, e);
          break;
        }
        // Alone, a demonym names a people ("les Américains", "the Russians").
        const Token& t = toks[u.first];
        bool noun = ctx.lang == "fr" ? t.upper_initial && u.first > 0
                                     : t.norm.size() > 1 && t.norm.back() == 's';
        if (noun) {
          emit(u.first, u.last, std::move(a), MentionKind::kActor, e);
          break;
        }
        // "Chinese and Russian warships": the first of two coordinated demonyms shares the
        // noun of the second, which gets its own mention.
        if (ctx.lang != "fr" && u.last + 1 < toks.size() &&
            In(toks[u.last].norm, {"and", "or", ","})) {
          if (const Unit* d = unit_at(k, u.last + 1);
              d && g_.entry(d->chosen).type == EntryType::kDemonym) {
            emit(u.first, u.last, std::move(a), MentionKind::kActor, e);
            break;
          }
        }
        // As an adjective it says whose the thing is: "des entreprises chinoises", "une
        // attaque israélienne", "Ukrainian drones" belong to that country. Such a phrase is
        // not always an agent, but the coder only takes it where a pattern wants an actor.
        // A noun of ground makes the phrase a place: "les frontières algériennes".
        auto emit_with_noun = [&](uint32_t first, uint32_t last, const Token& head) {
          const bool ground = IsTerritoryNoun(head);
          emit(first, last, ground ? place_of(e) : std::move(a),
               ground ? MentionKind::kPlace : MentionKind::kActor, e);
        };
        if (ctx.lang == "fr") {
          if (u.first >= 2 && u.first - 1 >= covered && IsHeadNoun(toks[u.first - 1]) &&
              IsDeterminer(toks[u.first - 2])) {
            emit_with_noun(u.first - 1, u.last, toks[u.first - 1]);
          }
        } else if (u.last < toks.size() && IsHeadNoun(toks[u.last]) &&
                   !toks[u.last].upper_initial && !unit_at(k, u.last)) {
          emit_with_noun(u.first, u.last + 1, toks[u.last]);
        }
        break;
      }
      case EntryType::kCountry:
      case EntryType::kCapital: {
        // "Russia's foreign minister", "Ukraine's new army chief" (up to two adjectives)
        if (u.last + 1 < toks.size() && toks[u.last].norm == "'s") {
          uint32_t at = u.last + 1;
          while (at < toks.size() && at - (u.last + 1) < 2 && !unit_at(k, at) &&
                 toks[at].kind == text::TokenKind::kWord && !toks[at].upper_initial &&
                 !toks[at].Has(text::kTagFunctionWord)) {
            ++at;
          }
          if (const Unit* r = unit_at(k, at); r && g_.entry(r->chosen).type == EntryType::kRole) {
            emit_with_role(&k, u, e, *r, actor_of(e));
            break;
          }
        }
        if (english_compound(&k, u, e)) break;
        // "à Bamako au Mali", "in Kidal, Mali,": a country right after a place says where that
        // place is, so it is a place too. After a comma only as an apposition closed by
        // punctuation: "dans le Donbass, Kiev dénonçant..." starts a new clause.
        // (A view of the token's own string: `cond ? norm : ""` would make a temporary
        // std::string.)
        const std::string_view between =
            u.first > 0 ? std::string_view(toks[u.first - 1].norm) : std::string_view();
        const bool closed = u.last >= toks.size() || In(toks[u.last].norm, {",", ".", ";", ")"});
        const bool locates_place = e.type == EntryType::kCountry && !out.empty() &&
                                   out.back().kind == MentionKind::kPlace &&
                                   out.back().last_token + 1 == u.first &&
                                   (In(between, {"au", "en", "in"}) || (between == "," && closed));
        if (locates_place || IsLocative(toks, u.first, u.last, e.type)) {
          emit(u.first, u.last, place_of(e), MentionKind::kPlace, e);
          out.back().locative = true;
        } else {
          emit(u.first, u.last, actor_of(e), MentionKind::kActor, e);
        }
        break;
      }
      case EntryType::kPlace: {
        if (english_compound(&k, u, e)) break;
        emit(u.first, u.last, place_of(e), MentionKind::kPlace, e);
        // English "a" is the article ("a March 14 release"), not French "à".
        out.back().locative = IsLocative(toks, u.first, u.last, e.type) &&
                              !(ctx.lang == "en" && toks[u.first - 1].norm == "a");
        break;
      }
      case EntryType::kMetonym:
      case EntryType::kOrg:
      case EntryType::kGroup:
        if (english_compound(&k, u, e)) break;
        emit(u.first, u.last, actor_of(e), MentionKind::kActor, e);
        break;
      case EntryType::kPerson:
        emit(u.first, u.last, actor_of(e), MentionKind::kActor, e);
        break;
    }
  }
  InheritLocativeCountry(&out);
  return out;
}

}  // namespace vigie::actors
