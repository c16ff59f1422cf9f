// `referat serve` end to end in one process: a store ingested from the
// corpus (the Aalborg seed as text and as PDF, the other seeds), the server
// on a free port, and httplib's client asking for every kind of page,
// including hostile paths and parameters; plus the word matcher that draws
// the evidence boxes.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "referat/store.h"
#include "serve/evidence.h"
#include "serve/serve.h"
#include "test_util.h"

namespace referat::serve {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class ServeTest : public ::testing::Test {
 protected:
  static constexpr const char* kPdfAsGiven = "formats/001_915c6acca0debb9d.pdf";

  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("referat_serve_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const std::string db = (dir_ / "archive.db").string();
    {
      auto store = Store::Open(db, {.create_if_missing = true});
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      std::vector<std::string> paths;
      for (const auto& e : fs::directory_iterator(referat::testing::SourceDir() / "corpus/seeds"))
        if (e.path().extension() == ".txt") paths.push_back(e.path().string());
      std::sort(paths.begin(), paths.end());
      // The PDF named relative to corpus/, as an archivist in that
      // directory would: the pages show it so (files.given_path).
      paths.push_back(kPdfAsGiven);
      IngestOptions opts;
      opts.jobs = 2;
      const fs::path cwd = fs::current_path();
      fs::current_path(referat::testing::SourceDir() / "corpus");
      auto stats = (*store)->Ingest(paths, opts);
      fs::current_path(cwd);
      ASSERT_TRUE(stats.ok()) << stats.status().ToString();
      ASSERT_EQ(stats->failed, 0u);
    }
    ServeOptions o;
    o.db_path = db;
    o.port = 0;
    o.cache_dir = (dir_ / "cache").string();
    auto server = Server::Create(o);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = server->release();
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = new std::thread([] { server_->Run(); });
  }
  static void TearDownTestSuite() {
    if (server_) server_->Stop();
    if (thread_) thread_->join();
    delete thread_;
    delete server_;
    fs::remove_all(dir_);
  }

  static httplib::Result Get(const std::string& path, const httplib::Headers& h = {}) {
    httplib::Client cli("127.0.0.1", server_->port());
    auto r = cli.Get(path, h);
    // Every label a page uses is in labels.da.tsv (a missing one shows as ⟦key⟧).
    if (r) EXPECT_EQ(r->body.find("⟦"), std::string::npos) << path;
    return r;
  }
  static json GetJson(const std::string& path) {
    auto r = Get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return json();
    EXPECT_EQ(r->status, 200) << path << "\n" << r->body;
    EXPECT_NE(r->get_header_value("Content-Type").find("application/json"), std::string::npos);
    return json::parse(r->body);
  }
  // The first hit of a JSON search that is an item.
  static json FirstItem(const std::string& query) {
    json j = GetJson("/search.json?" + query);
    for (const json& h : j["hits"])
      if (h["type"] == "item") return h;
    ADD_FAILURE() << "no item for " << query;
    return json();
  }

  static fs::path dir_;
  static Server* server_;
  static std::thread* thread_;
};

fs::path ServeTest::dir_;
Server* ServeTest::server_ = nullptr;
std::thread* ServeTest::thread_ = nullptr;

TEST_F(ServeTest, StemmedSearchFindsInflectedWordWithMarks) {
  // "integrationsområde" finds the item titled "... Integrationsområdet".
  json j = GetJson("/search.json?q=integrationsomr%C3%A5de");
  ASSERT_GE(j["total"].get<int>(), 2);  // the text and the PDF of the Aalborg seed
  bool titled = false;
  for (const json& h : j["hits"]) {
    if (h["title"].is_string() &&
        h["title"].get<std::string>().find("Integrationsområdet") != std::string::npos)
      titled = true;
    ASSERT_FALSE(h["marks"].empty());
    const std::string snip = h["snippet"];
    auto m = h["marks"][0];
    std::string marked = snip.substr(m[0].get<size_t>(), m[1].get<size_t>() - m[0].get<size_t>());
    std::string head = marked.substr(0, 4);
    head[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(head[0])));
    EXPECT_EQ(head, "inte") << marked;  // "Integrationsområdet", "integrationsområdet"
  }
  EXPECT_TRUE(titled);
  // The HTML page: the hit, the mark, the total, the query kept in the box.
  auto r = Get("/?q=integrationsomr%C3%A5de");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("<mark>"), std::string::npos);
  EXPECT_NE(r->body.find("value=\"integrationsområde\""), std::string::npos);
  EXPECT_NE(r->body.find("Integrationsområdet"), std::string::npos);
  // Accept: application/json gives the JSON on the same URL.
  auto rj = Get("/?q=integrationsomr%C3%A5de", {{"Accept", "application/json"}});
  ASSERT_TRUE(rj);
  EXPECT_EQ(json::parse(rj->body)["total"], j["total"]);
}

TEST_F(ServeTest, FiltersAndPagingAgreeWithTotal) {
  json all = GetJson("/search.json?decision=approved&n=2");
  const int total = all["total"];
  ASSERT_GE(total, 3);
  EXPECT_EQ(all["pages"].get<int>(), (total + 1) / 2);
  std::set<int64_t> seen;
  for (int page = 1; page <= all["pages"].get<int>(); ++page) {
    json j = GetJson("/search.json?decision=approved&n=2&page=" + std::to_string(page));
    EXPECT_EQ(j["total"], total);
    for (const json& h : j["hits"]) {
      EXPECT_EQ(h["category"], "approved");
      EXPECT_TRUE(seen.insert(h["item_id"].get<int64_t>()).second) << "item on two pages";
    }
  }
  EXPECT_EQ(static_cast<int>(seen.size()), total);
  // Narrowing filters narrow.
  json body = GetJson("/search.json?decision=approved&body=Besk%C3%A6ftigelses&from=2017&to=2017-12");
  EXPECT_GE(body["total"].get<int>(), 1);
  EXPECT_LE(body["total"].get<int>(), total);
  for (const json& h : body["hits"]) EXPECT_EQ(h["date"].get<std::string>().substr(0, 4), "2017");
  json none = GetJson("/search.json?decision=approved&from=2030");
  EXPECT_EQ(none["total"], 0);
  json absent = GetJson("/search.json?absent=Mariann+N%C3%B8rgaard");
  EXPECT_GE(absent["total"].get<int>(), 1);
}

TEST_F(ServeTest, BadParametersGet400Pages) {
  for (const char* path :
       {"/?decision=maybe", "/?from=2015-1", "/?page=0", "/?page=x", "/?n=1000", "/?kind=novel",
        "/?nonsense=1", "/?q=a&q=b", "/?q=%22unclosed", "/?q=%FF%FE", "/?q=a%01b",
        "/evidence/1?start=5", "/evidence/1?start=9&end=3", "/document/99999999999999999999"}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 400) << path << "\n" << r->body;
    EXPECT_NE(r->body.find("Ugyldig forespørgsel"), std::string::npos) << path;
  }
  auto r = Get("/search.json?decision=maybe");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(json::parse(r->body)["error"]["status"], 400);
}

TEST_F(ServeTest, PathsOutsideTheStoreAreNeverServed) {
  for (const char* path :
       {"/../../../../etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/etc/passwd",
        "/page/1/../../../../etc/passwd", "/document/1/../../../etc/passwd",
        "/page/..%2f..%2fetc%2fpasswd", "//etc/passwd", "/evidence/%2Fetc%2Fpasswd?start=0&end=1",
        "/figures.csv?document=/etc/passwd", "/page/1/999999.png", "/document/0",
        "/item/424242"}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_TRUE(r->status == 404 || r->status == 400) << path << " " << r->status;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
  }
}

TEST_F(ServeTest, ScriptInjectionIsEscaped) {
  const std::string payload = "%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%3E%3Cimg%20src%3Dx%3E";
  for (std::string path : {"/?body=" + payload, "/?q=" + payload, "/?absent=" + payload,
                           "/?case=" + payload, "/figures?body=" + payload}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_TRUE(r->status == 200 || r->status == 400) << path;
    EXPECT_EQ(r->body.find("<script"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("<img src=x"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("\"><img"), std::string::npos) << path;
    EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'none'"),
              std::string::npos);
  }
  auto r = Get("/?body=" + payload);
  EXPECT_NE(r->body.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x&gt;"),
            std::string::npos);
}

TEST_F(ServeTest, ItemPageLinksDecisionToPdfEvidenceWithBoxes) {
  // The PDF's item 2 (economy report): decision "Godkendt."
  json hit = FirstItem("q=%C3%B8konomirapportering&kind=minutes&n=20");
  json hits = GetJson("/search.json?q=%C3%B8konomirapportering&n=20")["hits"];
  json pdf_item;
  for (const json& h : hits)
    if (h["type"] == "item" && h["path"].get<std::string>().find(".pdf") != std::string::npos &&
        h["category"].is_string())
      pdf_item = h;
  ASSERT_TRUE(pdf_item.is_object()) << hits.dump(1);
  const std::string item_path = "/item/" + std::to_string(pdf_item["item_id"].get<int64_t>());
  json item = GetJson(item_path + ".json");
  ASSERT_TRUE(item["decision"].is_object());
  const json span = item["decision"]["span"];
  ASSERT_TRUE(span["page"].is_number_integer());
  auto page = Get(item_path);
  ASSERT_TRUE(page);
  const std::string ev = "/evidence/" + std::to_string(item["document_id"].get<int64_t>()) +
                         "?start=" + std::to_string(span["start"].get<int64_t>()) +
                         "&amp;end=" + std::to_string(span["end"].get<int64_t>());
  EXPECT_NE(page->body.find(ev), std::string::npos) << page->body;
  EXPECT_NE(page->body.find("class=\"ev decision\""), std::string::npos);

  std::string ev_json = ev;
  ev_json.replace(ev_json.find('?'), 1, ".json?");
  while (ev_json.find("&amp;") != std::string::npos) ev_json.replace(ev_json.find("&amp;"), 5, "&");
  json e = GetJson(ev_json + "&page=" + std::to_string(span["page"].get<int>()));
  EXPECT_EQ(e["quote"], item["decision"]["text"]);
  ASSERT_TRUE(e["image"].is_string());
  ASSERT_FALSE(e["boxes"].empty()) << e.dump(1);
  for (const json& b : e["boxes"]) {
    EXPECT_GT(b["w"].get<double>(), 0);
    EXPECT_LE(b["x"].get<double>() + b["w"].get<double>(), 1.0001);
    EXPECT_LE(b["y"].get<double>() + b["h"].get<double>(), 1.0001);
  }
  // Every word of the decision is boxed, in order.
  std::string words;
  for (const json& b : e["boxes"]) words += (words.empty() ? "" : " ") + b["word"].get<std::string>();
  EXPECT_EQ(words, item["decision"]["text"]);
  auto png = Get(e["image"].get<std::string>());
  ASSERT_TRUE(png);
  EXPECT_EQ(png->status, 200);
  EXPECT_EQ(png->get_header_value("Content-Type"), "image/png");
  EXPECT_EQ(png->body.substr(1, 3), "PNG");
  // Cached: the second request is the same bytes.
  auto again = Get(e["image"].get<std::string>());
  EXPECT_EQ(again->body, png->body);
}

// Issue 15, defect 5: the store keys a file by its canonical path and
// keeps the path as it was named at ingest; the pages show the latter, the
// JSON has both.
TEST_F(ServeTest, PagesShowThePathAsGiven) {
  const std::string pdf = (referat::testing::SourceDir() / "corpus" / kPdfAsGiven).string();
  json pdf_hit, text_hit;
  const json hits = GetJson("/search.json?n=100")["hits"];
  for (const json& h : hits) {
    if (h["path"] == pdf) pdf_hit = h;
    else if (h["path"].get<std::string>().find(".txt") != std::string::npos) text_hit = h;
  }
  ASSERT_TRUE(pdf_hit.is_object()) << hits.dump(1);
  EXPECT_EQ(pdf_hit["given_path"], kPdfAsGiven);
  ASSERT_TRUE(text_hit.is_object());
  EXPECT_EQ(text_hit["given_path"], text_hit["path"]);  // named by its absolute path

  const std::string doc = "/document/" + std::to_string(pdf_hit["document_id"].get<int64_t>());
  json d = GetJson(doc + ".json");
  EXPECT_EQ(d["path"], pdf);
  EXPECT_EQ(d["given_path"], kPdfAsGiven);
  auto page = Get(doc);
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find(std::string(" · ") + kPdfAsGiven + "</p>"), std::string::npos)
      << page->body;
  EXPECT_EQ(page->body.find(pdf), std::string::npos);

  json item = GetJson("/item/" + std::to_string(pdf_hit["item_id"].get<int64_t>()) + ".json");
  EXPECT_EQ(item["path"], pdf);
  EXPECT_EQ(item["given_path"], kPdfAsGiven);
  const std::string ev = "/evidence/" + std::to_string(pdf_hit["document_id"].get<int64_t>());
  const std::string span = "start=" + std::to_string(item["span"]["start"].get<int64_t>()) +
                           "&end=" + std::to_string(item["span"]["start"].get<int64_t>() + 10);
  json e = GetJson(ev + ".json?" + span);
  EXPECT_EQ(e["path"], pdf);  // the file read, by its key
  EXPECT_EQ(e["given_path"], kPdfAsGiven);
  auto evidence = Get(ev + "?" + span);
  ASSERT_TRUE(evidence);
  EXPECT_EQ(evidence->status, 200);
  EXPECT_NE(evidence->body.find(std::string("\">") + kPdfAsGiven + "</a>"), std::string::npos)
      << evidence->body;
  EXPECT_EQ(evidence->body.find(pdf), std::string::npos);
}

TEST_F(ServeTest, TextEvidenceMarksTheSpan) {
  json hits = GetJson("/search.json?q=integrationsomr%C3%A5de")["hits"];
  json text_item;
  for (const json& h : hits)
    if (h["type"] == "item" && h["path"].get<std::string>().find(".txt") != std::string::npos)
      text_item = h;
  ASSERT_TRUE(text_item.is_object());
  json item = GetJson("/item/" + std::to_string(text_item["item_id"].get<int64_t>()) + ".json");
  const std::string source = referat::testing::ReadFile(item["path"].get<std::string>());
  ASSERT_TRUE(item["decision"].is_object());
  const json span = item["decision"]["span"];
  json e = GetJson("/evidence/" + std::to_string(item["document_id"].get<int64_t>()) +
                   ".json?start=" + std::to_string(span["start"].get<int64_t>()) +
                   "&end=" + std::to_string(span["end"].get<int64_t>()));
  EXPECT_EQ(e["quote"], item["decision"]["text"]);
  EXPECT_TRUE(e["image"].is_null());
  auto page = Get("/evidence/" + std::to_string(item["document_id"].get<int64_t>()) + "?start=" +
                  std::to_string(span["start"].get<int64_t>()) + "&end=" +
                  std::to_string(span["end"].get<int64_t>()));
  EXPECT_NE(page->body.find("<mark id=\"span\">"), std::string::npos);
  // A span past the end of the text is a 400, not a crash.
  auto far = Get("/evidence/" + std::to_string(item["document_id"].get<int64_t>()) +
                 "?start=0&end=99999999");
  EXPECT_EQ(far->status, 400);
}

TEST_F(ServeTest, MeetingPageShowsAttendanceAndItems) {
  json hit = FirstItem("absent=Mariann+N%C3%B8rgaard");
  json doc = GetJson("/document/" + std::to_string(hit["document_id"].get<int64_t>()) + ".json");
  ASSERT_TRUE(doc["meeting"].is_object());
  bool absent = false;
  for (const json& a : doc["attendance"])
    if (a["status"] == "absent" && a["name"] == "Mariann Nørgaard") {
      absent = true;
      EXPECT_TRUE(a["span"].is_object());
    }
  EXPECT_TRUE(absent);
  EXPECT_GE(doc["items"].size(), 10u);
  auto page = Get("/document/" + std::to_string(hit["document_id"].get<int64_t>()));
  EXPECT_NE(page->body.find("Fraværende:</b> Mariann Nørgaard"), std::string::npos);
}

TEST_F(ServeTest, FiguresTableCsvAndCasePath) {
  json hit = FirstItem("q=%C3%B8konomirapportering");
  const std::string doc = std::to_string(hit["document_id"].get<int64_t>());
  json f = GetJson("/figures.json?document=" + doc);
  ASSERT_FALSE(f["figures"].empty());
  auto csv = Get("/figures.csv?document=" + doc);
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->body.substr(0, 18), "meeting_date,body,");
  EXPECT_EQ(static_cast<size_t>(std::count(csv->body.begin(), csv->body.end(), '\n')),
            f["figures"].size() + 1);
  json searched = GetJson("/figures.json?q=%C3%B8konomirapportering");
  EXPECT_FALSE(searched["figures"].empty());
  // The case path: the Aalborg seed as text and as PDF share case numbers.
  json item = GetJson("/item/" + std::to_string(hit["item_id"].get<int64_t>()) + ".json");
  if (item["case_number"].is_string()) {
    json c = GetJson("/case/" + std::to_string(hit["item_id"].get<int64_t>()) + ".json");
    EXPECT_GE(c["steps"].size(), 2u);
    for (const json& s : c["steps"]) EXPECT_EQ(s["case_number"], item["case_number"]);
    // The case filter takes the number however it is printed (the store's
    // case key: a trailing '.' and spaces do not matter).
    const std::string printed = item["case_number"].get<std::string>() + ".";
    json hits = GetJson("/search.json?case=" + printed);
    EXPECT_GE(hits["total"].get<int>(), 2) << printed;
    for (const json& h : hits["hits"]) EXPECT_EQ(h["type"], "item");
  }
}

// A metric over meetings (the same type and unit on three meeting dates)
// becomes a series and an SVG chart; figures elsewhere stay table rows only.
TEST(ServeFigures, SeriesOverMeetingsGetAChart) {
  fs::path dir = fs::temp_directory_path() / ("referat_serve_fig_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "a.db").string();
  {
    auto store = Store::Open(db, {.create_if_missing = true});
    ASSERT_TRUE(store.ok());
    for (int d = 0; d < 3; ++d) {
      Record r;
      r.source.path = "m" + std::to_string(d) + ".txt";
      r.source.sha256 = std::string(63, '0') + std::to_string(d);
      r.source.format = "txt";
      r.kind = DocumentKind::kMinutes;
      Meeting m;
      m.body = std::string("Økonomiudvalget");
      m.date = "2020-0" + std::to_string(d + 1) + "-15";
      r.meeting = m;
      const std::string text = "1. Budget\nBudgettet er 4,5 mio. kr.\nBeslutning: Godkendt.\n";
      AgendaItem it;
      it.number = "1";
      it.title = "Budget";
      it.decision = Decision{"Godkendt.", DecisionCategory::kApproved, Span{52, 61, 0}};
      it.span = Span{0, text.size(), 0};
      r.agenda_items.push_back(it);
      Figure f;
      f.type = "amount";
      f.text = "4,5 mio. kr.";
      f.value = 4.5e6 + d * 1e6;
      f.unit = "DKK";
      f.item = "1";
      f.sentence = "Budgettet er 4,5 mio. kr.";
      f.span = Span{23, 35, 0};
      r.figures.push_back(f);
      r.text_length = text.size();
      ASSERT_TRUE((*store)->Put(r, text).ok());
    }
  }
  ServeOptions o;
  o.db_path = db;
  o.port = 0;
  auto server = Server::Create(o);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  ASSERT_TRUE((*server)->Bind().ok());
  std::thread t([&] { (*server)->Run(); });
  httplib::Client cli("127.0.0.1", (*server)->port());
  auto r = cli.Get("/figures.json?q=budget");
  ASSERT_TRUE(r);
  json j = json::parse(r->body);
  EXPECT_EQ(j["figures"].size(), 3u);
  ASSERT_EQ(j["series"].size(), 1u);
  EXPECT_EQ(j["series"][0]["unit"], "DKK");
  EXPECT_EQ(j["series"][0]["points"].size(), 3u);
  EXPECT_EQ(j["series"][0]["points"][2]["sum"].get<double>(), 6.5e6);
  auto html = cli.Get("/figures?q=budget");
  ASSERT_TRUE(html);
  EXPECT_NE(html->body.find("<svg class=\"chart\""), std::string::npos);
  auto csv = cli.Get("/figures.csv?q=budget");
  ASSERT_TRUE(csv);
  EXPECT_NE(csv->body.find("2020-03-15,Økonomiudvalget,1,Budget,amount,\"4,5 mio. kr.\",6500000"),
            std::string::npos)
      << csv->body;
  (*server)->Stop();
  t.join();
  fs::remove_all(dir);
}

TEST(MatchWords, FindsRunsHyphensAndPunctuation) {
  auto words = [](std::initializer_list<const char*> ws) {
    std::vector<PageWord> out;
    float x = 0;
    for (const char* w : ws) out.push_back({w, x, 0, x += 10, 10});
    return out;
  };
  auto page = words({"Side", "3", "Beslutning", "Godkendt,", "idet", "beskæf-", "tigelse",
                     "skal", "øges.", "og", "Godkendt"});
  EXPECT_EQ(MatchWords(page, "Godkendt, idet beskæftigelse skal øges."),
            (std::vector<size_t>{3, 4, 5, 6, 7, 8}));
  // Case and NFD forms do not matter.
  EXPECT_EQ(MatchWords(words({"x", "GODKENDT", "A\xCC\x8A" "r"}), "godkendt år"),
            (std::vector<size_t>{1, 2}));
  // A lone common word elsewhere is not evidence for a longer quote.
  EXPECT_TRUE(MatchWords(words({"og", "så", "videre"}), "Godkendt og sendt videre til byrådet").empty());
  // A one-word quote matches its word.
  EXPECT_EQ(MatchWords(page, "Beslutning"), (std::vector<size_t>{2}));
  // A span broken by a page header: both runs are found.
  auto broken = words({"Sagen", "blev", "drøftet", "Side", "4", "af", "9", "og", "udsat", "til", "næste", "møde"});
  EXPECT_EQ(MatchWords(broken, "Sagen blev drøftet og udsat til næste møde"),
            (std::vector<size_t>{0, 1, 2, 7, 8, 9, 10, 11}));
}


// A store indexed with other Danish stemming (store_info.tokenizer differs
// from this build's) is served read-only as it is; the search page says
// that some inflections may be missed, as `referat search` warns, and a
// current store's page does not.
TEST_F(ServeTest, StaleStemmingIsShownOnTheSearchPage) {
  const fs::path stale = dir_ / "stale.db";
  fs::copy_file(dir_ / "archive.db", stale, fs::copy_options::overwrite_existing);
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(stale.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "UPDATE store_info SET value = 'danish 0' WHERE key = 'tokenizer'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    EXPECT_EQ(sqlite3_changes(db), 1);
    sqlite3_close(db);
  }
  ServeOptions o;
  o.db_path = stale.string();
  o.port = 0;
  o.cache_dir = (dir_ / "stale_cache").string();
  auto server = Server::Create(o);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  ASSERT_EQ((*server)->notices().size(), 1u);
  EXPECT_NE((*server)->notices()[0].find("'danish 0'"), std::string::npos)
      << (*server)->notices()[0];
  EXPECT_TRUE(server_->notices().empty());
  ASSERT_TRUE((*server)->Bind().ok());
  std::thread run([&] { (*server)->Run(); });
  httplib::Client cli("127.0.0.1", (*server)->port());
  auto page = cli.Get("/?q=budget");
  auto current = Get("/?q=budget");
  (*server)->Stop();
  run.join();
  ASSERT_TRUE(page && current);
  const std::string banner = "<p class=\"err\" role=\"status\">";
  EXPECT_NE(page->body.find(banner), std::string::npos);
  EXPECT_EQ(page->body.find("⟦"), std::string::npos);
  EXPECT_EQ(current->body.find(banner), std::string::npos);
}

}  // namespace
}  // namespace referat::serve
