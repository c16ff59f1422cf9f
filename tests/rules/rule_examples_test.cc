// The generic runner of the rule examples. Every extract/rules/NAME.txt has
// extract/rules/NAME.examples.tsv beside it (the analyzers' end-to-end
// examples that belong to no single rule file are in tests/analyze/examples/).
// The first line of an examples file names its checker: "# check: KIND".
// Then one example per line, TAB-separated:
//
//   +<TAB>input<TAB>expected    the checker gives `expected` for `input`
//   -<TAB>input                 the checker finds nothing in `input`
//   x+ / x-                     the same, known to fail today: the runner
//                               fails when one passes (drop the "x")
//
// For the kind `wordlist` a positive line is "+<TAB>word" (the word or
// phrase is in the class: lang::WordList of NAME.txt) and may carry a tag
// ("+<TAB>word<TAB>tag": the rows of NAME.txt tagged so). For the kind
// `stem` (stem_exceptions.txt) a positive is "+<TAB>word<TAB>stem" (the
// store's tokenizer indexes the word as stem) and a negative "-<TAB>word"
// (no row rewrites the word). Every file needs
// at least one positive and one negative example; a rule file without an
// examples file fails. The kinds are listed in extract/rules/README.md.
#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
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
#include "figures/figures.h"
#include "store/danish_tokenizer.h"
#include "lang/text.h"
#include "lang/wordlist.h"

namespace referat {
namespace {

using analyze::Lexicon;

// An example's input with " / " between its lines, as lines (each ended by
// a newline): the examples files hold one example per line.
std::string ExampleLines(std::string_view in) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t sep = in.find(" / ", pos);
    out.append(in.substr(pos, sep == std::string_view::npos ? in.size() - pos : sep - pos));
    out += '\n';
    if (sep == std::string_view::npos) return out;
    pos = sep + 3;
  }
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
    case analyze::Field::kBody: return "body";
    case analyze::Field::kIgnore: return "ignore";
  }
  return "?";
}

std::string Names(const std::string& in) {
  std::string out;
  for (const auto& pn : analyze::ParseNames(Lex(), ExampleLines(in))) {
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
const std::map<std::string, std::function<std::string(const std::string&)>>& AnalyzeKinds() {
  static const auto* m = new std::map<std::string, std::function<std::string(const std::string&)>>{
      {"decision_category",
       [](const std::string& in) {
         bool mixed = false;
         std::string c = analyze::CategorizeDecision(Lex(), in, &mixed);
         return mixed ? std::string("mixed") : c;
       }},
      {"heading",
       [](const std::string& in) {
         analyze::HeadingHit h = Lex().headings().MatchHeading(in);
         std::string r = RoleName(h.role);
         if (h.role != analyze::Role::kNone && h.text_start < in.size()) r += "|" + in.substr(h.text_start);
         return r;
       }},
      {"item_marker",
       [](const std::string& in) {
         std::string num;
         size_t ts;
         if (!Lex().items().MatchItemMarker(in, &num, &ts)) return std::string("-");
         return num + "|" + std::string(analyze::Trim(std::string_view(in).substr(ts)));
       }},
      {"numbered_line",
       [](const std::string& in) {
         // "strict" or "loose" (a heading or bold line) before the line.
         const bool loose = in.rfind("loose ", 0) == 0;
         std::string_view line = std::string_view(in).substr(in.find(' ') + 1);
         std::string num;
         size_t ts;
         if (!Lex().items().MatchNumberedLine(line, loose, &num, &ts)) return std::string("-");
         return num + "|" + std::string(line.substr(ts));
       }},
      {"document_type",
       [](const std::string& in) {
         std::string t = Lex().header().DocumentType(in);
         if (!t.empty()) return t;
         if (Lex().header().HasLetterWord(in)) return std::string("letter");
         if (Lex().header().HasReportWord(in)) return std::string("report");
         return std::string("-");
       }},
      {"body",
       [](const std::string& in) {
         re2::StringPiece town, word;
         if (RE2::PartialMatch(in, Lex().header().council(), &town, &word)) {
           auto m = Lex().header().MunicipalityOf(std::string_view(town.data(), town.size()));
           if (m) return "council|" + *m;
         }
         if (Lex().header().IsBodyName(in)) {
           // A council only one municipality has: "body|council|municipality".
           if (auto only = Lex().header().OnlyCouncilOf(in)) return "body|" + only->first + "|" + only->second;
           return std::string("body");
         }
         return std::string("-");
       }},
      {"municipality",
       [](const std::string& in) {
         auto m = Lex().header().MunicipalityOf(in);
         return m ? *m : std::string("-");
       }},
      {"names", [](const std::string& in) { return Names(in); }},
      {"attendance_label",
       [](const std::string& in) { return FieldName(Lex().attendance().MatchLabel(in, true).field); }},
      {"absence_note",
       [](const std::string& in) {
         std::vector<std::string> names;
         if (!analyze::AbsenceNote(Lex(), in, &names)) return std::string("-");
         return names.empty() ? std::string("(none)") : Join(names, "; ");
       }},
      {"substitute",
       [](const std::string& in) {
         std::vector<std::string> names;
         if (!analyze::SubstituteNote(Lex(), in, &names)) return std::string("-");
         return Join(names, "; ");
       }},
      {"votes",
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
      {"dissent",
       [](const std::string& in) {
         Doc d(in + "\n");
         std::vector<Dissent> out;
         analyze::ReadDissent(*d.ctx, 0, d.doc.blocks[0].end, &out);
         return out.empty() ? std::string("-") : out[0].who;
       }},
      {"referrals",
       [](const std::string& in) {
         Doc d(in + "\n");
         std::vector<Referral> out;
         analyze::ReadReferrals(*d.ctx, 0, d.doc.blocks[0].end, 2017, &out);
         std::vector<std::string> parts;
         for (const auto& r : out) parts.push_back(r.body + "@" + (r.date ? *r.date : "-"));
         return parts.empty() ? std::string("-") : Join(parts, "; ");
       }},
      {"public_marker",
       [](const std::string& in) {
         size_t prefix = 0, suffix = 0;
         auto p = Lex().items().TitlePublic(in, &prefix, &suffix);
         if (!p) return std::string("-");
         std::string r = *p ? "open" : "closed";
         // A prefix or suffix marker is cut off the title: "closed|the title left".
         if (prefix || suffix) r += "|" + in.substr(prefix, in.size() - prefix - suffix);
         return r;
       }},
      {"recommendation",
       [](const std::string& in) {
         // The input is an item's opening text; " / " separates lines.
         std::string text = "Punkt 1.\nTitel\n";
         text += ExampleLines(in);
         text += "Beslutning:\nGodkendt.\n";
         auto r = testing::StructureOfBytes(text);
         if (!r.ok() || r->agenda_items.empty() || !r->agenda_items[0].recommendation) return std::string("-");
         const auto& rec = *r->agenda_items[0].recommendation;
         return "by=" + (rec.by ? *rec.by : std::string("-")) + ";clauses=" + std::to_string(rec.clauses.size());
       }},
      {"report_label",
       [](const std::string& in) {
         size_t vs;
         std::string f = Lex().header().MatchReportLabel(in, &vs);
         // A sentence naming the plan's period: "period_phrase:2021-2024".
         int a, b;
         if (f.empty() && Lex().header().PeriodInSentence(in, &a, &b))
           return a ? "period_phrase:" + std::to_string(a) + "-" + std::to_string(b)
                    : "period_until:" + std::to_string(b);
         return f.empty() ? std::string("-") : f;
       }},
      {"date",
       [](const std::string& in) {
         // "@1998 text": the text of a document of 1998.
         int year = 0;
         std::string text = in;
         if (in.size() > 6 && in[0] == '@' && in[5] == ' ') {
           year = std::stoi(in.substr(1, 4));
           text = in.substr(6);
         }
         auto d = analyze::FindDate(Lex(), text, 0, year);
         return d ? d->iso : std::string("-");
       }},
      {"time",
       [](const std::string& in) {
         auto t = analyze::FindTime(Lex(), in, false);
         if (!t) return std::string("-");
         return t->start_time + (t->end_time ? "-" + *t->end_time : std::string());
       }},
      {"recommendation_clauses",
       [](const std::string& in) {
         // The Indstilling section's lines (" / " separates them): its clauses.
         std::string text = "Punkt 1.\nTitel\nIndstilling\n";
         text += ExampleLines(in);
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
         text += ExampleLines(in);
         auto r = testing::StructureOfBytes(text);
         if (!r.ok() || r->agenda_items.empty() || r->agenda_items[0].attachments.empty())
           return std::string("-");
         std::vector<std::string> titles;
         for (const auto& a : r->agenda_items[0].attachments) titles.push_back(a.title);
         return Join(titles, "; ");
       }},
      {"case_label",
       [](const std::string& in) {
         // A line after the item's title: the item's case number.
         auto r = testing::StructureOfBytes("Punkt 1.\nTitel\n" + in + "\nBeslutning:\nGodkendt.\n");
         if (!r.ok() || r->agenda_items.empty() || !r->agenda_items[0].case_number) return std::string("-");
         return *r->agenda_items[0].case_number;
       }},
      {"caption",
       [](const std::string& in) { return std::string(Lex().header().IsCaption(in) ? "caption" : "-"); }},
      {"decision_choice",
       [](const std::string& in) {
         // An item's lines (" / " between them) in the minutes of a meeting
         // held 12 March 2019: the decision read as this meeting's.
         std::string text = "Referat\nKommunalbestyrelsen\nDato: 12. marts 2019, kl. 17.00\n\nPunkt 1.\nTitel\n";
         text += ExampleLines(in);
         auto r = testing::StructureOfBytes(text);
         if (!r.ok() || r->agenda_items.size() != 1) return std::string("error");
         const auto& d = r->agenda_items[0].decision;
         return d ? d->text : std::string("-");
       }},
      {"attendance",
       [](const std::string& in) {
         // Header lines (" / " between them) of minutes: who was there.
         std::string text = "Referat\nBeskæftigelsesudvalget\nMødet den 24.10.2017 kl. 12.15\n";
         text += ExampleLines(in);
         text += "\nPunkt 1.\nTitel\nBeslutning:\nGodkendt.\n";
         auto r = testing::StructureOfBytes(text);
         if (!r.ok()) return std::string("error");
         if (!r->attendance) return std::string("-");
         std::vector<std::string> others;
         for (const auto& o : r->attendance->others) others.push_back(o.name + (o.role ? "|" + *o.role : ""));
         return "present=" + Join(r->attendance->present, ",") + ";absent=" + Join(r->attendance->absent, ",") +
                ";others=" + Join(others, ",");
       }},
      {"item_title",
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
      {"case_number",
       [](const std::string& in) {
         size_t len = 0;
         size_t p = Lex().items().FindCaseNumber(in, &len);
         return p == std::string_view::npos ? std::string("-") : in.substr(p, len);
       }},
  };
  return *m;
}

// A text read as a plain document, run through the figures pass.
Record FiguresRecord(std::string in) {
  // "@2017-10-24 text": the text of minutes of that day.
  Record rec;
  if (in.size() > 12 && in[0] == '@' && in[11] == ' ') {
    rec.meeting = Meeting{};
    rec.meeting->date = in.substr(1, 10);
    in = in.substr(12);
  }
  std::string text;
  // " / " separates lines, as in the analyzers' examples.
  text += ExampleLines(in);
  auto doc = ReadText(text, false, ExtractOptions{});
  if (!doc.ok()) return rec;
  Segmentation seg = Segment(*doc);
  ExtractFigures(*doc, seg, Rules(), &rec);
  return rec;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

// Every figure as type:text[=value or min..max][ unit][@date], "; " between.
std::string FiguresOf(const std::string& in) {
  std::vector<std::string> parts;
  for (const auto& f : FiguresRecord(in).figures) {
    std::string s = f.type + ":" + f.text;
    if (f.value) s += "=" + Num(*f.value);
    if (f.min && f.max) s += "=" + Num(*f.min) + ".." + Num(*f.max);
    if (f.unit) s += " " + *f.unit;
    if (f.date) s += "@" + *f.date + (f.date_end ? ".." + *f.date_end : std::string());
    parts.push_back(s);
  }
  return parts.empty() ? std::string("-") : Join(parts, "; ");
}

// Every target as direction:value unit[@deadline] ("?" for none), " | " between.
std::string TargetsOf(const std::string& in) {
  std::vector<std::string> parts;
  for (const auto& t : FiguresRecord(in).targets) {
    std::string s = (t.direction ? *t.direction : "?") + ":" + (t.value ? Num(*t.value) : "?");
    if (t.unit) s += " " + *t.unit;
    if (t.deadline) s += "@" + *t.deadline;
    parts.push_back(s);
  }
  return parts.empty() ? std::string("-") : Join(parts, " | ");
}

// The sentences of a one-line text, " | " between.
std::string SentencesOf(const std::string& in) {
  auto doc = ReadText(in + "\n", false, ExtractOptions{});
  if (!doc.ok()) return "error";
  Segmentation seg = Segment(*doc);
  std::vector<std::string> parts;
  for (const auto& s : seg.sentences) parts.push_back(doc->text.substr(s.start, s.end - s.start));
  return Join(parts, " | ");
}

// ---------------------------------------------------------------- the runner

struct Example {
  bool positive = true;
  bool xfail = false;
  std::string input, expected;  // expected: for wordlist, the tag
  int line = 0;
};

struct ExamplesFile {
  std::string kind;
  std::vector<Example> examples;
  std::vector<std::string> errors;  // malformed lines
};

ExamplesFile Parse(std::istream& in) {
  ExamplesFile f;
  std::string line;
  int n = 0;
  bool first = true;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    if (first) {
      first = false;
      const std::string key = "# check: ";
      if (line.rfind(key, 0) != 0) {
        f.errors.push_back("line 1 must be '# check: KIND'");
      } else {
        f.kind = std::string(analyze::Trim(std::string_view(line).substr(key.size())));
      }
      continue;
    }
    if (line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      f.errors.push_back("line " + std::to_string(n) + ": no TAB");
      continue;
    }
    std::string mark = line.substr(0, tab);
    Example ex;
    ex.line = n;
    ex.xfail = !mark.empty() && mark[0] == 'x';
    if (ex.xfail) mark.erase(0, 1);
    if (mark != "+" && mark != "-") {
      f.errors.push_back("line " + std::to_string(n) + ": mark must be +, -, x+ or x-");
      continue;
    }
    ex.positive = mark == "+";
    size_t from = tab;
    while (from < line.size() && line[from] == '\t') ++from;
    std::string rest = line.substr(from);
    if (ex.positive && f.kind != "wordlist") {
      // The expected value is after the last TAB (inputs may hold TABs:
      // table rows); a run of TABs separates the columns.
      size_t last = rest.rfind('\t');
      if (last == std::string::npos) {
        f.errors.push_back("line " + std::to_string(n) + ": a positive example needs input<TAB>expected");
        continue;
      }
      size_t end = last;
      while (end > 0 && rest[end - 1] == '\t') --end;
      ex.input = rest.substr(0, end);
      ex.expected = rest.substr(last + 1);
    } else if (f.kind == "wordlist") {
      size_t t = rest.find('\t');
      ex.input = rest.substr(0, t);
      if (t != std::string::npos) ex.expected = std::string(analyze::Trim(rest.substr(t + 1)));
    } else {
      ex.input = rest;
    }
    f.examples.push_back(std::move(ex));
  }
  if (first) f.errors.push_back("empty file");
  return f;
}

// The rule file an examples file belongs to: "x.examples.tsv" -> "x".
std::string RuleName(const std::filesystem::path& p) {
  std::string s = p.filename().string();
  const std::string suffix = ".examples.tsv";
  if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0)
    return s.substr(0, s.size() - suffix.size());
  return p.stem().string();
}

// What the kind answers for an input; "none" is its answer for nothing found.
std::string Answer(const std::string& kind, const std::string& rule, const Example& ex) {
  if (kind == "wordlist") return lang::WordList(Rules(), rule, ex.expected).Contains(ex.input) ? "+" : "-";
  if (kind == "stem") {
    // The stem the store's tokenizer indexes the word under; a negative
    // asserts that no row rewrites the word (the stemmer alone decides).
    const std::string folded = lang::FoldCase(ex.input);
    const std::string with = store::StemWord(folded, true);
    if (!ex.positive) return with == store::StemWord(folded, false) ? "-" : with;
    return with;
  }
  if (kind == "figures") return FiguresOf(ex.input);
  if (kind == "targets") return TargetsOf(ex.input);
  if (kind == "sentences") {
    // A negative asserts a split: some dot in it ends a sentence.
    std::string s = SentencesOf(ex.input);
    return !ex.positive && s.find(" | ") != std::string::npos ? "-" : s;
  }
  auto it = AnalyzeKinds().find(kind);
  return it == AnalyzeKinds().end() ? "?" : it->second(ex.input);
}

bool KnownKind(const std::string& kind) {
  return kind == "wordlist" || kind == "stem" || kind == "figures" || kind == "targets" || kind == "sentences" ||
         AnalyzeKinds().count(kind);
}

std::string NoneOf(const std::string& kind) {
  if (kind == "decision_category") return "other";
  return "-";
}

// Every failure of one examples file, as messages; empty when it holds.
std::vector<std::string> Check(const ExamplesFile& f, const std::string& rule) {
  std::vector<std::string> out = f.errors;
  if (!KnownKind(f.kind)) {
    out.push_back("unknown check kind '" + f.kind + "'");
    return out;
  }
  int pos = 0, neg = 0;
  for (const auto& ex : f.examples) {
    (ex.positive ? pos : neg)++;
    const std::string want = !ex.positive ? NoneOf(f.kind) : f.kind == "wordlist" ? "+" : ex.expected;
    const std::string got = Answer(f.kind, rule, ex);
    const bool pass = got == want;
    const std::string where = "line " + std::to_string(ex.line) + ": " + ex.input;
    if (ex.xfail && pass) out.push_back(where + ": marked x (known to fail) but passes: drop the x");
    if (!ex.xfail && !pass) out.push_back(where + "\n    expected: " + want + "\n    actual:   " + got);
  }
  if (pos == 0) out.push_back("no positive example");
  if (neg == 0) out.push_back("no negative example");
  return out;
}

std::filesystem::path RulesDir() { return testing::SourceDir() / "extract/rules"; }

std::vector<std::filesystem::path> ExampleFiles() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(RulesDir()))
    if (e.path().filename().string() != RuleName(e.path()) + ".txt" && e.path().extension() == ".tsv")
      out.push_back(e.path());
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() / "tests/analyze/examples"))
    if (e.path().extension() == ".tsv") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(RuleFiles, EveryRuleFileHasExamplesBesideIt) {
  int rules = 0;
  for (const auto& e : std::filesystem::directory_iterator(RulesDir())) {
    if (e.path().extension() != ".txt" || e.path().filename() == "CMakeLists.txt") continue;
    ++rules;
    const std::string name = e.path().stem().string();
    EXPECT_TRUE(std::filesystem::exists(RulesDir() / (name + ".examples.tsv")))
        << "extract/rules/" << name << ".txt has no " << name << ".examples.tsv beside it";
    EXPECT_FALSE(Rules().Lines(name).empty()) << name << " is not embedded or empty";
  }
  EXPECT_GT(rules, 0) << "no rule files found in " << RulesDir();
}

// Scanners key a word by folding it a code point at a time
// (lang::AppendFolded), the rule tables by folding the whole word
// (lang::FoldCase): the two agree on every word of every rule file.
TEST(RuleFiles, EveryWordFoldsTheSameWholeOrByCodePoint) {
  int words = 0;
  for (const auto& name : Rules().Names())
    for (const auto& row : Rules().Table(name))
      for (const auto& field : row) {
        std::string by_cp;
        for (size_t i = 0; i < field.size();) {
          UChar32 c;
          int32_t j = static_cast<int32_t>(i);
          U8_NEXT(reinterpret_cast<const uint8_t*>(field.data()), j,
                  static_cast<int32_t>(field.size()), c);
          lang::AppendFolded(c, &by_cp);
          i = static_cast<size_t>(j);
        }
        ++words;
        EXPECT_EQ(by_cp, lang::FoldCase(field)) << name << ": " << field;
      }
  EXPECT_GT(words, 2000);
}

TEST(RuleFiles, EveryExamplesFileHasItsRuleFile) {
  for (const auto& e : std::filesystem::directory_iterator(RulesDir())) {
    if (e.path().extension() != ".tsv") continue;
    EXPECT_TRUE(std::filesystem::exists(RulesDir() / (RuleName(e.path()) + ".txt")))
        << e.path().filename() << " belongs to no rule file";
  }
}

// The runner must be able to fail: a file without negatives, an unknown
// kind, a wrong answer and an xpass are each reported.
TEST(RuleFiles, RunnerFailsOnMissingExamplesWrongAnswersAndXpass) {
  auto check = [](const std::string& text, const std::string& rule) {
    std::istringstream in(text);
    return Check(Parse(in), rule);
  };
  EXPECT_TRUE(check("# check: wordlist\n+\tmandag\n-\tmåned\n", "weekdays").empty());
  EXPECT_FALSE(check("# check: wordlist\n+\tmandag\n", "weekdays").empty());
  EXPECT_FALSE(check("# check: wordlist\n-\tmåned\n", "weekdays").empty());
  EXPECT_FALSE(check("# check: wordlist\n+\tmåned\n-\tmandag\n", "weekdays").empty());
  EXPECT_FALSE(check("# check: wordlist\n+\tmandag\n-\tmåned\nx-\tfoo\n", "weekdays").empty());
  EXPECT_TRUE(check("# check: wordlist\n+\tmandag\n-\tmåned\nx+\tfoo\n", "weekdays").empty());
  EXPECT_FALSE(check("# check: no_such_kind\n+\ta\tb\n-\tc\n", "weekdays").empty());
  EXPECT_FALSE(check("+\tmandag\n-\tmåned\n", "weekdays").empty());
  EXPECT_FALSE(check("# check: decision_category\n+\tGodkendt.\trejected\n-\tHej.\n", "x").empty());
}

class ExamplesOf : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(ExamplesOf, AllHold) {
  std::ifstream in(GetParam());
  ASSERT_TRUE(in) << GetParam();
  for (const auto& msg : Check(Parse(in), RuleName(GetParam())))
    ADD_FAILURE() << GetParam().filename().string() << ": " << msg;
}

INSTANTIATE_TEST_SUITE_P(Rules, ExamplesOf, ::testing::ValuesIn(ExampleFiles()),
                         [](const ::testing::TestParamInfo<std::filesystem::path>& i) {
                           std::string n = RuleName(i.param);
                           if (i.param.parent_path().filename() == "examples") n = "analyze_" + n;
                           return n;
                         });

TEST(RuleFiles, ExamplesAreFound) { EXPECT_GE(ExampleFiles().size(), 30u); }

}  // namespace
}  // namespace referat
