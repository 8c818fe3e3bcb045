// chorus: turns news articles from many outlets into attributed briefs.
#include <exception>
#include <iostream>

#include "commands.h"

int main(int argc, char** argv) {
  using namespace chorus::cli;
  CLI::App app{"chorus: attributed briefs of news events from many outlets"};
  app.set_version_flag("--version", chorus::version());
  app.require_subcommand(1);
  Runner brief = add_brief_command(app);
  Runner segment = add_segment_command(app);
  Runner eval = add_eval_command(app);
  Runner dedup = add_dedup_command(app);
  Runner events = add_events_command(app);
  Runner ingest = add_ingest_command(app);
  Runner serve = add_serve_command(app);
  Runner extract = add_extract_command(app);
  Runner watch = add_watch_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  try {
    if (app.got_subcommand("brief")) return brief();
    if (app.got_subcommand("segment")) return segment();
    if (app.got_subcommand("eval")) return eval();
    if (app.got_subcommand("dedup")) return dedup();
    if (app.got_subcommand("events")) return events();
    if (app.got_subcommand("ingest")) return ingest();
    if (app.got_subcommand("serve")) return serve();
    if (app.got_subcommand("extract")) return extract();
    if (app.got_subcommand("watch")) return watch();
  } catch (const std::exception& e) {  // a bug or out of memory: say so instead of aborting
    std::cerr << "chorus: internal error: " << e.what() << "\n";
    return kExitFailure;
  }
  return kExitUsage;
}
