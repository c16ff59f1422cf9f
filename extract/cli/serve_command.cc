// `referat serve`: the local search page (extract/serve/).
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <memory>
#include <thread>

#include "commands.h"
#include "serve.h"

namespace referat::cli {

namespace {

int RunServe(const serve::ServeOptions& o) {
  auto server = serve::Server::Create(o);
  if (!server.ok()) {
    std::cerr << "referat: " << server.status().ToString() << "\n";
    return server.status().code() == ErrorCode::kUsage ? 2 : 1;
  }
  if (Status s = (*server)->Bind(); !s.ok()) {
    std::cerr << "referat: " << s.ToString() << "\n";
    return 1;
  }
  // Ctrl-C and SIGTERM stop the server cleanly (the page cache is removed):
  // the signals are taken by one thread with sigwait, so no handler runs
  // inside the server's threads.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  serve::Server* srv = server->get();
  std::thread waiter([set, srv] {
    int sig = 0;
    sigwait(&set, &sig);
    srv->Stop();
  });
  waiter.detach();
  const std::string host = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
  std::cout << "referat serve: http://" << host << ":" << srv->port() << "/  (" << o.db_path
            << ", read-only; Ctrl-C stops)" << std::endl;
  for (const std::string& n : srv->notices()) std::cerr << "referat: " << o.db_path << ": " << n << "\n";
  srv->Run();
  return 0;
}

}  // namespace

void RegisterServe(CLI::App& app, Runners& runners) {
  auto o = std::make_shared<serve::ServeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve a search page over a store at http://HOST:PORT/ (read-only)");
  cmd->add_option("--db", o->db_path, "The store (SQLite file made by `referat ingest`)")->required();
  cmd->add_option("--port", o->port, "Port; 0 picks a free one (printed)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--host", o->host, "Address to listen on; keep 127.0.0.1 unless you mean to share it")
      ->capture_default_str();
  cmd->add_option("--cache-dir", o->cache_dir,
                  "Keep rendered page images here (default: a temporary directory, removed on exit)");
  cmd->add_option("--threads", o->threads, "Worker threads")->check(CLI::Range(1, 256))->capture_default_str();
  runners[cmd] = [o] { return RunServe(*o); };
}

}  // namespace referat::cli
