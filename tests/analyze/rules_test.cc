// Data-driven tests of the rule files: every examples/NAME.tsv holds
// positive and negative examples for extract/rules/NAME.txt (or for a
// pattern of the analyzer), one per line: input <TAB> expected, where "-"
// means "must not match". Add an example with every new wording.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "analyze/context.h"
#include "analyze/dates.h"
#include "analyze/decision.h"
#include "analyze/lexicon.h"
#include "analyze/names.h"
#include "analyze/text_util.h"
#include "analyze_test_util.h"

namespace referat {
namespace {

using analyze::Lexicon;

struct Example {
  std::string input, expected;
  int line = 0;
};

std::vector<Example> Load(const std::filesystem::path& p) {
  std::vector<Example> out;
  std::ifstream in(p);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    // The expected value is after the last TAB (inputs may hold TABs:
    // table rows); a run of TABs separates the columns.
    size_t last = line.rfind('\t');
    if (last == std::string::npos) {
      ADD_FAILURE() << p << ":" << n << ": no TAB";
      continue;
    }
    size_t tab = last;
    while (tab > 0 && line[tab - 1] == '\t') --tab;
    out.push_back({line.substr(0, tab), line.substr(last + 1), n});
  }
  return out;
}

const Lexicon& Lex() { return Lexicon::For(Rules()); }

// A one-block-per-line Document and what the analyzers need with it.
struct Doc {
  explicit Doc(const std::string& text) {
    auto r = ReadText(text, false, ExtractOptions{});
    doc = std::move(r).value();
    seg = Segment(doc);
    ctx = std::make_unique<analyze::Context>(doc, seg, Lex(), &warnings);
  }
  Document doc;
  Segmentation seg;
  std::vector<Warning> warnings;
  std::unique_ptr<analyze::Context> ctx;
};

std::string RoleName(analyze::Role r) {
  switch (r) {
    case analyze::Role::kNone: return "-";
    case analyze::Role::kDecision: return "decision";
    case analyze::Role::kRecommendation: return "recommendation";
    case analyze::Role::kAttachments: return "attachments";
    case analyze::Role::kCase: return "case";
    case analyze::Role::kSection: return "section";
    case analyze::Role::kToc: return "toc";
    case analyze::Role::kOpen: return "open";
    case analyze::Role::kClosed: return "closed";
    case analyze::Role::kEnd: return "end";
  }
  return "?";
}

std::string FieldName(analyze::Field f) {
  switch (f) {
    case analyze::Field::kNone: return "-";
    case analyze::Field::kDate: return "date";
    case analyze::Field::kStart: return "start";
    case analyze::Field::kEnd: return "end";
    case analyze::Field::kLocation: return "location";
    case analyze::Field::kPresent: return "present";
    case analyze::Field::kMembers: return "members";
    case analyze::Field::kAbsent: return "absent";
    case analyze::Field::kOthers: return "others";
    case analyze::Field::kReferent: return "referent";
    case analyze::Field::kIgnore: return "ignore";
  }
  return "?";
}

std::string Names(const std::string& in) {
  std::string out;
  for (const auto& pn : analyze::ParseNames(Lex(), in)) {
    if (!out.empty()) out += "; ";
    out += pn.name;
    if (pn.role) out += "|" + *pn.role;
  }
  return out.empty() ? "-" : out;
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// What each examples file checks: input -> the actual answer, compared
// with the expected column.
const std::map<std::string, std::function<std::string(const std::string&)>>& Checkers() {
  static const auto* m = new std::map<std::string, std::function<std::string(const std::string&)>>{
      {"decision_phrases",
       [](const std::string& in) {
         bool mixed = false;
         std::string c = analyze::CategorizeDecision(Lex(), in, &mixed);
         return mixed ? std::string("mixed") : c;
       }},
      {"section_headings",
       [](const std::string& in) {
         analyze::HeadingHit h = Lex().MatchHeading(in);
         std::string r = RoleName(h.role);
         if (h.role != analyze::Role::kNone && h.text_start < in.size()) r += "|" + in.substr(h.text_start);
         return r;
       }},
      {"item_markers",
       [](const std::string& in) {
         std::string num;
         size_t ts;
         if (!Lex().MatchItemMarker(in, &num, &ts)) return std::string("-");
         return num + "|" + std::string(analyze::Trim(std::string_view(in).substr(ts)));
       }},
      {"numbered_lines",
       [](const std::string& in) {
         // "strict" or "loose" (a heading or bold line) before the line.
         const bool loose = in.rfind("loose ", 0) == 0;
         std::string_view line = std::string_view(in).substr(in.find(' ') + 1);
         std::string num;
         size_t ts;
         if (!Lex().MatchNumberedLine(line, loose, &num, &ts)) return std::string("-");
         return num + "|" + std::string(line.substr(ts));
       }},
      {"document_types",
       [](const std::string& in) {
         std::string t = Lex().DocumentType(in);
         if (!t.empty()) return t;
         if (Lex().HasLetterWord(in)) return std::string("letter");
         if (Lex().HasReportWord(in)) return std::string("report");
         return std::string("-");
       }},
      {"bodies",
       [](const std::string& in) {
         re2::StringPiece town, word;
         if (RE2::PartialMatch(in, Lex().council(), &town, &word)) {
           auto m = Lex().MunicipalityOf(std::string_view(town.data(), town.size()));
           if (m) return "council|" + *m;
         }
         if (Lex().IsBodyName(in)) return std::string("body");
         return std::string("-");
       }},
      {"municipalities",
       [](const std::string& in) {
         auto m = Lex().MunicipalityOf(in);
         return m ? *m : std::string("-");
       }},
      {"roles", [](const std::string& in) { return Names(in); }},
      {"name_stopwords", [](const std::string& in) { return Names(in); }},
      {"attendance_labels",
       [](const std::string& in) { return FieldName(Lex().MatchLabel(in, true).field); }},
      {"absence_phrases",
       [](const std::string& in) {
         std::vector<std::string> names;
         if (!analyze::AbsenceNote(Lex(), in, &names)) return std::string("-");
         return names.empty() ? std::string("(none)") : Join(names, "; ");
       }},
      {"vote_phrases",
       [](const std::string& in) {
         Doc d(in + "\n");
         std::optional<Votes> v;
         analyze::ReadVotes(*d.ctx, 0, d.doc.blocks[0].end, &v);
         if (!v) return std::string("-");
         std::string out = "for=" + Join(v->for_, ",") + ";against=" + Join(v->against, ",") +
                           ";abstained=" + Join(v->abstained, ",");
         if (v->counts) {
           auto n = [](const std::optional<int>& x) { return x ? std::to_string(*x) : std::string("-"); };
           out += ";counts=" + n(v->counts->for_) + "/" + n(v->counts->against) + "/" + n(v->counts->abstained);
         }
         return out;
       }},
      {"dissent_phrases",
       [](const std::string& in) {
         Doc d(in + "\n");
         std::vector<Dissent> out;
         analyze::ReadDissent(*d.ctx, 0, d.doc.blocks[0].end, &out);
         return out.empty() ? std::string("-") : out[0].who;
       }},
      {"referral_phrases",
       [](const std::string& in) {
         Doc d(in + "\n");
         std::vector<Referral> out;
         analyze::ReadReferrals(*d.ctx, 0, d.doc.blocks[0].end, 2017, &out);
         std::vector<std::string> parts;
         for (const auto& r : out) parts.push_back(r.body + "@" + (r.date ? *r.date : "-"));
         return parts.empty() ? std::string("-") : Join(parts, "; ");
       }},
      {"public_markers",
       [](const std::string& in) {
         size_t prefix = 0;
         auto p = Lex().TitlePublic(in, &prefix);
         if (!p) return std::string("-");
         std::string r = *p ? "open" : "closed";
         // A prefix marker is cut off the title: "closed|the title left".
         if (prefix) r += "|" + in.substr(prefix);
         return r;
       }},
      {"recommendation_phrases",
       [](const std::string& in) {
         // The input is an item's opening text; " / " separates lines.
         std::string text = "Punkt 1.\nTitel\n";
         size_t pos = 0;
         while (true) {
           size_t sep = in.find(" / ", pos);
           text += in.substr(pos, sep == std::string::npos ? sep : sep - pos) + "\n";
           if (sep == std::string::npos) break;
           pos = sep + 3;
         }
         text += "Beslutning:\nGodkendt.\n";
         auto r = testing::StructureOfBytes(text);
         if (!r.ok() || r->agenda_items.empty() || !r->agenda_items[0].recommendation) return std::string("-");
         const auto& rec = *r->agenda_items[0].recommendation;
         return "by=" + (rec.by ? *rec.by : std::string("-")) + ";clauses=" + std::to_string(rec.clauses.size());
       }},
      {"report_labels",
       [](const std::string& in) {
         size_t vs;
         std::string f = Lex().MatchReportLabel(in, &vs);
         return f.empty() ? std::string("-") : f;
       }},
      {"months",
       [](const std::string& in) {
         auto d = analyze::FindDate(Lex(), in, 0, 0);
         return d ? d->iso : std::string("-");
       }},
      {"times",
       [](const std::string& in) {
         auto t = analyze::FindTime(Lex(), in, false);
         if (!t) return std::string("-");
         return t->start_time + (t->end_time ? "-" + *t->end_time : std::string());
       }},
      {"recommendation_clauses",
       [](const std::string& in) {
         // The Indstilling section's lines (" / " separates them): its clauses.
         std::string text = "Punkt 1.\nTitel\nIndstilling\n";
         size_t pos = 0;
         while (true) {
           size_t sep = in.find(" / ", pos);
           text += in.substr(pos, sep == std::string::npos ? sep : sep - pos) + "\n";
           if (sep == std::string::npos) break;
           pos = sep + 3;
         }
         text += "Beslutning:\nGodkendt.\n";
         auto r = testing::StructureOfBytes(text);
         if (!r.ok() || r->agenda_items.empty() || !r->agenda_items[0].recommendation ||
             r->agenda_items[0].recommendation->clauses.empty())
           return std::string("-");
         return Join(r->agenda_items[0].recommendation->clauses, " | ");
       }},
      {"attachments",
       [](const std::string& in) {
         // The Bilag section's lines (" / " separates them): the titles.
         std::string text = "Punkt 1.\nTitel\nBeslutning:\nGodkendt.\nBilag\n";
         size_t pos = 0;
         while (true) {
           size_t sep = in.find(" / ", pos);
           text += in.substr(pos, sep == std::string::npos ? sep : sep - pos) + "\n";
           if (sep == std::string::npos) break;
           pos = sep + 3;
         }
         auto r = testing::StructureOfBytes(text);
         if (!r.ok() || r->agenda_items.empty() || r->agenda_items[0].attachments.empty())
           return std::string("-");
         std::vector<std::string> titles;
         for (const auto& a : r->agenda_items[0].attachments) titles.push_back(a.title);
         return Join(titles, "; ");
       }},
      {"case_labels",
       [](const std::string& in) {
         // A line after the item's title: the item's case number.
         auto r = testing::StructureOfBytes("Punkt 1.\nTitel\n" + in + "\nBeslutning:\nGodkendt.\n");
         if (!r.ok() || r->agenda_items.empty() || !r->agenda_items[0].case_number) return std::string("-");
         return *r->agenda_items[0].case_number;
       }},
      {"report_captions",
       [](const std::string& in) { return std::string(Lex().IsCaption(in) ? "caption" : "-"); }},
      {"decision_choice",
       [](const std::string& in) {
         // An item's lines (" / " between them) in the minutes of a meeting
         // held 12 March 2019: the decision read as this meeting's.
         std::string text = "Referat\nKommunalbestyrelsen\nDato: 12. marts 2019, kl. 17.00\n\nPunkt 1.\nTitel\n";
         size_t pos = 0;
         while (true) {
           size_t sep = in.find(" / ", pos);
           text += in.substr(pos, sep == std::string::npos ? sep : sep - pos) + "\n";
           if (sep == std::string::npos) break;
           pos = sep + 3;
         }
         auto r = testing::StructureOfBytes(text);
         if (!r.ok() || r->agenda_items.size() != 1) return std::string("error");
         const auto& d = r->agenda_items[0].decision;
         return d ? d->text : std::string("-");
       }},
      {"attendance_lists",
       [](const std::string& in) {
         // Header lines (" / " between them) of minutes: who was there.
         std::string text = "Referat\nBeskæftigelsesudvalget\nMødet den 24.10.2017 kl. 12.15\n";
         size_t pos = 0;
         while (true) {
           size_t sep = in.find(" / ", pos);
           text += in.substr(pos, sep == std::string::npos ? sep : sep - pos) + "\n";
           if (sep == std::string::npos) break;
           pos = sep + 3;
         }
         text += "\nPunkt 1.\nTitel\nBeslutning:\nGodkendt.\n";
         auto r = testing::StructureOfBytes(text);
         if (!r.ok()) return std::string("error");
         if (!r->attendance) return std::string("-");
         std::vector<std::string> others;
         for (const auto& o : r->attendance->others) others.push_back(o.name + (o.role ? "|" + *o.role : ""));
         return "present=" + Join(r->attendance->present, ",") + ";absent=" + Join(r->attendance->absent, ",") +
                ";others=" + Join(others, ",");
       }},
      {"item_titles",
       [](const std::string& in) {
         // The line under "Punkt 1.": the item's title, or - (none).
         auto r = testing::StructureOfBytes("Punkt 1.\n" + in + "\nBeslutning:\nGodkendt.\n");
         if (!r.ok() || r->agenda_items.size() != 1) return std::string("error");
         return r->agenda_items[0].title.empty() ? std::string("-") : r->agenda_items[0].title;
       }},
      {"meeting_end",
       [](const std::string& in) {
         // The line after the last item's decision: the meeting's end time,
         // and the item (and its decision) must end before it.
         auto r = testing::StructureOfBytes(
             "Referat\nBeskæftigelsesudvalget\nMødet den 24.10.2017 kl. 12.15\n\nPunkt 1.\nTitel\n"
             "Beslutning:\nGodkendt.\n" + in + "\n");
         if (!r.ok() || !r->meeting || r->agenda_items.size() != 1) return std::string("error");
         const auto& d = r->agenda_items[0].decision;
         const bool cut = d && d->text == "Godkendt.";
         if (!r->meeting->end_time) return std::string(cut ? "cut without time" : "-");
         return cut ? *r->meeting->end_time : std::string("not cut");
       }},
      {"case_numbers",
       [](const std::string& in) {
         size_t len = 0;
         size_t p = Lex().FindCaseNumber(in, &len);
         return p == std::string_view::npos ? std::string("-") : in.substr(p, len);
       }},
  };
  return *m;
}

std::filesystem::path ExamplesDir() { return testing::SourceDir() / "tests/analyze/examples"; }

TEST(RuleExamples, EveryFileHasACheckerAndBothKinds) {
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(ExamplesDir())) {
    if (e.path().extension() != ".tsv") continue;
    ++files;
    std::string name = e.path().stem().string();
    EXPECT_TRUE(Checkers().count(name)) << "no checker for " << name;
    auto ex = Load(e.path());
    int pos = 0, neg = 0;
    for (const auto& x : ex) (x.expected == "-" || x.expected == "other" ? neg : pos)++;
    EXPECT_GT(pos, 0) << name << " needs positive examples";
    EXPECT_GT(neg, 0) << name << " needs negative examples";
  }
  EXPECT_GE(files, 15);
}

TEST(RuleExamples, EveryRuleFileOfTheAnalyzerHasExamples) {
  for (const char* rule : {"section_headings", "decision_phrases", "item_markers", "document_types",
                           "bodies", "roles", "attendance_labels", "absence_phrases", "vote_phrases",
                           "dissent_phrases", "referral_phrases", "name_stopwords", "public_markers",
                           "recommendation_phrases", "report_labels", "months", "municipalities"}) {
    EXPECT_TRUE(std::filesystem::exists(ExamplesDir() / (std::string(rule) + ".tsv"))) << rule;
    EXPECT_FALSE(Rules().Lines(rule).empty()) << rule;
  }
}

class ExampleFile : public ::testing::TestWithParam<std::string> {};

TEST_P(ExampleFile, AllExamplesHold) {
  const std::string name = GetParam();
  auto it = Checkers().find(name);
  ASSERT_NE(it, Checkers().end());
  for (const auto& x : Load(ExamplesDir() / (name + ".tsv")))
    EXPECT_EQ(it->second(x.input), x.expected) << name << ".tsv:" << x.line << ": " << x.input;
}

std::vector<std::string> ExampleNames() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(ExamplesDir()))
    if (e.path().extension() == ".tsv") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Rules, ExampleFile, ::testing::ValuesIn(ExampleNames()),
                         [](const ::testing::TestParamInfo<std::string>& i) { return i.param; });

// Warnings the contract promises: unknown wording is "other" plus a warning,
// never a guess.
TEST(Decisions, UnknownWordingWarns) {
  auto r = testing::StructureOfBytes(
      "Punkt 1.\nTitel\nBeslutning:\nLokalitet for dialogmødet er ændret fra caféen til Portalen.\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->agenda_items.size(), 1u);
  ASSERT_TRUE(r->agenda_items[0].decision);
  EXPECT_EQ(Name(r->agenda_items[0].decision->category), "other");
  bool warned = false;
  for (const auto& w : r->warnings) warned = warned || w.code == "unknown_decision_phrase";
  EXPECT_TRUE(warned);
}

TEST(Decisions, LexiconIsCompiledOncePerRulebook) {
  EXPECT_EQ(&Lexicon::For(Rules()), &Lexicon::For(Rules()));
  Rulebook other = Rulebook::FromTexts({{"decision_phrases", "approved\tja\n"}});
  const Lexicon& a = Lexicon::For(other);
  EXPECT_EQ(&a, &Lexicon::For(other));
  EXPECT_NE(&a, &Lexicon::For(Rules()));
  EXPECT_EQ(a.ClassifyDecision("Ja.").category, "approved");
  EXPECT_EQ(Lex().ClassifyDecision("Ja.").category, "other");
}

}  // namespace
}  // namespace referat
