// The "danish" FTS5 tokenizer: unicode61 folding plus the Snowball Danish
// stemmer, at index and at query time.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "rules/rulebook.h"
#include "store/danish_tokenizer.h"
#include "test_util.h"

namespace referat::store {
namespace {

class TokenizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_TRUE(RegisterDanishTokenizer(db_).ok());
  }
  void TearDown() override { sqlite3_close(db_); }

  std::vector<std::string> Terms(const std::string& text) {
    auto t = DanishTerms(db_, text);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? *t : std::vector<std::string>{};
  }

  // Rowids matching `query` in a one-column table of `rows`.
  std::vector<int64_t> Match(const std::vector<std::string>& rows, const std::string& query) {
    Exec("DROP TABLE IF EXISTS t; CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'danish')");
    for (size_t i = 0; i < rows.size(); ++i) {
      sqlite3_stmt* st;
      sqlite3_prepare_v2(db_, "INSERT INTO t(rowid, x) VALUES (?1, ?2)", -1, &st, nullptr);
      sqlite3_bind_int64(st, 1, static_cast<int64_t>(i + 1));
      sqlite3_bind_text(st, 2, rows[i].c_str(), -1, SQLITE_TRANSIENT);
      EXPECT_EQ(sqlite3_step(st), SQLITE_DONE);
      sqlite3_finalize(st);
    }
    std::vector<int64_t> ids;
    sqlite3_stmt* st;
    sqlite3_prepare_v2(db_, "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid", -1, &st,
                       nullptr);
    sqlite3_bind_text(st, 1, query.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    return ids;
  }

  void Exec(const char* sql) {
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(db_, sql, nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  }

  sqlite3* db_ = nullptr;
};

TEST_F(TokenizerTest, InflectedFormsShareAStem) {
  EXPECT_EQ(Terms("Integrationsområdet"), Terms("integrationsområde"));
  EXPECT_EQ(Terms("kommunerne"), Terms("kommune"));
  EXPECT_EQ(Terms("Beslutningerne"), Terms("beslutning"));
  EXPECT_NE(Terms("skole"), Terms("skat"));
}

TEST_F(TokenizerTest, FoldsCaseButKeepsDanishLetters) {
  // æ, ø and å are letters of their own in Danish: "år" (year) is not "ar".
  EXPECT_EQ(Terms("ÅR"), Terms("år"));
  EXPECT_NE(Terms("år"), Terms("ar"));
  EXPECT_NE(Terms("før"), Terms("for"));
  std::vector<std::string> t = Terms("Økonomi, Færdselsloven: 2017!");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].rfind("økonomi", 0), 0u);
  EXPECT_EQ(t[2], "2017");
}

TEST_F(TokenizerTest, QueriesAreStemmedLikeTheIndex) {
  std::vector<std::string> rows = {
      "Orientering om Samarbejde med Marselisborg på Integrationsområdet",
      "Godkendelse af økonomirapportering for skoleområdet",
      "Kommunerne i regionen"};
  EXPECT_EQ(Match(rows, "integrationsområde"), std::vector<int64_t>{1});
  EXPECT_EQ(Match(rows, "INTEGRATIONSOMRÅDERNE"), std::vector<int64_t>{1});
  EXPECT_EQ(Match(rows, "kommune"), std::vector<int64_t>{3});
  EXPECT_EQ(Match(rows, "\"samarbejdet med marselisborg\""), std::vector<int64_t>{1});
  EXPECT_EQ(Match(rows, "integrations*"), std::vector<int64_t>{1});
  EXPECT_EQ(Match(rows, "skoleområdet OR kommunen"), (std::vector<int64_t>{2, 3}));
  EXPECT_TRUE(Match(rows, "integration NOT marselisborg").empty());
}

TEST_F(TokenizerTest, SnippetMarksTheSourceWords) {
  Match({"Status på Integrationsområdet i 2017"}, "x");
  sqlite3_stmt* st;
  ASSERT_EQ(sqlite3_prepare_v2(db_,
                               "SELECT snippet(t, 0, '[', ']', '…', 8) FROM t WHERE t MATCH "
                               "'integrationsområde'",
                               -1, &st, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))),
            "Status på [Integrationsområdet] i 2017");
  sqlite3_finalize(st);
}

// "budget" and its inflections are one stem (Snowball alone gives "budg"
// for the word and "budget" for the others), also in compounds, so a
// search for either finds both.
TEST_F(TokenizerTest, BudgetAndBudgettetShareAStem) {
  const std::vector<std::string> stem = Terms("budget");
  ASSERT_EQ(stem.size(), 1u);
  for (const char* w : {"budgettet", "budgetter", "budgetterne", "budgets", "Budget"})
    EXPECT_EQ(Terms(w), stem) << w;
  EXPECT_EQ(Terms("driftsbudget"), Terms("driftsbudgettet"));
  EXPECT_EQ(Terms("kvalitet"), Terms("kvaliteten"));
  std::vector<std::string> rows = {"Budgettet for 2025 vedtages", "Forslag til budget 2026",
                                   "Driftsbudgettet"};
  EXPECT_EQ(Match(rows, "budget"), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(Match(rows, "budgettet"), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(Match(rows, "driftsbudget"), std::vector<int64_t>{3});
}

// The exceptions (extract/rules/stem_exceptions.txt) over the vocabulary of
// the 172 Greve FirstAgenda meetings (titles and every field): for each
// word whose inflection (word + "en", "et", "er", "erne", "s", ...) is also
// there, the pair should share a stem. The rows must join far more such
// pairs than they split, and every row must apply to some word there.
TEST_F(TokenizerTest, ExceptionsJoinInflectionsOverTheGreveVocabulary) {
  const std::filesystem::path dir =
      referat::testing::SharedDir() / "corpus/real/firstagenda-json/greve";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no " << dir;
  std::string text;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".json") continue;
    auto j = nlohmann::json::parse(referat::testing::ReadFile(e.path()), nullptr, false);
    if (!j.is_object() || !j["Dagsordenpunkter"].is_array()) continue;
    for (const auto& item : j["Dagsordenpunkter"]) {
      if (item.value("Navn", nlohmann::json()).is_string()) text += item["Navn"].get<std::string>() + "\n";
      if (!item.contains("Felter") || !item["Felter"].is_array()) continue;
      for (const auto& f : item["Felter"])
        if (f.value("Html", nlohmann::json()).is_string()) {
          // Tags out (a tag is never a word of the text).
          const std::string html = f["Html"].get<std::string>();
          bool tag = false;
          for (char c : html) {
            if (c == '<') tag = true;
            if (!tag) text += c;
            if (c == '>') {
              tag = false;
              text += ' ';
            }
          }
          text += '\n';
        }
    }
  }
  // The folded words, as unicode61 splits them, letters only.
  Exec("DROP TABLE IF EXISTS v; CREATE VIRTUAL TABLE v USING fts5(x, tokenize = "
       "'unicode61 remove_diacritics 0'); CREATE VIRTUAL TABLE vv USING fts5vocab(v, row)");
  sqlite3_stmt* st;
  ASSERT_EQ(sqlite3_prepare_v2(db_, "INSERT INTO v(x) VALUES (?1)", -1, &st, nullptr), SQLITE_OK);
  sqlite3_bind_text(st, 1, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
  sqlite3_finalize(st);
  std::set<std::string> vocab;
  ASSERT_EQ(sqlite3_prepare_v2(db_, "SELECT term FROM vv", -1, &st, nullptr), SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::string w(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    if (w.find_first_of("0123456789_") == std::string::npos) vocab.insert(w);
  }
  sqlite3_finalize(st);
  ASSERT_GT(vocab.size(), 20000u);

  std::map<std::string, std::pair<std::string, std::string>> stems;  // word -> (plain, own)
  for (const std::string& w : vocab) stems[w] = {StemWord(w, false), StemWord(w, true)};
  const char* kInflections[] = {"en", "et", "tet", "ten", "er", "erne", "ene", "ens",
                                "ets", "s",  "ter", "terne", "ne", "e"};
  std::vector<std::string> joined, split;
  for (const std::string& w : vocab) {
    if (w.size() < 4) continue;
    for (const char* suffix : kInflections) {
      auto it = stems.find(w + suffix);
      if (it == stems.end()) continue;
      const bool before = stems[w].first == it->second.first;
      const bool after = stems[w].second == it->second.second;
      if (!before && after) joined.push_back(w + "/" + it->first);
      if (before && !after) split.push_back(w + "/" + it->first);
    }
  }
  std::string split_list;
  for (const std::string& p : split) split_list += p + " ";
  EXPECT_GE(joined.size(), 100u);
  EXPECT_LE(split.size() * 20, joined.size()) << "split: " << split_list;
  // Every row applies to a word of the vocabulary or of its examples'
  // positives (stem_exceptions.examples.tsv); the negatives there are left
  // to the stemmer.
  const std::string examples = referat::testing::ReadFile(
      referat::testing::SourceDir() / "extract/rules/stem_exceptions.examples.tsv");
  size_t positives = 0, negatives = 0;
  for (size_t at = 0; at < examples.size();) {
    size_t nl = examples.find('\n', at);
    if (nl == std::string::npos) nl = examples.size();
    const std::string line = examples.substr(at, nl - at);
    at = nl + 1;
    if (line.size() < 3 || line[1] != '\t' || (line[0] != '+' && line[0] != '-')) continue;
    const std::string word = line.substr(2, line.find('\t', 2) - 2);
    const bool covered = StemWord(word, true) != StemWord(word, false);
    if (line[0] == '+') {
      ++positives;
      stems[word] = {StemWord(word, false), StemWord(word, true)};
      EXPECT_TRUE(covered) << word << ": no row covers it";
    } else {
      ++negatives;
      EXPECT_FALSE(covered) << word << ": a row covers it";
    }
  }
  EXPECT_GT(positives, 0u);
  EXPECT_GT(negatives, 0u);
  const StemExceptions& rows = DanishStemExceptions();
  ASSERT_FALSE(rows.empty());
  for (const auto& [word, stem] : rows) {
    bool applies = false;
    for (const auto& [w, s] : stems) {
      const bool covered = word[0] == '*' ? w.size() >= word.size() - 1 &&
                                                w.compare(w.size() - (word.size() - 1),
                                                          word.size() - 1, word, 1) == 0
                                          : w == word;
      if (covered && s.first != s.second) {
        applies = true;
        break;
      }
    }
    EXPECT_TRUE(applies) << "the row '" << word << "' changes no word of the vocabulary";
  }
}

}  // namespace
}  // namespace referat::store
