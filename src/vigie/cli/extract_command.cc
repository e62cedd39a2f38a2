// `vigie extract FILE...`: one JSON document per line on stdout (DESIGN.md contract).

#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include "vigie/cli/commands.h"
#include "vigie/pipeline/document_json.h"
#include "vigie/pipeline/extract.h"

namespace vigie::cli {
namespace {

struct ExtractFlags {
  std::vector<std::string> paths;
  std::string lang = "auto";
  bool pretty = false;
  bool quiet = false;
  bool progress = false;
  bool summary = false;
};

// Counts shown by --summary: what a user wants to know about a corpus at a glance.
struct Summary {
  std::map<std::string, int64_t> by_lang;
  std::map<std::string, int64_t> by_format;
  int64_t dated = 0;
  int64_t titled = 0;
  int64_t with_comments = 0;
  int64_t dropped = 0;
  int64_t chars = 0;

  void Add(const ingest::Document& doc) {
    ++by_lang[doc.lang.empty() ? "?" : doc.lang];
    ++by_format[ingest::FormatName(doc.format)];
    dated += !doc.date.empty();
    titled += !doc.title.empty();
    with_comments += !doc.comments.empty();
    dropped += static_cast<int64_t>(doc.dropped.size());
    for (const auto& p : doc.paragraphs) chars += static_cast<int64_t>(p.text.size());
  }

  void Print(const pipeline::ExtractStats& stats) const {
    std::printf("documents      %lld\n", static_cast<long long>(stats.documents));
    std::printf("  with title   %lld\n", static_cast<long long>(titled));
    std::printf("  with date    %lld\n", static_cast<long long>(dated));
    std::printf("  with reader comments %lld\n", static_cast<long long>(with_comments));
    std::printf("paragraphs     %lld (%.1f MB of body text)\n",
                static_cast<long long>(stats.paragraphs), chars / 1e6);
    std::printf("comments       %lld\n", static_cast<long long>(stats.comments));
    std::printf("dropped lines  %lld\n", static_cast<long long>(dropped));
    std::printf("errors         %lld\n", static_cast<long long>(stats.errors));
    std::printf("by language   ");
    for (const auto& [lang, n] : by_lang)
      std::printf(" %s=%lld", lang.c_str(), static_cast<long long>(n));
    std::printf("\nby format     ");
    for (const auto& [fmt, n] : by_format)
      std::printf(" %s=%lld", fmt.c_str(), static_cast<long long>(n));
    std::printf("\n");
  }
};

int RunExtract(const ExtractFlags& flags) {
  pipeline::ExtractOptions options;
  if (flags.lang != "auto") options.read.lang_hint = flags.lang;
  const bool show_progress = flags.progress || (!flags.quiet && isatty(STDERR_FILENO));
  auto start = std::chrono::steady_clock::now();
  auto last_report = start;
  int64_t seen = 0;

  Summary summary;
  std::ios::sync_with_stdio(false);
  auto stats = pipeline::ExtractPaths(
      flags.paths, options,
      [&](const ingest::Document& doc) {
        if (flags.summary) {
          summary.Add(doc);
        } else {
          std::cout << pipeline::DocumentToJson(doc, flags.pretty) << '\n';
        }
        ++seen;
        if (show_progress) {
          auto now = std::chrono::steady_clock::now();
          if (now - last_report > std::chrono::seconds(1)) {
            last_report = now;
            double secs = std::chrono::duration<double>(now - start).count();
            std::fprintf(stderr, "\rvigie extract: %lld documents (%.0f/s)",
                         static_cast<long long>(seen), seen / secs);
          }
        }
      },
      [&](const Status& status) {
        if (show_progress) std::fputc('\n', stderr);
        std::fprintf(stderr, "vigie extract: %s\n", status.message().c_str());
      });
  std::cout.flush();
  if (flags.summary) summary.Print(stats);
  if (!flags.quiet) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr,
                 "%svigie extract: %lld documents, %lld paragraphs, %lld comments, "
                 "%lld errors in %.2f s\n",
                 show_progress ? "\r" : "", static_cast<long long>(stats.documents),
                 static_cast<long long>(stats.paragraphs), static_cast<long long>(stats.comments),
                 static_cast<long long>(stats.errors), secs);
  }
  return stats.errors ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterExtract(CLI::App& app, RunFunction* run) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* cmd =
      app.add_subcommand("extract",
                         "Turn news files into clean documents (JSON, one per line).\n"
                         "Reads plain text, HTML, JSONL, RSS/Atom and WARC, each optionally .gz;\n"
                         "directories are read recursively and - is standard input.");
  cmd->add_option("FILE", flags->paths, "Input files or directories (- for stdin)")->required();
  cmd->add_option("--lang", flags->lang, "Language hint: auto, fr or en")
      ->check(CLI::IsMember({"auto", "fr", "en"}))
      ->capture_default_str();
  cmd->add_flag("--pretty", flags->pretty, "Indent the JSON (one object spans several lines)");
  cmd->add_flag("--summary", flags->summary,
                "Print counts (documents, languages, formats, comments) instead of documents");
  cmd->add_flag("-q,--quiet", flags->quiet, "No summary or progress on stderr");
  cmd->add_flag("--progress", flags->progress, "Progress on stderr even when not a terminal");
  cmd->callback([flags, run] { *run = [flags] { return RunExtract(*flags); }; });
}

}  // namespace vigie::cli
