// Agenda item numbers and case numbers: rules/item_markers.txt,
// rules/public_markers.txt and function_words.txt's `number` references.
#ifndef REFERAT_ANALYZE_LEXICON_ITEMS_H_
#define REFERAT_ANALYZE_LEXICON_ITEMS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/lexicon/detail.h"
#include "lang/dates.h"
#include "analyze/lexicon/words.h"
#include "analyze/phrases.h"

namespace referat::analyze {

class ItemMatcher {
 public:
  ItemMatcher(const Rulebook& rules, const Words& words);

  // "Punkt 5.", "Pkt. 3 - Eventuelt", "Nr.160 - Langstrup Mose" (a dashed
  // marker needs its title): number and where the title starts.
  bool MatchItemMarker(std::string_view block, std::string* number, size_t* title_start) const;
  // "5. Title", "10.1 Title" (dot required unless `loose`), "2Title" (a
  // web page's number and title read without a space: a title of up to 15
  // words, capitalised, not ending as a sentence): number, title start.
  bool MatchNumberedLine(std::string_view block, bool loose, std::string* number,
                         size_t* title_start) const;
  // Public marker in a title: true open, false closed, nullopt none. A
  // prefix marker ("Lukket: ", "Lukket punkt - ") is no part of the title:
  // `prefix_len`, when given, receives its length with the spaces after it
  // (0 for other markers).
  // A suffix marker ("… (Lukket)", "… - lukket") likewise: `suffix_len`
  // receives its length with the spaces before it.
  std::optional<bool> TitlePublic(std::string_view title, size_t* prefix_len = nullptr,
                                  size_t* suffix_len = nullptr) const;
  // A case sheet's field at the line's start: "Sagsbehandler: …",
  // "Mødedato:" (a label of at most four words and a colon).
  const RE2& meta_label() const { return *meta_label_; }
  // "1 Åben " before an attachment's title.
  const RE2& attachment_lead() const { return *attachment_lead_; }
  // A list number before an attachment's title ("1. Høringsmateriale.pdf").
  const RE2& list_number() const { return *list_number_; }
  // A document number ending an attachment's line (" 222359/12"; group 1),
  // and one as a table cell of its own.
  const RE2& doc_number_end() const { return *doc_number_end_; }
  const RE2& doc_number_cell() const { return *doc_number_cell_; }
  // The end of a file name and the space after it ("a.docx b.pdf"): where
  // two attachments on one line part.
  const RE2& file_end() const { return *file_end_; }
  // A table of contents' line, the whole of `line`: "5[.] Title[ ....] 14".
  // The number (digits, maybe ".digits" parts, maybe a final '.'), spaces,
  // the title (the rest of the line, up to a page number if there is one),
  // and the page: after dots or "…" ("..... 14", "… 3"; up to four digits)
  // or after spaces (" 14"; up to three). The title is the shortest that
  // leaves such a page; it has a non-space. Empty views where absent.
  struct TocLine {
    std::string_view number, title, dotted_page, page;
  };
  bool MatchTocLine(std::string_view line, TocLine* out) const;

  // The first case number in `s` (at a word start), or npos.
  size_t FindCaseNumber(std::string_view s, size_t* len) const;
  // True when the whole of `s` (trimmed) is one case number.
  bool IsCaseNumber(std::string_view s) const;

 private:
  // The item markers, which the marker pattern needs at the block's start:
  // a block without one is not run through it.
  PhraseList marker_words_;
  LazyRE2 item_marker_;
  // rules/item_markers_dashed.txt: markers that need " - Title" after the number.
  PhraseList dashed_words_;
  LazyRE2 dashed_marker_;
  LazyRE2 numbered_line_, glued_line_, meta_label_;
  lang::MonthNames months_;  // a glued "5.Maj" is a date, not item 5
  LazyRE2 attachment_lead_;
  LazyRE2 list_number_, doc_number_end_, doc_number_cell_, file_end_;
  LazyRE2 case_number_;
  LazyRE2 case_number_whole_;

  struct PublicRule {
    bool open;
    int where;  // 0 prefix, 1 suffix, 2 anywhere
    std::string folded;
  };
  std::vector<PublicRule> public_rules_;
};

}  // namespace referat::analyze

#endif  // REFERAT_ANALYZE_LEXICON_ITEMS_H_
