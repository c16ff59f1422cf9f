// styles.xml and numbering.xml of a DOCX package: what a paragraph's style
// means for the Document (heading level, list numbering, whole-paragraph
// bold), and the list counters that turn numbering definitions into the
// printed markers ("1.", "a)", "At 1)").
#ifndef REFERAT_READ_DOCX_STYLES_H_
#define REFERAT_READ_DOCX_STYLES_H_

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "referat/options.h"
#include "referat/status.h"

namespace referat::docx {

// Run formatting that styles can set; unset fields inherit.
struct RunProps {
  std::optional<bool> bold;
  std::optional<bool> italic;
  std::optional<bool> hidden;  // w:vanish
  float size = 0;              // points; 0 = unset
};

// A style after following its basedOn chain.
struct ResolvedStyle {
  int heading_level = 0;  // 1..6, from outline level or a "heading N" / "Overskrift N" name
  bool toc = false;       // a table-of-contents entry style ("toc 1", "Indholdsfortegnelse 1")
  std::string num_id;     // list numbering set by the style ("" = none)
  int ilvl = -1;          // its level (-1: not set)
  bool page_break_before = false;
  RunProps run;           // run formatting the style gives its text
};

class Styles {
 public:
  // Parses styles.xml. An empty string gives the defaults (no styles part:
  // style ids are then read as names, so "Overskrift1" still is a heading).
  Status Parse(std::string_view xml, const ExtractOptions& options);

  // Paragraph style (id as in w:pStyle; "" = the default paragraph style).
  const ResolvedStyle& Paragraph(const std::string& id) const;
  // Character style (w:rStyle).
  const ResolvedStyle& Character(const std::string& id) const;
  const RunProps& defaults() const { return defaults_; }

 private:
  struct Def {
    std::string name;
    std::string based_on;
    std::string type;  // paragraph, character, table, numbering
    bool is_default = false;
    int outline = -1;  // 0-based outline level, 9 = body text
    std::string num_id;
    int ilvl = -1;
    std::optional<bool> page_break_before;
    RunProps run;
  };
  const ResolvedStyle& Resolve(const std::string& id) const;

  std::unordered_map<std::string, Def> defs_;
  std::string default_paragraph_;
  RunProps defaults_;
  mutable std::unordered_map<std::string, ResolvedStyle> cache_;
};

// A resolved list marker.
struct ListMarker {
  bool bullet = false;
  std::string text;  // "1.", "a)", "At 1)"; "" for bullets and for numFmt none
  int level = 0;
};

class Numbering {
 public:
  Status Parse(std::string_view xml, const ExtractOptions& options);
  bool empty() const { return nums_.empty(); }
  bool Has(const std::string& num_id) const { return nums_.count(num_id) > 0; }

  // The marker of the next paragraph numbered (num_id, ilvl), advancing the
  // counters. Counters belong to the abstract numbering definition, as in
  // Word: two w:num sharing one w:abstractNum continue each other's count
  // unless a w:num has a w:startOverride, which restarts the count the first
  // time that w:num is used. Using a level resets the levels below it
  // (unless their w:lvlRestart says otherwise).
  // REQUIRES: Has(num_id).
  ListMarker Next(const std::string& num_id, int ilvl, const Styles& styles);

 private:
  struct Level {
    int start = 0;  // ECMA-376: w:start defaults to 0
    std::string fmt = "decimal";
    std::string text;
    bool has_text = false;
    int restart = -1;  // w:lvlRestart; -1 = default (restart after any higher level)
    bool legal = false;
  };
  struct Abstract {
    std::array<Level, 9> levels;
    std::string num_style_link;
    // Counter state.
    std::array<int, 9> counter{};
    std::array<bool, 9> started{};
  };
  struct Num {
    std::string abstract_id;
    std::map<int, int> start_override;
    std::map<int, Level> level_override;
    bool used = false;
  };
  Abstract* AbstractFor(Num& num, const Styles& styles, int hops = 0);

  std::unordered_map<std::string, Abstract> abstracts_;
  std::unordered_map<std::string, Num> nums_;
};

// Formats a counter in an OOXML number format (decimal, lowerLetter, ...).
std::string FormatNumber(int n, std::string_view fmt);

}  // namespace referat::docx

#endif  // REFERAT_READ_DOCX_STYLES_H_
