#include "vigie/actors/internal/cues.h"

#include "vigie/base/strings.h"

namespace vigie::actors::internal {

using str::In;

namespace {

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

// French verbs of being, staying or going somewhere: after them "au Mali" is where ("est au
// Burkina", "déployés au Mali", "se rendre au Niger"), not to whom as after "livrer".
bool IsWhereVerb(const Token& t) {
  return In(t.lemma, {"etre", "rester", "vivre", "resider", "arriver", "aller", "rendre",
                      "retourner", "rentrer", "voyager", "deployer", "stationner", "installer",
                      "intervenir", "combattre", "operer", "sejourner"});
}

// Verbs of leaving, withdrawing and driving out: after them "du Mali" says where from
// ("retirer ses forces du Mali", "chassés du Burkina"), not whose.
bool IsLeavingVerb(const Token& t) {
  return In(t.lemma,
            {"retirer", "evacuer", "expulser", "chasser", "sortir", "partir", "rapatrier",
             "exfiltrer", "deloger", "bannir", "fuir", "enfuir", "desengager", "extraire"});
}

// Their nouns, whose first "de" is who leaves ("le retrait du Mali de la Cédéao") and a
// later one where from ("le retrait des troupes françaises du Mali").
bool IsLeavingNoun(const Token& t) {
  return In(t.lemma, {"retrait", "depart", "evacuation", "expulsion", "sortie", "rapatriement",
                      "desengagement", "exfiltration"});
}

// Verbs and nouns whose "à"/"to" complement is who receives or is addressed, not where:
// "livrer des armes à Alger", "reprocher à Paris", "tourner le dos à Moscou", "faire
// confiance à Alger", "une certaine allégeance à Alger", "sold arms to Moscow", "a message
// to Washington". Verbs of going ("arriver à", "se rendre à", "travel to") are not among them.
// One list a language (`french`: before "à"; else before "to"): "main" is a hand in French.
bool IsToWhomWord(const Token& t, bool french) {
  if (french) {
    // Not the verbs often followed by where they happen: "a annoncé jeudi à Alger", "a dit à
    // Alger", "présenté à Alger", "lancé à Alger", "a prêté serment à Alger".
    return In(t.lemma, {"demander",      "reprocher", "repondre",   "proposer",   "offrir",
                        "livrer",        "vendre",    "fournir",    "accorder",   "adresser",
                        "transmettre",   "promettre", "conseiller", "imposer",    "opposer",
                        "ceder",         "pardonner", "signifier",  "notifier",   "acheter",
                        "garantir",      "permettre", "interdire",  "ordonner",   "tendre",
                        "arracher",      "payer",     "resister",   "dos",        "confiance",
                        "main",          "appel",     "ultimatum",  "message",    "lettre",
                        "soutien",       "aide",      "livraison",  "vente",      "condoleances",
                        "felicitations", "excuses",   "reproche",   "solidarite", "avertissement",
                        "allegeance",    "fidelite",  "loyaute",    "hostilite"});
  }
  return In(t.lemma,
            {"give",    "sell",       "deliver", "offer",    "supply",    "transfer",  "hand",
             "grant",   "lend",       "pay",     "write",    "say",       "explain",   "appeal",
             "propose", "promise",    "pledge",  "complain", "apologize", "apologise", "speak",
             "talk",    "submit",     "ship",    "export",   "cede",      "surrender", "message",
             "letter",  "ultimatum",  "aid",     "support",  "sale",      "delivery",  "warning",
             "loan",    "allegiance", "loyalty", "request",  "proposal",  "shipment"});
}

// Whether the "à"/"to" at token `at` introduces who receives: the nearest word of giving,
// saying or turning to someone within four words before it, no other verb in between.
bool IsToWhom(const std::vector<Token>& toks, uint32_t at) {
  constexpr uint32_t kReach = 4;
  for (uint32_t k = at; k > 0 && at - k < kReach; --k) {
    const Token& t = toks[k - 1];
    if (t.kind == text::TokenKind::kPunct) return false;
    if (IsToWhomWord(t, toks[at].norm == "a")) return true;
    if (t.Has(text::kTagVerb) && !t.Has(text::kTagNoun)) return false;
  }
  return false;
}

}  // namespace

bool IsArticle(const Token& t) { return In(t.norm, {"le", "la", "les", "l'", "the"}); }

bool IsPossessive(const Token& t) {
  return In(t.norm, {"son", "sa", "ses", "leur", "leurs", "notre", "nos", "its", "his", "her",
                     "their", "our"});
}

bool IsOfLink(const Token& t) { return In(t.norm, {"de", "d'", "du", "des", "of"}); }

bool IsDeterminer(const Token& t) {
  return IsArticle(t) || IsPossessive(t) || t.kind == text::TokenKind::kNumber ||
         In(t.norm, {"un",    "une", "des",       "du",   "de",    "d'",     "ce",   "cet",
                     "cette", "ces", "plusieurs", "deux", "trois", "quatre", "cinq", "six",
                     "dix",   "a",   "an",        "two",  "three", "several"});
}

bool IsHeadNoun(const Token& t) {
  return t.kind == text::TokenKind::kWord && !t.Has(text::kTagFunctionWord) &&
         (t.Has(text::kTagNoun) || !t.Has(text::kTagVerb));
}

bool IsName(const Token& t) {
  return t.kind == text::TokenKind::kWord && t.upper_initial && !t.Has(text::kTagFunctionWord);
}

uint32_t NameEnd(const std::vector<Token>& toks, uint32_t begin, uint32_t stop) {
  uint32_t e = begin;
  for (int words = 0; e < stop && words < 3 && IsName(toks[e]);) {
    ++e;
    ++words;
    if (e + 1 < stop && toks[e].norm == "-" && toks[e].begin == toks[e - 1].end &&
        toks[e + 1].begin == toks[e].end && IsName(toks[e + 1])) {
      ++e;
    }
  }
  return e;
}

bool IsTerritoryNoun(const Token& t) {
  return In(t.lemma, {"frontiere", "territoire", "sol", "border", "territory", "soil"});
}

bool IsBareNounPreposition(const Token& t) {
  return In(t.norm,
            {"sous", "avec", "sans", "par", "contre", "malgre", "selon", "sur", "en", "pour"});
}

bool AfterLeaving(const std::vector<Token>& toks, uint32_t at) {
  constexpr uint32_t kReach = 8;
  for (uint32_t k = at; k > 0 && at - k < kReach; --k) {
    const Token& t = toks[k - 1];
    if (In(t.norm, {".", ";", ":", "!", "?", "«", "»", "que", "qu'", "qui", "dont"})) return false;
    if (IsLeavingVerb(t)) return true;
    if (IsLeavingNoun(t)) return k < at;
  }
  return false;
}

bool IsLocative(const std::vector<Token>& toks, uint32_t first, uint32_t last, EntryType type) {
  const bool then_comma = last < toks.size() && toks[last].norm == ",";
  // A headline's topic: "Mali : Bamako suspend les rotations", "Tchad : ... investi".
  if (first == 0)
    return type == EntryType::kCountry && last < toks.size() && toks[last].norm == ":";
  const Token* prev = &toks[first - 1];
  // "retirer ses forces du Mali", "expulsés de la Libye": where from.
  const uint32_t link = IsArticle(*prev) && first >= 2 ? first - 2 : first - 1;
  if (type == EntryType::kCountry && IsOfLink(toks[link]) && AfterLeaving(toks, link)) return true;
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
    // After "à"/"to", a capital is the government where it receives or is addressed.
    if (type == EntryType::kCapital && In(prev->norm, {"a", "to"}) && IsToWhom(toks, first - 1)) {
      return false;
    }
    // "au"/"aux" are "à le"/"à les": "au nord du Mali".
    return In(prev->norm, {"a", "au", "aux", "de", "d'", "at", "to", "pres"});
  }
  return false;
}

bool IsStateDeterminer(const Token& t) {
  return t.Has(text::kTagFunctionWord) &&  // a bit first: this runs on most tokens
         In(t.norm, {"le", "la", "l'", "au", "du", "the", "ce", "cet", "cette", "this", "that"});
}

}  // namespace vigie::actors::internal
