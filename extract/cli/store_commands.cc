// ingest, prune, search, stats, export: the store's subcommands. They use
// only the public API (referat/store.h); docs/store.md describes the schema.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "progress.h"
#include "referat/contract.h"
#include "referat/store.h"

namespace referat::cli {
namespace {

using J = nlohmann::ordered_json;

// The store keeps paths as the file system's bytes; JSON shows bytes that
// are not UTF-8 as U+FFFD (as `referat extract` does) and never throws.
std::string Dump(const J& j) { return j.dump(-1, ' ', false, J::error_handler_t::replace); }

// Exit status for a Status: 2 for a usage error, else 1.
int Fail(const std::string& what, const Status& s) {
  ReportFailure(what, s.code_name(), s.message());
  return s.code() == ErrorCode::kUsage ? 2 : 1;
}

// What opening the store found (a re-index, a stale index), on stderr.
void PrintNotices(const std::string& db, const Store& store) {
  for (const std::string& n : store.notices()) std::cerr << "referat: " << db << ": " << n << "\n";
}

// ---- ingest ---------------------------------------------------------------

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string db;
  int jobs = 0;
  bool quiet = false;
  std::string paths_from;
  bool null_separated = false;
  bool prune = false;
  std::string shard;
  std::vector<std::string> from_jsonl;
};

void PrintSummary(const IngestStats& s, double seconds, const char* unit, size_t skipped = 0) {
  char line[320];
  std::snprintf(line, sizeof line,
                "referat: ingest: %zu %s: %zu extracted (%zu replaced), %zu unchanged, "
                "%zu duplicates, %zu failed, %zu skipped in directories; %.1f s, %.1f %s/s\n",
                s.files, unit, s.extracted, s.replaced, s.unchanged, s.duplicates, s.failed,
                skipped, seconds, seconds > 0 ? s.files / seconds : 0.0, unit);
  std::cerr << line;
}

void PrintPruned(const PruneStats& p) {
  std::cerr << "referat: prune: " << p.files << " files gone: " << p.documents
            << " documents removed, " << p.errors << " errors removed\n";
}

// ingest --from-jsonl: contract JSON made elsewhere (cluster shards).
int RunIngestJsonl(const IngestArgs& a) {
  if (!a.inputs.empty() || !a.paths_from.empty() || !a.shard.empty()) {
    std::cerr << "referat: --from-jsonl loads JSON lines; give input files, --paths-from and "
                 "--shard to the extract runs that made them, not here\n";
    return 2;
  }
  // Refuse a missing input before creating the store.
  for (const auto& f : a.from_jsonl) {
    if (f != "-" && ::access(f.c_str(), R_OK) != 0) {
      ReportFailure(f, "not_found", "cannot read");
      return 1;
    }
  }
  auto store = Store::Open(a.db, StoreOptions{.create_if_missing = true});
  if (!store.ok()) return Fail(a.db, store.status());
  PrintNotices(a.db, **store);
  IngestOptions opts;
  opts.on_failure = [&](const std::string& where, const Status& s) {
    ReportFailure(where, s.code_name(), s.message());
  };
  const auto started = std::chrono::steady_clock::now();
  Result<IngestStats> r = (*store)->IngestJsonl(a.from_jsonl, opts);
  if (!r.ok()) return Fail(r.status().code() == ErrorCode::kNotFound ? "ingest" : a.db, r.status());
  if (!a.quiet) {
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    PrintSummary(*r, took.count(), "lines");
  }
  return r->failed ? 1 : 0;
}

int RunIngest(const IngestArgs& a) {
  if (!a.from_jsonl.empty()) return RunIngestJsonl(a);
  // No inputs and a store that exists: open it for writing and nothing
  // more, which migrates an older schema and re-indexes stale stemming, so
  // a store a read-only command refuses can be brought up to date without
  // ingesting anything.
  std::error_code exists_ec;
  if (a.inputs.empty() && a.paths_from.empty() && std::filesystem::exists(a.db, exists_ec)) {
    auto store = Store::Open(a.db);
    if (!store.ok()) return Fail(a.db, store.status());
    PrintNotices(a.db, **store);
    if (!a.quiet)
      std::cerr << "referat: " << a.db << ": store schema version " << (*store)->schema_version()
                << ", up to date\n";
    return 0;
  }
  // A path named on the command line that is not there is a typo: refuse
  // before the store is created, so `ingest /nonexistent` leaves no empty
  // database behind. (Paths from --paths-from are a list; each missing one
  // is recorded in `errors` like any other failure.)
  for (const auto& p : a.inputs) {
    if (p == "-") {
      std::cerr << "referat: ingest reads files, not standard input; give paths on stdin "
                   "with --paths-from -\n";
      return 2;
    }
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) {
      ReportFailure(p, "not_found", "no such file or directory; nothing ingested");
      return 1;
    }
  }
  size_t skipped = 0;
  std::vector<std::string> paths = ExpandPaths(a.inputs, &skipped);
  if (!a.paths_from.empty()) {
    auto more = ReadPathList(a.paths_from, a.null_separated ? '\0' : '\n');
    paths.insert(paths.end(), more.begin(), more.end());
  }
  if (!a.shard.empty() && !ApplyShard(a.shard, &paths)) {
    std::cerr << "referat: --shard takes I/N with 0 <= I < N\n";
    return 2;
  }
  if (paths.empty()) {
    std::cerr << "referat: no input files\n";
    return 2;
  }
  IngestOptions opts;
  opts.cancel = CatchInterrupt();  // before the store exists: a Ctrl-C from here on is an interrupt
  auto store = Store::Open(a.db, StoreOptions{.create_if_missing = true});
  if (!store.ok()) return Fail(a.db, store.status());
  PrintNotices(a.db, **store);

  Progress progress("ingest", a.quiet);
  opts.jobs = a.jobs;
  opts.on_progress = [&](const IngestProgress& p) {
    progress.Update(p.done, p.total, p.elapsed_seconds);
  };
  opts.on_failure = [&](const std::string& path, const Status& s) {
    progress.Interrupt();
    ReportFailure(path, s.code_name(), s.message());
  };
  const auto started = std::chrono::steady_clock::now();
  Result<IngestStats> r = (*store)->Ingest(paths, opts);
  progress.Finish();
  if (!r.ok()) return Fail(a.db, r.status());
  const IngestStats& s = *r;
  if (!a.quiet) {
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    PrintSummary(s, took.count(), "files", skipped);
  }
  if (s.interrupted) {
    std::cerr << kInterrupted;
    return kInterruptedExit;
  }
  if (a.prune) {
    Result<PruneStats> p = (*store)->Prune();
    if (!p.ok()) return Fail(a.db, p.status());
    if (!a.quiet) PrintPruned(*p);
  }
  return s.failed ? 1 : 0;
}

int RunPrune(const std::string& db) {
  auto store = Store::Open(db);
  if (!store.ok()) return Fail(db, store.status());
  Result<PruneStats> p = (*store)->Prune();
  if (!p.ok()) return Fail(db, p.status());
  PrintPruned(*p);
  return 0;
}

// ---- search ---------------------------------------------------------------

struct SearchArgs {
  std::string query;
  std::string db;
  std::string body, from, to, decision, absent, case_number, kind, municipality, council;
  int limit = 20;
  bool json = false;
  bool count = false;
};

std::optional<std::string> Opt(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

J SpanJson(const std::optional<Span>& s) {
  if (!s) return nullptr;
  return J{{"start", s->start}, {"end", s->end}, {"page", s->page > 0 ? J(s->page) : J(nullptr)}};
}

J OptJ(const std::optional<std::string>& s) { return s ? J(*s) : J(nullptr); }

// A snippet on one line: runs of whitespace (line breaks, table tabs) as one space.
std::string OneLine(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

int RunSearch(const SearchArgs& a) {
  auto store = Store::Open(a.db, StoreOptions{.read_only = true});
  if (!store.ok()) return Fail(a.db, store.status());
  PrintNotices(a.db, **store);
  SearchQuery q;
  q.text = a.query;
  q.body = Opt(a.body);
  q.from = Opt(a.from);
  q.to = Opt(a.to);
  q.decision = Opt(a.decision);
  q.absent = Opt(a.absent);
  q.case_number = Opt(a.case_number);
  q.kind = Opt(a.kind);
  q.municipality = Opt(a.municipality);
  q.council = Opt(a.council);
  q.limit = a.limit;
  if (a.count) {
    auto total = (*store)->CountHits(q);
    if (!total.ok()) return Fail("search", total.status());
    std::cout << *total << "\n";
    return *total > 0 ? 0 : 1;
  }
  const bool color = !a.json && ::isatty(STDOUT_FILENO);
  if (color) {
    q.highlight_open = "\033[1m";
    q.highlight_close = "\033[0m";
  }
  // Counted in the scan that ranks the hits, for "20 of 67" below.
  q.count = true;
  auto found = (*store)->Find(q);
  if (!found.ok()) return Fail("search", found.status());
  std::ostringstream out;
  int n = 0;
  for (const SearchHit& h : found->hits) {
    ++n;
    if (a.json) {
      J j;
      j["source"] = {{"path", h.path}, {"given_path", h.given_path}, {"sha256", h.sha256}};
      j["kind"] = h.kind;
      j["meeting"] = {{"body", OptJ(h.body)}, {"date", OptJ(h.date)}};
      j["item"] = h.item_number ? J{{"number", *h.item_number}, {"title", OptJ(h.item_title)}}
                                : J(nullptr);
      j["decision"] = h.decision_category
                          ? J{{"category", *h.decision_category}, {"text", OptJ(h.decision_text)}}
                          : J(nullptr);
      j["snippet"] = h.snippet;
      j["span"] = SpanJson(h.span);
      j["score"] = h.score;
      out << Dump(j) << '\n';
      continue;
    }
    // Readable: one block per hit.
    out << n << ". " << h.date.value_or("----------") << "  " << h.body.value_or("(no body)");
    if (h.item_number) out << "  item " << *h.item_number << ": " << h.item_title.value_or("");
    else if (a.query.find_first_not_of(" \t\r\n") != std::string::npos)
      out << "  (" << h.kind << ", passage)";
    else
      out << "  (" << h.kind << ", whole document)";
    if (h.decision_category) out << "  [" << *h.decision_category << "]";
    out << "\n";
    if (!h.snippet.empty()) out << "   " << OneLine(h.snippet) << "\n";
    // The path as the archivist named it at ingest (files.given_path).
    out << "   " << h.given_path;
    if (h.span) {
      out << "  bytes " << h.span->start << "-" << h.span->end;
      if (h.span->page > 0) out << ", page " << h.span->page;
    }
    out << "\n";
  }
  if (!a.json && n == 0) out << "no hits\n";
  // When the limit cut the list, say how many there are (on stderr with
  // --json, so the output stays one hit per line).
  if (n == a.limit) {
    const int64_t total = found->total;
    if (total > n) {
      std::string more = std::to_string(n) + " of " + std::to_string(total) +
                         " hits (--limit " + std::to_string(a.limit) + ")\n";
      if (a.json) std::cerr << "referat: search: " << more;
      else out << more;
    }
  }
  std::cout << out.str() << std::flush;
  // As grep: 0 when something was found, 1 when nothing was.
  return n > 0 ? 0 : 1;
}

// ---- stats ----------------------------------------------------------------

int RunStats(const std::string& db, bool json) {
  auto store = Store::Open(db, StoreOptions{.read_only = true});
  if (!store.ok()) return Fail(db, store.status());
  auto st = (*store)->Stats();
  if (!st.ok()) return Fail(db, st.status());
  const StoreStats& s = *st;
  std::pair<const char*, int64_t> counts[] = {
      {"documents", s.documents}, {"meetings", s.meetings},   {"attendance", s.attendance},
      {"agenda_items", s.agenda_items}, {"decisions", s.decisions}, {"figures", s.figures},
      {"targets", s.targets},     {"errors", s.errors}};
  if (json) {
    J j;
    for (auto& [k, v] : counts) j[k] = v;
    J cats = J::object();
    for (auto& [k, v] : s.decisions_by_category) cats[k] = v;
    j["decisions_by_category"] = std::move(cats);
    J kinds = J::object();
    for (auto& [k, v] : s.documents_by_kind) kinds[k] = v;
    j["documents_by_kind"] = std::move(kinds);
    j["meetings_distinct"] = s.meetings_distinct;
    j["meetings_with_export"] = s.meetings_with_export;
    std::cout << Dump(j) << "\n";
    return 0;
  }
  char line[128];
  for (auto& [k, v] : counts) {
    std::snprintf(line, sizeof line, "%-14s %10lld\n", k, static_cast<long long>(v));
    std::cout << line;
  }
  std::snprintf(line, sizeof line, "meetings: %lld distinct, %lld with both a document and its export\n",
                static_cast<long long>(s.meetings_distinct), static_cast<long long>(s.meetings_with_export));
  std::cout << line;
  if (!s.documents_by_kind.empty()) std::cout << "documents by kind:\n";
  for (auto& [k, v] : s.documents_by_kind) {
    std::snprintf(line, sizeof line, "  %-22s %10lld\n", k.c_str(), static_cast<long long>(v));
    std::cout << line;
  }
  if (!s.decisions_by_category.empty()) std::cout << "decisions by category:\n";
  for (auto& [k, v] : s.decisions_by_category) {
    std::snprintf(line, sizeof line, "  %-22s %10lld\n", k.c_str(), static_cast<long long>(v));
    std::cout << line;
  }
  return 0;
}

// ---- export ---------------------------------------------------------------

struct ExportArgs {
  std::string db;
  std::string format;
  std::string out;
  std::string index = "referat";
  bool mapping = false;
};

int RunExport(const ExportArgs& a) {
  if (a.mapping) {
    std::cout << Store::OpenSearchMapping() << "\n";
    return 0;
  }
  if (a.format.empty()) {
    std::cerr << "referat: export needs --format jsonl|csv|opensearch (or --mapping)\n";
    return 2;
  }
  ExportFormat format = a.format == "jsonl" ? ExportFormat::kJsonl
                        : a.format == "csv" ? ExportFormat::kCsv
                                            : ExportFormat::kOpenSearch;
  if (format == ExportFormat::kCsv && a.out.empty()) {
    std::cerr << "referat: --format csv writes one file per table: give -o DIR\n";
    return 2;
  }
  auto store = Store::Open(a.db, StoreOptions{.read_only = true});
  if (!store.ok()) return Fail(a.db, store.status());
  // A file is written under a temporary name and renamed when complete, so
  // a failed export never leaves a truncated file that looks whole.
  const bool to_file = format != ExportFormat::kCsv && !a.out.empty() && a.out != "-";
  const std::string tmp = a.out + ".tmp" + std::to_string(::getpid());
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (to_file) {
    file.open(tmp, std::ios::binary | std::ios::trunc);
    if (!file) return Fail(a.out, Status::WriteFailed("cannot write"));
    out = &file;
  }
  Status s = (*store)->Export(
      format, *out, format == ExportFormat::kCsv ? a.out : "", a.index,
      [&](const std::string& table, int64_t rowid, const std::string& problem) {
        ReportFailure(a.db, "corrupt",
                      table + " row " + std::to_string(rowid) + ": " + problem + "; skipped");
      });
  if (to_file) {
    file.close();
    if (s.ok() && !file) s = Status::WriteFailed("cannot write the export");
    if (s.ok() && std::rename(tmp.c_str(), a.out.c_str()) != 0)
      s = Status::WriteFailed("cannot rename " + tmp);
    if (!s.ok()) std::remove(tmp.c_str());
  }
  if (!s.ok()) {
    // A write failure names what could not be written, never the database.
    const std::string target = s.code() != ErrorCode::kWriteFailed ? a.db
                               : a.out.empty() || a.out == "-" ? "standard output"
                                                               : a.out;
    return Fail(target, s);
  }
  return 0;
}

// ---- case -----------------------------------------------------------------

struct CaseArgs {
  std::string number;
  std::string db;
  std::string municipality;
  bool json = false;
};

// At most `n` bytes of `s` on one line, cut at a UTF-8 character boundary.
std::string Clip(const std::string& s, size_t n) {
  std::string one = OneLine(s);
  if (one.size() <= n) return one;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(one[cut]) & 0xC0) == 0x80) --cut;
  return one.substr(0, cut) + "…";
}

int RunCase(const CaseArgs& a) {
  auto store = Store::Open(a.db, StoreOptions{.read_only = true});
  if (!store.ok()) return Fail(a.db, store.status());
  auto steps = (*store)->CasePath(a.number, Opt(a.municipality));
  if (!steps.ok()) return Fail("case", steps.status());
  std::ostringstream out;
  if (a.json) {
    for (const CaseStep& c : *steps) {
      J j;
      j["municipality"] = c.municipality.empty() ? J(nullptr) : J(c.municipality);
      j["date"] = OptJ(c.date);
      j["body"] = OptJ(c.body);
      j["item"] = {{"number", c.item_number}, {"title", c.item_title}};
      j["case_number"] = c.case_number;
      j["decision"] = c.decision_category ? J{{"category", *c.decision_category},
                                              {"text", OptJ(c.decision_text)}}
                                          : J(nullptr);
      j["source"] = {{"path", c.path}, {"given_path", c.given_path}, {"sha256", c.sha256}};
      j["span"] = SpanJson(c.span);
      out << Dump(j) << '\n';
    }
  } else {
    std::string municipality = "\x01";  // no municipality printed yet
    for (size_t i = 0; i < steps->size(); ++i) {
      const CaseStep& c = (*steps)[i];
      if (c.municipality != municipality) {
        municipality = c.municipality;
        size_t n = 0;
        std::vector<std::string> bodies;
        for (size_t k = i; k < steps->size() && (*steps)[k].municipality == municipality; ++k) {
          ++n;
          const std::string b = (*steps)[k].body.value_or("");
          if (std::find(bodies.begin(), bodies.end(), b) == bodies.end()) bodies.push_back(b);
        }
        out << (i ? "\n" : "") << "case " << c.case_number << " in "
            << (municipality.empty() ? "(no municipality)" : municipality) << ": " << n
            << (n == 1 ? " item, " : " items, ") << bodies.size()
            << (bodies.size() == 1 ? " body\n" : " bodies\n");
      }
      out << c.date.value_or("----------") << "  " << c.body.value_or("(no body)") << "  item "
          << c.item_number << ": " << c.item_title;
      if (c.decision_category) out << "  [" << *c.decision_category << "]";
      out << "\n";
      if (c.decision_text && !c.decision_text->empty())
        out << "            " << Clip(*c.decision_text, 240) << "\n";
    }
  }
  if (!a.json && steps->empty()) out << "no agenda item has case number " << a.number << "\n";
  std::cout << out.str() << std::flush;
  return steps->empty() ? 1 : 0;
}

// ---- check ----------------------------------------------------------------

int RunCheck(const std::string& db) {
  auto store = Store::Open(db, StoreOptions{.read_only = true});
  if (!store.ok()) return Fail(db, store.status());
  auto report = (*store)->Check();
  if (!report.ok()) return Fail(db, report.status());
  for (const auto& n : report->notes) std::cerr << "referat: " << db << ": note: " << n << "\n";
  for (const auto& p : report->problems) ReportFailure(db, "corrupt", p);
  if (report->problems.empty()) std::cout << db << ": ok\n";
  return report->problems.empty() ? 0 : 1;
}

}  // namespace

void RegisterStoreCommands(CLI::App& app, Runners& runners) {
  {
    auto args = std::make_shared<IngestArgs>();
    CLI::App* cmd = app.add_subcommand(
        "ingest",
        "Extract files and directories into a SQLite store (one transaction per document; "
        "unchanged files are skipped, so a re-run completes an interrupted one)");
    cmd->add_option("paths", args->inputs,
                    "Files or directories (walked recursively, skipping hidden entries, "
                    "*.expected.json golden files and dangling symlinks; the summary counts "
                    "them). None, with an existing --db: only bring the store up to date "
                    "(migrate an older schema, re-index stale stemming)");
    cmd->add_option("--db", args->db, "The SQLite database file (created if missing)")
        ->required();
    cmd->add_option("-j,--jobs", args->jobs, "Parallel extractions (default: all cores)")
        ->check(CLI::Range(1, 256));
    cmd->add_flag("-q,--quiet", args->quiet, "No progress and no summary on stderr");
    cmd->add_option("--paths-from", args->paths_from,
                    "Also read newline-separated paths from FILE ('-' for stdin)");
    cmd->add_flag("-0,--null", args->null_separated,
                  "--paths-from names are separated by NUL bytes (find -print0)");
    cmd->add_flag("--prune", args->prune,
                  "Afterwards remove what the store holds for files that are gone from the disk "
                  "(as `referat prune`)");
    cmd->add_option("--shard", args->shard,
                    "Keep only paths in shard I of N (I/N, by a stable hash of the path)");
    cmd->add_option("--from-jsonl", args->from_jsonl,
                    "Load contract JSON lines made elsewhere instead of extracting (files or "
                    "'-'; make them with: referat extract --jsonl --with-text)");
    runners[cmd] = [args] { return RunIngest(*args); };
  }
  {
    auto db = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand(
        "prune",
        "Remove from a store the files that are gone from the disk, the documents no remaining "
        "file holds and the errors of gone files (one transaction)");
    cmd->add_option("--db", *db, "The SQLite database file")->required();
    runners[cmd] = [db] { return RunPrune(*db); };
  }
  {
    auto args = std::make_shared<SearchArgs>();
    CLI::App* cmd = app.add_subcommand(
        "search",
        "Full-text search in Danish (stemmed, FTS5 syntax: \"phrases\", OR, NOT, prefix*; "
        "other punctuation is quoted for you); without a query, list agenda items by the "
        "filters, newest first. Exit 0 when something is found, 1 when nothing is");
    cmd->add_option("query", args->query, "FTS5 query (optional)");
    cmd->add_option("--db", args->db, "The SQLite database file")->required();
    cmd->add_option("--body", args->body, "Meeting body contains this text (case-insensitive)");
    cmd->add_option("--from", args->from, "Meetings on or after this date (YYYY[-MM[-DD]])");
    cmd->add_option("--to", args->to, "Meetings on or before this date (YYYY[-MM[-DD]])");
    cmd->add_option("--decision", args->decision,
                    "Decision category (" + NameList<DecisionCategory>() + ")");
    cmd->add_option("--absent", args->absent,
                    "A person absent from the meeting or the item (all words of the name)");
    cmd->add_option("--case", args->case_number,
                    "Case number (any printed form: spaces, dashes and letter case do not "
                    "matter)");
    cmd->add_option("--kind", args->kind, "Document kind (" + NameList<DocumentKind>() + ")");
    cmd->add_option("--municipality", args->municipality,
                    "Meeting municipality contains this text (case-insensitive)");
    cmd->add_option("--council", args->council,
                    "Meeting council contains this text (case-insensitive)");
    cmd->add_option("--limit", args->limit, "Most hits (default 20)")->check(CLI::Range(1, 1000000));
    cmd->add_flag("--json", args->json, "One JSON object per hit and line");
    cmd->add_flag("--count", args->count, "Print only the number of hits");
    runners[cmd] = [args] { return RunSearch(*args); };
  }
  {
    auto db = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    CLI::App* cmd = app.add_subcommand(
        "stats", "Counts of documents, meetings, items, figures, targets, errors; decisions by "
                 "category");
    cmd->add_option("--db", *db, "The SQLite database file")->required();
    cmd->add_flag("--json", *json, "One JSON object");
    runners[cmd] = [db, json] { return RunStats(*db, *json); };
  }
  {
    auto args = std::make_shared<CaseArgs>();
    CLI::App* cmd = app.add_subcommand(
        "case",
        "The path of a case: every agenda item with this case number (any printed form), "
        "oldest first, with body, item, decision category and text; exit 1 when none");
    cmd->add_option("number", args->number, "Case number, e.g. 24-000603 or EMN-2025-010561")
        ->required();
    cmd->add_option("--db", args->db, "The SQLite database file")->required();
    cmd->add_option("--municipality", args->municipality,
                    "Only this municipality (as in meetings.municipality; case folded)");
    cmd->add_flag("--json", args->json, "One JSON object per item and line");
    runners[cmd] = [args] { return RunCase(*args); };
  }
  {
    auto db = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand(
        "check", "Check a store: SQLite integrity, foreign keys, the full-text indexes and "
                 "every stored document's JSON; prints ok or each problem, exit 1 on any");
    cmd->add_option("--db", *db, "The SQLite database file")->required();
    runners[cmd] = [db] { return RunCheck(*db); };
  }
  {
    auto args = std::make_shared<ExportArgs>();
    CLI::App* cmd = app.add_subcommand(
        "export",
        "Export the store: jsonl (the stored contract JSON, one document per line), csv (one "
        "file per table, -o DIR), opensearch (bulk NDJSON, one document per agenda item)");
    cmd->add_option("--db", args->db, "The SQLite database file");
    cmd->add_option("--format", args->format, "jsonl, csv or opensearch")
        ->check(CLI::IsMember({"jsonl", "csv", "opensearch"}));
    cmd->add_option("-o,--out", args->out, "Output file (jsonl, opensearch; default stdout) or "
                                           "directory (csv)");
    cmd->add_option("--index", args->index, "OpenSearch index name in the action lines "
                                            "(default referat)");
    cmd->add_flag("--mapping", args->mapping,
                  "Print an OpenSearch/Elasticsearch index body (Danish analyzer) and exit");
    runners[cmd] = [args] {
      if (!args->mapping && args->db.empty()) {
        std::cerr << "referat: export needs --db FILE\n";
        return 2;
      }
      return RunExport(*args);
    };
  }
}

}  // namespace referat::cli
