#pragma once
// Subcommands of the `vigie` executable. Each Register* adds its subcommand to the app and
// sets `*run` to the function main() calls when that subcommand is chosen. Flag parsing and
// exit codes only: the work is done by vigie_pipeline.

#include <functional>

#include <CLI/CLI.hpp>

namespace vigie::cli {

// Exit codes shared by every subcommand (DESIGN.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;
inline constexpr int kExitBadInput = 2;

using RunFunction = std::function<int()>;

void RegisterExtract(CLI::App& app, RunFunction* run);
void RegisterActors(CLI::App& app, RunFunction* run);
void RegisterCode(CLI::App& app, RunFunction* run);
void RegisterStore(CLI::App& app, RunFunction* run);
void RegisterWatch(CLI::App& app, RunFunction* run);
void RegisterServe(CLI::App& app, RunFunction* run);

}  // namespace vigie::cli
