// The body of a DOCX document (word/document.xml) read as a stream of
// WordprocessingML events into blocks: BodyReader and the state it keeps.
// What becomes what is described at the top of docx_reader.cc. Internal to
// the DOCX reader.
//
// Files of BodyReader, by concern:
//   docx_body.cc        the event loop: elements, runs and their properties,
//                       fields, alternate content, text boxes; pages
//   docx_paragraphs.cc  a paragraph's lines and pieces, and its list number
//   docx_tables.cc      tables: cells, spans and merges, unwrapping
#ifndef REFERAT_READ_DOCX_BODY_H_
#define REFERAT_READ_DOCX_BODY_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "read/docx_styles.h"
#include "read/docx_xml.h"
#include "referat/document.h"
#include "referat/options.h"
#include "referat/status.h"

namespace referat::docx {

enum class FieldKind { kOther, kToc, kPageRef, kPageNumber };

struct Field {
  std::string instr;
  bool separated = false;
  FieldKind kind = FieldKind::kOther;
  bool cell_broken = false;
};

struct LineStat {
  int breaks = 0;  // explicit page breaks seen before the line started
  size_t chars = 0, bold = 0, italic = 0;
  std::vector<std::pair<float, size_t>> sizes;
};

struct RunState {
  RunProps direct;
  std::string rstyle;
  bool in_run = false, in_rpr = false, in_t = false, in_instr = false;
};

struct Para {
  std::string text;  // '\n' ends a line, '\t' separates pieces
  std::vector<LineStat> lines;
  std::string style;
  std::string num_id;
  bool has_num = false;
  int ilvl = -1;
  int outline = -1;
  std::optional<bool> page_break_before;
  bool toc_field = false;
  bool ends_section = false;
  const ResolvedStyle* resolved = nullptr;
  RunState outer;  // the enclosing paragraph's run state (text boxes)
};

// A finished block, held while its table is still open.
struct Piece {
  Block proto;
  std::string text;
  std::vector<std::string> cells;
  bool row = false;
  int breaks = 0;
  int sections = 0;
};

struct CellB {
  std::vector<Piece> pieces;
  bool nested = false;
  int span = 1;
  bool merged_continue = false;
};
struct RowB {
  std::vector<CellB> cells;
  int grid_before = 0;
};
struct TableB {
  std::vector<RowB> rows;
};

class BodyReader {
 public:
  BodyReader(XmlReader& x, const Styles& styles, Numbering& numbering, DocumentBuilder& builder,
             const ExtractOptions& options)
      : x_(x), styles_(styles), numbering_(numbering), builder_(builder), options_(options) {}

  Status Run();
  // After Run(): assigns Block.page / Document::pages from the breaks seen.
  void AssignPages(Document* doc) const;
  int altchunks() const { return altchunks_; }

 private:
  void OnStart();
  void OnEnd();
  void OnText(std::string_view t);
  void StartParagraph();
  void FinishParagraph();
  void FinishTable();
  void AppendText(std::string_view s);
  void AppendRaw(char c);
  void NewLine();
  bool TextVisible();
  bool InTocField() const;
  // The paragraph's list number from numbering.xml (docx_styles.h), and
  // whether it is listed at all.
  ListMarker ListNumber(const Para& p, const ResolvedStyle& ps, bool* listed);
  const ResolvedStyle& ParaStyle(Para& p) {
    if (!p.resolved) p.resolved = &styles_.Paragraph(p.style);
    return *p.resolved;
  }
  void Emit(Piece piece);
  void EmitTop(Piece& piece);
  std::vector<Piece> Flatten(TableB& t);

  XmlReader& x_;
  const Styles& styles_;
  Numbering& numbering_;
  DocumentBuilder& builder_;
  const ExtractOptions& options_;
  Status status_;

  std::vector<Para> paras_;
  RunState run_;
  bool in_ppr_ = false, in_numpr_ = false, in_sectpr_ = false, in_tcpr_ = false, in_trpr_ = false;
  // Open fields, innermost last. Real documents nest a few; the cap keeps
  // the per-text checks O(1) on a hostile file (deeper ones are counted in
  // field_overflow_ and treated as plain results).
  static constexpr size_t kMaxFields = 32;
  std::vector<Field> fields_;
  int field_overflow_ = 0;
  std::vector<bool> alt_;  // per open mc:AlternateContent: a branch was taken
  std::vector<TableB> tables_;

  int breaks_ = 0;    // explicit page breaks so far
  int sections_ = 0;  // sections ended so far
  std::vector<std::string> sect_types_;  // w:type of each w:sectPr, in order
  std::vector<std::pair<int, int>> marks_;  // (breaks, sections) per emitted block
  int altchunks_ = 0;
};

// Spaces and tabs trimmed at both ends.
std::string_view Trim(std::string_view s);
// One or more ASCII digits and nothing else.
bool IsDigits(std::string_view s);

}  // namespace referat::docx

#endif  // REFERAT_READ_DOCX_BODY_H_
