#include "vigie/actors/recognizer.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "vigie/actors/internal/cues.h"
#include "vigie/base/strings.h"

namespace vigie::actors {
namespace {

using namespace internal;  // NOLINT: the cues are this file's vocabulary
using str::In;
using text::Token;

// A word worth looking up among people's names under their spelling key: capitalised, and
// not a word the lexicon knows as a common one ("Bourrita" is none).
bool MayBeMisspeltName(const Token& t) {
  return IsName(t) &&
         (t.Has(text::kTagProperNoun) ||
          !(t.Has(text::kTagNoun) || t.Has(text::kTagVerb) || t.Has(text::kTagAdjective)));
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

// The role a role word takes with an owner: its own, but that the armed forces or
// government of a separatist land (a place whose entry carries a role: the Azawad) are its
// rebels.
const std::string& RoleOwnedBy(const Entry& owner, const Entry& role_word) {
  return owner.type == EntryType::kPlace && !owner.role.empty() ? owner.role : role_word.role;
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
    if (m.kind != MentionKind::kActor || a.role.empty() || !a.country.empty() || !a.org.empty() ||
        m.possessed) {
      continue;
    }
    a.country = country;
    a.code = ActorCode(a);
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

bool Recognizer::KeepNamedStates(const std::vector<Token>& toks, const DocContext& ctx,
                                 std::vector<Match>* matches, std::vector<uint32_t>* kept) const {
  for (Match& m : *matches) {
    // A description ends its phrase: "du royaume de Suède" or "le royaume des cieux" go on
    // with their own complement.
    if (m.last < toks.size() && (IsOfLink(toks[m.last]) || toks[m.last].upper_initial)) continue;
    // The states so described that the document names; a description only one state
    // answers ("le royaume hachémite") needs none.
    kept->clear();
    for (uint32_t id : m.entries) {
      if (ctx.countries.count(g_.entry(id).country)) kept->push_back(id);
    }
    const std::string& first = g_.entry(m.entries.front()).country;
    if (kept->empty() && std::all_of(m.entries.begin(), m.entries.end(),
                                     [&](uint32_t id) { return g_.entry(id).country == first; })) {
      kept->assign(m.entries.begin(), m.entries.end());
    }
    if (kept->empty()) continue;
    const Match chosen{m.first, m.last, *kept};
    *matches = {chosen};
    return true;
  }
  return false;
}

std::vector<Recognizer::Unit> Recognizer::Units(const text::Sentence& s, const DocContext& ctx,
                                                bool guesses) const {
  std::vector<Unit> units;
  std::vector<Match> matches;
  std::vector<uint32_t> described;  // the entries KeepNamedStates leaves
  const auto& toks = s.tokens;
  // The first of `matches` (longest first) with an entry for this language and casing.
  // A description ("le royaume") is written in any case, whatever its entry's name.
  auto take = [&](uint32_t i, bool any_case = false) -> bool {
    for (const Match& m : matches) {
      Unit u{m.first, m.last, {}, 0};
      for (uint32_t id : m.entries) {
        const Entry& e = g_.entry(id);
        if (!e.AppliesTo(ctx.lang)) continue;
        // "UA" the union, not "ua"; long acronyms also in title case ("l'Otan", "l'Opep").
        if (!any_case && e.acronym && !toks[i].all_upper &&
            !(toks[i].upper_initial && toks[i].norm.size() >= 4)) {
          continue;
        }
        if (!any_case && e.proper && !toks[i].upper_initial) continue;
        u.entries.push_back(id);
      }
      if (u.entries.empty()) continue;
      u.chosen = Resolve(u, ctx);
      units.push_back(std::move(u));
      return true;
    }
    return false;
  };
  for (uint32_t i = 0; i < toks.size();) {
    matches.clear();
    const bool word = toks[i].kind == text::TokenKind::kWord;
    if (word || toks[i].kind == text::TokenKind::kNumber) g_.MatchesAt(toks, i, &matches);
    bool found = take(i);
    if (!found && guesses && MayBeMisspeltName(toks[i])) {  // "le MAE Bourrita"
      matches.clear();
      g_.PersonVariantsAt(toks, i, &matches);
      found = take(i);
    }
    if (!found && guesses && word && i > 0 && IsStateDeterminer(toks[i - 1])) {  // "au royaume"
      matches.clear();
      g_.StateDescriptionsAt(toks, i, &matches);
      found = KeepNamedStates(toks, ctx, &matches, &described) && take(i, /*any_case=*/true);
    }
    i = found ? units.back().last : i + 1;
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
    for (const Unit& u : Units(s, blank, /*guesses=*/false)) {
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
  std::vector<Unit> units = Units(s, ctx, /*guesses=*/true);
  std::vector<Mention> out;
  uint32_t covered = 0;  // tokens before this belong to an earlier mention

  auto unit_at = [&](size_t k, uint32_t tok) -> const Unit* {
    return k < units.size() && units[k].first == tok ? &units[k] : nullptr;
  };
  // Tokens [first, last) as the mention's span, in tokens, bytes and code points, and text.
  auto set_span = [&](Mention* m, uint32_t first, uint32_t last) {
    m->first_token = first;
    m->last_token = last;
    m->begin = toks[first].begin;
    m->end = toks[last - 1].end;
    m->cp_begin = toks[first].cp_begin;
    m->cp_end = toks[last - 1].cp_end;
    m->text = s.text.substr(m->begin, m->end - m->begin);
  };
  auto emit = [&](uint32_t first, uint32_t last, Actor actor, MentionKind kind, const Entry& e) {
    if (first > covered && (IsArticle(toks[first - 1]) ||
                            (kind == MentionKind::kActor && IsPossessive(toks[first - 1])))) {
      --first;
    }
    Mention m;
    m.kind = kind;
    set_span(&m, first, last);
    if (kind == MentionKind::kActor) actor.code = ActorCode(actor);
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
  // Where the next unit (`units[k]`) starts: a name read up to there stops before it.
  auto next_unit = [&](size_t k) -> uint32_t {
    return k < units.size() ? units[k].first : static_cast<uint32_t>(toks.size());
  };
  // "Andrii Yusov, le porte-parole du GUR", "the GUR spokesman, Andrii Yusov,": a name the
  // gazetteer does not know, set off by a comma beside the role phrase just emitted, is the
  // person who holds the role. Two words at least: one capitalised word is too often not a
  // name.
  auto name_in_apposition = [&](size_t k) {
    const Mention& role = out.back();
    if (role.actor.Key().empty()) return;
    auto person = [&](uint32_t first, uint32_t last) {
      Mention m = role;
      set_span(&m, first, last);
      m.actor.name = m.text;
      return m;
    };
    auto two_words = [&](uint32_t first, uint32_t last) {
      return std::count_if(toks.begin() + first, toks.begin() + last, IsName) >= 2;
    };
    const uint32_t f = role.first_token;
    const uint32_t before = out.size() >= 2 ? out[out.size() - 2].last_token : 0;
    if (f >= 3 && toks[f - 1].norm == ",") {
      for (uint32_t b = std::max(before, f > 6 ? f - 6 : 0); b + 2 < f; ++b) {
        if (!IsName(toks[b]) || NameEnd(toks, b, f - 1) != f - 1 || !two_words(b, f - 1)) continue;
        if (b > 0 && IsName(toks[b - 1])) break;  // longer than a name: not one
        out.insert(out.end() - 1, person(b, f - 1));
        return;
      }
    }
    const uint32_t l = role.last_token;
    if (l + 2 < toks.size() && toks[l].norm == ",") {
      const uint32_t e = NameEnd(toks, l + 1, next_unit(k));
      if (e > l + 1 && two_words(l + 1, e) &&
          (e == toks.size() || toks[e].kind == text::TokenKind::kPunct)) {
        out.push_back(person(l + 1, e));
        covered = e;
      }
    }
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
    const uint32_t e = NameEnd(toks, end, next_unit(*k));
    if (e > end) a->name = s.text.substr(toks[end].begin, toks[e - 1].end - toks[end].begin);
    return e;
  };

  auto place_of = [](const Entry& e) { return Actor{"", e.country, "", "", e.name}; };
  // `u` (whose actor is `a`) and the role unit `r` right after it as one actor: a group or
  // organisation keeps its own codes (its members act for it), a country or a place's
  // country gets the role. A name may follow ("Wagner chief Yevgeny Prigozhin").
  auto emit_with_role = [&](size_t* k, const Unit& u, const Entry& e, const Unit& r, Actor a) {
    if (e.type != EntryType::kGroup && e.type != EntryType::kOrg && e.type != EntryType::kMetonym) {
      a.role = RoleOwnedBy(e, g_.entry(r.chosen));
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
        // "retirer ses forces du Mali": a possessive already names the owner.
        const bool owned = u.first > 0 && IsPossessive(toks[u.first - 1]);
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
        } else if (!e.relation && end + 1 < toks.size() && IsOfLink(toks[end]) &&
                   !(owned && AfterLeaving(toks, u.first))) {
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
                  a.role = RoleOwnedBy(ce, e);
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
        // A role only with an owner ("les services ukrainiens"), a relation only with the
        // demonym of its holder ("nos amis algériens").
        if (bare && (e.rank < 0 || e.relation)) break;
        const Token& head = toks[end - 1];
        const bool noun = (u.first > 0 && IsDeterminer(toks[u.first - 1])) ||
                          (ctx.lang != "fr" && (head.norm == "police" ||
                                                (head.norm.size() > 3 && head.norm.back() == 's')));
        if (bare && !noun) break;
        emit(u.first, end, std::move(a), MentionKind::kActor, e);
        out.back().possessed = bare && owned;
        name_in_apposition(k);
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
              (IsDeterminer(toks[u.first - 2]) || IsBareNounPreposition(toks[u.first - 2]))) {
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
