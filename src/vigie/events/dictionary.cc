#include "vigie/events/dictionary.h"

#include <fstream>
#include <sstream>

#include "vigie/base/strings.h"
#include "vigie/text/analyzer.h"

namespace vigie::events {
namespace {

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string_view StripComment(std::string_view line) {
  // A '#' starts a comment when it begins the line or follows white space.
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return line.substr(0, i);
    }
  }
  return line;
}

bool ValidRuleId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

Result<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  uint32_t n = 0;
  for (std::string_view line : str::Split(text, '\n')) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    line = str::Trim(StripComment(line));
    if (!line.empty()) fn(n, line);
  }
}

}  // namespace

const char* CueKindName(CueKind k) {
  switch (k) {
    case CueKind::kNegation:
      return "negation";
    case CueKind::kReported:
      return "reported";
    case CueKind::kSpeculative:
      return "speculative";
    case CueKind::kReportVerb:
      return "report_verb";
    case CueKind::kBoundary:
      return "boundary";
  }
  return "?";
}

namespace {

// "*" (a gap of 3 words) or "*N", N in 1..6, into `el`; an error message naming `word`
// otherwise. Digits are counted before they are read: "*99999999999" must not overflow.
std::string ParseGap(std::string_view gap, std::string_view word, Element* el) {
  std::string_view digits = gap.substr(1);
  int n = 3;
  if (!digits.empty()) {
    if (digits.size() > 2) return "gap must be *1 to *6";
    n = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return "bad gap '" + std::string(word) + "'";
      n = n * 10 + (c - '0');
    }
  }
  if (n < 1 || n > 6) return "gap must be *1 to *6";
  el->kind = ElementKind::kGap;
  el->gap = static_cast<uint8_t>(n);
  return "";
}

}  // namespace

std::string ParsePattern(std::string_view pattern, bool allow_slots, std::vector<Element>* out) {
  out->clear();
  for (std::string_view w : Words(pattern)) {
    Element el;
    if (w == "S" || w == "T") {
      if (!allow_slots) return "slots S and T are not allowed here";
      el.kind = w == "S" ? ElementKind::kSource : ElementKind::kTarget;
      for (const auto& prev : *out) {
        if (prev.kind == el.kind) return "slot " + std::string(w) + " appears twice";
      }
      out->push_back(std::move(el));
      continue;
    }
    if (w.size() >= 3 && w.front() == '(' && w.back() == ')') {
      std::string_view inner = w.substr(1, w.size() - 2);
      if (inner.front() == '*') {
        if (std::string error = ParseGap(inner, w, &el); !error.empty()) return error;
        out->push_back(std::move(el));
        continue;
      }
      el.kind = ElementKind::kOptional;
      w = inner;
    } else if (w.front() == '*') {
      if (std::string error = ParseGap(w, w, &el); !error.empty()) return error;
      out->push_back(std::move(el));
      continue;
    }
    for (std::string_view alt : str::Split(w, '|')) {
      if (alt.empty()) return "empty alternative in '" + std::string(w) + "'";
      std::vector<std::string> seq;
      for (const auto& t : text::Tokenize(alt)) seq.push_back(t.norm);
      if (seq.empty()) return "empty word in '" + std::string(w) + "'";
      el.alternatives.push_back(std::move(seq));
    }
    out->push_back(std::move(el));
  }
  if (out->empty()) return "empty pattern";
  return "";
}

Result<std::unique_ptr<Dictionary>> Dictionary::Load(const std::string& dir,
                                                     const std::string& lang,
                                                     const CameoTable& cameo,
                                                     std::vector<std::string>* warnings) {
  auto dict = std::make_unique<Dictionary>(lang);
  const std::string rules_path = dir + "/" + lang + ".dict";
  VIGIE_ASSIGN_OR_RETURN(std::string rules, ReadText(rules_path));
  dict->AddRules(rules, rules_path, cameo, warnings);
  const std::string cues_path = dir + "/" + lang + ".cues";
  VIGIE_ASSIGN_OR_RETURN(std::string cues, ReadText(cues_path));
  dict->AddCues(cues, cues_path, warnings);
  if (dict->rules_.empty()) return Status::InvalidArgument("no rules in " + rules_path);
  return dict;
}

void Dictionary::AddRules(std::string_view text, const std::string& file, const CameoTable& cameo,
                          std::vector<std::string>* warnings) {
  ForEachLine(text, [&](uint32_t n, std::string_view line) {
    auto warn = [&](const std::string& what) {
      if (warnings) warnings->push_back(file + ":" + std::to_string(n) + ": " + what);
    };
    auto words = Words(line);
    if (words.size() < 3) return warn("expected '<cameo> <rule> <pattern>'");
    Rule r;
    r.cameo = std::string(words[0]);
    if (!cameo.Find(r.cameo)) return warn("unknown CAMEO code " + r.cameo);
    if (!ValidRuleId(words[1])) return warn("bad rule id '" + std::string(words[1]) + "'");
    r.id = lang_ + "." + std::string(words[1]);
    size_t start = words[2].data() - line.data();
    r.pattern = std::string(line.substr(start));
    if (auto err = ParsePattern(r.pattern, true, &r.elements); !err.empty()) return warn(err);
    if (!Anchor(&r)) return warn("a pattern needs at least one required word");
    r.source = file + ":" + std::to_string(n);
    Index(r, static_cast<uint32_t>(rules_.size()), &by_anchor_);
    rules_.push_back(std::move(r));
  });
}

void Dictionary::AddCues(std::string_view text, const std::string& file,
                         std::vector<std::string>* warnings) {
  static constexpr std::pair<std::string_view, CueKind> kKinds[] = {
      {"negation", CueKind::kNegation},       {"reported", CueKind::kReported},
      {"speculative", CueKind::kSpeculative}, {"report_verb", CueKind::kReportVerb},
      {"boundary", CueKind::kBoundary},
  };
  ForEachLine(text, [&](uint32_t n, std::string_view line) {
    auto warn = [&](const std::string& what) {
      if (warnings) warnings->push_back(file + ":" + std::to_string(n) + ": " + what);
    };
    auto words = Words(line);
    if (words.size() < 2) return warn("expected '<kind> <pattern>'");
    Cue c;
    bool known = false;
    for (auto [name, kind] : kKinds) {
      if (words[0] == name) {
        c.kind = kind;
        known = true;
      }
    }
    if (!known) return warn("unknown cue kind '" + std::string(words[0]) + "'");
    size_t start = words[1].data() - line.data();
    std::vector<Element> elements;
    if (auto err = ParsePattern(line.substr(start), false, &elements); !err.empty()) {
      return warn(err);
    }
    c.rule.elements = std::move(elements);
    if (!Anchor(&c.rule)) return warn("a cue needs at least one required word");
    c.rule.id = std::string("cue.") + CueKindName(c.kind);
    c.rule.source = file + ":" + std::to_string(n);
    c.rule.pattern = std::string(line.substr(start));
    Index(c.rule, static_cast<uint32_t>(cues_.size()), &cue_by_anchor_);
    cues_.push_back(std::move(c));
  });
}

bool Dictionary::Anchor(Rule* r) {
  bool anchored = false;
  for (uint32_t i = 0; i < r->elements.size(); ++i) {
    const auto& el = r->elements[i];
    if (el.kind == ElementKind::kWord) {
      if (!anchored) r->anchor = i;
      anchored = true;
      ++r->words;
    }
    r->has_source_slot |= el.kind == ElementKind::kSource;
    r->has_target_slot |= el.kind == ElementKind::kTarget;
  }
  return anchored;
}

void Dictionary::Index(const Rule& r, uint32_t id, AnchorIndex* index) {
  for (const auto& alt : r.elements[r.anchor].alternatives) {
    auto& v = (*index)[alt.front()];
    if (v.empty() || v.back() != id) v.push_back(id);
  }
}

std::span<const uint32_t> Dictionary::CuesFor(std::string_view folded) const {
  auto it = cue_by_anchor_.find(folded);
  if (it == cue_by_anchor_.end()) return {};
  return it->second;
}

std::span<const uint32_t> Dictionary::RulesFor(std::string_view folded) const {
  auto it = by_anchor_.find(folded);
  if (it == by_anchor_.end()) return {};
  return it->second;
}

}  // namespace vigie::events
