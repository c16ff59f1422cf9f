// Routes, parameter checks and the HTTP plumbing (cpp-httplib).
#include <httplib.h>
#include <sys/stat.h>
#include <unicode/ustring.h>

#include <charconv>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "serve/evidence.h"
#include "serve/pages.h"
#include "serve/serve.h"

namespace referat::serve {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxParamBytes = 400;

// A bad request, with the message for the 400 page.
struct BadRequest {
  std::string message;
};

bool ValidUtf8(std::string_view s) {
  if (s.empty()) return true;
  UErrorCode err = U_ZERO_ERROR;
  int32_t len = 0;
  u_strFromUTF8(nullptr, 0, &len, s.data(), static_cast<int32_t>(s.size()), &err);
  return U_SUCCESS(err) || err == U_BUFFER_OVERFLOW_ERROR;  // overflow: only measuring
}

// The request's parameters, each given at most once, each known, each
// short valid UTF-8 without control characters. Empty values count as
// absent (a form sends its empty fields).
std::map<std::string, std::string> Params(const httplib::Request& req,
                                          const std::set<std::string>& known) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : req.params) {
    if (!known.count(k)) throw BadRequest{"unknown parameter '" + k + "'"};
    if (req.get_param_value_count(k) > 1) throw BadRequest{"parameter '" + k + "' given twice"};
    if (v.size() > kMaxParamBytes)
      throw BadRequest{"parameter '" + k + "' is longer than " + std::to_string(kMaxParamBytes) + " bytes"};
    if (!ValidUtf8(v)) throw BadRequest{"parameter '" + k + "' is not UTF-8"};
    for (unsigned char c : v)
      if (c < 0x20 || c == 0x7f) throw BadRequest{"parameter '" + k + "' holds a control character"};
    size_t a = v.find_first_not_of(' '), b = v.find_last_not_of(' ');
    if (a != std::string::npos) out[k] = v.substr(a, b - a + 1);
  }
  return out;
}

int64_t ToInt(const std::string& s, const char* what, int64_t lo, int64_t hi) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < lo || v > hi)
    throw BadRequest{std::string(what) + " must be a whole number from " + std::to_string(lo) +
                     " to " + std::to_string(hi)};
  return v;
}

const std::set<std::string> kSearchParams = [] {
  std::set<std::string> names = {"q", "page", "n"};
  for (const auto& f : kSearchFilters) names.insert(f.name);
  return names;
}();

SearchParams ParseSearch(const std::map<std::string, std::string>& m) {
  SearchParams p;
  auto get = [&](const char* k) -> std::optional<std::string> {
    auto it = m.find(k);
    return it == m.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  p.q = get("q").value_or("");
  for (const auto& f : kSearchFilters) p.*f.field = get(f.name);
  // Dates, categories and kinds are checked by the store (Store::Find),
  // whose kUsage answer is a 400 page.
  if (auto n = get("n")) p.per_page = static_cast<int>(ToInt(*n, "n", 1, kMaxPerPage));
  if (auto page = get("page"))
    p.page = static_cast<int>(ToInt(*page, "page", 1, kMaxOffset / p.per_page + 1));
  return p;
}

bool WantsJson(const httplib::Request& req, const std::string& ext) {
  if (ext == ".json") return true;
  const std::string accept = req.get_header_value("Accept");
  return accept.find("application/json") != std::string::npos &&
         accept.find("text/html") == std::string::npos;
}

void SendJson(httplib::Response& res, const json& j) {
  res.set_content(j.dump(1, ' ', false, json::error_handler_t::replace) + "\n",
                   "application/json; charset=utf-8");
}

// A page's answer: its data as JSON, or the HTML rendered from that data.
template <typename Html>
void Send(httplib::Response& res, bool as_json, const json& data, Html&& html) {
  if (as_json) SendJson(res, data);
  else res.set_content(html(data), "text/html; charset=utf-8");
}

void SendError(const httplib::Request& req, httplib::Response& res, int status,
               const std::string& message, bool as_json) {
  res.status = status;
  if (as_json || WantsJson(req, ""))
    SendJson(res, {{"error", {{"status", status}, {"message", message}}}});
  else
    res.set_content(ErrorHtml(status, message), "text/html; charset=utf-8");
}

int HttpStatus(const Status& s) {
  switch (s.code()) {
    case ErrorCode::kUsage: return 400;
    case ErrorCode::kNotFound: return 404;
    default: return 500;
  }
}

}  // namespace

struct Server::Impl {
  ServeOptions options;
  std::unique_ptr<Pool> pool;
  std::unique_ptr<Evidence> evidence;
  json choices;
  std::vector<std::string> notices;  // what opening the store found (a stale index)
  bool own_cache = false;
  httplib::Server http;
  int port = 0;

  ~Impl() {
    if (own_cache && !options.cache_dir.empty()) {
      std::error_code ec;
      fs::remove_all(options.cache_dir, ec);
    }
  }

  // Runs `body` with a connection; maps BadRequest and Status to error pages.
  template <typename F>
  void Handle(const httplib::Request& req, httplib::Response& res, bool as_json, F&& body) {
    // Server-Timing (shown by browsers' developer tools, read by the load
    // test): this thread's CPU time and the wall time of the handler, so a
    // slow answer on a busy machine can be told from a slow query.
    struct Timer {
      httplib::Response& res;
      timespec cpu0{};
      std::chrono::steady_clock::time_point wall0 = std::chrono::steady_clock::now();
      explicit Timer(httplib::Response& r) : res(r) { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu0); }
      ~Timer() {
        timespec cpu1{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu1);
        const double cpu = (cpu1.tv_sec - cpu0.tv_sec) * 1e3 + (cpu1.tv_nsec - cpu0.tv_nsec) / 1e6;
        const double wall =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall0).count();
        char buf[96];
        std::snprintf(buf, sizeof buf, "cpu;dur=%.3f, total;dur=%.3f", cpu, wall);
        res.set_header("Server-Timing", buf);
      }
    } timer(res);
    try {
      Result<std::unique_ptr<Conn>> conn = pool->Acquire();
      if (!conn.ok()) return SendError(req, res, 500, conn.status().ToString(), as_json);
      Status s = body(**conn);
      if (!s.ok()) SendError(req, res, HttpStatus(s), s.message(), as_json);
    } catch (const BadRequest& e) {
      SendError(req, res, 400, e.message, as_json);
    } catch (const std::exception& e) {
      SendError(req, res, 500, std::string("internal error: ") + e.what(), as_json);
    }
  }

  void Routes();
};

void Server::Impl::Routes() {
  http.set_default_headers({
      // Nothing is fetched from elsewhere, no script runs: the pages need none.
      {"Content-Security-Policy",
       "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
  });

  auto search = [this](const httplib::Request& req, httplib::Response& res, const std::string& ext) {
    const bool as_json = WantsJson(req, ext);
    Handle(req, res, as_json, [&](Conn& conn) -> Status {
      Result<json> data = SearchData(conn.store(), ParseSearch(Params(req, kSearchParams)));
      if (!data.ok()) return data.status();
      Send(res, as_json, *data, [&](const json& d) { return SearchHtml(d, choices); });
      return Status::Ok();
    });
  };
  http.Get("/", [search](const httplib::Request& req, httplib::Response& res) { search(req, res, ""); });
  http.Get("/search", [search](const httplib::Request& req, httplib::Response& res) { search(req, res, ""); });
  http.Get("/search.json", [search](const httplib::Request& req, httplib::Response& res) { search(req, res, ".json"); });

  // /document/ID, /item/ID, /case/ID (+ .json): one id, no parameters.
  using PageFn = Result<json> (*)(Store&, int64_t);
  using HtmlFn = std::string (*)(const json&);
  auto by_id = [this](const char* pattern, PageFn data_fn, HtmlFn html_fn) {
    http.Get(pattern, [this, data_fn, html_fn](const httplib::Request& req, httplib::Response& res) {
      const std::string ext = req.matches[2];
      const bool as_json = WantsJson(req, ext);
      Handle(req, res, as_json, [&](Conn& conn) -> Status {
        Params(req, {});
        int64_t id = ToInt(req.matches[1], "the id", 1, INT64_MAX);
        Result<json> data = data_fn(conn.store(), id);
        if (!data.ok()) return data.status();
        Send(res, as_json, *data, html_fn);
        return Status::Ok();
      });
    });
  };
  by_id(R"(/document/(\d+)(\.json)?)", &DocumentData, &DocumentHtml);
  by_id(R"(/item/(\d+)(\.json)?)", &ItemData, &ItemHtml);
  by_id(R"(/case/(\d+)(\.json)?)", &CaseData, &CaseHtml);

  http.Get(R"(/evidence/(\d+)(\.json)?)", [this](const httplib::Request& req, httplib::Response& res) {
    const bool as_json = WantsJson(req, req.matches[2]);
    Handle(req, res, as_json, [&](Conn& conn) -> Status {
      auto m = Params(req, {"start", "end", "page"});
      if (!m.count("start") || !m.count("end")) throw BadRequest{"evidence needs start and end"};
      const int64_t id = ToInt(req.matches[1], "the id", 1, INT64_MAX);
      const int64_t start = ToInt(m["start"], "start", 0, INT64_MAX);
      const int64_t end = ToInt(m["end"], "end", start, INT64_MAX);
      const int page = m.count("page") ? static_cast<int>(ToInt(m["page"], "page", 1, 1000000)) : 0;
      Result<json> data = evidence->Data(conn.get(), id, start, end, page);
      if (!data.ok()) return data.status();
      Send(res, as_json, *data, EvidenceHtml);
      return Status::Ok();
    });
  });

  http.Get(R"(/page/(\d+)/(\d+)\.png)", [this](const httplib::Request& req, httplib::Response& res) {
    Handle(req, res, false, [&](Conn& conn) -> Status {
      Params(req, {});
      const int64_t id = ToInt(req.matches[1], "the id", 1, INT64_MAX);
      const int page = static_cast<int>(ToInt(req.matches[2], "the page", 1, 1000000));
      Result<std::string> png = evidence->PagePng(conn.get(), id, page);
      if (!png.ok()) return png.status();
      res.set_header("Cache-Control", "max-age=3600");
      res.set_content(std::move(*png), "image/png");
      return Status::Ok();
    });
  });

  http.Get(R"(/figures(\.json|\.csv)?)", [this](const httplib::Request& req, httplib::Response& res) {
    const std::string ext = req.matches[1];
    const bool as_json = WantsJson(req, ext);
    Handle(req, res, as_json, [&](Conn& conn) -> Status {
      std::set<std::string> known = kSearchParams;
      known.insert("document");
      auto m = Params(req, known);
      int64_t doc = 0;
      std::string qs;
      if (m.count("document")) {
        doc = ToInt(m["document"], "document", 1, INT64_MAX);
        m.erase("document");
        qs = "document=" + std::to_string(doc);
      }
      SearchParams p = ParseSearch(m);
      if (!doc) qs = SearchQueryString(p, false);
      Result<json> data = FiguresData(conn.store(), doc, p);
      if (!data.ok()) return data.status();
      if (ext == ".csv") {
        res.set_header("Content-Disposition", "attachment; filename=\"figures.csv\"");
        res.set_content(FiguresCsv(*data), "text/csv; charset=utf-8");
      } else {
        Send(res, as_json, *data, [&](const json& d) { return FiguresHtml(d, "/figures.csv?" + qs); });
      }
      return Status::Ok();
    });
  });

  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler's own error page
    SendError(req, res, res.status, res.status == 404 ? "no such page: " + req.path : "error", false);
  });
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Create(const ServeOptions& options) {
  if (options.db_path.empty()) return Status::Usage("no database file given (--db FILE)");
  struct stat st;
  if (::stat(options.db_path.c_str(), &st) != 0)
    return Status::NotFound("no such database file: " + options.db_path);
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (impl->options.threads < 1) impl->options.threads = 1;
  Result<std::unique_ptr<Pool>> pool = Pool::Open(options.db_path, impl->options.threads);
  if (!pool.ok()) return Status(pool.status().code(), options.db_path + ": " + pool.status().message());
  impl->pool = std::move(*pool);
  if (impl->options.cache_dir.empty()) {
    std::string tmpl = (fs::temp_directory_path() / "referat-serve-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) return Status::Unreadable("cannot make a cache directory in " + fs::temp_directory_path().string());
    impl->options.cache_dir = tmpl;
    impl->own_cache = true;
  } else {
    std::error_code ec;
    fs::create_directories(impl->options.cache_dir, ec);
    if (ec) return Status::Unreadable("cannot make the cache directory " + impl->options.cache_dir);
  }
  impl->evidence = std::make_unique<Evidence>(impl->options.cache_dir);
  {
    Result<std::unique_ptr<Conn>> conn = impl->pool->Acquire();
    if (!conn.ok()) return conn.status();
    Result<json> choices = FormChoices((*conn)->store());
    if (!choices.ok()) return choices.status();
    impl->choices = std::move(*choices);
    impl->notices = (*conn)->store().notices();
    // Read-only, the only notice is an index made with other stemming;
    // the search page says so (its words are the page's own, in Danish).
    impl->choices["stale_index"] = !impl->notices.empty();
  }
  const int threads = impl->options.threads;
  impl->http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Idle keep-alive connections hold a worker each: keep them short.
  impl->http.set_keep_alive_timeout(2);
  impl->http.set_read_timeout(10);
  impl->http.set_payload_max_length(64 * 1024);
  impl->Routes();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Status Server::Bind() {
  if (impl_->options.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(impl_->options.host);
  } else if (impl_->http.bind_to_port(impl_->options.host, impl_->options.port)) {
    impl_->port = impl_->options.port;
  } else {
    impl_->port = -1;
  }
  if (impl_->port <= 0)
    return Status::Unreadable("cannot listen on " + impl_->options.host + ":" +
                              std::to_string(impl_->options.port));
  return Status::Ok();
}

int Server::port() const { return impl_->port; }
const std::vector<std::string>& Server::notices() const { return impl_->notices; }
void Server::Run() { impl_->http.listen_after_bind(); }
void Server::Stop() { impl_->http.stop(); }

}  // namespace referat::serve
