// French lemmas from hunspell-fr-classical (Dicollecte), whose entries carry `po:` tags:
// analyze("reproché") -> " st:reprocher po:v1__t_q_zz po:ppas po:adj po:1jsg is:mas is:sg".
//
// A form often has several readings ("rompu": the noun rompu, the participle of rompre).
// Without a tagger the choice is by rule, in this order:
//   1. a grammatical word ("po:mg": determiners, prepositions, pronouns, conjunctions) is
//      one ("la" is the article, not the musical note; "son" the possessive; "Ce" at the
//      start of a sentence is not cerium);
//   2. a capitalised form with a proper-noun reading is that name ("Paris", "Jean");
//   3. a verb reading wins when its form is one nouns rarely share: past participle,
//      infinitive, imperfect, future, conditional, simple past, or any form of être/avoir
//      ("rompu" -> rompre, "aurait" -> avoir, "été" -> être);
//   4. otherwise a noun or adjective reading ("livre", "président", "forme": present-tense
//      verb forms are too often nouns);
//   5. otherwise any verb reading ("apprête" -> apprêter), then whatever is left.
// The context overrides rule 3 in one case, handled by Analyzer: right after a determiner
// the noun reading (LexEntry::nominal) is taken ("le parti", "les prises").
// Tags are the union of the chosen lemma's readings of the same kind (Kind below).

#include "vigie/text/lexicon.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <hunspell.hxx>
#include <sys/mman.h>
#include <unistd.h>

#include "vigie/text/analyzer.h"
#include "vigie/text/fold.h"
#include "vigie/text/token.h"

namespace vigie::text {
namespace {

// Hunspell's own limit is 100 code points; longer tokens are not words anyway.
constexpr size_t kMaxWordBytes = 100;

struct FrReading {
  std::string_view stem;
  uint8_t tags = 0;
  bool verb = false;
  bool verb_form_preferred = false;  // rule 3
  bool grammatical = false;          // po:mg
  bool proper = false;
  bool determiner = false;
  bool preposition = false;
};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

void ApplyPo(std::string_view po, FrReading* r) {
  if (po.size() >= 2 && po[0] == 'v' && po[1] >= '0' && po[1] <= '3') {
    r->verb = true;
    r->tags |= kTagVerb;
  } else if (po == "ppas") {
    r->tags |= kTagPastParticiple;
    r->verb_form_preferred = true;
  } else if (po == "infi") {
    r->tags |= kTagInfinitive;
    r->verb_form_preferred = true;
  } else if (po == "cond") {
    r->tags |= kTagConditional;
    r->verb_form_preferred = true;
  } else if (po == "iimp" || po == "ifut" || po == "ipsi" || po == "sim") {
    r->verb_form_preferred = true;
  } else if (po == "nom") {
    r->tags |= kTagNoun;
  } else if (po == "adj") {
    r->tags |= kTagAdjective;
  } else if (po == "npr" || po == "prn" || po == "patr") {
    r->tags |= kTagProperNoun;
    r->proper = true;
  } else if (po == "mg") {
    r->tags |= kTagFunctionWord;
    r->grammatical = true;
  } else if (StartsWith(po, "det")) {
    r->determiner = true;
  } else if (po == "prepv") {
    r->preposition = true;
  }
}

// One hunspell analysis: space-separated fields "st:…", "po:…", "is:…", "dp:…".
FrReading Parse(std::string_view a) {
  FrReading r;
  size_t i = 0;
  while (i < a.size()) {
    size_t j = a.find(' ', i);
    if (j == std::string_view::npos) j = a.size();
    std::string_view f = a.substr(i, j - i);
    if (StartsWith(f, "st:") && r.stem.empty()) r.stem = f.substr(3);
    if (StartsWith(f, "po:")) ApplyPo(f.substr(3), &r);
    i = j + 1;
  }
  if (!r.stem.empty()) {
    size_t p = 0;
    // Dictionary entries that are capitalised are names too ("Algérie", "Otan": po:nom).
    if (IsUpper(NextCodePoint(r.stem, &p)) && !r.grammatical) {
      r.proper = true;
      r.tags |= kTagProperNoun;
    }
  }
  if (!r.verb) r.verb_form_preferred = false;
  if (r.verb && (r.stem == "être" || r.stem == "avoir")) r.verb_form_preferred = true;
  return r;
}

// Kinds of reading that the choice below ranks; tags are merged within one kind only, so
// that "pendant" (preposition, also a noun) stays a function word.
enum class Kind { kGrammatical, kVerb, kProper, kOther };
Kind KindOf(const FrReading& r) {
  if (r.grammatical) return Kind::kGrammatical;
  if (r.verb) return Kind::kVerb;
  return r.proper ? Kind::kProper : Kind::kOther;
}

// Union of the tags of the readings with the same stem and kind as `pick`.
uint8_t TagsOf(const std::vector<FrReading>& rs, const FrReading& pick) {
  uint8_t tags = 0;
  for (const FrReading& r : rs) {
    if (r.stem == pick.stem && KindOf(r) == KindOf(pick)) tags |= r.tags;
  }
  return tags;
}

const FrReading* Choose(const std::vector<FrReading>& rs, bool capitalised) {
  auto first = [&](auto pred) -> const FrReading* {
    for (const FrReading& r : rs) {
      if (pred(r)) return &r;
    }
    return nullptr;
  };
  // "s'" is both se and the elided si ("s'il", stem "s’"): the stem that is a word wins.
  const FrReading* pick = first([](const FrReading& r) {
    return r.grammatical && !r.stem.ends_with("'") && !r.stem.ends_with("’");
  });
  if (!pick) pick = first([](const FrReading& r) { return r.grammatical; });
  if (!pick && capitalised) pick = first([](const FrReading& r) { return r.proper; });
  if (!pick) {
    // Auxiliaries first when a form belongs to several verbs ("suis": être, suivre).
    pick = first([](const FrReading& r) {
      return r.verb_form_preferred && (r.stem == "être" || r.stem == "avoir");
    });
  }
  if (!pick) pick = first([](const FrReading& r) { return r.verb_form_preferred; });
  if (!pick) pick = first([](const FrReading& r) { return !r.verb; });
  if (!pick) pick = &rs.front();
  return pick;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// An anonymous in-memory file that hunspell, which only takes paths, can open by name.
class MemFile {
 public:
  explicit MemFile(std::string_view data) {
    fd_ = memfd_create("vigie-hunspell", MFD_CLOEXEC);
    if (fd_ < 0) return;
    size_t done = 0;
    while (done < data.size()) {
      ssize_t n = write(fd_, data.data() + done, data.size() - done);
      if (n <= 0) {
        close(fd_);
        fd_ = -1;
        return;
      }
      done += static_cast<size_t>(n);
    }
  }
  ~MemFile() {
    if (fd_ >= 0) close(fd_);
  }
  MemFile(const MemFile&) = delete;
  MemFile& operator=(const MemFile&) = delete;
  bool ok() const { return fd_ >= 0; }
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_ = -1;
};

// Hunspell on the derived dictionary (fr_dictionary.cc), or nullptr when it cannot be made
// (unexpected layout, no memfd or /proc): the caller then loads the files as they are, which
// gives the same lemmas three times slower.
std::unique_ptr<Hunspell> OpenFast(const std::string& aff, const std::string& dic) {
  std::string fast_aff, fast_dic;
  if (!DeriveFastFrenchDictionary(ReadAll(aff), ReadAll(dic), &fast_aff, &fast_dic)) {
    return nullptr;
  }
  MemFile aff_file(fast_aff), dic_file(fast_dic);
  if (!aff_file.ok() || !dic_file.ok()) return nullptr;
  std::error_code ec;
  if (!std::filesystem::exists(aff_file.path(), ec)) return nullptr;
  auto h = std::make_unique<Hunspell>(aff_file.path().c_str(), dic_file.path().c_str());
  if (h->analyze(std::string("maison")).empty()) return nullptr;
  return h;
}

}  // namespace

Status RequireFiles(std::initializer_list<std::string> paths, std::string_view package) {
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(p, ec)) {
      return Status::NotFound("lexicon file not found: " + p + " (Debian package " +
                              std::string(package) + ")");
    }
  }
  return Status::OK();
}

FrenchLexicon::FrenchLexicon(std::unique_ptr<Hunspell> hunspell) : hunspell_(std::move(hunspell)) {}
FrenchLexicon::~FrenchLexicon() = default;

Result<std::unique_ptr<FrenchLexicon>> FrenchLexicon::Open(const std::string& hunspell_dir) {
  const std::string aff = hunspell_dir + "/fr.aff";
  const std::string dic = hunspell_dir + "/fr.dic";
  VIGIE_RETURN_IF_ERROR(RequireFiles({aff, dic}, "hunspell-fr-classical"));
  std::unique_ptr<Hunspell> h = OpenFast(aff, dic);
  if (h == nullptr) h = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  // Hunspell reports nothing when a file is unreadable or malformed; a common word that it
  // cannot analyse means the dictionary did not load.
  if (h->analyze(std::string("maison")).empty()) {
    return Status::Corruption("hunspell could not read " + aff + " / " + dic +
                              " (no morphology for \"maison\")");
  }
  return std::unique_ptr<FrenchLexicon>(new FrenchLexicon(std::move(h)));
}

LexEntry FrenchLexicon::Lookup(std::string_view word) {
  LexEntry out;
  std::string w;
  w.reserve(word.size());
  // Inverted pronouns are looked up as the pronoun: "-t-elle" -> "elle".
  if (StartsWith(word, "-t-") || StartsWith(word, "-T-")) {
    word.remove_prefix(3);
  } else if (StartsWith(word, "-")) {
    word.remove_prefix(1);
  }
  for (size_t i = 0; i < word.size();) {
    size_t b = i;
    char32_t cp = NextCodePoint(word, &i);
    if (IsApostrophe(cp)) {
      w.push_back('\'');
    } else {
      w.append(word.substr(b, i - b));
    }
  }
  out.main.lemma = Fold(w);
  if (w.empty() || w.size() > kMaxWordBytes) return out;

  std::vector<std::string> analyses = hunspell_->analyze(w);
  if (analyses.empty()) return out;
  std::vector<FrReading> rs;
  rs.reserve(analyses.size());
  for (const std::string& a : analyses) {
    rs.push_back(Parse(a));
    if (rs.back().stem.empty()) rs.back().stem = w;
  }
  size_t p = 0;
  const FrReading* pick = Choose(rs, IsUpper(NextCodePoint(w, &p)));
  out.main.lemma = Fold(pick->stem);
  out.main.tags = TagsOf(rs, *pick);
  if (KindOf(*pick) == Kind::kVerb) {
    for (const FrReading& r : rs) {
      if (KindOf(r) == Kind::kOther) {
        out.nominal.lemma = Fold(r.stem);
        out.nominal.tags = TagsOf(rs, r);
        break;
      }
    }
  }
  bool det = false, prep = false;
  for (const FrReading& r : rs) {
    det |= r.determiner;
    prep |= r.preposition;
  }
  out.determiner = det && !prep;
  return out;
}

}  // namespace vigie::text
