#include "serve/evidence.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/sha256.h"
#include "read/pdf_poppler.h"
#include "referat/extract.h"

namespace referat::serve {
namespace {

namespace fs = std::filesystem;

constexpr size_t kRecentSources = 4;   // documents kept read in memory
constexpr size_t kContextBytes = 600;  // text shown on each side of a span
constexpr size_t kMaxQuoteBytes = 20000;
constexpr size_t kMaxQuoteWords = 3000;
constexpr double kDpi = 110;           // page images: readable on a laptop
constexpr double kMaxImagePixels = 2400;  // either side, for huge pages

// Comparison key of a word: NFC, case-folded, ASCII punctuation at either end
// dropped ("Godkendt." and "godkendt" match; "EU-" keeps "eu").
std::string Key(std::string_view w) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(w.data(), static_cast<int32_t>(w.size())));
  if (U_SUCCESS(err)) u = nfc->normalize(u, err);
  u.foldCase();
  std::string s;
  u.toUTF8String(s);
  size_t a = 0, b = s.size();
  auto punct = [](char c) { return static_cast<unsigned char>(c) < 0x80 && std::ispunct(static_cast<unsigned char>(c)); };
  while (a < b && punct(s[a])) ++a;
  while (b > a && punct(s[b - 1])) --b;
  return s.substr(a, b - a);
}

std::vector<std::string> SplitWords(std::string_view text, size_t limit) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size() && out.size() < limit) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    if (j > i) out.emplace_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

// Start of the UTF-8 character holding byte `i`.
size_t CharStart(const std::string& s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return std::min(i, s.size());
}

Result<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("the source file is gone: " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::vector<size_t> MatchWords(const std::vector<PageWord>& page, std::string_view quote) {
  std::vector<std::string> q;
  for (const std::string& w : SplitWords(quote, kMaxQuoteWords)) {
    std::string k = Key(w);
    if (!k.empty()) q.push_back(std::move(k));
  }
  std::vector<std::string> p;
  p.reserve(page.size());
  for (const PageWord& w : page) p.push_back(Key(w.text));
  std::vector<bool> qdone(q.size(), false), pdone(p.size(), false);
  std::vector<size_t> out;
  // Matches page words from i against quote words from j; returns the number
  // of quote words matched and sets *used to the page words used.
  auto run = [&](size_t i, size_t j, size_t* used) {
    size_t a = i, b = j;
    while (a < p.size() && b < q.size() && !pdone[a] && !qdone[b]) {
      if (p[a].empty()) {  // punctuation-only word ("–") inside the run
        ++a;
        continue;
      }
      if (p[a] == q[b]) {
        ++a, ++b;
      } else if (a + 1 < p.size() && q[b].size() > p[a].size() &&
                 q[b].compare(0, p[a].size(), p[a]) == 0 && q[b] == p[a] + p[a + 1]) {
        a += 2, ++b;  // a word split at the line end
      } else {
        break;
      }
    }
    *used = a - i;
    return b - j;
  };
  for (bool first = true;; first = false) {
    size_t best = 0, bi = 0, bj = 0, bu = 0;
    for (size_t i = 0; i < p.size(); ++i) {
      if (pdone[i] || p[i].empty()) continue;
      for (size_t j = 0; j < q.size(); ++j) {
        if (qdone[j] || q[j].compare(0, p[i].size(), p[i]) != 0) continue;
        size_t used;
        size_t n = run(i, j, &used);
        if (n > best) best = n, bi = i, bj = j, bu = used;
      }
      if (best == q.size()) break;
    }
    // A lone common word ("og", "at") elsewhere on the page is no evidence:
    // the first run needs two words (or the whole quote), later ones three
    // (or the rest of the quote).
    const size_t left = static_cast<size_t>(std::count(qdone.begin(), qdone.end(), false));
    const size_t need = first ? std::min<size_t>(2, q.size()) : std::min<size_t>(3, left);
    if (best == 0 || best < need) break;
    for (size_t k = bj; k < bj + best; ++k) qdone[k] = true;
    for (size_t a = bi; a < bi + bu; ++a) {
      pdone[a] = true;
      if (!p[a].empty()) out.push_back(a);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::shared_ptr<const Evidence::Source>> Evidence::Load(sqlite3* db, int64_t id) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = recent_.begin(); it != recent_.end(); ++it)
      if ((*it)->id == id) {
        auto s = *it;
        recent_.erase(it);
        recent_.push_front(s);
        return s;
      }
  }
  Result<json> rows = Query(db,
                            "SELECT d.path, d.sha256, d.format, d.pages, d.bytes, "
                            "d.text_length FROM documents d WHERE d.id = :id",
                            {{":id", id}});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::NotFound("no document " + std::to_string(id));
  const json& r = (*rows)[0];
  auto src = std::make_shared<Source>();
  src->id = id;
  src->sha256 = r["sha256"].get<std::string>();
  src->format = r["format"].is_string() ? r["format"].get<std::string>() : "";
  src->pages = r["pages"].is_number_integer() ? r["pages"].get<int>() : 0;
  // The document's own path first, then any other path the store maps to
  // it; only these paths are ever opened, and only if the bytes still hash
  // to the stored SHA-256.
  Result<json> paths = Query(db,
                             "SELECT d.path, coalesce((SELECT f.given_path FROM files f WHERE "
                             "f.path = d.path), d.path) AS given_path FROM documents d WHERE "
                             "d.id = :id UNION ALL SELECT path, given_path FROM files WHERE "
                             "document_id = :id",
                             {{":id", id}});
  if (!paths.ok()) return paths.status();
  std::string why = "the source file is not where the store saw it";
  bool found = false;
  for (const json& p : *paths) {
    const std::string path = p["path"].get<std::string>();
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) continue;
    if (fs::file_size(path, ec) != r["bytes"].get<uint64_t>()) {
      why = "the source file has changed since it was stored: " + path;
      continue;
    }
    Result<std::string> bytes = ReadWhole(path);
    if (!bytes.ok()) continue;
    if (Sha256Hex(*bytes) != src->sha256) {
      why = "the source file has changed since it was stored: " + path;
      continue;
    }
    src->path = path;
    src->given_path = p["given_path"].get<std::string>();
    src->bytes = std::move(*bytes);
    found = true;
    break;
  }
  if (!found) return Status::NotFound(why);
  ExtractOptions opts;
  opts.with_text = true;
  Result<Record> rec = Extract(Input{src->path, src->bytes}, opts);
  if (!rec.ok()) return rec.status();
  if (!rec->text_content) return Status::Internal("the extractor gave no text");
  src->text = std::move(*rec->text_content);
  if (src->text.size() != r["text_length"].get<uint64_t>())
    return Status::Internal("the text differs from the stored one (another referat version?)");
  std::lock_guard<std::mutex> lock(mu_);
  recent_.push_front(src);
  if (recent_.size() > kRecentSources) recent_.pop_back();
  return std::shared_ptr<const Source>(src);
}

Result<std::vector<PageWord>> Evidence::Words(const Source& src, int page, float* width,
                                              float* height) {
  auto file = pdf::PdfFile::Open(src.bytes);
  if (!file.ok()) return file.status();
  pdf::Page pg;
  if (Status s = (*file)->ReadPage(page, &pg); !s.ok()) return s;
  *width = pg.width;
  *height = pg.height;
  std::vector<PageWord> out;
  out.reserve(pg.words.size());
  for (pdf::Word& w : pg.words) out.push_back({std::move(w.text), w.x0, w.y0, w.x1, w.y1});
  return out;
}

Result<json> Evidence::Data(sqlite3* db, int64_t id, uint64_t start, uint64_t end, int page) {
  Result<std::shared_ptr<const Source>> loaded = Load(db, id);
  if (!loaded.ok()) return loaded.status();
  const Source& src = **loaded;
  if (start > end || end > src.text.size())
    return Status::Usage("the span " + std::to_string(start) + "-" + std::to_string(end) +
                         " is outside the document's text (" + std::to_string(src.text.size()) +
                         " bytes)");
  const size_t s = CharStart(src.text, start);
  const size_t e = std::min(CharStart(src.text, std::min<uint64_t>(end, s + kMaxQuoteBytes)), src.text.size());
  const size_t b = CharStart(src.text, s > kContextBytes ? s - kContextBytes : 0);
  const size_t a = CharStart(src.text, std::min(src.text.size(), e + kContextBytes));
  json out = {{"document_id", id},
              {"path", src.path},
              {"given_path", src.given_path},
              {"format", src.format},
              {"pages", src.pages ? json(src.pages) : json()},
              {"span", {{"start", start}, {"end", end}}},
              {"quote", src.text.substr(s, e - s)},
              {"before", src.text.substr(b, s - b)},
              {"after", src.text.substr(e, a - e)},
              {"page", json()},
              {"image", json()},
              {"boxes", json::array()},
              {"error", json()}};
  const std::string self = "/evidence/" + std::to_string(id) + "?start=" + std::to_string(start) +
                           "&end=" + std::to_string(end);
  out["json"] = "/evidence/" + std::to_string(id) + ".json?start=" + std::to_string(start) +
                "&end=" + std::to_string(end) + (page ? "&page=" + std::to_string(page) : "");
  if (src.format != "pdf" || src.pages == 0) return out;

  // The span's page: the page whose text holds its start. Count the page
  // by re-reading would be costly; the stored spans carry it, so look it up.
  if (page == 0) {
    Result<json> r = Query(db,
                           "SELECT span_page AS p FROM (SELECT span_start, span_page FROM "
                           "agenda_items WHERE document_id = :id UNION ALL SELECT span_start, "
                           "span_page FROM decisions WHERE document_id = :id UNION ALL SELECT "
                           "span_start, span_page FROM figures WHERE document_id = :id UNION ALL "
                           "SELECT span_start, span_page FROM targets WHERE document_id = :id) "
                           "WHERE span_start <= :s AND span_page IS NOT NULL ORDER BY span_start "
                           "DESC LIMIT 1",
                           {{":id", id}, {":s", static_cast<int64_t>(start)}});
    page = r.ok() && !r->empty() ? (*r)[0]["p"].get<int>() : 1;
  }
  if (page < 1 || page > src.pages)
    return Status::Usage("page " + std::to_string(page) + " is outside 1-" + std::to_string(src.pages));
  out["page"] = page;
  out["image"] = "/page/" + std::to_string(id) + "/" + std::to_string(page) + ".png";
  out["prev"] = self + "&page=" + std::to_string(page - 1);
  out["next"] = self + "&page=" + std::to_string(page + 1);
  float width = 0, height = 0;
  Result<std::vector<PageWord>> words = Words(src, page, &width, &height);
  if (!words.ok()) {
    out["error"] = "the page's words could not be read: " + words.status().ToString();
    return out;
  }
  if (width <= 0 || height <= 0) return out;
  for (size_t i : MatchWords(*words, out["quote"].get<std::string>())) {
    const PageWord& w = (*words)[i];
    out["boxes"].push_back({{"x", w.x0 / width},
                            {"y", w.y0 / height},
                            {"w", (w.x1 - w.x0) / width},
                            {"h", (w.y1 - w.y0) / height},
                            {"word", w.text}});
  }
  return out;
}

Result<std::string> Evidence::PagePng(sqlite3* db, int64_t id, int page) {
  Result<std::shared_ptr<const Source>> loaded = Load(db, id);
  if (!loaded.ok()) return loaded.status();
  const Source& src = **loaded;
  if (src.format != "pdf") return Status::NotFound("not a PDF");
  if (page < 1 || page > src.pages) return Status::NotFound("no page " + std::to_string(page));
  const fs::path file = fs::path(cache_dir_) / (src.sha256 + "-" + std::to_string(page) + ".png");
  if (Result<std::string> cached = ReadWhole(file.string()); cached.ok()) return cached;
  std::lock_guard<std::mutex> lock(render_mu_);
  if (Result<std::string> cached = ReadWhole(file.string()); cached.ok()) return cached;
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      src.bytes.data(), static_cast<int>(src.bytes.size())));
  if (!doc || doc->is_locked()) return Status::Corrupt("poppler cannot open the PDF");
  std::unique_ptr<poppler::page> pg(doc->create_page(page - 1));
  if (!pg) return Status::Corrupt("poppler cannot open page " + std::to_string(page));
  const poppler::rectf r = pg->page_rect();
  double dpi = kDpi;
  const double longest = std::max(r.width(), r.height());
  if (longest <= 0) return Status::Corrupt("the page has no size");
  dpi = std::min(dpi, kMaxImagePixels * 72.0 / longest);
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image img = renderer.render_page(pg.get(), dpi, dpi);
  if (!img.is_valid()) return Status::Corrupt("poppler could not render page " + std::to_string(page));
  const fs::path tmp = file.string() + ".tmp" + std::to_string(::getpid());
  if (!img.save(tmp.string(), "png")) return Status::Internal("cannot write " + tmp.string());
  std::error_code ec;
  fs::rename(tmp, file, ec);  // whole files only, for readers without the lock
  if (ec) return Status::Internal("cannot write " + file.string());
  return ReadWhole(file.string());
}

}  // namespace referat::serve
