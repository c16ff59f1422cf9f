// Real Greve meetings as published by FirstAgenda (JSON with the truth for
// items, case numbers, decisions and absentees), printed as a portal prints
// them (plain text, and Markdown) and read back through the extractors.
// Greve's wording ("Beslutning", "Indstilling", "Sagsfremstilling",
// "Afbud: …" inside the decision) differs from Aalborg's, so this checks
// that the rules are general. Skips when ../shared is absent.
#include <gtest/gtest.h>

#include <cstring>
#include <libxml/HTMLparser.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "analyze/text_util.h"
#include "analyze_test_util.h"

namespace referat {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// HTML to lines as a browser shows them: block elements and <br> end a
// line; list items of an <ol> get their number; headings are lines of
// their own (with "## " in Markdown).
class HtmlLines {
 public:
  explicit HtmlLines(bool markdown) : md_(markdown) {}

  void Element(xmlNode* n) {
    for (xmlNode* c = n; c; c = c->next) Node(c);
  }
  std::vector<std::string> Take() {
    Flush();
    return std::move(lines_);
  }
  void Flush() {
    std::string l = NormalizeInline(cur_);
    if (!l.empty()) lines_.push_back(prefix_ + l);
    cur_.clear();
    prefix_.clear();
  }

 private:
  void Node(xmlNode* n) {
    if (n->type == XML_TEXT_NODE) {
      std::string t = reinterpret_cast<const char*>(n->content ? n->content : BAD_CAST "");
      for (char& c : t)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      cur_ += t;
      return;
    }
    if (n->type != XML_ELEMENT_NODE) return;
    std::string name = reinterpret_cast<const char*>(n->name);
    bool block = name == "p" || name == "div" || name == "li" || name == "ul" || name == "ol" ||
                 name == "h1" || name == "h2" || name == "h3" || name == "h4" || name == "h5" ||
                 name == "table" || name == "tr";
    if (name == "br") {
      Flush();
      return;
    }
    if (name == "td" || name == "th") {
      cur_ += " ";
    }
    if (block) Flush();
    if (name == "ol") ol_.push_back(0);
    if (name == "li" && !ol_.empty()) prefix_ = std::to_string(++ol_.back()) + ". ";
    if (md_ && name.size() == 2 && name[0] == 'h') prefix_ = "## ";
    if (md_ && name == "li" && ol_.empty()) prefix_ = "- ";
    Element(n->children);
    if (block) Flush();
    if (name == "ol") ol_.pop_back();
  }

  bool md_;
  std::string cur_, prefix_;
  std::vector<std::string> lines_;
  std::vector<int> ol_;
};

std::vector<std::string> HtmlToLines(const std::string& html, bool md, xmlNode** decision_span = nullptr) {
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                  HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (!doc) return {};
  HtmlLines out(md);
  out.Element(xmlDocGetRootElement(doc));
  auto lines = out.Take();
  xmlFreeDoc(doc);
  return lines;
}

// The decision as FirstAgenda stores it: the element after <h3>Beslutning</h3>,
// as lines; "Afbud: …" lines are the absentees, not the decision. Without
// that heading there is no decision to expect, only absentees.
void DecisionOf(const std::string& html, std::string* text, std::vector<std::string>* afbud) {
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                  HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (!doc) return;
  std::vector<xmlNode*> stack{xmlDocGetRootElement(doc)};
  xmlNode* span = nullptr;
  while (!stack.empty() && !span) {
    xmlNode* n = stack.back();
    stack.pop_back();
    for (xmlNode* c = n; c && !span; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST "h3")) {
        xmlChar* t = xmlNodeGetContent(c);
        bool is = analyze::Collapse(reinterpret_cast<char*>(t)) == "Beslutning";
        xmlFree(t);
        if (is)
          for (xmlNode* s = c->next; s; s = s->next)
            if (s->type == XML_ELEMENT_NODE) {
              span = s;
              break;
            }
      }
      if (c->children) stack.push_back(c->children);
    }
  }
  // Closed items carry a bare "<div>text<p>Afbud: …</p></div>" without any
  // heading: the text is what was decided, and the absentees count.
  bool any_heading = false;
  for (const char* p = html.c_str(); (p = std::strstr(p, "<h3")) != nullptr; ++p) any_heading = true;
  xmlNode* from = span ? span->children : xmlDocGetRootElement(doc);
  {
    HtmlLines hl(false);
    hl.Element(from);
    analyze::Joiner j;
    for (const auto& l : hl.Take()) {
      if (l.rfind("Afbud:", 0) == 0) {
        std::string names = l.substr(6);
        size_t pos = 0;
        while (pos <= names.size()) {
          size_t c = names.find(',', pos);
          std::string n = NormalizeInline(names.substr(pos, c == std::string::npos ? c : c - pos));
          if (!n.empty()) afbud->push_back(n);
          if (c == std::string::npos) break;
          pos = c + 1;
        }
        continue;
      }
      j.Add(l);
    }
    if (span || !any_heading) *text = NormalizeInline(j.Take());
  }
  xmlFreeDoc(doc);
}

std::string Weekday(int y, int m, int d) {
  static const char* kDays[] = {"Søndag", "Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag"};
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return kDays[(y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7];
}

enum class Style { kText, kMarkdown, kNumberedMarkdown, kPublishedHtml };

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
}

// The meeting as FirstAgenda's published minutes page shows it: an <h2> per
// item holding its title alone (no number), the item's own section HTML
// (<h3>Beslutning</h3>, <h3>Fremstilling</h3> …) under it.
std::string PrintPublishedHtml(const json& j) {
  const json& m = j["Moede"];
  std::string dato = m["Dato"];
  static const char* kMonths[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                  "juli",   "august",  "september", "oktober", "november", "december"};
  int y = std::stoi(dato.substr(0, 4)), mo = std::stoi(dato.substr(5, 2)), d = std::stoi(dato.substr(8, 2));
  std::string out = "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"></head><body><main>\n";
  out += "<h1>Referat</h1>\n<p>" + Escape(j["Udvalg"]["Navn"].get<std::string>()) + "</p>\n<p>Greve Kommune</p>\n";
  out += "<p>Mødedato: " + Weekday(y, mo, d) + " den " + std::to_string(d) + ". " + kMonths[mo - 1] + " " +
         std::to_string(y) + " kl. " + dato.substr(11, 5) + "</p>\n";
  out += "<p>Mødested: " + Escape(m["Sted"].get<std::string>()) + "</p>\n";
  std::string members, afbud;
  for (const auto& p : m["Moededeltagere"]) {
    std::string n = p["Name"];
    members += (members.empty() ? "" : ", ") + n;
    if (p["ParticipationCancelled"].get<bool>() || p["Absent"].get<bool>()) afbud += (afbud.empty() ? "" : ", ") + n;
  }
  out += "<p>Medlemmer: " + Escape(members) + "</p>\n";
  if (!afbud.empty()) out += "<p>Afbud: " + Escape(afbud) + "</p>\n";
  for (const auto& it : j["Dagsordenpunkter"]) {
    out += "<h2>" + Escape(NormalizeInline(it["Navn"].get<std::string>())) + "</h2>\n";
    std::string sag = it["SagsNummer"].is_string() ? NormalizeInline(it["SagsNummer"].get<std::string>()) : "";
    if (!sag.empty()) out += "<p>Sagsnr.: " + Escape(sag) + "</p>\n";
    for (const auto& f : it["Felter"])
      if (f["Html"].is_string()) out += f["Html"].get<std::string>() + "\n";
    if (it["Bilag"].is_array() && !it["Bilag"].empty()) {
      out += "<h3>Bilag</h3><ul>";
      for (const auto& b : it["Bilag"]) out += "<li>" + Escape(b["Navn"].get<std::string>()) + "</li>";
      out += "</ul>\n";
    }
  }
  return out + "</main></body></html>\n";
}

// The meeting as a portal prints it: "Punkt N. Title" lines (text or
// Markdown), or "**N. Title**" lines as a Markdown export writes them.
std::string Print(const json& j, Style style) {
  if (style == Style::kPublishedHtml) return PrintPublishedHtml(j);
  const bool md = style != Style::kText;
  static const char* kMonths[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                  "juli",   "august",  "september", "oktober", "november", "december"};
  std::string out;
  auto line = [&](const std::string& s) { out += s + "\n"; };
  const json& m = j["Moede"];
  std::string dato = m["Dato"];  // 2024-02-07T16:30:00+01:00
  int y = std::stoi(dato.substr(0, 4)), mo = std::stoi(dato.substr(5, 2)), d = std::stoi(dato.substr(8, 2));
  line("Greve Kommune");
  line(md ? "# Referat" : "Referat");
  line(j["Udvalg"]["Navn"].get<std::string>());
  line("Mødedato: " + Weekday(y, mo, d) + " d. " + std::to_string(d) + ". " + kMonths[mo - 1] + " " +
       std::to_string(y) + " kl. " + dato.substr(11, 5));
  line("Sted: " + m["Sted"].get<std::string>());
  std::string members, afbud;
  for (const auto& p : m["Moededeltagere"]) {
    std::string n = p["Name"];
    members += (members.empty() ? "" : ", ") + n;
    if (p["ParticipationCancelled"].get<bool>() || p["Absent"].get<bool>()) afbud += (afbud.empty() ? "" : ", ") + n;
  }
  line("Medlemmer: " + members);
  if (!afbud.empty()) line("Afbud: " + afbud);
  line("");
  for (const auto& it : j["Dagsordenpunkter"]) {
    line("");
    std::string head = (style == Style::kNumberedMarkdown ? "" : "Punkt ") +
                       it["Punktnummer"].get<std::string>() + ". " + it["Navn"].get<std::string>();
    line(md ? "**" + head + "**" : head);
    std::string sag = it["SagsNummer"].is_string() ? it["SagsNummer"].get<std::string>() : "";
    if (!NormalizeInline(sag).empty()) line("Sagsnr.: " + sag);
    line("");
    for (const auto& f : it["Felter"]) {
      if (!f["Html"].is_string()) continue;
      for (const auto& l : HtmlToLines(f["Html"].get<std::string>(), md)) {
        line(l);
        line("");
      }
    }
    if (it["Bilag"].is_array() && !it["Bilag"].empty()) {
      line(md ? "## Bilag" : "Bilag");
      for (const auto& b : it["Bilag"]) line(b["Navn"].get<std::string>());
    }
  }
  return out;
}

struct Tally {
  int items = 0, items_ok = 0, cases = 0, cases_ok = 0, decisions = 0, decisions_ok = 0,
      absent = 0, absent_ok = 0, unknown_category = 0;
};

class Greve : public ::testing::TestWithParam<Style> {};

TEST_P(Greve, ItemsCaseNumbersDecisionsAbsentees) {
  const Style style = GetParam();
  fs::path dir = testing::SharedDir() / "corpus/real/firstagenda-json";
  if (!fs::exists(dir)) GTEST_SKIP() << dir << " not present";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  if (files.empty()) GTEST_SKIP() << "no FirstAgenda JSON";
  Tally t;
  for (const auto& f : files) {
    SCOPED_TRACE(f.filename().string());
    json j = json::parse(testing::ReadFile(f));
    std::string text = Print(j, style);
    auto r = testing::StructureOfBytes(text);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(Name(r->kind), "minutes");
    ASSERT_TRUE(r->meeting);
    EXPECT_EQ(r->meeting->body, j["Udvalg"]["Navn"].get<std::string>());
    EXPECT_EQ(r->meeting->date, j["Moede"]["Dato"].get<std::string>().substr(0, 10));
    EXPECT_EQ(r->meeting->start_time, j["Moede"]["Dato"].get<std::string>().substr(11, 5));
    EXPECT_EQ(r->meeting->location, j["Moede"]["Sted"].get<std::string>());
    EXPECT_EQ(r->meeting->municipality, "Greve Kommune");
    EXPECT_EQ(r->meeting->document_type, "referat");
    std::vector<std::string> cancelled, present;
    for (const auto& p : j["Moede"]["Moededeltagere"])
      (p["ParticipationCancelled"].get<bool>() || p["Absent"].get<bool>() ? cancelled : present)
          .push_back(p["Name"]);
    ASSERT_TRUE(r->attendance);
    EXPECT_EQ(r->attendance->absent, cancelled);
    EXPECT_EQ(r->attendance->present, present);

    const json& items = j["Dagsordenpunkter"];
    bool any_closed = false;
    for (const auto& it : items)
      any_closed = any_closed || it["Navn"].get<std::string>().rfind("Lukket: ", 0) == 0;
    EXPECT_EQ(r->agenda_items.size(), items.size());
    for (const auto& it : items) {
      ++t.items;
      std::string number = it["Punktnummer"];
      const AgendaItem* got = nullptr;
      for (const auto& a : r->agenda_items)
        if (a.number == number) got = &a;
      if (!got) {
        ADD_FAILURE() << "item " << number << " missing";
        continue;
      }
      // "Lukket: …" marks a closed item; the mark is no part of the title,
      // and a meeting that marks its closed items says the others are open.
      std::string navn = NormalizeInline(it["Navn"].get<std::string>());
      const bool closed = navn.rfind("Lukket: ", 0) == 0;
      if (closed) navn = navn.substr(8);
      bool ok = got->title == navn;
      EXPECT_TRUE(ok) << number << ": " << got->title;
      if (any_closed) EXPECT_EQ(got->public_, !closed) << number;
      t.items_ok += ok;
      std::string sag = it["SagsNummer"].is_string() ? NormalizeInline(it["SagsNummer"].get<std::string>()) : "";
      ++t.cases;
      bool case_ok = sag.empty() ? !got->case_number : got->case_number == sag;
      EXPECT_TRUE(case_ok) << number << ": " << got->case_number.value_or("null") << " vs " << sag;
      t.cases_ok += case_ok;

      std::string want_text;
      std::vector<std::string> want_absent;
      for (const auto& fld : it["Felter"])
        if (fld["Html"].is_string()) DecisionOf(fld["Html"].get<std::string>(), &want_text, &want_absent);
      ++t.decisions;
      bool dec_ok = want_text.empty() ? !got->decision
                                      : (got->decision && got->decision->text == want_text);
      EXPECT_TRUE(dec_ok) << number << ": got \"" << (got->decision ? got->decision->text : "null")
                          << "\" want \"" << want_text << "\"";
      t.decisions_ok += dec_ok;
      if (got->decision && got->decision->category == DecisionCategory::kOther) ++t.unknown_category;
      ++t.absent;
      // The truth for who was away: the participants' flags. An item with
      // no decision field (closed items) records nobody.
      std::vector<std::string> want = want_text.empty() && want_absent.empty() ? std::vector<std::string>{}
                                                                               : cancelled;
      bool abs_ok = got->absent == want && want_absent == want;
      EXPECT_TRUE(abs_ok) << number;
      t.absent_ok += abs_ok;
    }
  }
  static const char* kNames[] = {"text", "markdown", "numbered markdown", "published html"};
  std::cout << "[greve " << kNames[static_cast<int>(style)] << "] items " << t.items_ok << "/" << t.items
            << ", case numbers " << t.cases_ok << "/" << t.cases << ", decisions " << t.decisions_ok
            << "/" << t.decisions << ", absentees " << t.absent_ok << "/" << t.absent
            << ", decisions with category other " << t.unknown_category << "\n";
}

std::string StyleName(const ::testing::TestParamInfo<Style>& i) {
  static const char* kNames[] = {"Text", "Markdown", "NumberedMarkdown", "PublishedHtml"};
  return kNames[static_cast<int>(i.param)];
}

INSTANTIATE_TEST_SUITE_P(PrintedAs, Greve,
                         ::testing::Values(Style::kText, Style::kMarkdown, Style::kNumberedMarkdown,
                                           Style::kPublishedHtml),
                         StyleName);

}  // namespace
}  // namespace referat
