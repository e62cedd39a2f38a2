// vigie: news in, political events out. Thin main: parses the subcommand and its flags,
// runs it, maps the outcome to an exit code (0 ok, 1 usage, 2 bad input).

#include <cstdio>

#include <CLI/CLI.hpp>

#include "vigie/cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"vigie — reads news in French and English and turns it into political events"};
  app.set_version_flag("--version", "vigie 0.1.0");
  app.require_subcommand(1);
  vigie::cli::RunFunction run;
  vigie::cli::RegisterExtract(app, &run);
  vigie::cli::RegisterActors(app, &run);
  vigie::cli::RegisterCode(app, &run);
  vigie::cli::RegisterStore(app, &run);
  vigie::cli::RegisterWatch(app, &run);
  vigie::cli::RegisterServe(app, &run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? vigie::cli::kExitOk : vigie::cli::kExitUsage;
  }
  return run ? run() : vigie::cli::kExitUsage;
}
