// `chorus serve --db FILE [--port 8080]`: the JSON API and web pages over a store.
#include <csignal>
#include <iostream>
#include <thread>

#include "commands.h"

namespace chorus::cli {
namespace {

struct ServeFlags {
  ServeOptions opts;
  std::string token_env;
};

Server* g_running = nullptr;  // for the signal handler: stop() makes run() return

int run_serve(ServeFlags flags) {
  if (!flags.token_env.empty()) {
    const char* token = std::getenv(flags.token_env.c_str());
    if (token == nullptr || *token == '\0') {
      std::cerr << "chorus: --token-env " << flags.token_env << ": the variable is not set\n";
      return kExitUsage;
    }
    flags.opts.token = token;
  }
  Result<std::unique_ptr<Server>> server = Server::create(flags.opts);
  if (!server.ok()) {
    std::cerr << "chorus: " << server.status().to_string() << "\n";
    return kExitFailure;
  }
  Result<int> port = (*server)->bind();
  if (!port.ok()) {
    std::cerr << "chorus: " << port.status().message() << "\n";
    return kExitFailure;
  }
  // The first line says where to connect (scripts read the port from it).
  std::cout << "chorus: serving " << flags.opts.db << " on http://" << flags.opts.host << ":" << *port << "/"
            << (flags.opts.token.empty() ? " (read-only)" : " (POST /api/articles with the token)") << std::endl;
  g_running = server->get();
  std::signal(SIGINT, [](int) { if (g_running) g_running->stop(); });
  std::signal(SIGTERM, [](int) { if (g_running) g_running->stop(); });
  const bool ok = (*server)->run();
  g_running = nullptr;
  return ok ? kExitOk : kExitFailure;
}

}  // namespace

Runner add_serve_command(CLI::App& app) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve a database's events: JSON API and web pages");
  cmd->add_option("--db", flags->opts.db, "The database file (made by chorus ingest)")->required();
  cmd->add_option("--host", flags->opts.host, "Address to listen on (default 127.0.0.1)");
  cmd->add_option("--port", flags->opts.port, "Port (default 8080; 0 = any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--token", flags->opts.token, "Accept POST /api/articles with 'Authorization: Bearer TOKEN'");
  cmd->add_option("--token-env", flags->token_env, "Read the token from this environment variable instead");
  cmd->add_option("--max-body", flags->opts.max_body_bytes, "Largest POST body in bytes (default 1 MiB)");
  cmd->add_option("--threads", flags->opts.threads, "Worker threads (default 32)")->check(CLI::Range(2, 1024));
  return [flags] { return run_serve(*flags); };
}

}  // namespace chorus::cli
