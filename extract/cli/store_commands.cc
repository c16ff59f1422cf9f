// ingest, search, stats, export: see issue 5.
#include "cli/commands.h"

namespace referat::cli {
void RegisterStoreCommands(CLI::App&, Runners&) {}
}  // namespace referat::cli
