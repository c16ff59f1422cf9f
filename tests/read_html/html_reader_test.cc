// HTML reader: main-content selection, block structure, lists, tables,
// charsets and limits; plus the FirstAgenda HTML fields of the real Greve
// meetings (../shared, skipped when absent).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/deadline.h"
#include "read/reader.h"
#include "test_util.h"

namespace referat {
namespace {

Document Read(const std::string& html, const ExtractOptions& options = {}) {
  auto r = ReadHtml(html, options);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : Document{};
}

std::vector<std::string> Texts(const Document& d) {
  std::vector<std::string> out;
  for (const Block& b : d.blocks) out.emplace_back(d.BlockText(b));
  return out;
}

std::string Page(const std::string& body, const std::string& head = "") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body>" + body +
         "</body></html>";
}

TEST(HtmlReader, MainContentWithoutNavigationScriptsAndStyles) {
  Document d = Read(Page(
      "<header><nav><a href=/>Forside</a> <a href=/politik>Politik</a></nav></header>"
      "<script>var x = 'Referat';</script><style>p { color: red }</style>"
      "<aside>Se også</aside><form><input value=Søg><button>Søg</button></form>"
      "<main><header><h1>Referat</h1></header><p>Mødet blev holdt.</p>"
      "<noscript>Slå JavaScript til</noscript><template><p>skabelon</p></template>"
      "<div hidden>skjult</div><p style=\"display: none\">usynlig</p></main>"
      "<footer>Kontakt kommunen</footer>",
      "<title> Referat – Økonomiudvalget </title>"));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Referat", "Mødet blev holdt."}));
  EXPECT_EQ(d.title.value_or(""), "Referat – Økonomiudvalget");
  EXPECT_EQ(d.format, "html");
  EXPECT_EQ(d.pages, 0);
}

// "Til toppen" after every item of a minutes page (Brønderslev Kommune's
// web minutes): a link within the page, alone in its block, is navigation.
// A contents entry, a link in running text and a link to elsewhere stay.
TEST(HtmlReader, BackToTopLinksAreNavigation) {
  Document d = Read(Page(
      "<main><ul><li><a href=\"#p1\">1. Fraværende</a></li></ul><h2 id=p1>1. Fraværende</h2>"
      "<p>Martin Bech.</p><p><a href=\"#top\">Til toppen</a></p>"
      "<p>Se <a href=\"#p1\">punkt 1</a>.</p><div> <a href=\"#\">Tilbage</a> </div>"
      "<p><a href=\"bilag.pdf\">Bilag</a></p></main>"));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"1. Fraværende", "1. Fraværende", "Martin Bech.",
                                                "Se punkt 1.", "Bilag"}));
}

TEST(HtmlReader, ArticlesWhenNoMain) {
  Document d = Read(Page("<nav>Menu</nav><article><h2>Punkt 1</h2><p>Godkendt.</p></article>"
                         "<div>Reklame</div><article><h2>Punkt 2</h2></article>"));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Punkt 1", "Godkendt.", "Punkt 2"}));
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(d.blocks[0].heading_level, 2);
}

TEST(HtmlReader, BodyWhenNoMainOrArticle) {
  Document d = Read(Page("<nav>Menu</nav><h3>Beslutning</h3><p>Til orientering</p><footer>x</footer>"));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Beslutning", "Til orientering"}));
  EXPECT_EQ(d.blocks[0].heading_level, 3);
}

TEST(HtmlReader, BlocksLinesAndGaps) {
  Document d = Read(Page("<p>Kaløvig Kursuscenter<br>Præstekravevej 46<br/>8410 Rønde</p>"
                         "<div>Et <span>afsnit</span> med\n  linjeskift   i kilden</div>"
                         "Løs tekst<div><div>Indlejret</div></div><pre>linje 1\nlinje 2</pre>"));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Kaløvig Kursuscenter", "Præstekravevej 46",
                                                "8410 Rønde", "Et afsnit med linjeskift i kilden",
                                                "Løs tekst", "Indlejret", "linje 1", "linje 2"}));
  EXPECT_TRUE(d.blocks[0].gap_before);
  EXPECT_FALSE(d.blocks[1].gap_before);
  EXPECT_TRUE(d.blocks[3].gap_before);
}

TEST(HtmlReader, WholeParagraphBoldAndItalic) {
  Document d = Read(Page("<p><strong>Punkt 5.</strong></p><p><b>Halvt</b> fed</p>"
                         "<p><em>Beslutning:</em></p><h2><b>Overskrift</b></h2>"));
  ASSERT_EQ(d.blocks.size(), 4u);
  EXPECT_TRUE(d.blocks[0].bold);
  EXPECT_FALSE(d.blocks[1].bold);
  EXPECT_TRUE(d.blocks[2].italic);
  EXPECT_TRUE(d.blocks[3].bold);
  EXPECT_EQ(d.blocks[3].kind, BlockKind::kHeading);
}

TEST(HtmlReader, ListsAsInTheTextReader) {
  Document d = Read(Page(
      "<ul><li>mange flygtninge</li><li><p>løs liste</p></li></ul>"
      "<ol><li>Hvad kendetegner?</li><li>Visiterer?<ul><li>under</li></ul></li></ol>"
      "<ol start=\"20\"><li>januar 2015</li></ol>"
      "<ol type=\"a\"><li>første</li><li value=\"4\">fjerde</li></ol>"
      "<ol type=\"I\" reversed><li>to</li><li>en</li></ol><ol><li></li></ol>"));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"mange flygtninge", "løs liste", "1. Hvad kendetegner?",
                                                "2. Visiterer?", "under", "20. januar 2015",
                                                "a. første", "d. fjerde", "II. to", "I. en", "1."}));
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kListItem);
  EXPECT_EQ(d.blocks[0].list_marker, "•");
  EXPECT_EQ(d.blocks[2].list_marker, "1.");
  EXPECT_EQ(d.blocks[4].list_level, 1);
  EXPECT_EQ(d.blocks[4].list_marker, "•");
}

TEST(HtmlReader, TablesWithSpansAndLayoutTables) {
  Document d = Read(Page(
      "<table><caption>Bilag</caption><thead><tr><th>Nr.</th><th>Titel</th><th>Side</th></tr></thead>"
      "<tbody><tr><td rowspan=\"2\">1</td><td>Dagsorden</td><td>1</td></tr>"
      "<tr><td>Referat</td><td>2</td></tr>"
      "<tr><td colspan=\"2\">I alt</td><td>3</td></tr>"
      "<tr><td></td><td></td><td></td></tr></tbody></table>"
      "<table><tr><td><p>Layout</p><p>to afsnit</p></td></tr>"
      "<tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>ved siden af</td></tr></table>"));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Bilag", "Nr.\tTitel\tSide", "1\tDagsorden\t1",
                                                "\tReferat\t2", "I alt\t\t3", "Layout", "to afsnit",
                                                "a\tb", "ved siden af"}));
  EXPECT_EQ(d.blocks[1].kind, BlockKind::kTableRow);
  EXPECT_TRUE(d.blocks[1].bold);  // th
  EXPECT_EQ(d.blocks[1].cells.size(), 3u);
  EXPECT_TRUE(d.blocks[1].gap_before);
  EXPECT_FALSE(d.blocks[2].gap_before);
}

TEST(HtmlReader, LongNumberedListInACellStaysLinear) {
  std::string items;
  for (int i = 0; i < 50000; ++i) items += "<li>x</li>";
  auto start = std::chrono::steady_clock::now();
  Document d = Read(Page("<table><tr><td>Liste</td><td><ol start=\"3\">" + items + "</ol></td></tr></table>"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.BlockText(d.blocks[0]).substr(0, 20), "Liste\t3. x 4. x 5. x");
}

TEST(HtmlReader, CharsetFromMetaAndBom) {
  // windows-1252 declared with http-equiv
  std::string latin = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                      "</head><body><p>R\xE5" "dhuset \x96 K\xF8" "benhavn</p></body></html>";
  Document d = Read(latin);
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Rådhuset – København"}));
  EXPECT_TRUE(d.warnings.empty());

  // Undeclared and not UTF-8: windows-1252 with a warning.
  Document u = Read("<html><body><p>\xC6" "ble og p\xE6" "rer</p></body></html>");
  EXPECT_EQ(Texts(u), (std::vector<std::string>{"Æble og pærer"}));
  ASSERT_EQ(u.warnings.size(), 1u);
  EXPECT_EQ(u.warnings[0].code, "legacy_encoding");

  // UTF-16LE with BOM.
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("<html><body><p>Referat</p></body></html>")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  EXPECT_EQ(Texts(Read(utf16)), (std::vector<std::string>{"Referat"}));

  // UTF-8 with BOM, declared charset ignored in favour of the BOM.
  Document b = Read("\xEF\xBB\xBF<html><head><meta charset=windows-1252></head><body><p>Møde</p></body></html>");
  EXPECT_EQ(Texts(b), (std::vector<std::string>{"Møde"}));
}

TEST(HtmlReader, EntitiesAndWhitespace) {
  Document d = Read(Page("<p>Udvalget&nbsp;for&#160;plan &amp; kultur &ndash; &quot;PUK&quot;</p>"));
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Udvalget for plan & kultur – \"PUK\""}));
}

TEST(HtmlReader, EmptyAndDeepDocuments) {
  auto empty = ReadHtml(Page("<script>x</script>"), ExtractOptions{});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), ErrorCode::kNoText);

  std::string deep;
  for (int i = 0; i < 400; ++i) deep += "<div>";
  deep += "dybt";
  auto r = ReadHtml(Page(deep), ExtractOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kTooLarge);
}

TEST(HtmlReader, DeadlineIsPolled) {
  std::string body;
  for (int i = 0; i < 5000; ++i) body += "<p>afsnit " + std::to_string(i) + "</p>";
  std::string html = Page(body);
  ScopedDeadline deadline(1);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto r = ReadHtml(html, ExtractOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kTimeout);
}

TEST(HtmlReader, BrokenMarkupIsRecovered) {
  Document d = Read("<html><body><p>Første<p>Anden <b>fed<p>Tredje</table></div></body>");
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Første", "Anden fed", "Tredje"}));
}

// The FirstAgenda exports hold each agenda field as an HTML fragment; read
// as a page they must give text without markup residue.
TEST(HtmlRealFiles, GreveFirstAgendaFields) {
  namespace fs = std::filesystem;
  fs::path dir = testing::SharedDir() / "corpus/real/firstagenda-json";
  if (!fs::exists(dir)) GTEST_SKIP() << "shared corpus absent";
  int fields = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".json") continue;
    auto j = nlohmann::json::parse(testing::ReadFile(e.path()), nullptr, false);
    if (j.is_discarded()) continue;
    std::vector<const nlohmann::json*> stack{&j};
    while (!stack.empty()) {
      const nlohmann::json* v = stack.back();
      stack.pop_back();
      if (v->is_object()) {
        if (v->contains("Html") && (*v)["Html"].is_string()) {
          std::string html = (*v)["Html"].get<std::string>();
          if (html.find('<') == std::string::npos) continue;
          auto r = ReadHtml("<html><body>" + html + "</body></html>", ExtractOptions{});
          if (!r.ok()) {
            EXPECT_EQ(r.status().code(), ErrorCode::kNoText) << r.status().ToString();
            continue;
          }
          ++fields;
          EXPECT_EQ(r->text.find("<p"), std::string::npos) << html.substr(0, 200);
          EXPECT_EQ(r->text.find("&nbsp;"), std::string::npos) << html.substr(0, 200);
        }
        for (auto& [k, c] : v->items()) stack.push_back(&c);
      } else if (v->is_array()) {
        for (auto& c : *v) stack.push_back(&c);
      }
    }
  }
  EXPECT_GT(fields, 0);
}

}  // namespace
}  // namespace referat
