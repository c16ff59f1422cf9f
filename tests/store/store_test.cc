// The store on records built by hand: schema and migration, writes and
// replacement, every search filter, stats and export. The corpus end to end
// is in cli_test.cc.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "../test_util.h"
#include "referat/extract.h"
#include "referat/store.h"
#include "store/danish_tokenizer.h"

namespace referat {
namespace {

namespace fs = std::filesystem;

fs::path TempDir() {
  static int n = 0;
  fs::path d = fs::temp_directory_path() /
               ("referat_store_test_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

int64_t Count(const fs::path& db, const std::string& sql) {
  sqlite3* h;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  // The stemmed FTS tables need the tokenizer even to be counted.
  EXPECT_TRUE(store::RegisterDanishTokenizer(h).ok());
  sqlite3_stmt* st;
  EXPECT_EQ(sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sql;
  int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}

void ExecOn(const fs::path& db, const std::string& sql) {
  sqlite3* h;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  char* err = nullptr;
  ASSERT_EQ(sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_close(h);
}

struct ItemSpec {
  std::string number;
  std::string title;
  std::optional<std::string> decision_category;
  std::string decision_text;
  std::optional<std::string> case_number;
  std::vector<std::string> absent;
  std::string body;
};

Record MakeRecord(const std::string& sha, const std::string& path, const std::string& kind,
                  std::optional<std::string> body, std::optional<std::string> date,
                  std::vector<std::string> absent, std::vector<ItemSpec> items) {
  Record r;
  r.source.path = path;
  r.source.sha256 = sha;
  r.source.format = "txt";
  r.source.bytes = 1000;
  r.kind = *FromName<DocumentKind>(kind);
  r.text_length = 1000;
  if (body || date) {
    Meeting m;
    m.council = "Aalborg Byråd";
    m.municipality = "Aalborg Kommune";
    m.body = body;
    m.date = date;
    m.span = Span{0, 40, 0};
    r.meeting = m;
    Attendance a;
    a.present = {"Lasse Frimand Jensen", "Hans Olesen"};
    a.absent = std::move(absent);
    a.others.push_back({"Birgitte Welling", std::string("ref."), Span{50, 66, 0}});
    r.attendance = a;
  }
  size_t at = 100;
  for (const auto& s : items) {
    AgendaItem it;
    it.number = s.number;
    it.title = s.title;
    it.public_ = true;
    it.case_number = s.case_number;
    it.absent = s.absent;
    if (s.decision_category) {
      Decision d;
      d.category = *FromName<DecisionCategory>(*s.decision_category);
      d.text = s.decision_text;
      d.span = Span{at + 10, at + 20, 0};
      it.decision = d;
    }
    Recommendation rec;
    rec.by = "Forvaltningen";
    rec.text = "Forvaltningen indstiller, at sagen godkendes.";
    rec.clauses = {"at sagen godkendes"};
    it.recommendation = rec;
    it.sections.push_back({std::string("Sagsbeskrivelse"), s.body, Span{at + 20, at + 80, 0}});
    it.span = Span{at, at + 90, 0};
    at += 100;
    r.agenda_items.push_back(std::move(it));
  }
  Figure f;
  f.type = "amount";
  f.text = "kr. 1,5 mio.";
  f.value = 1500000;
  f.unit = "DKK";
  f.sentence = "Der er afsat kr. 1,5 mio.";
  f.span = Span{5, 17, 0};
  r.figures.push_back(f);
  Target t;
  t.text = "Andelen skal stige til 50 %.";
  t.direction = "increase";
  t.value = 50;
  t.unit = "%";
  t.span = Span{20, 48, 0};
  r.targets.push_back(t);
  return r;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TempDir();
    db_ = dir_ / "store.db";
    auto s = Store::Open(db_.string(), {.create_if_missing = true});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
    records_ = {
        MakeRecord("a1", "a/2017-beskaeftigelse.txt", "minutes", "Beskæftigelsesudvalget",
                   "2017-10-24", {"Mariann Nørgaard"},
                   {{"1", "Godkendelse af dagsorden", "approved", "Godkendt.", std::nullopt, {},
                     "Dagsordenen blev godkendt."},
                    {"5", "Orientering om Samarbejde med Marselisborg på Integrationsområdet",
                     "noted", "Til orientering.", "2017-047330", {},
                     "Integrationsområdet har været genstand for store forandringer."},
                    {"8", "Godkendelse af ansøgning til puljen Job-bro", "approved_with_changes",
                     "Godkendt med den ændring, at integrationsindsatsen styrkes.", "2017-051234",
                     {"Per Clausen"}, "Ansøgningen om integration af unge."}}),
        MakeRecord("b2", "b/2016-byraad.txt", "minutes", "Aalborg Byråd", "2016-03-01",
                   {"Peter Hansen"},
                   {{"1", "Integrationsrådets årsberetning", "rejected", "Ikke godkendt.",
                     "2016-000001", {}, "Beretning om integrationen i kommunerne."}}),
        MakeRecord("c3", "c/2014-skole.txt", "agenda", "Skoleudvalget", "2014-05-05", {},
                   {{"2", "Skolernes integrationsindsats", std::nullopt, "", std::nullopt, {},
                     "Integrationen på skolerne."}}),
        MakeRecord("d4", "d/rapport.txt", "report", std::nullopt, std::nullopt, {}, {}),
    };
    texts_ = {std::nullopt, std::nullopt, std::nullopt,
              std::string("Rapport om integrationsområdet og beskæftigelse i kommunerne.")};
    for (size_t i = 0; i < records_.size(); ++i) {
      Status s = store_->Put(records_[i], texts_[i]);
      ASSERT_TRUE(s.ok()) << s.ToString();
    }
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  std::vector<SearchHit> Search(SearchQuery q) {
    auto r = store_->Search(q);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : std::vector<SearchHit>{};
  }
  // "sha/number" of each hit ("sha" alone for a document hit), sorted.
  std::vector<std::string> Keys(const SearchQuery& q) {
    std::vector<std::string> keys;
    for (const auto& h : Search(q))
      keys.push_back(h.sha256 + (h.item_number ? "/" + *h.item_number : ""));
    std::sort(keys.begin(), keys.end());
    return keys;
  }

  fs::path dir_, db_;
  std::unique_ptr<Store> store_;
  std::vector<Record> records_;
  std::vector<std::optional<std::string>> texts_;
};

using KeyList = std::vector<std::string>;

TEST_F(StoreTest, RowsMatchTheRecords) {
  auto st = store_->Stats();
  ASSERT_TRUE(st.ok());
  size_t items = 0, decisions = 0, attendance = 0;
  for (const auto& r : records_) {
    items += r.agenda_items.size();
    for (const auto& it : r.agenda_items) {
      decisions += it.decision.has_value();
      attendance += it.absent.size();
    }
    if (r.attendance)
      attendance += r.attendance->present.size() + r.attendance->absent.size() +
                    r.attendance->others.size();
  }
  EXPECT_EQ(st->documents, 4);
  EXPECT_EQ(st->meetings, 3);
  EXPECT_EQ(st->agenda_items, static_cast<int64_t>(items));
  EXPECT_EQ(st->decisions, static_cast<int64_t>(decisions));
  EXPECT_EQ(st->attendance, static_cast<int64_t>(attendance));
  EXPECT_EQ(st->figures, 4);
  EXPECT_EQ(st->targets, 4);
  EXPECT_EQ(st->errors, 0);
  std::vector<std::pair<std::string, int64_t>> cats = {
      {"approved", 1}, {"approved_with_changes", 1}, {"noted", 1}, {"rejected", 1}};
  EXPECT_EQ(st->decisions_by_category, cats);
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM items_fts WHERE rowid > 0"), static_cast<int64_t>(items));
  // The passages' rows (negative rowids) and only theirs.
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM items_fts WHERE rowid < 0"),
            Count(db_, "SELECT count(*) FROM passages"));
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM documents_fts"), 1);
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM names_fts"), static_cast<int64_t>(attendance));
}

TEST_F(StoreTest, SearchFindsInflectedFormsRankedWithSnippets) {
  SearchQuery q;
  q.text = "integrationsområde";
  auto hits = Search(q);
  ASSERT_EQ(hits.size(), 2u);  // item a1/5 and the report d4
  EXPECT_EQ(hits[0].sha256, "a1");  // a title match outranks a body match
  EXPECT_EQ(*hits[0].item_number, "5");
  EXPECT_EQ(*hits[0].decision_category, "noted");
  EXPECT_EQ(*hits[0].body, "Beskæftigelsesudvalget");
  EXPECT_EQ(*hits[0].date, "2017-10-24");
  EXPECT_NE(hits[0].snippet.find("[Integrationsområdet]"), std::string::npos) << hits[0].snippet;
  EXPECT_EQ(hits[0].span->start, 200u);
  EXPECT_EQ(hits[0].span->end, 290u);
  EXPECT_LT(hits[0].score, 0);
  EXPECT_EQ(hits[1].sha256, "d4");
  EXPECT_FALSE(hits[1].item_number);
  EXPECT_NE(hits[1].snippet.find("[integrationsområdet]"), std::string::npos);

  // integration, integrationen, integrationsindsatsen are different stems.
  q.text = "integrationen";
  EXPECT_EQ(Keys(q), (KeyList{"a1/8", "b2/1", "c3/2"}));
  q.text = "integration*";
  EXPECT_EQ(Keys(q), (KeyList{"a1/5", "a1/8", "b2/1", "c3/2", "d4"}));
  q.text = "\"samarbejdet med marselisborg\"";
  EXPECT_EQ(Keys(q), (KeyList{"a1/5"}));
  q.text = "kommune";
  EXPECT_EQ(Keys(q), (KeyList{"b2/1", "d4"}));
  q.text = "title:godkendelse";
  EXPECT_EQ(Keys(q), (KeyList{"a1/1", "a1/8"}));
}

TEST_F(StoreTest, EveryFilter) {
  SearchQuery q;
  q.text = "integration*";
  q.body = "byråd";  // substring, case-insensitive for ASCII
  EXPECT_EQ(Keys(q), (KeyList{"b2/1"}));
  q = {};
  q.text = "integration*";
  q.from = "2016";
  EXPECT_EQ(Keys(q), (KeyList{"a1/5", "a1/8", "b2/1"}));
  q.to = "2016-12";
  EXPECT_EQ(Keys(q), (KeyList{"b2/1"}));
  q = {};
  q.to = "2016-03-01";  // inclusive, without a query
  EXPECT_EQ(Keys(q), (KeyList{"b2/1", "c3/2"}));
  q = {};
  q.decision = "approved_with_changes";
  EXPECT_EQ(Keys(q), (KeyList{"a1/8"}));
  q.decision = "approved";
  EXPECT_EQ(Keys(q), (KeyList{"a1/1"}));
  q = {};
  q.case_number = "2017-047330";
  EXPECT_EQ(Keys(q), (KeyList{"a1/5"}));
  q = {};
  q.kind = "report";
  EXPECT_EQ(Keys(q), (KeyList{"d4"}));
  q.kind = "agenda";
  EXPECT_EQ(Keys(q), (KeyList{"c3/2"}));
  q = {};
  q.limit = 2;
  EXPECT_EQ(Search(q).size(), 2u);
  q.limit = 100;  // all items and the item-less document, newest first
  auto all = Search(q);
  ASSERT_EQ(all.size(), 6u);
  EXPECT_EQ(*all[0].date, "2017-10-24");
}

// Pages of Find, one hit at a time, are the one list Search gives, and
// every page carries the count CountHits gives: ranked (items and a report
// mixed by score) and by date.
TEST_F(StoreTest, FindPagesTheOneOrderedListWithItsCount) {
  for (const char* text : {"integration*", ""}) {
    SearchQuery q;
    q.text = text;
    q.limit = 100;
    const std::vector<SearchHit> all = Search(q);
    auto count = store_->CountHits(q);
    ASSERT_TRUE(count.ok());
    ASSERT_EQ(static_cast<int64_t>(all.size()), *count) << text;
    ASSERT_GE(all.size(), 5u) << text;
    q.limit = 1;
    q.count = true;
    for (size_t i = 0; i <= all.size(); ++i) {
      q.offset = static_cast<int>(i);
      auto page = store_->Find(q);
      ASSERT_TRUE(page.ok()) << page.status().ToString();
      EXPECT_EQ(page->total, *count) << text << " offset " << i;
      if (i == all.size()) {
        EXPECT_TRUE(page->hits.empty());
        continue;
      }
      ASSERT_EQ(page->hits.size(), 1u);
      EXPECT_EQ(page->hits[0].sha256, all[i].sha256) << text << " offset " << i;
      EXPECT_EQ(page->hits[0].item_number, all[i].item_number) << text << " offset " << i;
      EXPECT_EQ(page->hits[0].item_id.has_value(), all[i].item_number.has_value());
      EXPECT_GT(page->hits[0].document_id, 0);
    }
    q.count = false;
    q.offset = 0;
    auto uncounted = store_->Find(q);
    ASSERT_TRUE(uncounted.ok());
    EXPECT_EQ(uncounted->total, -1);
  }
  SearchQuery bad;
  bad.offset = -1;
  EXPECT_EQ(store_->Find(bad).status().code(), ErrorCode::kUsage);
}

// A long report's hit points at its snippet, not at the whole text, and
// gets the page when the record's values on pages bracket the snippet.
TEST_F(StoreTest, DocumentHitSpanIsItsSnippets) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Afsnit " + std::to_string(i) + " om skoler og veje. ";
  const size_t word_at = text.size();
  text += "Klimaplanen vedtages. ";
  for (int i = 0; i < 200; ++i) text += "Bilag " + std::to_string(i) + " om trafik. ";
  Record r = MakeRecord("e5", "e/lang-rapport.pdf", "report", std::nullopt, std::nullopt, {}, {});
  r.source.format = "pdf";
  r.source.pages = 3;
  r.text_length = text.size();
  for (auto [start, page] : {std::pair<size_t, int>{10, 1}, {word_at - 40, 2}, {word_at + 60, 2},
                              {text.size() - 20, 3}}) {
    Figure f;
    f.type = "count";
    f.text = "1";
    f.value = 1;
    f.sentence = "1";
    f.span = Span{start, start + 1, page};
    r.figures.push_back(f);
  }
  ASSERT_TRUE(store_->Put(r, text).ok());
  SearchQuery q;
  q.text = "klimaplan";
  auto hits = Search(q);
  ASSERT_EQ(hits.size(), 1u);
  ASSERT_TRUE(hits[0].span);
  EXPECT_LE(hits[0].span->start, word_at);
  EXPECT_GT(hits[0].span->end, word_at + 11);
  EXPECT_LT(hits[0].span->end - hits[0].span->start, 400u);  // not the whole text
  EXPECT_EQ(text.substr(hits[0].span->start, hits[0].span->end - hits[0].span->start),
            [&] {
              std::string plain;
              for (char c : hits[0].snippet)
                if (c != '[' && c != ']') plain += c;
              const std::string ellipsis = "…";
              if (plain.rfind(ellipsis, 0) == 0) plain.erase(0, ellipsis.size());
              if (plain.size() >= ellipsis.size() &&
                  plain.compare(plain.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0)
                plain.resize(plain.size() - ellipsis.size());
              return plain;
            }());
  EXPECT_EQ(hits[0].span->page, 2);
}

TEST_F(StoreTest, AbsentMatchesUnstemmedNamesOfMeetingOrItem) {
  // The absences rows: two meetings' and Per Clausen's item (he was at the meeting).
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM absences"), 3);
  EXPECT_EQ(
      Count(db_, "SELECT count(*) FROM absences WHERE item_id <> 0 AND name = 'Per Clausen'"), 1);
  SearchQuery q;
  q.absent = "Mariann Nørgaard";  // absent from the whole meeting: every item
  EXPECT_EQ(Keys(q), (KeyList{"a1/1", "a1/5", "a1/8"}));
  q.absent = "nørgaard";
  EXPECT_EQ(Keys(q), (KeyList{"a1/1", "a1/5", "a1/8"}));
  q.absent = "Per Clausen";  // absent from item 8 only
  EXPECT_EQ(Keys(q), (KeyList{"a1/8"}));
  q.absent = "Clausen, Per";
  EXPECT_EQ(Keys(q), (KeyList{"a1/8"}));
  // Names are not stemmed: "Hansen" would stem to "hans" and find the
  // present "Hans Olesen"; it must find only Peter Hansen's absence.
  q.absent = "Hansen";
  EXPECT_EQ(Keys(q), (KeyList{"b2/1"}));
  q.absent = "Hans";
  EXPECT_TRUE(Keys(q).empty());
  q.absent = "Lasse Frimand Jensen";  // present, never absent
  EXPECT_TRUE(Keys(q).empty());
  // With a query and another filter.
  q = {};
  q.text = "integration*";
  q.absent = "Nørgaard";
  q.decision = "noted";
  EXPECT_EQ(Keys(q), (KeyList{"a1/5"}));
}

TEST_F(StoreTest, BadQueriesAreUsageErrors) {
  SearchQuery q;
  q.text = "\"unbalanced";
  auto r = store_->Search(q);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kUsage);
  EXPECT_NE(r.status().message().find("bad search query"), std::string::npos);
  // Not a column: quoted as text ("Bemærk: x" is a natural query), no error.
  q.text = "nosuchcolumn: x";
  EXPECT_TRUE(store_->Search(q).ok());
  q.text = "COVID-19";
  EXPECT_TRUE(store_->Search(q).ok());
  q = {};
  q.decision = "approvd";
  EXPECT_EQ(store_->Search(q).status().code(), ErrorCode::kUsage);
  q = {};
  q.from = "24.10.2017";
  EXPECT_EQ(store_->Search(q).status().code(), ErrorCode::kUsage);
  q = {};
  q.absent = "  ";
  EXPECT_EQ(store_->Search(q).status().code(), ErrorCode::kUsage);
}

TEST_F(StoreTest, ChangedContentAtAPathReplacesItsRowsByCascade) {
  Record changed = MakeRecord("a1-v2", "a/2017-beskaeftigelse.txt", "minutes",
                              "Beskæftigelsesudvalget", "2017-10-24", {},
                              {{"1", "Ny dagsorden", "approved", "Godkendt.", std::nullopt, {},
                                "Intet om det tidligere emne."}});
  ASSERT_TRUE(store_->Put(changed).ok());
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM documents"), 4);
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM documents WHERE sha256 = 'a1'"), 0);
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM agenda_items"), 1 + 1 + 1);
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM items_fts WHERE rowid > 0"), 3);
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM decisions"), 2);
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM attendance a WHERE NOT EXISTS (SELECT 1 FROM "
                       "documents d WHERE d.id = a.document_id)"),
            0);
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM names_fts"),
            Count(db_, "SELECT count(*) FROM attendance"));
  // a1's absent (Mariann Nørgaard from the meeting, Per Clausen from item
  // 8) went with it; Peter Hansen's absence from b2's meeting stays.
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM absences"), 1);
  SearchQuery q;
  q.absent = "Clausen";
  EXPECT_TRUE(Keys(q).empty());
  q = {};
  q.text = "marselisborg";
  EXPECT_TRUE(Keys(q).empty());
  EXPECT_EQ(Count(db_, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

// A member absent from the whole meeting whom the item's own note names
// again is one absentee in the item's OpenSearch document, not two; the
// order is that of the attendance rows (meeting first, then the item's).
TEST_F(StoreTest, OpenSearchAbsentNamesEachAbsenteeOnce) {
  Record r = MakeRecord("e5", "e/2018-udvalg.txt", "minutes", "Kulturudvalget", "2018-01-09",
                        {"Mariann Nørgaard", "Peter Hansen"},
                        {{"3", "Budget", "approved", "Godkendt.", std::nullopt,
                          {"Per Clausen", "Mariann Nørgaard", "Per Clausen"}, "Budgettet."}});
  ASSERT_TRUE(store_->Put(r).ok());
  std::ostringstream bulk;
  ASSERT_TRUE(store_->Export(ExportFormat::kOpenSearch, bulk).ok());
  std::istringstream bl(bulk.str());
  bool found = false;
  for (std::string action, doc; std::getline(bl, action) && std::getline(bl, doc);) {
    if (nlohmann::json::parse(action)["index"]["_id"] != "e5/3") continue;
    found = true;
    auto d = nlohmann::json::parse(doc);
    EXPECT_EQ(d["absent"], nlohmann::json({"Mariann Nørgaard", "Peter Hansen", "Per Clausen"}));
    EXPECT_EQ(d["present"], nlohmann::json({"Lasse Frimand Jensen", "Hans Olesen"}));
  }
  EXPECT_TRUE(found);
}

// Every field of an exported document is in the mapping, and the mapping
// has no field the export never writes ("dynamic": "strict" would refuse
// the bulk load).
TEST_F(StoreTest, OpenSearchMappingHasEveryExportedField) {
  std::ostringstream bulk;
  ASSERT_TRUE(store_->Export(ExportFormat::kOpenSearch, bulk).ok());
  auto props = nlohmann::json::parse(Store::OpenSearchMapping())["mappings"]["properties"];
  std::set<std::string> mapped, written;
  for (const auto& [k, v] : props.items()) mapped.insert(k);
  std::istringstream bl(bulk.str());
  for (std::string action, doc; std::getline(bl, action) && std::getline(bl, doc);) {
    const auto d = nlohmann::json::parse(doc);
    for (const auto& [k, v] : d.items()) written.insert(k);
  }
  EXPECT_EQ(written, mapped);
  // Both paths, the canonical key and the path as the user named it.
  EXPECT_EQ(props["path"]["type"], "keyword");
  EXPECT_EQ(props["given_path"]["type"], "keyword");
}

TEST_F(StoreTest, ExportReproducesTheStoredJsonAndCounts) {
  std::ostringstream jsonl;
  ASSERT_TRUE(store_->Export(ExportFormat::kJsonl, jsonl).ok());
  std::istringstream lines(jsonl.str());
  std::vector<std::string> got;
  for (std::string l; std::getline(lines, l);) got.push_back(l);
  ASSERT_EQ(got.size(), records_.size());
  for (size_t i = 0; i < records_.size(); ++i) EXPECT_EQ(got[i], ToJson(records_[i], false));

  std::ostringstream bulk;
  ASSERT_TRUE(store_->Export(ExportFormat::kOpenSearch, bulk).ok());
  std::istringstream bl(bulk.str());
  std::set<std::string> ids;
  int docs = 0;
  for (std::string action, doc; std::getline(bl, action) && std::getline(bl, doc);) {
    auto a = nlohmann::json::parse(action);
    ids.insert(a["index"]["_id"].get<std::string>());
    EXPECT_EQ(a["index"]["_index"], "referat");
    auto d = nlohmann::json::parse(doc);
    if (a["index"]["_id"] == "a1/8") {
      EXPECT_EQ(d["body"], "Beskæftigelsesudvalget");
      EXPECT_EQ(d["decision_category"], "approved_with_changes");
      EXPECT_EQ(d["absent"], nlohmann::json({"Mariann Nørgaard", "Per Clausen"}));
      EXPECT_EQ(d["case_number"], "2017-051234");
    }
    ++docs;
  }
  EXPECT_EQ(docs, 6);  // five items and the item-less report
  EXPECT_EQ(ids, (std::set<std::string>{"a1/1", "a1/5", "a1/8", "b2/1", "c3/2", "d4"}));
  auto mapping = nlohmann::json::parse(Store::OpenSearchMapping());
  EXPECT_EQ(mapping["mappings"]["properties"]["title"]["analyzer"], "danish");
  EXPECT_EQ(mapping["mappings"]["properties"]["decision_category"]["type"], "keyword");

  fs::path csv = dir_ / "csv";
  std::ostringstream unused;
  ASSERT_TRUE(store_->Export(ExportFormat::kCsv, unused, csv.string()).ok());
  for (const char* table : {"documents", "meetings", "attendance", "agenda_items", "decisions",
                            "figures", "targets", "errors", "files"}) {
    std::string text = testing::ReadFile(csv / (std::string(table) + ".csv"));
    // Count RFC 4180 records: CRLF outside quotes.
    int64_t records = 0;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '"') quoted = !quoted;
      else if (!quoted && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
        ++records;
    }
    EXPECT_EQ(records - 1, Count(db_, std::string("SELECT count(*) FROM ") + table)) << table;
  }
  std::string items = testing::ReadFile(csv / "agenda_items.csv");
  EXPECT_EQ(items.rfind("id,document_id,meeting_id,position,number,title,", 0), 0u);
  std::string decisions = testing::ReadFile(csv / "decisions.csv");
  EXPECT_NE(decisions.find("\"Godkendt med den ændring, at integrationsindsatsen styrkes.\""),
            std::string::npos);
}

TEST(StoreSchemaTest, OpenIsIdempotentAndRefusesNewerOrForeignDatabases) {
  fs::path dir = TempDir();
  fs::path db = dir / "s.db";
  EXPECT_EQ(Store::Open(db.string()).status().code(), ErrorCode::kNotFound);
  {
    auto s = Store::Open(db.string(), {.create_if_missing = true});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ((*s)->schema_version(), kStoreSchemaVersion);
    ASSERT_TRUE((*s)->Put(MakeRecord("x", "x.txt", "minutes", "Udvalget", "2020-01-01", {}, {
        {"1", "Punkt", "approved", "Godkendt.", std::nullopt, {}, "Tekst."}})).ok());
  }
  const int64_t objects = Count(db, "SELECT count(*) FROM sqlite_schema");
  for (int i = 0; i < 2; ++i) {
    auto s = Store::Open(db.string());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ((*s)->schema_version(), kStoreSchemaVersion);
  }
  EXPECT_EQ(Count(db, "SELECT count(*) FROM sqlite_schema"), objects);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM agenda_items"), 1);

  ExecOn(db, "PRAGMA user_version = " + std::to_string(kStoreSchemaVersion + 1));
  auto newer = Store::Open(db.string());
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.status().code(), ErrorCode::kUnsupportedFormat);
  EXPECT_NE(newer.status().message().find("newer"), std::string::npos);

  fs::path foreign = dir / "foreign.db";
  ExecOn(foreign, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  auto f = Store::Open(foreign.string());
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), ErrorCode::kUnsupportedFormat);
  EXPECT_EQ(Count(foreign, "SELECT count(*) FROM sqlite_schema"), 1);  // left as it was

  fs::path garbage = dir / "garbage.db";
  std::ofstream(garbage) << std::string(4096, 'x');
  EXPECT_FALSE(Store::Open(garbage.string()).ok());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace referat
