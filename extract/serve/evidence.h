// Evidence: where a value stands in its source. The source file is found by
// the store's document id only (its path comes from the store, never from
// the request) and checked against the stored SHA-256, so an edited or
// swapped file is reported instead of shown with the wrong marks.
#ifndef REFERAT_SERVE_EVIDENCE_H_
#define REFERAT_SERVE_EVIDENCE_H_

#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "serve/db.h"

namespace referat::serve {

// A word of a PDF page: its text and box in points (origin top-left).
struct PageWord {
  std::string text;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// The indexes of the page words that spell `quote` (the span's text),
// found as runs of consecutive words in the page's content order. Words are
// compared NFC and case-folded with edge punctuation ignored, and a word
// split by a line-end hyphen ("beskæf-" "tigelse") matches the joined word,
// as the PDF reader joins them. The longest run is taken first, then
// shorter runs (at least two words, or the whole quote) for the quote's
// other words, so a span broken by a column or a page header still gets
// all its words. On a page that holds only part of the span (a span over
// two pages), that part is marked.
std::vector<size_t> MatchWords(const std::vector<PageWord>& page, std::string_view quote);

class Evidence {
 public:
  explicit Evidence(std::string cache_dir) : cache_dir_(std::move(cache_dir)) {}

  // /evidence/ID: the quote, its context, and for PDFs the page image URL and
  // highlight boxes (fractions of the page). `page` 0 means the span's page.
  Result<json> Data(sqlite3* db, int64_t document_id, uint64_t start, uint64_t end, int page);

  // The PNG of one page of a stored PDF, rendered once and cached on disk.
  Result<std::string> PagePng(sqlite3* db, int64_t document_id, int page);

 private:
  struct Source {
    int64_t id = 0;
    std::string path, sha256, format;
    std::string given_path;  // the file's files.given_path, for display
    int pages = 0;
    std::string bytes;
    std::string text;  // normalized text, as extracted at ingest
  };
  Result<std::shared_ptr<const Source>> Load(sqlite3* db, int64_t document_id);
  Result<std::vector<PageWord>> Words(const Source& src, int page, float* width, float* height);

  std::string cache_dir_;
  std::mutex mu_;
  std::list<std::shared_ptr<const Source>> recent_;  // most recent first
  std::mutex render_mu_;  // one page rendering at a time (CPU-bound, cached)
};

}  // namespace referat::serve

#endif  // REFERAT_SERVE_EVIDENCE_H_
