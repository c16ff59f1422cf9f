// The pages' data (JSON from the store) and their HTML. Each page is one
// function giving JSON and one rendering that JSON, so the HTML never shows
// anything the JSON variant lacks.
#ifndef REFERAT_SERVE_PAGES_H_
#define REFERAT_SERVE_PAGES_H_

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "serve/db.h"

namespace referat::serve {

// The search form's fields, validated (see ParseSearch in server.cc).
struct SearchParams {
  std::string q;
  std::optional<std::string> body, municipality, from, to, decision, absent, case_number, kind;
  int page = 1;       // 1-based
  int per_page = 20;  // 1..100
};

// The filters by their URL names, in the order links and JSON show them:
// the one list that parsing, links and the JSON answer walk.
struct SearchFilter {
  const char* name;
  std::optional<std::string> SearchParams::*field;
};
inline constexpr SearchFilter kSearchFilters[] = {
    {"body", &SearchParams::body},         {"municipality", &SearchParams::municipality},
    {"from", &SearchParams::from},         {"to", &SearchParams::to},
    {"decision", &SearchParams::decision}, {"absent", &SearchParams::absent},
    {"case", &SearchParams::case_number},  {"kind", &SearchParams::kind},
};

inline constexpr int kMaxPerPage = 100;
inline constexpr int kMaxOffset = 10000;   // deeper pages: refine the query
inline constexpr int kMaxFigureRows = 2000;

// The parameters as a query string ("q=...&body=..."), without page unless
// `with_page`, percent-encoded. Used for links and the shared URL.
std::string SearchQueryString(const SearchParams& p, bool with_page);
std::string UrlEncode(std::string_view s);
// HTML text and attribute escaping (& < > " ').
std::string Esc(std::string_view s);

// Data. The search goes through Store::Find (its filters, ranking, paging
// and count); the other pages read the documented tables.
Result<json> SearchData(Store& store, const SearchParams& p);
Result<json> DocumentData(Store& store, int64_t document_id);
Result<json> ItemData(Store& store, int64_t item_id);
Result<json> CaseData(Store& store, int64_t item_id);
// Figures of one document (document_id > 0) or of the items a search finds.
Result<json> FiguresData(Store& store, int64_t document_id, const SearchParams& p);
// Lists for the search form: bodies, municipalities, kinds (distinct values).
Result<json> FormChoices(Store& store);

// HTML.
std::string SearchHtml(const json& data, const json& choices);
std::string DocumentHtml(const json& data);
std::string ItemHtml(const json& data);
std::string CaseHtml(const json& data);
std::string FiguresHtml(const json& data, const std::string& csv_link);
std::string FiguresCsv(const json& data);
std::string EvidenceHtml(const json& data);
std::string ErrorHtml(int status, const std::string& message);

// Decision categories in the contract's order, with Danish labels.
const std::map<std::string, std::string>& CategoryLabels();

}  // namespace referat::serve

#endif  // REFERAT_SERVE_PAGES_H_
