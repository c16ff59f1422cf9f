// The lexicon's matchers match their phrase lists in code
// (analyze/phrases.h). The reference is the same lists compiled as RE2
// alternations (Re2Lexicon, lexicon_oracle.h); this test asks both every
// question over every block and sentence of the corpus documents and over
// every rule phrase in many settings (case, spacing, colons, tabs, text
// around it), and requires the same answer each time.
#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/lexicon.h"
#include "analyze/lexicon_oracle.h"
#include "analyze/phrases.h"
#include "analyze/text_util.h"
#include "analyze_test_util.h"

namespace referat {
namespace {

using analyze::Lexicon;
using analyze::Role;

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

std::string AsciiUpper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string Replace(std::string s, std::string_view from, std::string_view to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

// The inputs: texts from the corpus documents and the rule phrases.
class Inputs {
 public:
  void Add(std::string s) {
    if (s.size() <= 2000) set_.insert(std::move(s));
  }

  // A text and variants of it that reach other branches of the matchers.
  void AddText(std::string_view t) {
    std::string s(t);
    Add(s);
    if (s.size() > 400) return;
    Add(s + ":");
    Add(s + " :");
    Add(AsciiUpper(s));
    size_t nl = s.find('\n');
    if (nl != std::string::npos) Add(s.substr(0, nl));
    size_t sp = s.find(' ');
    if (sp != std::string::npos) {
      Add(s.substr(0, sp) + "\t" + s.substr(sp + 1));
      Add(s.substr(0, sp) + "  " + s.substr(sp + 1));
      Add(s.substr(0, sp) + "\n" + s.substr(sp + 1));
    }
    // Every prefix ending at a word (the first six words), and the rest
    // after each colon.
    int words = 0;
    for (size_t p = s.find(' '); p != std::string::npos && words < 6;
         p = s.find(' ', p + 1), ++words)
      Add(s.substr(0, p));
    for (size_t p = s.find(':'); p != std::string::npos; p = s.find(':', p + 1))
      Add(std::string(analyze::Trim(std::string_view(s).substr(p + 1))));
  }

  // The phrase `q` in the settings the patterns look for it in (`all`), or
  // in the common ones.
  void AddSettings(const std::string& q, bool all) {
    Add(q);
    Add(q + ":");
    Add(q + ": Tekst her");
    Add(q + "\tTekst her");
    Add(q + "   : Tekst");
    Add(q + " 5. Budget 2024");
    Add(q + ".");
    Add("Udvalget " + q + " med 5 stemmer.");
    Add("A, B og C " + q + ".");
    Add(q + " (PUK)");
    Add("Social- og Sundheds" + q);
    if (!all) return;
    Add(q + ": .");
    Add(q + ":\n");
    Add(q + " .");
    Add(q + ":\tTekst");
    Add(q + "  \t 17.30");
    Add(q + " :  Mette Frederiksen");
    Add(q + "\u212A");
    Add(q + " Mette Frederiksen (A)");
    Add(q + " mette");
    Add(q + " nr. 12 - Eventuelt");
    Add(q + " 3.1) Tema");
    Add(q + "s");
    Add(q + "7");
    Add(q + " ikke godkendt.");
    Add(q + ": 2017-047330");
    Add(q + "\nmere");
    Add("x" + q);
    Add(" " + q);
    Add("1. " + q);
    Add("Ad 2: " + q);
    Add("(" + q + ")");
    Add("Økonomiudvalget, " + q + " at budgettet godkendes");
    Add(q + "  (Økonomi)");
    Add(q + " (en meget lang forkortelse)");
    Add("Plan og Miljø og Teknik " + q);
    Add("Plan Miljø Teknik og Kultur " + q);
    Add("Plan Miljø Teknik Kultur Fritid " + q);
    Add(q + " for plan, udvikling og kultur (PUK)");
    Add(q + " for plan. Udvikling");
    Add(q + " plan og kultur (udv. PUK)");
    Add(q + " plan og kultur  (udv.)");
    Add(q + " x (y.)");
    Add("Mette Frederiksen " + q + " i sagen.");
  }

  // A rule phrase in the settings the patterns look for it in.
  void AddPhrase(const std::string& p0) {
    for (const std::string& p :
         {p0, Replace(p0, kEllipsis, "om budgettet"), Replace(p0, kEllipsis, "vedr. pkt. 3"),
          Replace(p0, kEllipsis, "kl. 17.30"),
          Replace(p0, std::string(" ") + std::string(kEllipsis), ""), Replace(p0, "*", "ikke"),
          Replace(p0, "*", "stort set")}) {
      // Every setting with the phrase as written; the common ones also in
      // upper case, with other spaces between its words, and with the
      // letters RE2's (?i) folds into ASCII ones (KELVIN SIGN for k, LONG S
      // for s, ANGSTROM SIGN for å).
      AddSettings(p, true);
      for (const std::string& q :
           {AsciiUpper(p), Replace(p, " ", "  "), Replace(p, " ", "\n"), Replace(p, " ", "\t"),
            Replace(Replace(Replace(p, "k", "\u212A"), "s", "\u017F"), "\u00E5", "\u212B")})
        AddSettings(q, false);
    }
  }

  const std::set<std::string>& all() const { return set_; }

 private:
  std::set<std::string> set_;
};

void AddDocuments(Inputs* in) {
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"corpus/seeds", "corpus/formats"})
    for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() / dir))
      if (e.path().extension() != ".json") files.push_back(e.path());
  const auto real = testing::SharedDir() / "corpus/real";
  if (std::filesystem::exists(real))
    for (const auto& e : std::filesystem::directory_iterator(real))
      if (e.is_regular_file()) files.push_back(e.path());
  for (const auto& f : files) {
    auto doc = testing::ReadAny(testing::ReadFile(f));
    if (!doc.ok()) continue;
    for (const auto& b : doc->blocks) in->AddText(doc->BlockText(b));
    Segmentation seg = Segment(*doc);
    for (const auto& s : seg.sentences)
      in->AddText(std::string_view(doc->text).substr(s.start, s.end - s.start));
  }
}

void AddRules(Inputs* in) {
  const Rulebook& rules = Rules();
  for (const char* name : {"section_headings", "attendance_labels", "document_types",
                           "report_labels", "decision_phrases", "absence_phrases", "vote_phrases",
                           "dissent_phrases", "referral_phrases", "recommendation_phrases", "roles",
                           "item_markers", "item_markers_dashed", "report_captions", "bodies"})
    for (const auto& row : rules.Table(name))
      for (size_t k = 0; k < row.size(); ++k)
        if (k > 0 || row.size() == 1) in->AddPhrase(row[k]);
}

// The library's matchers, asked the oracle's questions.
class CodeLexicon {
 public:
  explicit CodeLexicon(const Lexicon& lex) : l_(lex) {}
  analyze::HeadingHit MatchHeading(std::string_view s) const { return l_.headings().MatchHeading(s); }
  bool IsRoleLine(std::string_view s, Role r) const { return l_.headings().IsRoleLine(s, r); }
  bool MatchItemMarker(std::string_view s, std::string* n, size_t* t) const {
    return l_.items().MatchItemMarker(s, n, t);
  }
  analyze::DecisionClass ClassifyDecision(std::string_view s) const {
    return l_.decisions().ClassifyDecision(s);
  }
  bool IsDecisionSubject(std::string_view s) const { return l_.decisions().IsDecisionSubject(s); }
  bool MatchAbsence(std::string_view s, size_t* a, size_t* b) const {
    return l_.attendance().MatchAbsence(s, a, b);
  }
  size_t FindDissent(std::string_view s, size_t* len) const { return l_.decisions().FindDissent(s, len); }
  size_t FindRecommendationVerb(std::string_view s, size_t* len) const {
    return l_.decisions().FindRecommendationVerb(s, len);
  }
  bool HasVote(std::string_view s) const { return l_.decisions().HasVote(s); }
  size_t FindReferralTrigger(std::string_view s) const { return l_.decisions().FindReferralTrigger(s); }
  analyze::LabelHit MatchLabel(std::string_view s, bool space) const {
    return l_.attendance().MatchLabel(s, space);
  }
  std::string MatchReportLabel(std::string_view s, size_t* v) const {
    return l_.header().MatchReportLabel(s, v);
  }
  std::string DocumentType(std::string_view s) const { return l_.header().DocumentType(s); }
  bool HasReportWord(std::string_view s) const { return l_.header().HasReportWord(s); }
  bool HasLetterWord(std::string_view s) const { return l_.header().HasLetterWord(s); }
  bool IsCaption(std::string_view s) const { return l_.header().IsCaption(s); }
  bool IsBodyName(std::string_view s) const { return l_.header().IsBodyName(s); }
  size_t LeadinLength(std::string_view s) const { return l_.attendance().LeadinLength(s); }
  bool FindCouncil(std::string_view s, re2::StringPiece* t, re2::StringPiece* w) const {
    return l_.header().FindCouncil(s, t, w);
  }
  bool IsCouncilAlone(std::string_view s, re2::StringPiece* t) const {
    return l_.header().IsCouncilAlone(s, t);
  }
  const RE2& municipality_phrase() const { return l_.header().municipality_phrase(); }
  bool MayHaveMunicipalityPhrase(std::string_view s) const {
    return l_.header().MayHaveMunicipalityPhrase(s);
  }

 private:
  const Lexicon& l_;
};

template <typename L>
std::string Describe(const L& lex, const std::string& s) {
  std::ostringstream o;
  analyze::HeadingHit h = lex.MatchHeading(s);
  o << "heading " << static_cast<int>(h.role) << " " << h.heading_end << " " << h.text_start << " "
    << h.wildcard << "\n";
  for (Role r : {Role::kDecision, Role::kRecommendation, Role::kAttachments, Role::kCase,
                 Role::kSection, Role::kToc, Role::kOpen, Role::kClosed, Role::kEnd})
    o << lex.IsRoleLine(s, r);
  o << "\n";
  std::string number;
  size_t title = 0;
  bool marker = lex.MatchItemMarker(s, &number, &title);
  o << "marker " << marker << " " << (marker ? number : "") << " " << (marker ? title : 0) << "\n";
  analyze::DecisionClass d = lex.ClassifyDecision(s);
  o << "decision " << d.category << " " << d.phrase_end << " subject " << lex.IsDecisionSubject(s)
    << "\n";
  size_t a = 0, b = 0;
  bool absent = lex.MatchAbsence(s, &a, &b);
  o << "absence " << absent << " " << (absent ? a : 0) << " " << (absent ? b : 0) << "\n";
  size_t len = 0;
  size_t dissent = lex.FindDissent(s, &len);
  o << "dissent " << dissent << " " << (dissent == std::string::npos ? 0 : len) << "\n";
  size_t verb = lex.FindRecommendationVerb(s, &len);
  o << "vote " << lex.HasVote(s) << " referral " << lex.FindReferralTrigger(s) << " verb " << verb
    << " " << (verb == std::string::npos ? 0 : len) << "\n";
  for (bool space : {false, true}) {
    analyze::LabelHit l = lex.MatchLabel(s, space);
    o << "label " << static_cast<int>(l.field) << " " << l.label_end << " " << l.value_start
      << "\n";
  }
  size_t value = 0;
  std::string report_label = lex.MatchReportLabel(s, &value);
  o << "report label " << report_label << " " << (report_label.empty() ? 0 : value) << "\n";
  o << "type " << lex.DocumentType(s) << " report " << lex.HasReportWord(s) << " letter "
    << lex.HasLetterWord(s) << " caption " << lex.IsCaption(s) << " body " << lex.IsBodyName(s)
    << " leadin " << lex.LeadinLength(s) << "\n";
  // The header's council and municipality lines: the patterns run only
  // past the code engine's gates.
  re2::StringPiece town, word;
  if (lex.FindCouncil(s, &town, &word))
    o << "council " << (town.data() - s.data()) << " " << town.size() << " "
      << (word.data() - s.data()) << " " << word.size() << "\n";
  std::string_view t = analyze::Trim(s);
  if (lex.IsCouncilAlone(t, &town))
    o << "council alone " << (town.data() ? town.data() - t.data() : -1) << " " << town.size()
      << "\n";
  o << "municipality "
    << (lex.MayHaveMunicipalityPhrase(t) && RE2::FullMatch(t, lex.municipality_phrase()))
    << (lex.MayHaveMunicipalityPhrase(s) && RE2::PartialMatch(s, lex.municipality_phrase()))
    << "\n";
  return o.str();
}

// Built once for the tests of this file.
const Inputs& AllInputs() {
  static const Inputs* in = [] {
    auto* in = new Inputs;
    AddDocuments(in);
    AddRules(in);
    return in;
  }();
  return *in;
}

TEST(AnalyzeLexiconEngines, CodeMatchesRe2OnCorpusAndRules) {
  const Inputs& in = AllInputs();
  ASSERT_GT(in.all().size(), 20000u);

  const CodeLexicon code(Lexicon::For(Rules()));
  const testing::Re2Lexicon re2(Rules(), Lexicon::For(Rules()));
  int differ = 0;
  // How often each kind of answer was positive, so the comparison is known
  // to have covered matches and not only misses.
  int headings = 0, inline_headings = 0, labels = 0, decisions = 0, types = 0, votes = 0,
      bodies = 0, absences = 0, councils = 0, councils_alone = 0, municipalities = 0;
  for (const std::string& s : in.all()) {
    std::string want = Describe(re2, s);
    std::string got = Describe(code, s);
    if (got != want && ++differ <= 20)
      ADD_FAILURE() << "input: \"" << s << "\"\nRE2:\n" << want << "code:\n" << got;
    analyze::HeadingHit h = re2.MatchHeading(s);
    headings += h.role != Role::kNone;
    inline_headings += h.role != Role::kNone && h.text_start < s.size();
    labels += re2.MatchLabel(s, true).field != analyze::Field::kNone;
    decisions += re2.ClassifyDecision(s).category != "other";
    types += !re2.DocumentType(s).empty();
    votes += re2.HasVote(s);
    bodies += re2.IsBodyName(s);
    size_t a = 0, b = 0;
    absences += re2.MatchAbsence(s, &a, &b);
    re2::StringPiece town, word;
    councils += re2.FindCouncil(s, &town, &word);
    councils_alone += re2.IsCouncilAlone(analyze::Trim(s), &town);
    municipalities += RE2::PartialMatch(s, re2.municipality_phrase());
  }
  EXPECT_EQ(differ, 0);
  std::printf(
      "%zu inputs; RE2 positives: %d headings (%d inline), %d labels, %d decisions, %d types, "
      "%d votes, %d body names, %d absence notes, %d councils, %d councils alone, %d "
      "municipality phrases\n",
      in.all().size(), headings, inline_headings, labels, decisions, types, votes, bodies,
      absences, councils, councils_alone, municipalities);
  EXPECT_GT(headings, 1000);
  EXPECT_GT(inline_headings, 300);
  EXPECT_GT(labels, 1000);
  EXPECT_GT(decisions, 1000);
  EXPECT_GT(types, 100);
  EXPECT_GT(votes, 100);
  EXPECT_GT(bodies, 200);
  EXPECT_GT(absences, 500);
  EXPECT_GT(councils, 50);
  EXPECT_GT(councils_alone, 20);
  EXPECT_GT(municipalities, 100);
}

// ExtractHeader reads "Økonomiudvalgets møde" with a (?i) pattern only on a
// line whose last five bytes are "møde" in some case (analyze/header.cc,
// EndsInMoede): that holds when RE2 folds m, ø, d and e with M, Ø, D and E
// and no other code point.
TEST(AnalyzeLexiconEngines, MoedeLettersFoldOnlyWithTheirCapitals) {
  for (const char* letter : {"m", "\u00F8", "d", "e"}) {
    const RE2 re(std::string("(?i)") + letter);
    std::string want = letter;
    std::string upper = want == "\u00F8" ? "\u00D8" : AsciiUpper(want);
    for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      char buf[4];
      int32_t n = 0;
      U8_APPEND_UNSAFE(buf, n, c);
      std::string_view cp(buf, static_cast<size_t>(n));
      EXPECT_EQ(RE2::FullMatch(cp, re), cp == want || cp == upper) << letter << " U+" << std::hex << c;
    }
  }
}

// HeadingMatcher::MatchHeading tries the heading roles in one pass over a
// PhraseList made of all roles' lists. Its first hit must be the first hit
// of a loop over the roles' own lists: same list (tag), same phrase end,
// for each kind of phrase Each() is asked for and for callbacks that take
// the first phrase, only whole-text ones, or only open ones.
TEST(AnalyzeLexiconEngines, CombinedListMatchesLoopOverLists) {
  std::vector<std::string> names;  // the roles in the table's order
  std::vector<std::vector<std::string>> lists;
  for (const auto& row : Rules().Table("section_headings")) {
    if (row.size() < 2) continue;
    size_t k = std::find(names.begin(), names.end(), row[0]) - names.begin();
    if (k == names.size()) {
      names.push_back(row[0]);
      lists.emplace_back();
    }
    lists[k].push_back(row[1]);
  }
  ASSERT_GT(lists.size(), 5u);
  std::vector<analyze::PhraseList> one;
  for (const auto& l : lists) one.emplace_back(l, true);
  const analyze::PhraseList combined(lists, true);
  ASSERT_TRUE(combined.supported());

  using Only = analyze::PhraseList::Only;
  int differ = 0, hits = 0, later_lists = 0, tagged_hits = 0;
  for (const std::string& s : AllInputs().all()) {
    // At the start and after each space (Each() is also used mid-text).
    for (size_t pos = 0; pos < s.size(); pos = s.find(' ', pos + 1)) {
      if (pos > 0) ++pos;
      for (Only only : {Only::kAll, Only::kPlain, Only::kEllipsis}) {
        for (int want = 0; want < 3; ++want) {
          auto accept = [&](size_t end, bool open) {
            return want == 0 || (want == 1 && end == s.size()) || (want == 2 && open);
          };
          long loop_tag = -1, got_tag = -1;
          size_t loop_end = 0, got_end = 0;
          for (size_t k = 0; k < one.size() && loop_tag < 0; ++k)
            one[k].Each(
                s, pos,
                [&](size_t end, bool open) {
                  if (!accept(end, open)) return false;
                  loop_tag = static_cast<long>(k);
                  loop_end = end;
                  return true;
                },
                only);
          combined.EachTagged(
              s, pos,
              [&](size_t end, bool open, uint32_t k) {
                if (!accept(end, open)) return false;
                got_tag = k;
                got_end = end;
                return true;
              },
              only);
          hits += loop_tag >= 0;
          later_lists += loop_tag > 0;
          if ((got_tag != loop_tag || got_end != loop_end) && ++differ <= 20)
            ADD_FAILURE() << "input: \"" << s << "\" at " << pos << " only "
                          << static_cast<int>(only) << " want " << want << ": loop " << loop_tag
                          << " " << loop_end << ", combined " << got_tag << " " << got_end;
          // One list's phrases of the combined list (IsRoleLine), at the
          // start of the text only, where the matcher asks.
          if (pos > 0) continue;
          for (size_t k = 0; k < one.size(); ++k) {
            long want_end = -1, got = -1;
            one[k].Each(
                s, 0,
                [&](size_t end, bool open) {
                  if (!accept(end, open)) return false;
                  want_end = static_cast<long>(end);
                  return true;
                },
                only);
            combined.EachTagged(
                s, 0,
                [&](size_t end, bool open, uint32_t tag) {
                  if (!accept(end, open)) return false;
                  got = tag == k ? static_cast<long>(end) : -2;
                  return true;
                },
                only, static_cast<uint32_t>(k));
            tagged_hits += want_end >= 0;
            if (got != want_end && ++differ <= 20)
              ADD_FAILURE() << "input: \"" << s << "\" list " << k << " only "
                            << static_cast<int>(only) << " want " << want << ": own list "
                            << want_end << ", combined " << got;
          }
        }
      }
      if (pos >= 200) break;
    }
  }
  EXPECT_EQ(differ, 0);
  std::printf("combined heading list: %d hits, %d in a later list, %d by one list's tag\n", hits,
              later_lists, tagged_hits);
  EXPECT_GT(hits, 10000);
  EXPECT_GT(later_lists, 5000);
  EXPECT_GT(tagged_hits, 5000);
}

// The matchers read every phrase of the rules in code; a phrase they could
// not read (a "…" that is not its last word, invalid UTF-8) would match
// nothing, so none may be in the rules.
TEST(AnalyzeLexiconEngines, EveryRulePhraseReadsInCode) {
  int phrases = 0;
  for (const char* name : {"section_headings", "attendance_labels", "document_types",
                           "report_labels", "absence_phrases", "vote_phrases", "dissent_phrases",
                           "referral_phrases", "recommendation_phrases", "roles", "item_markers",
                           "report_captions", "bodies"})
    for (const auto& row : Rules().Table(name))
      for (size_t k = 0; k < row.size(); ++k)
        if (k > 0 || row.size() == 1) {
          ++phrases;
          EXPECT_TRUE(analyze::PhraseList({row[k]}, true).supported()) << name << ": " << row[k];
        }
  for (const auto& row : Rules().Table("decision_phrases")) {
    if (row.size() < 2 || row[0] == "anywhere") continue;
    ++phrases;
    analyze::WildcardPhrase p;
    EXPECT_TRUE(p.Parse(row[1])) << "decision_phrases: " << row[1];
  }
  EXPECT_GT(phrases, 500);
}

// ItemMatcher::MatchTocLine reads a contents line in code; the reference is
// the pattern it replaces, with RE2's choice of groups (the shortest title
// that leaves a page). Compared on every corpus input and on lines shaped
// like contents entries, where the pattern's title has a non-space.
TEST(AnalyzeLexiconEngines, TocLineMatchesItsPattern) {
  const RE2 re(
      "^(\\d{1,4}(?:\\.\\d{1,3})*)\\.?[ \\t]+(.+?)(?:[ \\t]*(?:\\.{2,}|\u2026+)[ \\t]*(\\d{1,4})|[ "
      "\\t]+(\\d{1,3}))?$");
  ASSERT_TRUE(re.ok());
  std::vector<std::string> lines(AllInputs().all().begin(), AllInputs().all().end());
  for (const char* num : {"5", "5.", "10.1", "10.1.", "2013", "12345", "1.2345", "1.23.4"})
    for (const char* title : {"Budget", "Budget 2024", "Budget 2024.", "Ja", "A...", "A \u2026 B"})
      for (const char* tail : {"", " 14", "\t14", " 1234", "..... 14", "..14", ".14", " \u2026 3",
                               "\u2026\u20267", " .. \u2026 5", "   ", " 14 15"})
        for (const char* gap : {" ", "\t", "  "})
          lines.push_back(std::string(num) + gap + title + tail);
  const analyze::ItemMatcher& items = Lexicon::For(Rules()).items();
  int differ = 0, matches = 0, pages = 0;
  for (const std::string& s : lines) {
    re2::StringPiece num, title, page1, page2;
    bool want = RE2::FullMatch(s, re, &num, &title, &page1, &page2) &&
                std::string_view(title.data(), title.size()).find_first_not_of(" \t") !=
                    std::string_view::npos;
    analyze::ItemMatcher::TocLine got;
    bool have = items.MatchTocLine(s, &got);
    auto same = [&](re2::StringPiece a, std::string_view b) {
      return a.empty() ? b.empty() : (b.data() == a.data() && b.size() == a.size());
    };
    bool ok = want == have && (!want || (same(num, got.number) && same(title, got.title) &&
                                         same(page1, got.dotted_page) && same(page2, got.page)));
    matches += want;
    pages += want && !(page1.empty() && page2.empty());
    if (!ok && ++differ <= 20)
      ADD_FAILURE() << "input: \"" << s << "\" pattern " << want << " [" << num << "|" << title << "|"
                    << page1 << "|" << page2 << "] code " << have << " [" << got.number << "|"
                    << got.title << "|" << got.dotted_page << "|" << got.page << "]";
  }
  EXPECT_EQ(differ, 0);
  std::printf("contents lines: %d matches, %d with a page\n", matches, pages);
  EXPECT_GT(matches, 2000);
  EXPECT_GT(pages, 500);
}

}  // namespace
}  // namespace referat
