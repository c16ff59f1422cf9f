// The "danish" FTS5 tokenizer: unicode61 folding plus the Snowball Danish
// stemmer, at index and at query time.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "store/danish_tokenizer.h"

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

}  // namespace
}  // namespace referat::store
