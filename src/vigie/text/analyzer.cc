// Analyzer: splitter + tokenizer + a memo of (language, word as written) -> folded form,
// lemma and tags. News vocabulary is Zipfian, so after the first few thousand sentences
// almost every token is a hash lookup and a copy of two short strings (SSO, no allocation);
// the lexicons (microseconds per call) only see new words.

#include "vigie/text/analyzer.h"

#include <utility>

#include "vigie/text/fold.h"
#include "vigie/text/lexicon.h"
#include "vigie/text/tokenizer_impl.h"

namespace vigie::text {
namespace {

// Memo bound per language (about 1M entries in all, ~200 bytes each, so ~200 MB at worst);
// cleared rather than evicted: a clear is rare (a news vocabulary stays far below) and
// costs nothing to maintain.
constexpr size_t kMaxCacheEntries = size_t{1} << 19;

enum Lang { kFr = 0, kEn = 1 };

Lang LangOf(std::string_view lang) {
  return (lang.size() >= 2 && (lang[0] | 0x20) == 'f' && (lang[1] | 0x20) == 'r') ? kFr : kEn;
}

// English "can't" and "won't" tokenize as "ca"/"wo" + "n't" (as in the Penn Treebank).
std::string_view NegatedModal(std::string_view norm) {
  if (norm == "ca") return "can";
  if (norm == "wo") return "will";
  if (norm == "sha") return "shall";
  return {};
}

}  // namespace

struct Analyzer::Impl {
  std::unique_ptr<FrenchLexicon> fr;
  std::unique_ptr<EnglishLexicon> en;

  struct Entry {
    std::string norm;
    LexEntry lex;
  };
  StringMap<Entry> cache[2];

  const Entry& Get(Lang lang, std::string_view surface, TokenKind kind) {
    StringMap<Entry>& m = cache[lang];
    auto it = m.find(surface);
    if (it != m.end()) return it->second;
    if (m.size() >= kMaxCacheEntries) m.clear();
    Entry e;
    if (kind == TokenKind::kWord) {
      e.lex = lang == kFr ? fr->Lookup(surface) : en->Lookup(surface);
      e.norm = Fold(surface);
    } else {
      e.norm = Fold(surface);
      e.lex.main.lemma = e.norm;
    }
    return m.emplace(std::string(surface), std::move(e)).first->second;
  }

  // Fills norm, lemma and tags of `t`; `after_determiner` selects the nominal reading.
  // Returns whether `t` is itself a determiner.
  bool Fill(Lang lang, std::string_view surface, bool after_determiner, Token* t) {
    if (t->kind == TokenKind::kNumber) {
      t->norm.clear();
      FoldAppend(surface, &t->norm);
      t->lemma = t->norm;
      t->tags = 0;
      return false;
    }
    const Entry& e = Get(lang, surface, t->kind);
    t->norm = e.norm;
    const Reading& r =
        (after_determiner && !e.lex.nominal.lemma.empty()) ? e.lex.nominal : e.lex.main;
    t->lemma = r.lemma;
    t->tags = r.tags;
    return e.lex.determiner;
  }
};

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::~Analyzer() = default;

Result<std::unique_ptr<Analyzer>> Analyzer::Open(const LexiconPaths& paths) {
  auto impl = std::make_unique<Impl>();
  VIGIE_ASSIGN_OR_RETURN(impl->fr, FrenchLexicon::Open(paths.hunspell_dir));
  VIGIE_ASSIGN_OR_RETURN(impl->en, EnglishLexicon::Open(paths.hunspell_dir, paths.wordnet_dir));
  return std::unique_ptr<Analyzer>(new Analyzer(std::move(impl)));
}

std::vector<Sentence> Analyzer::Analyze(std::string_view text, std::string_view lang) {
  const Lang l = LangOf(lang);
  std::vector<SentenceSpan> spans = SplitSentences(text, lang);
  std::vector<Sentence> out(spans.size());
  for (size_t k = 0; k < spans.size(); ++k) {
    Sentence& s = out[k];
    s.offset = spans[k].begin;
    s.text.assign(text.substr(spans[k].begin, spans[k].end - spans[k].begin));
    ScanTokens(s.text, &s.tokens);
    bool after_determiner = false;
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      Token& t = s.tokens[i];
      std::string_view surface = std::string_view(s.text).substr(t.begin, t.end - t.begin);
      after_determiner = impl_->Fill(l, surface, after_determiner, &t);
      if (l == kEn && i > 0 && t.norm == "n't") {
        std::string_view modal = NegatedModal(s.tokens[i - 1].norm);
        if (!modal.empty()) s.tokens[i - 1].lemma = modal;
      }
    }
  }
  return out;
}

void Analyzer::Lemmatize(std::string_view lang, Token* token) {
  std::string word = token->norm;
  Lemmatize(lang, word, token);
}

void Analyzer::Lemmatize(std::string_view lang, std::string_view word, Token* token) {
  impl_->Fill(LangOf(lang), word, /*after_determiner=*/false, token);
}

}  // namespace vigie::text
