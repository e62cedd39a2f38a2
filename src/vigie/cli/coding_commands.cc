// `vigie actors FILE...` (one JSON mention a line) and `vigie code FILE...` (one JSON event a
// line, DESIGN.md contract), with `vigie code --explain "sentence"` to show why.

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include "vigie/cli/commands.h"
#include "vigie/pipeline/coding.h"
#include "vigie/pipeline/event_json.h"
#include "vigie/pipeline/extract.h"
#include "vigie/text/dates.h"
#include "vigie/text/language.h"

namespace vigie::cli {
namespace {

struct CodingFlags {
  std::vector<std::string> paths;
  std::string lang = "auto";
  std::string date;
  std::string data_dir;
  std::string explain;
  bool quiet = false;
  bool progress = false;
};

void AddCommonFlags(CLI::App* cmd, CodingFlags* flags) {
  cmd->add_option("--lang", flags->lang, "Language to code in: auto (per document), fr or en")
      ->check(CLI::IsMember({"auto", "fr", "en"}))
      ->capture_default_str();
  cmd->add_option("--date", flags->date,
                  "Date (YYYY-MM-DD) of documents that carry none: people and relative dates "
                  "are resolved as of this day");
  cmd->add_option("--data", flags->data_dir,
                  "Data directory (gazetteer/, events/, cameo/); default: $VIGIE_DATA or the "
                  "data/ of this checkout");
  cmd->add_flag("-q,--quiet", flags->quiet, "No summary or progress on stderr");
  cmd->add_flag("--progress", flags->progress, "Progress on stderr even when not a terminal");
}

// Opens the pipeline and codes every document of the inputs; `emit` prints what it wants.
int RunCoding(
    const CodingFlags& flags, const char* name, bool events,
    const std::function<void(const ingest::Document&, const pipeline::CodedDocument&)>& emit) {
  if (!flags.date.empty() && text::ParseIsoDate(flags.date) != flags.date) {
    std::fprintf(stderr, "vigie %s: --date must be YYYY-MM-DD, not '%s'\n", name,
                 flags.date.c_str());
    return kExitUsage;
  }
  std::vector<std::string> warnings;
  const std::string data_dir = pipeline::FindDataDir(flags.data_dir);
  auto opened = pipeline::CodingPipeline::Open(data_dir, &warnings);
  for (const auto& w : warnings) std::fprintf(stderr, "vigie %s: %s\n", name, w.c_str());
  if (!opened.ok()) {
    std::fprintf(stderr, "vigie %s: %s\n", name, opened.status().message().c_str());
    return kExitBadInput;
  }
  auto& coding = **opened;
  pipeline::CodingOptions options;
  options.lang = flags.lang;
  options.date = flags.date;
  options.events = events;

  pipeline::ExtractOptions read;
  if (flags.lang != "auto") read.read.lang_hint = flags.lang;
  read.read.stdin_format = ingest::Format::kJsonl;
  const bool show_progress = flags.progress || (!flags.quiet && isatty(STDERR_FILENO));
  const auto start = std::chrono::steady_clock::now();
  auto last_report = start;
  int64_t sentences = 0, found = 0, docs = 0;
  std::ios::sync_with_stdio(false);
  auto stats = pipeline::ExtractPaths(
      flags.paths, read,
      [&](const ingest::Document& doc) {
        auto coded = coding.Code(doc, options);
        ++docs;
        sentences += static_cast<int64_t>(coded.sentences.size());
        for (const auto& s : coded.sentences) {
          found += static_cast<int64_t>(events ? s.events.size() : s.mentions.size());
        }
        emit(doc, coded);
        if (show_progress) {
          auto now = std::chrono::steady_clock::now();
          if (now - last_report > std::chrono::seconds(1)) {
            last_report = now;
            const double secs = std::chrono::duration<double>(now - start).count();
            std::fprintf(stderr, "\rvigie %s: %lld documents, %lld sentences (%.0f/s)", name,
                         static_cast<long long>(docs), static_cast<long long>(sentences),
                         sentences / secs);
          }
        }
      },
      [&](const Status& status) {
        if (show_progress) std::fputc('\n', stderr);
        std::fprintf(stderr, "vigie %s: %s\n", name, status.message().c_str());
      });
  std::cout.flush();
  if (!flags.quiet) {
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr,
                 "%svigie %s: %lld documents, %lld sentences, %lld %s, %lld errors in %.2f s\n",
                 show_progress ? "\r" : "", name, static_cast<long long>(docs),
                 static_cast<long long>(sentences), static_cast<long long>(found),
                 events ? "events" : "mentions", static_cast<long long>(stats.errors), secs);
  }
  return stats.errors ? kExitBadInput : kExitOk;
}

// --explain: one sentence, everything the coder saw and tried, for people.
int RunExplain(const CodingFlags& flags) {
  std::vector<std::string> warnings;
  auto opened = pipeline::CodingPipeline::Open(pipeline::FindDataDir(flags.data_dir), &warnings);
  if (!opened.ok()) {
    std::fprintf(stderr, "vigie code: %s\n", opened.status().message().c_str());
    return kExitBadInput;
  }
  ingest::Document doc;
  doc.id = "explain";
  doc.date = flags.date;
  doc.lang = flags.lang == "auto" ? "" : flags.lang;
  if (doc.lang.empty()) doc.lang = text::DetectLanguage(flags.explain).code;
  doc.paragraphs.push_back({flags.explain, doc.lang});
  events::Trace trace;
  pipeline::CodingOptions options;
  options.lang = flags.lang == "auto" ? (doc.lang == "fr" ? "fr" : "en") : flags.lang;
  options.date = flags.date;
  auto coded = (*opened)->Code(doc, options, &trace);
  std::printf("language: %s   date: %s\n", coded.lang.c_str(),
              flags.date.empty() ? "(none)" : flags.date.c_str());
  for (const auto& cs : coded.sentences) {
    std::printf("\nsentence: %s\n\ntokens (form / lemma / tags):\n", cs.sentence.text.c_str());
    for (const auto& t : cs.sentence.tokens) {
      std::string tags;
      if (t.Has(text::kTagVerb)) tags += " verb";
      if (t.Has(text::kTagPastParticiple)) tags += " participle";
      if (t.Has(text::kTagInfinitive)) tags += " infinitive";
      if (t.Has(text::kTagConditional)) tags += " conditional";
      if (t.Has(text::kTagNoun)) tags += " noun";
      if (t.Has(text::kTagAdjective)) tags += " adj";
      if (t.Has(text::kTagProperNoun)) tags += " proper";
      if (t.Has(text::kTagFunctionWord)) tags += " function";
      std::printf("  %-20s %-20s%s\n", cs.sentence.text.substr(t.begin, t.end - t.begin).c_str(),
                  t.lemma.c_str(), tags.c_str());
    }
    std::printf("\nmentions:\n");
    for (const auto& m : cs.mentions) {
      std::printf(
          "  [%u,%u) %-30s %s %s  (%s)\n", m.cp_begin, m.cp_end, m.text.c_str(),
          m.kind == actors::MentionKind::kPlace ? "place" : "actor",
          m.kind == actors::MentionKind::kPlace ? m.actor.country.c_str() : m.actor.code.c_str(),
          m.entry.c_str());
    }
  }
  std::printf("\nclauses:\n");
  for (const auto& c : trace.clauses) std::printf("  | %s\n", c.c_str());
  std::printf("\nrules tried:\n");
  for (const auto& r : trace.rules) std::printf("  %s\n", r.c_str());
  std::printf("\nevents:\n");
  for (const auto& cs : coded.sentences) {
    for (const auto& e : cs.events) std::printf("  %s\n", pipeline::EventToJson(e).c_str());
  }
  return kExitOk;
}

}  // namespace

void RegisterActors(CLI::App& app, RunFunction* run) {
  auto flags = std::make_shared<CodingFlags>();
  CLI::App* cmd = app.add_subcommand(
      "actors",
      "Find the actors and places of every sentence (JSON, one mention a line).\n"
      "Reads the same inputs as `vigie extract`.");
  cmd->add_option("FILE", flags->paths, "Input files or directories (- for JSONL on stdin)")
      ->required();
  AddCommonFlags(cmd, flags.get());
  cmd->callback([flags, run] {
    *run = [flags] {
      return RunCoding(*flags, "actors", false,
                       [](const ingest::Document& doc, const pipeline::CodedDocument& coded) {
                         for (uint32_t i = 0; i < coded.sentences.size(); ++i) {
                           for (const auto& m : coded.sentences[i].mentions) {
                             std::cout << pipeline::MentionToJson(m, doc.id, i) << '\n';
                           }
                         }
                       });
    };
  });
}

void RegisterCode(CLI::App& app, RunFunction* run) {
  auto flags = std::make_shared<CodingFlags>();
  CLI::App* cmd = app.add_subcommand(
      "code",
      "Code every sentence into CAMEO events (JSON, one event a line; DESIGN.md contract).\n"
      "Reads the same inputs as `vigie extract`; - is JSONL on stdin.");
  cmd->add_option("FILE", flags->paths, "Input files or directories (- for JSONL on stdin)");
  AddCommonFlags(cmd, flags.get());
  cmd->add_option("--explain", flags->explain,
                  "Show tokens, lemmas, actors, clauses, every rule tried and the events for "
                  "one sentence");
  cmd->callback([flags, run, cmd] {
    if (flags->explain.empty() && flags->paths.empty()) {
      throw CLI::RequiredError("FILE (or --explain SENTENCE)");
    }
    *run = [flags] {
      if (!flags->explain.empty()) return RunExplain(*flags);
      return RunCoding(*flags, "code", true,
                       [](const ingest::Document&, const pipeline::CodedDocument& coded) {
                         for (const auto& s : coded.sentences) {
                           for (const auto& e : s.events) {
                             std::cout << pipeline::EventToJson(e) << '\n';
                           }
                         }
                       });
    };
    (void)cmd;
  });
}

}  // namespace vigie::cli
