// `referat serve`: a local search page over a store.
//
// Every page is built twice from one value: a JSON object (the data) and the
// HTML rendered from that object, so the page and a script asking for
// `Accept: application/json` or `PATH.json` see the same data.
//
// The store is opened read-only, one SQLite connection per request in flight
// (a small pool), so the server never writes to the archive and one slow
// request does not block the others (httplib's thread pool).
//
// Evidence: a value's span is byte offsets into the document's normalized
// text. For PDFs the source file is read again on demand (its path comes from
// the store, never from the request), the page is rendered to PNG by
// poppler-cpp (cached on disk) and the span's words are found among the
// page's positioned words to draw their boxes. Other formats show the text
// with the span marked.
#ifndef REFERAT_SERVE_SERVE_H_
#define REFERAT_SERVE_SERVE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "referat/status.h"

namespace referat::serve {

struct ServeOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port())
  // Where rendered page images are cached; empty: a fresh directory under
  // $TMPDIR, removed when the server stops.
  std::string cache_dir;
  int threads = 8;  // httplib worker threads
};

class Server {
 public:
  // Opens the store read-only and checks it is a referat store.
  static Result<std::unique_ptr<Server>> Create(const ServeOptions& options);
  ~Server();

  // Binds; after this port() is the bound port. kUnreadable if it cannot bind.
  Status Bind();
  int port() const;
  // What opening the store found, as `referat search` prints it: a warning
  // that the full-text index was made with other Danish stemming.
  const std::vector<std::string>& notices() const;
  // Serves until Stop() (blocks).
  void Run();
  void Stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace referat::serve

#endif  // REFERAT_SERVE_SERVE_H_
