#include "vigie/tone/lexicon.h"

#include <cassert>
#include <charconv>
#include <fstream>
#include <string>

#include "vigie/base/strings.h"

namespace vigie::tone {
namespace {

Status LoadFile(const std::filesystem::path& path, std::string_view lang, ToneLexicon* lex) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path.string() + ": cannot open tone lexicon");
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    std::string_view key = tab == std::string::npos
                               ? std::string_view()
                               : str::Trim(std::string_view(line).substr(0, tab));
    std::string_view value = tab == std::string::npos
                                 ? std::string_view()
                                 : str::Trim(std::string_view(line).substr(tab + 1));
    double score = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), score);
    if (key.empty() || value.empty() || ec != std::errc() || end != value.data() + value.size()) {
      return Status::Corruption(path.string() + ":" + std::to_string(line_no) +
                                ": expected `key<TAB>score`");
    }
    lex->Add(lang, key, score);
  }
  if (in.bad()) return Status::IOError(path.string() + ": read error");
  return Status::OK();
}

}  // namespace

Result<ToneLexicon> ToneLexicon::Load(const std::filesystem::path& dir) {
  ToneLexicon lex;
  VIGIE_RETURN_IF_ERROR(LoadFile(dir / "en.tsv", "en", &lex));
  VIGIE_RETURN_IF_ERROR(LoadFile(dir / "fr.tsv", "fr", &lex));
  return lex;
}

void ToneLexicon::Add(std::string_view lang, std::string_view key, double score) {
  Map& table = Table(lang);
  if (score == 0) {
    auto it = table.find(key);
    if (it != table.end()) table.erase(it);
    return;
  }
  table.insert_or_assign(std::string(key), static_cast<float>(score));
}

std::optional<double> ToneLexicon::Lookup(std::string_view lang, std::string_view key) const {
  const Map& table = Table(lang);
  auto it = table.find(key);
  if (it == table.end()) return std::nullopt;
  return it->second;
}

ToneScore ToneLexicon::Score(std::string_view lang, std::span<const std::string_view> words) const {
  return Score(lang, words, {});
}

ToneScore ToneLexicon::Score(std::string_view lang, std::span<const std::string_view> forms,
                             std::span<const std::string_view> lemmas) const {
  assert(lemmas.empty() || lemmas.size() == forms.size());
  const Map& table = Table(lang);
  ToneScore score;
  score.words = static_cast<uint32_t>(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    auto it = table.find(forms[i]);
    // The form first: the lexicon's form entries are more specific than a lemma's (AFINN
    // scores "abandonné" and "abandonner" separately).
    if (it == table.end() && !lemmas.empty() && lemmas[i] != forms[i]) it = table.find(lemmas[i]);
    if (it == table.end()) continue;
    if (it->second > 0) {
      ++score.positive_words;
    } else if (it->second < 0) {
      ++score.negative_words;
    }
  }
  return score;
}

}  // namespace vigie::tone
