#include "vigie/events/coder.h"

#include <algorithm>
#include <string_view>

#include "vigie/base/strings.h"
#include "vigie/events/temporal.h"

namespace vigie::events {
namespace {

using actors::Mention;
using actors::MentionKind;
using text::Token;

constexpr int kNone = -1;
constexpr uint32_t kImplicitGap = 3;    // adverbials between a verb and what follows it
constexpr uint32_t kSubjectReach = 30;  // tokens searched leftwards for a subject

using str::In;

bool IsPreposition(const Token& t) {
  return In(t.norm,
            {"a",      "au",     "aux",     "avec",       "de",     "du",      "des",    "d'",
             "par",    "pour",   "contre",  "chez",       "entre",  "sur",     "vers",   "sans",
             "selon",  "envers", "aupres",  "with",       "to",     "from",    "by",     "against",
             "of",     "for",    "at",      "in",         "on",     "between", "among",  "into",
             "than",   "about",  "toward",  "towards",    "upon",   "over",    "dans",   "en",
             "depuis", "apres",  "avant",   "after",      "before", "outside", "inside", "near",
             "behind", "across", "through", "throughout", "during", "under",   "around", "devant",
             "pres",   "sous",   "pendant", "derriere"});
}

bool IsCoordination(const Token& t) { return In(t.norm, {"et", "and", ",", "ainsi", "ou", "or"}); }

bool IsQuoteOpen(const Token& t) { return In(t.norm, {"«", "“", "‹"}); }
bool IsQuoteClose(const Token& t) { return In(t.norm, {"»", "”", "›"}); }

bool IsBreakPunct(const Token& t) {
  return t.kind == text::TokenKind::kPunct &&
         In(t.norm, {";", ":", "(", ")", "«", "»", "“", "”", "\"", "—", "–", "[", "]"});
}

bool IsReflexive(const Token& t) {
  return In(t.norm, {"se", "s'", "me", "m'", "te", "t'", "nous", "vous"});
}

// French contractions stand for a preposition and an article: a pattern's "à" also
// matches "au" and "aux", its "de" also "du", "des" and "d'".
bool TokenIs(const Token& t, std::string_view w) {
  if (t.lemma == w || t.norm == w) return true;
  if (w == "a") return t.norm == "au" || t.norm == "aux";
  if (w == "de") return t.norm == "du" || t.norm == "des" || t.norm == "d'";
  return false;
}

// Per-sentence facts the matcher and the clause analysis share.
struct View {
  const text::Sentence& s;
  std::span<const Mention> mentions;
  const std::vector<Token>& toks;
  std::vector<int> mention_at;   // mention starting at a token, or kNone
  std::vector<int> mention_in;   // mention covering a token, or kNone
  std::vector<uint32_t> clause;  // clause number of each token
  std::vector<bool> is_break;
  std::vector<int> quote;  // quotation number covering a token, or kNone
  bool question = false;

  View(const text::Sentence& sentence, std::span<const Mention> ms)
      : s(sentence), mentions(ms), toks(sentence.tokens) {
    const size_t n = toks.size();
    mention_at.assign(n, kNone);
    mention_in.assign(n, kNone);
    for (size_t i = 0; i < ms.size(); ++i) {
      if (ms[i].first_token >= n) continue;
      mention_at[ms[i].first_token] = static_cast<int>(i);
      for (uint32_t k = ms[i].first_token; k < ms[i].last_token && k < n; ++k) {
        mention_in[k] = static_cast<int>(i);
      }
    }
    is_break.assign(n, false);
    quote.assign(n, kNone);
    int q = kNone, quotes = 0;
    for (size_t i = 0; i < n; ++i) {
      if (IsBreakPunct(toks[i])) is_break[i] = true;
      if (IsQuoteOpen(toks[i])) q = quotes++;
      quote[i] = q;
      if (IsQuoteClose(toks[i])) q = kNone;
    }
    for (size_t i = n; i-- > 0;) {
      if (toks[i].kind != text::TokenKind::kPunct) break;
      if (toks[i].norm == "?") question = true;
    }
  }

  void Number() {
    clause.assign(toks.size(), 0);
    uint32_t c = 0;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (is_break[i]) ++c;
      clause[i] = c;
    }
  }

  // A gap may pass over plain words and places ("a reçu à Addis-Abeba une délégation"), not
  // over an actor or a clause break.
  bool Skippable(uint32_t i) const {
    return i < toks.size() && !is_break[i] &&
           (mention_in[i] == kNone || mentions[mention_in[i]].kind == MentionKind::kPlace);
  }
  const Mention* ActorAt(uint32_t i) const {
    if (i >= toks.size() || mention_at[i] == kNone) return nullptr;
    const Mention& m = mentions[mention_at[i]];
    return m.kind == MentionKind::kActor ? &m : nullptr;
  }
};

// Matches a pattern's elements over a sentence, forward from the anchor and backward before
// it, with backtracking over optional words and gaps.
class Matcher {
 public:
  Matcher(const View& v, const Rule& r) : v_(v), r_(r) {}

  bool Match(uint32_t anchor_token) {
    words_.clear();
    source_ = target_ = nullptr;
    for (const auto& alt : r_.elements[r_.anchor].alternatives) {
      if (!SeqAt(alt, anchor_token)) continue;
      Push(anchor_token, alt.size());
      if (Backward(static_cast<int>(r_.anchor) - 1, anchor_token) &&
          Forward(r_.anchor + 1, anchor_token + static_cast<uint32_t>(alt.size()), true)) {
        return true;
      }
      Pop(alt.size());
    }
    return false;
  }

  uint32_t first() const { return *std::min_element(words_.begin(), words_.end()); }
  uint32_t last() const { return *std::max_element(words_.begin(), words_.end()) + 1; }
  const std::vector<uint32_t>& words() const { return words_; }
  const Mention* source() const { return source_; }
  const Mention* target() const { return target_; }

 private:
  bool SeqAt(const std::vector<std::string>& seq, uint32_t p) const {
    if (p + seq.size() > v_.toks.size()) return false;
    for (size_t k = 0; k < seq.size(); ++k) {
      if (!TokenIs(v_.toks[p + k], seq[k])) return false;
    }
    return true;
  }
  bool SeqEndingAt(const std::vector<std::string>& seq, uint32_t end) const {
    return end >= seq.size() && SeqAt(seq, end - static_cast<uint32_t>(seq.size()));
  }
  void Push(uint32_t p, size_t len) {
    for (size_t k = 0; k < len; ++k) words_.push_back(p + static_cast<uint32_t>(k));
  }
  void Pop(size_t len) { words_.resize(words_.size() - len); }

  const Mention* SlotAt(uint32_t p, bool target) const {
    if (p >= v_.toks.size() || v_.mention_at[p] == kNone) return nullptr;
    const Mention& m = v_.mentions[v_.mention_at[p]];
    // A place can be where a visit goes ("arriver à Mascate") but never who acts.
    if (m.kind == MentionKind::kPlace && (!target || m.actor.country.empty())) return nullptr;
    return &m;
  }

  bool Forward(size_t ei, uint32_t p, bool after_anchor) {
    if (ei == r_.elements.size()) return true;
    const Element& el = r_.elements[ei];
    // Adverbials may sit between the anchor and what follows ("s'est entretenu ce mardi
    // avec"): allow a few plain tokens there unless the pattern says how many itself.
    if (after_anchor && el.kind != ElementKind::kGap) {
      for (uint32_t g = 0; g <= kImplicitGap; ++g) {
        if (g > 0 && !v_.Skippable(p + g - 1)) break;
        if (Forward(ei, p + g, false)) return true;
      }
      return false;
    }
    switch (el.kind) {
      case ElementKind::kWord:
      case ElementKind::kOptional:
        for (const auto& alt : el.alternatives) {
          if (!SeqAt(alt, p)) continue;
          Push(p, alt.size());
          if (Forward(ei + 1, p + static_cast<uint32_t>(alt.size()), false)) return true;
          Pop(alt.size());
        }
        return el.kind == ElementKind::kOptional && Forward(ei + 1, p, false);
      case ElementKind::kGap:
        for (uint32_t g = 0; g <= el.gap; ++g) {
          if (g > 0 && !v_.Skippable(p + g - 1) && !IntoMentionHead(ei + 1, p + g - 1, p + g)) {
            break;
          }
          if (Forward(ei + 1, p + g, false)) return true;
        }
        return false;
      case ElementKind::kSource:
      case ElementKind::kTarget: {
        const bool is_target = el.kind == ElementKind::kTarget;
        const Mention* m = SlotAt(p, is_target);
        if (!m) return false;
        (is_target ? target_ : source_) = m;
        if (Forward(ei + 1, m->last_token, false)) return true;
        (is_target ? target_ : source_) = nullptr;
        return false;
      }
    }
    return false;
  }

  // "expelled two Russian diplomats", "demolished Palestinian homes": the noun a pattern
  // expects can be the head of an actor mention. A gap may enter such a mention (never pass
  // over it) when a word of the pattern comes next.
  bool IntoMentionHead(size_t next, uint32_t skipped, uint32_t landing) const {
    if (next >= r_.elements.size() || skipped >= v_.toks.size()) return false;
    const ElementKind kind = r_.elements[next].kind;
    if (kind != ElementKind::kWord && kind != ElementKind::kOptional) return false;
    const int m = v_.mention_in[skipped];
    if (m == kNone || v_.is_break[skipped]) return false;
    return landing < v_.mentions[m].last_token;
  }

  // Elements before the anchor, matched right to left; `end` is the token after them.
  bool Backward(int ei, uint32_t end) {
    if (ei < 0) return true;
    const Element& el = r_.elements[ei];
    switch (el.kind) {
      case ElementKind::kWord:
      case ElementKind::kOptional:
        for (const auto& alt : el.alternatives) {
          if (!SeqEndingAt(alt, end)) continue;
          const auto start = end - static_cast<uint32_t>(alt.size());
          Push(start, alt.size());
          if (Backward(ei - 1, start)) return true;
          Pop(alt.size());
        }
        return el.kind == ElementKind::kOptional && Backward(ei - 1, end);
      case ElementKind::kGap:
        for (uint32_t g = 0; g <= el.gap && g <= end; ++g) {
          if (g > 0 && !v_.Skippable(end - g)) break;
          if (Backward(ei - 1, end - g)) return true;
        }
        return false;
      case ElementKind::kSource:
      case ElementKind::kTarget: {
        if (end == 0 || v_.mention_in[end - 1] == kNone) return false;
        const Mention& m = v_.mentions[v_.mention_in[end - 1]];
        if (m.last_token != end) return false;
        const bool is_target = el.kind == ElementKind::kTarget;
        const Mention* slot = SlotAt(m.first_token, is_target);
        if (!slot) return false;
        (is_target ? target_ : source_) = slot;
        if (Backward(ei - 1, m.first_token)) return true;
        (is_target ? target_ : source_) = nullptr;
        return false;
      }
    }
    return false;
  }

  const View& v_;
  const Rule& r_;
  std::vector<uint32_t> words_;
  const Mention* source_ = nullptr;
  const Mention* target_ = nullptr;
};

struct Candidate {
  uint32_t rule = 0;
  uint32_t anchor = 0;
  uint32_t first = 0;
  uint32_t last = 0;
  std::vector<uint32_t> words;
  const Mention* source = nullptr;
  const Mention* target = nullptr;
  std::string cameo;  // when not the rule's: an intent or threat read from the context
};

}  // namespace

namespace {

class SentenceCoder {
 public:
  SentenceCoder(const Dictionary& dict, const CameoTable& cameo, const text::Sentence& s,
                std::span<const Mention> mentions, const SentenceInfo& info, Trace* trace)
      : dict_(dict), cameo_(cameo), v_(s, mentions), info_(info), trace_(trace) {}

  std::vector<Event> Run() {
    FindCues();
    SeparateSpeakerClauses();
    v_.Number();
    if (trace_) TraceClauses();
    std::vector<Event> out;
    for (const Candidate& c : Select(Candidates())) Emit(c, &out);
    return out;
  }

 private:
  void FindCues() {
    const auto n = static_cast<uint32_t>(v_.toks.size());
    for (uint32_t i = 0; i < n; ++i) {
      const Token& t = v_.toks[i];
      auto try_cues = [&](std::span<const uint32_t> ids) {
        for (uint32_t id : ids) {
          const Cue& cue = dict_.cues()[id];
          Matcher m(v_, cue.rule);
          if (!m.Match(i)) continue;
          const uint32_t a = m.first(), b = m.last();
          switch (cue.kind) {
            case CueKind::kBoundary:
              for (uint32_t k = a; k < b; ++k) v_.is_break[k] = true;
              break;
            case CueKind::kReportVerb:
              report_verbs_.emplace_back(a, b);
              break;
            default:
              modal_.push_back({cue.kind, a, b});
          }
        }
      };
      try_cues(dict_.CuesFor(t.lemma));
      if (t.norm != t.lemma) try_cues(dict_.CuesFor(t.norm));
    }
  }

  // "…, U.S. officials said." and "…, a déclaré X": the speaker's clause is not part of the
  // clause it reports, so a comma shortly before a verb of saying ends a clause.
  void SeparateSpeakerClauses() {
    for (auto [a, b] : report_verbs_) {
      for (uint32_t k = a; k-- > 0 && a - k <= 5;) {
        if (v_.is_break[k]) break;
        if (v_.toks[k].norm == ",") {
          v_.is_break[k] = true;
          break;
        }
      }
    }
  }

  std::vector<Candidate> Candidates() {
    std::vector<Candidate> out;
    const auto n = static_cast<uint32_t>(v_.toks.size());
    for (uint32_t i = 0; i < n; ++i) {
      if (v_.mention_in[i] != kNone) continue;
      const Token& t = v_.toks[i];
      auto try_rules = [&](std::span<const uint32_t> ids) {
        for (uint32_t id : ids) {
          const Rule& r = dict_.rule(id);
          Matcher m(v_, r);
          const bool ok = m.Match(i);
          if (trace_) {
            trace_->rules.push_back(r.id + " (" + r.cameo + ") at '" + t.norm + "': " +
                                    (ok ? "matched" : "no match") + "  [" + r.pattern + "]");
          }
          if (!ok) continue;
          out.push_back({id, i, m.first(), m.last(), m.words(), m.source(), m.target()});
        }
      };
      auto by_lemma = dict_.RulesFor(t.lemma);
      if (t.norm == t.lemma) {
        try_rules(by_lemma);
        continue;
      }
      // A rule may list both the lemma and a form ("rompre|rompu"): try it once.
      ids_.assign(by_lemma.begin(), by_lemma.end());
      for (uint32_t id : dict_.RulesFor(t.norm)) {
        if (std::find(by_lemma.begin(), by_lemma.end(), id) == by_lemma.end()) ids_.push_back(id);
      }
      try_rules(ids_);
    }
    return out;
  }

  // Longest pattern first, then file order; a token's words serve one event only.
  std::vector<Candidate> Select(std::vector<Candidate> all) {
    std::stable_sort(all.begin(), all.end(), [&](const Candidate& a, const Candidate& b) {
      const Rule& ra = dict_.rule(a.rule);
      const Rule& rb = dict_.rule(b.rule);
      if (a.words.size() != b.words.size()) return a.words.size() > b.words.size();
      // Then the match that names its actors: "massed troops near Ukraine's border".
      const int slots_a = (a.source != nullptr) + (a.target != nullptr);
      const int slots_b = (b.source != nullptr) + (b.target != nullptr);
      if (slots_a != slots_b) return slots_a > slots_b;
      if (ra.words != rb.words) return ra.words > rb.words;
      return a.rule < b.rule;
    });
    std::vector<bool> used(v_.toks.size(), false);
    std::vector<Candidate> out;
    for (auto& c : all) {
      bool clash = false;
      for (uint32_t w : c.words) clash |= used[w];
      if (clash) continue;
      for (uint32_t w : c.words) used[w] = true;
      out.push_back(std::move(c));
    }
    std::sort(out.begin(), out.end(),
              [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
    return DropEmbedded(std::move(out));
  }

  // "threatened to cut ties", "a refusé de rencontrer", "urged Israel to halt strikes": the
  // infinitive only says what was threatened, refused or urged. The governing event is the
  // one that happened; the embedded one is dropped.
  // A generic intent ("agreed to", "ready to", 030) or threat ("threatened to", 130) takes
  // its specific code from what it governs: "agreed to release the prisoners" is 0353,
  // "prepared to impose martial law" 1324, "threatened to storm the palace" 1384.
  std::vector<Candidate> DropEmbedded(std::vector<Candidate> cands) const {
    std::vector<Candidate> out;
    std::vector<std::string> codes(cands.size());
    for (size_t j = 0; j < cands.size(); ++j) {
      const Candidate& b = cands[j];
      bool embedded = false;
      for (size_t i = 0; i < cands.size() && !embedded; ++i) {
        if (i == j || !Governs(cands[i], b)) continue;
        embedded = true;
        if (codes[i].empty()) codes[i] = SpecificIntent(cands[i], b);
      }
      if (!embedded) out.push_back(cands[j]);
    }
    for (size_t i = 0, k = 0; i < cands.size() && k < out.size(); ++i) {
      if (out[k].anchor != cands[i].anchor || out[k].rule != cands[i].rule) continue;
      out[k++].cameo = codes[i];
    }
    return out;
  }

  std::string SpecificIntent(const Candidate& governor, const Candidate& embedded) const {
    const std::string& outer = dict_.rule(governor.rule).cameo;
    const std::string code = IntentCode(dict_.rule(embedded.rule).cameo);
    if (code.empty() || (outer != "030" && outer != "130")) return "";
    const bool threat = code.starts_with("13");
    // "agreed to impose sanctions" decides the sanctions; "ready to" and "vowed to" announce
    // them.
    const Token& verb = v_.toks[governor.anchor];
    if (outer == "030" && threat &&
        !In(verb.lemma, {"ready", "prepared", "prepare", "willing", "vow", "swear", "pledge",
                         "pret", "jurer"})) {
      return "";
    }
    if (outer == "130" && !threat) return "";
    return code;
  }

  bool Governs(const Candidate& a, const Candidate& b) const {
    if (a.anchor >= b.anchor || a.last > b.anchor || b.anchor - a.last > 4) return false;
    if (v_.clause[a.anchor] != v_.clause[b.anchor] || b.anchor == 0) return false;
    // "ready to impose martial law", "prepared to resume shelling": the governor ends with
    // the infinitive marker and the embedded pattern starts a word or two later.
    const Token& a_end = v_.toks[a.last - 1];
    if (In(a_end.norm, {"to", "de", "d'", "a", "must", "should", "doit", "doivent"}) &&
        b.first >= a.last && b.first - a.last <= 2) {
      bool plain = true;
      for (uint32_t k = a.last; k < b.first; ++k) plain &= v_.Skippable(k);
      if (plain) return true;
    }
    // "demanded that Iran release the sailors", "urged Israel to halt": an appeal or a
    // demand whose pattern ends on its target governs the verb that follows the target.
    const Rule& ra = dict_.rule(a.rule);
    if (a.target && a.target->first_token >= a.last && b.first >= a.target->last_token &&
        b.first - a.target->last_token <= 2 &&
        (ra.cameo.starts_with("02") || ra.cameo.starts_with("10"))) {
      return true;
    }
    const Token& marker = v_.toks[b.first - (b.first > 0 ? 1 : 0)];
    const Token& verb = v_.toks[b.anchor];
    // "accused the United States of violating…": the charge, not an event of its own.
    if (marker.norm == "of" && b.first == b.anchor && verb.norm.ends_with("ing") &&
        ra.cameo.starts_with("11")) {
      return true;
    }
    const bool infinitive = verb.Has(text::kTagInfinitive) || In(marker.norm, {"to"});
    return infinitive && b.first == b.anchor && In(marker.norm, {"to", "de", "d'", "a"});
  }

  // "Nigeria announced that it will withdraw its force", "X said they would boycott the
  // talks", "Alger a annoncé qu'il rappellerait son ambassadeur": a speaker announcing its
  // own future act expresses an intent or a threat; the act has not happened.
  bool ConditionAfter(uint32_t pos) const {
    for (uint32_t k = pos; k < v_.toks.size(); ++k) {
      if (In(v_.toks[k].norm, {"unless", "sinon", "faute"})) return true;
      if (k + 1 < v_.toks.size() && v_.toks[k].norm == "a" && v_.toks[k + 1].norm == "moins") {
        return true;
      }
    }
    return false;
  }

  bool AnnouncedOwnFuture(const Candidate& c) const {
    const uint32_t clause = v_.clause[c.anchor];
    auto same = [&](uint32_t k) { return v_.clause[k] == clause && !v_.is_break[k]; };
    auto pronoun = [](const Token& t) {
      return In(t.norm, {"it", "they", "he", "she", "we", "il", "elle", "ils", "elles"});
    };
    // The pronoun subject: before "will"/"would"/"va", or before a French conditional.
    uint32_t p = c.first;
    bool found = false;
    for (uint32_t k = c.first; k-- > 0 && c.first - k <= 3 && same(k);) {
      const Token& t = v_.toks[k];
      if (In(t.norm, {"will", "would", "'ll", "shall", "va", "vont", "allait", "allaient"})) {
        if (k > 0 && pronoun(v_.toks[k - 1])) {
          p = k - 1;
          found = true;
        }
        break;
      }
      if (pronoun(t) && k + 1 == c.first && v_.toks[c.first].Has(text::kTagConditional)) {
        p = k;
        found = true;
        break;
      }
      if (v_.mention_in[k] != kNone) break;
    }
    if (!found || p == 0) return false;
    if (In(v_.toks[p - 1].norm, {"that", "qu'", "que"})) --p;
    // The verb of saying right before ("said on Wednesday it would…").
    for (auto [a, b] : report_verbs_) {
      if (b > p || p - b > 3) continue;
      bool plain = true;
      for (uint32_t k = b; k < p; ++k) plain &= same(k) && v_.mention_in[k] == kNone;
      if (plain) return true;
    }
    for (uint32_t k = p; k-- > 0 && p - k <= 4 && same(k);) {
      if (v_.mention_in[k] != kNone) break;
      if (In(v_.toks[k].lemma, {"pledge", "promise", "vow", "warn", "insist", "assure", "promettre",
                                "avertir", "prevenir", "menacer"})) {
        return true;
      }
    }
    return false;
  }

  bool ObjectOfPreposition(const Mention& m) const {
    return m.first_token > 0 && IsPreposition(v_.toks[m.first_token - 1]);
  }

  // The mention that ends at token `end` (exclusive), if any.
  const Mention* MentionEndingAt(uint32_t end) const {
    if (end == 0 || v_.mention_in[end - 1] == kNone) return nullptr;
    const Mention& m = v_.mentions[v_.mention_in[end - 1]];
    return m.last_token == end ? &m : nullptr;
  }

  // An apposition repeats the mention before it: "son homologue algérien, Ramtane Lamamra".
  bool IsApposition(const Mention& m) const {
    if (m.first_token < 2 || v_.toks[m.first_token - 1].norm != ",") return false;
    const Mention* before = MentionEndingAt(m.first_token - 1);
    return before && before->kind == MentionKind::kActor;
  }

  // Subjects: the nearest actors left of `pos` in its clause that are not objects of a
  // preposition nor appositions, with the actors coordinated to them.
  std::vector<const Mention*> SubjectsBefore(uint32_t pos) const {
    std::vector<const Mention*> out;
    const uint32_t clause = v_.clause[std::min<size_t>(pos, v_.toks.size() - 1)];
    for (uint32_t k = pos; k-- > 0 && pos - k <= kSubjectReach;) {
      if (v_.clause[k] != clause) break;
      // "…in Serbia, where 24 people were killed", "a raid in which…": a relative clause
      // opened by a place or a preposition has its own subject, never an actor before it.
      if (In(v_.toks[k].norm, {"where", "whom", "whose", "ou"}) ||
          (v_.toks[k].norm == "which" && k > 0 && IsPreposition(v_.toks[k - 1]))) {
        break;
      }
      const Mention* m = MentionEndingAt(k + 1);
      if (!m) continue;
      k = m->first_token;  // the loop steps past the mention
      if (m->kind != MentionKind::kActor || ObjectOfPreposition(*m) || IsApposition(*m)) continue;
      out.push_back(m);
      // "le Maroc et l'Espagne", "Paris, Berlin et Rome"
      uint32_t f = m->first_token;
      while (f >= 2 && IsCoordination(v_.toks[f - 1])) {
        const Mention* prev = MentionEndingAt(f - 1);
        if (!prev || prev->kind != MentionKind::kActor || ObjectOfPreposition(*prev)) break;
        out.push_back(prev);
        f = prev->first_token;
      }
      std::reverse(out.begin(), out.end());  // in the order of the text
      break;
    }
    return out;
  }

  // "Les canaux … utilisés par les autorités russes … ont transmis", "the spokesman of the
  // Russian ministry said": when the subject is not an actor, the actor it belongs to (after
  // de/par/of/by, before the verb, in the clause) acts through it.
  std::vector<const Mention*> OwnerOfSubject(uint32_t pos) const {
    if (pos >= v_.toks.size()) return {};
    const uint32_t clause = v_.clause[pos];
    for (uint32_t k = 0; k < pos; ++k) {
      if (v_.clause[k] != clause) continue;
      const Mention* m = v_.ActorAt(k);
      if (!m || m->last_token > pos || k == 0) continue;
      const Token& before = v_.toks[k - 1];
      if (In(before.norm, {"par", "de", "du", "des", "d'", "of", "by"})) return {m};
      return {};  // another actor comes first: not a subject's owner
    }
    return {};
  }

  // "Arrivé à Alger lundi, Sergueï Lavrov s'est entretenu…": an opening participial phrase
  // takes the subject of the main clause after its comma.
  std::vector<const Mention*> SubjectAfterOpening(uint32_t pos) const {
    if (v_.toks.empty() || !v_.toks[0].Has(text::kTagPastParticiple)) return {};
    uint32_t comma = pos;
    while (comma < v_.toks.size() && v_.toks[comma].norm != ",") ++comma;
    if (comma >= v_.toks.size()) return {};
    for (uint32_t k = 0; k < pos; ++k) {
      if (v_.toks[k].norm == "," || v_.is_break[k]) return {};
    }
    for (uint32_t k = comma + 1; k < v_.toks.size() && k < comma + 4; ++k) {
      if (const Mention* m = v_.ActorAt(k)) return {m};
    }
    return {};
  }

  // The speaker of a quotation: « … », a déclaré X / X a déclaré : « … ».
  const Mention* Speaker(uint32_t pos) const {
    const int q = v_.quote[pos];
    if (q == kNone) return nullptr;
    uint32_t open = pos, close = pos;
    while (open > 0 && v_.quote[open - 1] == q) --open;
    while (close + 1 < v_.toks.size() && v_.quote[close + 1] == q) ++close;
    for (auto [a, b] : report_verbs_) {
      if (a > close && a <= close + 4) {
        for (uint32_t k = b; k < v_.toks.size() && k < b + 4; ++k) {
          if (const Mention* m = v_.ActorAt(k)) return m;
        }
      }
      if (b <= open && b + 3 >= open) {
        auto subjects = SubjectsBefore(a);
        if (!subjects.empty()) return subjects.front();
      }
    }
    return nullptr;
  }

  // "a été reçu par", "was hosted by", and the participle alone before its agent ("une
  // décision dénoncée par Alger").
  bool IsPassive(const Candidate& c) const {
    const Token& anchor = v_.toks[c.anchor];
    if (!anchor.Has(text::kTagPastParticiple)) return false;
    // French verbs of motion and change take "être" in the active voice: "est revenue sur
    // ses engagements", "est arrivé à Alger", "sont entrés en Ukraine".
    if (In(anchor.lemma, {"aller", "venir", "revenir", "arriver", "partir", "repartir", "rester",
                          "retourner", "tomber", "devenir", "entrer", "rentrer", "sortir",
                          "parvenir", "intervenir", "deceder", "mourir", "passer"})) {
      return false;
    }
    for (uint32_t k = c.anchor; k-- > 0 && c.anchor - k <= 3;) {
      const Token& t = v_.toks[k];
      if (t.lemma == "etre" || t.lemma == "be" || t.lemma == "get") {
        return !(k > 0 && IsReflexive(v_.toks[k - 1]));  // "s'est entretenu" is active
      }
      if (t.lemma == "avoir" || t.lemma == "have") return false;
    }
    // Without an auxiliary the form may be a simple past ("Mali accepted the plan proposed by
    // ECOWAS"): only an agent right after the participle makes it passive ("une décision
    // dénoncée par Alger").
    if (c.target && IsAgentMarked(*c.target)) return true;
    return c.last < v_.toks.size() && In(v_.toks[c.last].norm, {"par", "by"}) &&
           Agent(c) != nullptr;
  }

  bool IsAgentMarked(const Mention& m) const {
    return m.first_token > 0 && In(v_.toks[m.first_token - 1].norm, {"par", "by"});
  }

  // "des entreprises chinoises accusées de…", "Russian entities accused of…": a participle
  // right after an actor qualifies it, so that actor undergoes the event.
  const Mention* ModifiedByParticiple(const Candidate& c) const {
    if (c.first != c.anchor) return nullptr;
    uint32_t k = c.anchor;
    if (k > 0 && v_.toks[k - 1].norm == ",") --k;
    const Mention* m = MentionEndingAt(k);
    return m && m->kind == MentionKind::kActor ? m : nullptr;
  }

  const Mention* MentionAt(uint32_t k, MentionKind kind) const {
    if (k >= v_.toks.size() || v_.mention_at[k] == kNone) return nullptr;
    const Mention& m = v_.mentions[v_.mention_at[k]];
    return m.kind == kind ? &m : nullptr;
  }

  // A mention and those of its kind coordinated after it: "par Tokyo et Séoul".
  // A comma alone may start an apposition ("son homologue, Ramtane Lamamra,"), so it links
  // a list only when the list goes on to an "et"/"and".
  std::vector<const Mention*> WithCoordinated(const Mention* m) const {
    std::vector<const Mention*> list{m};
    bool conjunction = false;
    for (uint32_t e = m->last_token;;) {
      uint32_t k = e;
      while (k < v_.toks.size() && In(v_.toks[k].norm, {",", "et", "and"})) {
        conjunction |= v_.toks[k].norm != ",";
        ++k;
      }
      const Mention* next = k > e ? MentionAt(k, m->kind) : nullptr;
      if (!next) break;
      list.push_back(next);
      e = next->last_token;
      if (conjunction) break;  // "A, B et C" ends at C
    }
    if (!conjunction) list.resize(1);
    return list;
  }

  // The agent of a passive: "par X", "by X" right after the pattern.
  const Mention* Agent(const Candidate& c) const {
    for (uint32_t k = c.last; k + 1 < v_.toks.size() && k < c.last + 4; ++k) {
      if (v_.is_break[k]) break;
      if (In(v_.toks[k].norm, {"par", "by"})) return v_.ActorAt(k + 1);
    }
    return nullptr;
  }

  std::vector<const Mention*> TargetsAfter(uint32_t pos,
                                           const std::vector<const Mention*>& not_these) const {
    std::vector<const Mention*> out;
    if (pos >= v_.toks.size()) return out;
    const uint32_t clause = v_.clause[pos];
    for (uint32_t k = pos; k < v_.toks.size() && v_.clause[k] == clause; ++k) {
      const Mention* m = v_.ActorAt(k);
      if (!m || std::find(not_these.begin(), not_these.end(), m) != not_these.end()) continue;
      if (IsApposition(*m)) continue;
      out.push_back(m);
      // "avec le Maroc et l'Espagne", "au Mali, au Niger et au Burkina Faso"
      for (uint32_t e = m->last_token;;) {
        uint32_t at = e;
        while (at < v_.toks.size() && In(v_.toks[at].norm, {",", "et", "and", "ou", "or"})) ++at;
        if (at == e) break;
        if (at < v_.toks.size() && IsPreposition(v_.toks[at]) && !v_.ActorAt(at)) ++at;
        const Mention* next = v_.ActorAt(at);
        if (!next) break;
        out.push_back(next);
        e = next->last_token;
      }
      break;
    }
    return out;
  }

  // `verb_tense_only`: the conditional of the event's verb marks tense, not hearsay.
  Modality ModalityOf(const Candidate& c, bool verb_tense_only = false) const {
    const uint32_t clause = v_.clause[c.anchor];
    bool negated = false, speculative = v_.question, reported = false;
    for (const auto& m : modal_) {
      const bool same_clause = v_.clause[m.first] == clause || v_.clause[m.last - 1] == clause;
      switch (m.kind) {
        case CueKind::kNegation:
          // "n'a pas rompu", "did not meet": the cue opens before the verb, close to it.
          negated |= same_clause && m.first < c.anchor && c.anchor - m.first <= 6;
          break;
        case CueKind::kSpeculative:
          speculative |= same_clause && m.first <= c.anchor && c.anchor - m.first <= 8;
          break;
        case CueKind::kReported:
          // Attribution to a named actor ("selon le ministère russe") is sourcing; to
          // unnamed sources ("selon nos sources", "reportedly") it is hearsay.
          reported |= !(IntroducesSource(m.last) && NamedSourceAfter(m.last));
          break;
        default:
          break;
      }
    }
    // The French conditional of the verb or its auxiliary: "aurait livré".
    for (uint32_t k = c.anchor + 1; !verb_tense_only && k-- > 0 && c.anchor - k <= 2;) {
      if (v_.toks[k].Has(text::kTagConditional)) reported = true;
    }
    if (negated) return Modality::kNegated;
    if (speculative) return Modality::kSpeculative;
    if (reported) return Modality::kReported;
    return Modality::kAsserted;
  }

  // "selon", "d'après", "according to", "citing": a cue that names where news came from.
  bool IntroducesSource(uint32_t end) const {
    return end > 0 && In(v_.toks[end - 1].norm, {"selon", "apres", "to", "citing", "of", "de"});
  }

  bool NamedSourceAfter(uint32_t pos) const {
    for (uint32_t k = pos; k < v_.toks.size() && k < pos + 3; ++k) {
      if (v_.ActorAt(k)) return true;
    }
    return false;
  }

  std::optional<Location> LocationOf(const Candidate& c) const {
    const uint32_t clause = v_.clause[c.anchor];
    const Mention* best = nullptr;
    for (const Mention& m : v_.mentions) {
      if (m.kind != MentionKind::kPlace || !m.lat || !m.locative) continue;
      if (!best || (v_.clause[m.first_token] == clause && v_.clause[best->first_token] != clause)) {
        best = &m;
      }
    }
    if (!best) return std::nullopt;
    return Location{best->actor.name, best->actor.country, *best->lat, *best->lon};
  }

  // An actor acting on itself is no event; a government and its own rebels are two actors,
  // but a visit to one's own capital is not a visit.
  static bool SameActor(const Mention& src, const Mention& tgt) {
    if (&src == &tgt || src.actor.code == tgt.actor.code) return true;
    // Two actors without a country or organisation ("the president", "the rebels") are not
    // known to be one: only their codes could tell.
    if (src.actor.Key() != tgt.actor.Key() || src.actor.Key().empty()) return false;
    // "le roi Abdallah II ... le soutien de la Jordanie": a state and its own government.
    return tgt.kind == MentionKind::kPlace || src.actor.role.empty() || tgt.actor.role.empty();
  }

  void Emit(const Candidate& c, std::vector<Event>* out) {
    const Rule& r = dict_.rule(c.rule);
    Modality modality = ModalityOf(c);
    std::string cameo = c.cameo.empty() ? r.cameo : c.cameo;
    if (modality != Modality::kNegated && c.cameo.empty() && AnnouncedOwnFuture(c)) {
      // The announcement is the event, and it did happen.
      if (std::string intent = IntentCode(cameo); !intent.empty()) {
        // "…will withdraw its force unless…": an act promised on a condition is a threat.
        if (intent.starts_with("03") && ConditionAfter(c.last)) intent = "130";
        cameo = intent;
        // The future of the announced act is not the announcement's: "a annoncé qu'il
        // rappellerait" is a conditional of tense, not hearsay.
        modality = ModalityOf(c, /*verb_tense_only=*/true);
        if (modality == Modality::kSpeculative) modality = Modality::kAsserted;
      }
    }
    const CameoCode* code = cameo_.Find(cameo);
    if (!code) return;
    std::vector<const Mention*> sources, targets;
    if (c.source) sources.push_back(c.source);
    if (c.target) targets = WithCoordinated(c.target);  // "visited Bamako, Ouagadougou and…"
    const bool passive = IsPassive(c);
    const Mention* agent = passive ? Agent(c) : nullptr;
    if (passive && c.target && IsAgentMarked(*c.target)) {
      // The active pattern's object slot caught the agent ("reçu par X"): X is the source.
      agent = c.target;
      targets.clear();
    }
    const Mention* modified = passive ? ModifiedByParticiple(c) : nullptr;
    if (passive) {
      if (sources.empty() && agent) sources = WithCoordinated(agent);
      if (targets.empty() && modified) targets.push_back(modified);
      if (targets.empty() && !modified) targets = SubjectsBefore(c.first);
    } else if (sources.empty()) {
      sources = SubjectsBefore(c.first);
      if (sources.empty()) sources = SubjectAfterOpening(c.first);
      if (sources.empty()) sources = OwnerOfSubject(c.first);
    }
    if (sources.empty()) {
      if (const Mention* sp = Speaker(c.anchor)) sources.push_back(sp);
    }
    if (targets.empty() && !modified && !passive) {
      // The pattern's own words ended inside an actor ("two Russian diplomats"): the object.
      for (uint32_t w : c.words) {
        const int m = v_.mention_in[w];
        if (m == kNone || v_.mentions[m].kind != MentionKind::kActor) continue;
        const Mention* obj = &v_.mentions[m];
        // Only a head noun with its modifier: in "a general strike" the word is the pattern's.
        if (w + 1 != obj->last_token || obj->last_token - obj->first_token < 2) continue;
        if (std::find(sources.begin(), sources.end(), obj) == sources.end()) targets = {obj};
        break;
      }
    }
    if (targets.empty() && !modified) {
      std::vector<const Mention*> taken = sources;
      if (agent) taken.push_back(agent);
      targets = TargetsAfter(c.last, taken);
    }
    if (sources.empty() && targets.empty()) return;
    std::vector<std::pair<const Mention*, const Mention*>> pairs;
    if (targets.empty() && sources.size() >= 2) {
      // "Le Maroc et l'Espagne ont signé un accord", "Moroccan and Israeli officials met":
      // coordinated subjects without an object act on each other.
      for (size_t i = 0; i < sources.size(); ++i) {
        for (size_t j = i + 1; j < sources.size(); ++j) pairs.emplace_back(sources[i], sources[j]);
      }
    } else {
      if (sources.empty()) sources.push_back(nullptr);
      if (targets.empty()) targets.push_back(nullptr);
      for (const Mention* src : sources) {
        for (const Mention* tgt : targets) pairs.emplace_back(src, tgt);
      }
    }

    const std::string date = ResolveEventDate(v_.toks, info_.doc_date);
    const auto location = LocationOf(c);
    uint32_t ev_first = c.words.front(), ev_last = c.words.front();
    for (uint32_t w : c.words) {
      ev_first = std::min(ev_first, w);
      ev_last = std::max(ev_last, w);
    }
    // "Algerian landowners began a hunger strike … Algerian government": when every dyad
    // folds into one actor, the event still happened; it is kept with its source alone
    // (domestic and one-actor events: a strike, a curfew, a resignation).
    bool all_same = true;
    for (auto [src, tgt] : pairs) all_same &= src && tgt && SameActor(*src, *tgt);
    if (all_same && !pairs.empty()) pairs = {{pairs.front().first, nullptr}};
    for (auto [src, tgt] : pairs) {
      {
        if (src && tgt && SameActor(*src, *tgt)) continue;
        Event e;
        e.doc_id = info_.doc_id;
        e.sentence = info_.index;
        e.text = v_.s.text;
        e.date = date;
        e.lang = info_.lang;
        if (src) {
          e.source = src->actor;
          e.source_text = src->text;
        }
        if (tgt) {
          e.target = tgt->actor;
          e.target_text = tgt->text;
          // A place in a target slot stands for its country ("arriver à Mascate").
          if (tgt->kind == MentionKind::kPlace) e.target.code = e.target.country;
        }
        e.cameo = code->code;
        e.root = code->root;
        e.quad = code->quad;
        e.goldstein = code->goldstein;
        e.modality = modality;
        e.location = location;
        e.evidence_begin = v_.toks[ev_first].cp_begin;
        e.evidence_end = v_.toks[ev_last].cp_end;
        e.rule = r.id;
        e.from_comment = info_.comment;
        out->push_back(std::move(e));
      }
    }
  }

  void TraceClauses() {
    std::string cur;
    uint32_t clause = 0;
    for (size_t i = 0; i < v_.toks.size(); ++i) {
      if (v_.clause[i] != clause && !cur.empty()) {
        trace_->clauses.push_back(cur);
        cur.clear();
      }
      clause = v_.clause[i];
      if (!cur.empty()) cur += ' ';
      cur += v_.s.text.substr(v_.toks[i].begin, v_.toks[i].end - v_.toks[i].begin);
    }
    if (!cur.empty()) trace_->clauses.push_back(cur);
  }

  struct ModalCue {
    CueKind kind;
    uint32_t first;
    uint32_t last;
  };
  const Dictionary& dict_;
  const CameoTable& cameo_;
  View v_;
  const SentenceInfo& info_;
  Trace* trace_;
  std::vector<ModalCue> modal_;
  std::vector<std::pair<uint32_t, uint32_t>> report_verbs_;
  std::vector<uint32_t> ids_;  // scratch: the rules tried at one token
};

}  // namespace

std::vector<Event> Coder::Code(const text::Sentence& sentence, std::span<const Mention> mentions,
                               const SentenceInfo& info, Trace* trace) const {
  if (sentence.tokens.empty()) return {};
  const Dictionary& dict = info.lang == "fr" ? fr_ : en_;
  return SentenceCoder(dict, cameo_, sentence, mentions, info, trace).Run();
}

}  // namespace vigie::events
